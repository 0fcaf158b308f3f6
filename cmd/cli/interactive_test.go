package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"

	"wfcli/cmd/cli/console"
	"wfcli/server/defaultconfig"
)

// terminal is the user's side of a pseudo-terminal the CLI runs on.
type terminal struct {
	t    *testing.T
	ptmx *os.File
	mu   sync.Mutex
	out  bytes.Buffer // everything the CLI wrote
	seen int          // how much of out expect has consumed
}

// startCLI runs the CLI with args (no command) on a new pseudo-terminal, with a
// home directory of its own holding the default configuration. It returns
// the terminal and a channel that yields the exit code.
func startCLI(t *testing.T, args ...string) (*terminal, string, <-chan int) {
	home := t.TempDir()
	if _, err := defaultconfig.Materialize(home); err != nil {
		t.Fatal(err)
	}
	t.Setenv("HOME", home)
	t.Setenv("JBOSS_HOME", home)
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal on this machine: %v", err)
	}
	term := &terminal{t: t, ptmx: ptmx}
	go term.read()
	code := make(chan int, 1)
	go func() {
		code <- run(args, tty, tty, tty)
		tty.Close()
	}()
	t.Cleanup(func() { ptmx.Close() })
	return term, home, code
}

func (tm *terminal) read() {
	buf := make([]byte, 4096)
	for {
		n, err := tm.ptmx.Read(buf)
		tm.mu.Lock()
		tm.out.Write(buf[:n])
		tm.mu.Unlock()
		if err != nil {
			return
		}
	}
}

// typeText sends keys as the user types them.
func (tm *terminal) typeText(keys string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.ptmx, keys); err != nil {
		tm.t.Fatal(err)
	}
}

// expect waits until the CLI has written want since the last expect.
func (tm *terminal) expect(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		tm.mu.Lock()
		rest := tm.out.String()[tm.seen:]
		i := strings.Index(rest, want)
		if i >= 0 {
			tm.seen += i + len(want)
		}
		tm.mu.Unlock()
		if i >= 0 {
			return
		}
		time.Sleep(5 * time.Millisecond)
	}
	tm.mu.Lock()
	defer tm.mu.Unlock()
	tm.t.Fatalf("the terminal never showed %q; it shows:\n%s", want, tm.out.String()[tm.seen:])
}

// waitExit returns the CLI's exit code, failing the test when it does not
// end within 10 seconds.
func waitExit(t *testing.T, code <-chan int) int {
	t.Helper()
	select {
	case c := <-code:
		return c
	case <-time.After(10 * time.Second):
		t.Fatal("the CLI did not end")
	}
	return 0
}

