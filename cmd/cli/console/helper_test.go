package console

import (
	"os"
	"path/filepath"
	"testing"

	"wfcli/cmd/cli/shell"
	"wfcli/ops"
	"wfcli/ops/dmr"
	"wfcli/server"
	"wfcli/server/defaultconfig"
)

// embedded adapts *server.Server to shell.Embedded for the tests.
type embedded struct{ srv *server.Server }

func (e embedded) Execute(op dmr.Value) (dmr.Value, error) { return e.srv.Execute(op), nil }
func (e embedded) Stop() error                             { return e.srv.Stop() }

func embed(o shell.EmbedOptions) (shell.Embedded, error) {
	srv, err := server.Embed(server.Options{ConfigFile: o.ConfigFile, AdminOnly: o.AdminOnly,
		Properties: o.Properties, Stdout: o.Stdout, EmptyConfig: o.EmptyConfig,
		RemoveExisting: o.RemoveExisting})
	if err != nil {
		return nil, err
	}
	return embedded{srv}, nil
}

// bootShell returns a shell running an embedded server on config (the
// project's default standalone-ha.xml when nil), after the setup lines.
func bootShell(tb testing.TB, config []byte, setup string) *shell.Shell {
	tb.Helper()
	home := tb.TempDir()
	path, err := defaultconfig.Materialize(home)
	if err != nil {
		tb.Fatal(err)
	}
	if config != nil {
		if err := os.WriteFile(path, config, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	getenv := func(k string) (string, bool) {
		if k == "JBOSS_HOME" {
			return home, true
		}
		return "", false
	}
	sh := shell.New(shell.Options{Embed: embed, Getenv: getenv, Dir: home})
	tb.Cleanup(func() { sh.Close() })
	script := "embed-server --server-config=" + filepath.Base(path) + "\n" + setup
	if !sh.Run(shell.SplitScript("setup", script)) {
		tb.Fatalf("setup failed: %q", script)
	}
	return sh
}

// disconnected is a session with no connection and no variables.
type disconnected struct{}

func (disconnected) Node() (ops.Address, string) { return nil, "" }
func (disconnected) Client() shell.Client        { return nil }
func (disconnected) VariableNames() []string     { return nil }
func (disconnected) Dir() string                 { return "/" }
