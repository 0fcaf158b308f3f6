package shell

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFindRC(t *testing.T) {
	cwd, home := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(home, "bin"), 0o755)
	homeRC := filepath.Join(home, "bin", ".jbossclirc")
	os.WriteFile(homeRC, []byte("set a=1\n"), 0o644)
	named := filepath.Join(t.TempDir(), "my.rc")
	os.WriteFile(named, []byte("set b=2\n"), 0o644)
	withHome := func(k string) (string, bool) { return home, k == "JBOSS_HOME" }
	noEnv := func(string) (string, bool) { return "", false }

	tests := []struct {
		name    string
		props   map[string]string
		local   bool
		getenv  func(string) (string, bool)
		want    string
		wantErr bool
	}{
		{"the jboss.cli.rc property wins", map[string]string{"jboss.cli.rc": named}, true,
			withHome, named, false},
		{"a missing jboss.cli.rc file is an error",
			map[string]string{"jboss.cli.rc": named + ".none"}, true, withHome, "", true},
		{"the working directory comes second", nil, true, withHome,
			filepath.Join(cwd, ".jbossclirc"), false},
		{"JBOSS_HOME/bin comes last", nil, false, withHome, homeRC, false},
		{"no file at all is no error", nil, false, noEnv, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			local := filepath.Join(cwd, ".jbossclirc")
			os.Remove(local)
			if tc.local {
				os.WriteFile(local, []byte("set c=3\n"), 0o644)
			}
			got, err := FindRC(tc.props, cwd, tc.getenv)
			if (err != nil) != tc.wantErr {
				t.Fatalf("error = %v, want error %v", err, tc.wantErr)
			}
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