func TestInteractiveShellOnATerminal(t *testing.T) {
	tm, home, code := startCLI(t)
	tm.expect("[disconnected /] ")
	tm.typeText("embed-server --server-config=standalone-ha.xml\r")
	tm.expect("[standalone@embedded /] ")

	tm.typeText("/subsystem=in\t")
	tm.expect("/subsystem=infinispan")
	tm.typeText("\x03") // Ctrl-C cancels the line
	tm.expect("^C")
	tm.expect("[standalone@embedded /] ")

	tm.typeText("/subsystem=infinispan/cache-container=keycloak/\t")
	tm.expect("distributed-cache=")
	tm.expect("replicated-cache=")
	// The first Ctrl-C closes the list of candidates, the second cancels.
	tm.typeText("\x03\x03")
	tm.expect("^C")
	tm.expect("[standalone@embedded /] ")

	tm.typeText("set answer=42\r")
	tm.typeText("set another=1\r")
	tm.typeText("echo $\t") // the first Tab completes what they share
	tm.expect("echo $an")
	tm.typeText("\t") // the second lists them
	tm.expect("$another")
	tm.expect("$answer")
	tm.typeText("\x03\x03")
	tm.expect("^C")

	tm.typeText("/subsystem=undertow:write-attribute(name=\t")
	tm.expect("default-virtual-host")
	tm.expect("statistics-enabled")
	tm.typeText("\x03\x03")
	tm.expect("^C")

	// On a terminal ls lays its items out in columns (80 wide when the
	// terminal does not say).
	tm.typeText("ls /subsystem=jgroups\r")
	tm.expect("channel                  stack                    default-channel=ee\r\n" +
		"default-stack=undefined")

	tm.typeText("cd subsystem=logging\r")
	tm.expect("[standalone@embedded subsystem=logging] ")
	tm.typeText("batch\r")
	tm.expect("[standalone@embedded subsystem=logging #] ")
	tm.typeText("discard-batch\r")
	tm.typeText(":read-attribute(\\\r")
	tm.expect("> ")
	tm.typeText("name=add-logging-api-dependencies)\r")
	tm.expect(`"result" => true`)

	tm.typeText("data-source add --name=T --jndi-name=java:/T --driver-name=h2 " +
		"--connection-url=jdbc:h2:mem:t --password=s3cret\r")
	tm.typeText("/subsystem=datasources/data-source=T:write-attribute(name=password," +
		"value=t0psecret)\r")
	tm.typeText("history\r")
	tm.expect("--password=********")
	tm.typeText("quit\r")
	if c := waitExit(t, code); c != 0 {
		t.Errorf("exit code %d, want 0", c)
	}
	checkHistoryFile(t, filepath.Join(home, console.HistoryFileName))
}

// checkHistoryFile checks the history's mode and that no secret is in it.
func checkHistoryFile(t *testing.T, path string) {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("history mode %v, want 0600", st.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	for _, secret := range []string{"s3cret", "t0psecret"} {
		if strings.Contains(string(data), secret) {
			t.Errorf("the history holds %q in clear:\n%s", secret, data)
		}
	}
	want := "/subsystem=datasources/data-source=T:write-attribute(name=password," +
		"value=********)"
	if !strings.Contains(string(data), want) {
		t.Errorf("the history lacks %q:\n%s", want, data)
	}
}

func TestInteractiveShellQuitsOnCtrlD(t *testing.T) {
	tm, home, code := startCLI(t)
	tm.expect("[disconnected /] ")
	tm.typeText("set password=x\r")
	tm.typeText("if (outcome == success) of :read-resource\r")
	tm.expect("[disconnected / ...] ")
	tm.typeText("end-if\r")
	tm.expect("\x1b[31mThe connection to the controller has not been established.\x1b[0m")
	tm.expect("[disconnected /] ")
	tm.typeText("echo recalled\r")
	tm.expect("recalled\r\n")
	tm.typeText("\x1b[A\r") // the up arrow brings the last line back
	tm.expect("recalled\r\n")
	tm.typeText("\x04") // Ctrl-D
	if c := waitExit(t, code); c != 0 {
		t.Errorf("exit code %d, want 0", c)
	}
	data, err := os.ReadFile(filepath.Join(home, console.HistoryFileName))
	if err != nil {
		t.Fatal(err)
	}
	want := "set password=********\nif (outcome == success) of :read-resource\nend-if\n" +
		"echo recalled\necho recalled\n"
	if string(data) != want {
		t.Errorf("history %q, want %q", data, want)
	}
}

func TestInteractiveShellWithoutColours(t *testing.T) {
	tm, _, code := startCLI(t, "--no-color-output")
	tm.expect("[disconnected /] ")
	tm.typeText("nope\r")
	tm.expect("\r\nUnexpected command 'nope'.")
	tm.typeText("quit\r")
	if c := waitExit(t, code); c != 0 {
		t.Errorf("exit code %d, want 0", c)
	}
	tm.mu.Lock()
	defer tm.mu.Unlock()
	if strings.Contains(tm.out.String(), "\x1b[31m") {
		t.Errorf("colours with --no-color-output:\n%q", tm.out.String())
	}
}
