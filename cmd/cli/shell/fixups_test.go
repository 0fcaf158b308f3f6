package shell

import (
	"os"
	"path/filepath"
	"testing"
)

func TestConfigPath(t *testing.T) {
	dir := t.TempDir()
	inDir := filepath.Join(dir, "standalone.xml")
	if err := os.WriteFile(inDir, []byte("<server/>"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, file, want string }{
		{"a plain name is taken from the directory", "standalone-ha.xml",
			filepath.Join(dir, "standalone-ha.xml")},
		{"a relative path stays under the directory", "sub/x.xml",
			filepath.Join(dir, "sub", "x.xml")},
		{"an absolute path is used as it is", "/elsewhere/./orig.xml", "/elsewhere/orig.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := configPath(dir, tt.file); got != tt.want {
				t.Errorf("configPath(%q) = %q, want %q", tt.file, got, tt.want)
			}
		})
	}
}

func TestDeploymentHint(t *testing.T) {
	tests := []struct {
		name, op, resp string
		hint           bool
	}{
		{"a missing definition under deployment=",
			`{"operation" => "add", "address" => [("deployment" => "a.war")]}`,
			`{"outcome" => "failed", "failure-description" => "WFLYCTL0030: No resource"}`,
			true},
		{"another failure under deployment=",
			`{"operation" => "remove", "address" => [("deployment" => "a.war")]}`,
			`{"outcome" => "failed", "failure-description" => "WFLYCTL0216: not found"}`,
			false},
		{"a missing definition elsewhere",
			`{"operation" => "add", "address" => [("subsystem" => "nope")]}`,
			`{"outcome" => "failed", "failure-description" => "WFLYCTL0030: No resource"}`,
			false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op, resp := mustParse(t, tt.op), mustParse(t, tt.resp)
			f := withDeploymentHint(op, resp, &Failure{Msg: "failed"}).(*Failure)
			got := len(f.More) == 1 && f.More[0] == deploymentHint
			if got != tt.hint {
				t.Errorf("hint = %v (More %q), want %v", got, f.More, tt.hint)
			}
		})
	}
}
