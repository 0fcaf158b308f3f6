package main

import (
	"bytes"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/server"
	"wfcli/server/endpoint"
)

// remoteNode serves a small configuration's management endpoint on a
// loopback port with user admin (password secret-1) and returns host:port
// and the configuration file.
func remoteNode(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone.xml")
	if err := os.WriteFile(file, []byte(server.EmptyConfiguration), 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := server.Embed(server.Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop() })
	users := filepath.Join(dir, "mgmt-users.properties")
	if err := endpoint.AddUser(users, "admin", "secret-1"); err != nil {
		t.Fatal(err)
	}
	auth, err := endpoint.NewAuth(endpoint.AuthOptions{Users: endpoint.NewUsers(users),
		TokenDir: filepath.Join(dir, "tmp", "auth")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := endpoint.New(endpoint.Options{Executor: srv, Auth: auth})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	return strings.TrimPrefix(hs.URL, "http://"), file
}

func TestRemoteCommandLine(t *testing.T) {
	addr, file := remoteNode(t)
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStdout string
	}{
		{"--connect with --controller and local authentication",
			[]string{"--connect", "--controller=" + addr,
				"--command=/system-property=a:add(value=1)"},
			"", 0, "{\"outcome\" => \"success\"}\n"},
		{"-c with the bare controller= form and a password",
			[]string{"-c", "controller=remote+http://" + addr, "--user=admin",
				"--password=secret-1", "--command=/system-property=a:read-attribute(name=value)"},
			"", 0, "{\n    \"outcome\" => \"success\",\n    \"result\" => \"1\"\n}\n"},
		{"a wrong password fails the connection",
			[]string{"-c", "--controller=" + addr, "--user=admin", "--password=nope",
				"--command=:whoami"},
			"", 1, "Failed to connect to the controller: Unable to authenticate against " +
				"controller at " + addr + ": Authentication failed: the server presented " +
				"no authentication mechanism that accepted the credentials\n"},
		{"--error-on-interact refuses the password prompt",
			[]string{"-c", "--controller=" + addr, "--no-local-auth", "--error-on-interact",
				"--command=:whoami"},
			"", 1, "Failed to connect to the controller: Unable to authenticate against " +
				"controller at " + addr + ": user interaction is not allowed " +
				"(--error-on-interact): give --user and --password\n"},
		{"a prompt on a standard input at its end fails in one line",
			[]string{"-c", "--controller=" + addr, "--no-local-auth", "--command=:whoami"},
			"", 1, "Failed to connect to the controller: Unable to authenticate against " +
				"controller at " + addr + ": standard input is at its end, so the " +
				"credentials cannot be asked for: give --user and --password\n"},
		{"the prompt reads the user and password",
			[]string{"-c", "--controller=" + addr, "--no-local-auth",
				"--command=/system-property=a:read-attribute(name=value)"},
			"admin\nsecret-1\n", 0,
			"{\n    \"outcome\" => \"success\",\n    \"result\" => \"1\"\n}\n"},
		{"the connect command in a script, with the prompt echoed",
			[]string{"--echo-command", "--commands=connect " + addr + ",:read-attribute(" +
				"name=server-state)"},
			"", 0, "[disconnected /] connect " + addr + "\n" +
				"[standalone@" + addr + " /] :read-attribute(name=server-state)\n" +
				"{\n    \"outcome\" => \"success\",\n    \"result\" => \"running\"\n}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			got := []any{code, stdout.String()}
			if diff := cmp.Diff([]any{tt.wantCode, tt.wantStdout}, got); diff != "" {
				t.Errorf("exit code and stdout (-want +got):\n%s\nstderr:\n%s", diff,
					stderr.String())
			}
			if strings.Contains(stdout.String()+stderr.String(), "secret-1") {
				t.Error("the password appears in the output")
			}
		})
	}
	data, _ := os.ReadFile(file)
	if !strings.Contains(string(data), `<property name="a" value="1"/>`) {
		t.Errorf("the remote change is not in the file:\n%s", data)
	}
}

func TestConnectFailuresGoToStdoutOnly(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	var held []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c) // accepted, never answered
		}
	}()
	addr := ln.Addr().String()
	var stdout, stderr bytes.Buffer
	start := time.Now()
	code := run([]string{"--connect", "--controller=" + addr, "--timeout=300",
		"--command=:read-resource"}, strings.NewReader(""), &stdout, &stderr)
	got := []any{code, stdout.String(), stderr.String()}
	want := []any{1, "Failed to connect to the controller: The controller at " + addr +
		" accepted the connection but did not answer within 300 ms (--timeout)\n", ""}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("exit code, stdout, stderr (-want +got):\n%s", diff)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("the CLI took %v with --timeout=300", took)
	}
}
