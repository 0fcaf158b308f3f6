package console

import (
	"bytes"
	"errors"
	"io"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/cmd/cli/shell"
)

func TestCtrlCCancelsAPendingConnect(t *testing.T) {
	entered := make(chan struct{})
	interrupted := make(chan struct{})
	var out bytes.Buffer
	sh := shell.New(shell.Options{Stdout: &out, Connect: func(string) (shell.Remote, error) {
		close(entered)
		select {
		case <-interrupted:
			return nil, errors.New("the request to x:1 was interrupted")
		case <-time.After(3 * time.Second):
			return nil, errors.New("not interrupted")
		}
	}})
	stdin, typed, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer stdin.Close()
	done := make(chan int)
	go func() {
		done <- Run(sh, Options{Stdin: stdin, Stdout: io.Discard, Stderr: io.Discard,
			Interrupt: func() { close(interrupted) }})
	}()
	typed.WriteString("connect x:1\n")
	select {
	case <-entered:
	case <-time.After(3 * time.Second):
		t.Fatal("connect was not run")
	}
	// The console catches SIGINT while the command runs: this does not stop
	// the test process.
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	typed.Close()
	select {
	case code := <-done:
		want := "Failed to connect to the controller: the request to x:1 was interrupted\n"
		if diff := cmp.Diff([]any{0, want}, []any{code, out.String()}); diff != "" {
			t.Errorf("exit code and output (-want +got):\n%s", diff)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the console did not return")
	}
}

func TestCtrlCDropsAPendingMultiLineInput(t *testing.T) {
	tests := []struct {
		name, typed, want string
	}{
		{"after an unclosed bracket", "echo-dmr :read-resource(\nrecursive=true,\n\x03" +
			"echo after\n", "after\n"},
		{"after an unclosed quote", "echo \"a\n\x03echo b\n", "b\n"},
		{"after a backslash", "echo a \\\n\x03echo c\n", "c\n"},
		{"quit after Ctrl-C ends the session", "ls (\n\x03quit\necho not run\n", ""},
		{"without Ctrl-C the lines join", "echo (a\nb)\n", "(a b)\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			sh := shell.New(shell.Options{Stdout: &out})
			stdin, typed, err := os.Pipe()
			if err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			done := make(chan int)
			go func() {
				done <- Run(sh, Options{Stdin: stdin, Stdout: io.Discard, Stderr: io.Discard})
			}()
			typed.WriteString(tc.typed)
			typed.Close()
			select {
			case code := <-done:
				if diff := cmp.Diff([]any{0, tc.want}, []any{code, out.String()}); diff != "" {
					t.Errorf("exit code and output (-want +got):\n%s", diff)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("the console did not return")
			}
		})
	}
}
