package corpus

import (
	"os"
	"path/filepath"
	"testing"
)

func TestShownNamesThePathUnderShared(t *testing.T) {
	tests := []struct {
		name  string
		parts []string
		want  string
	}{
		{"no parts names shared itself", nil, "../shared"},
		{"one part", []string{"conformance"}, "../shared/conformance"},
		{"nested parts", []string{"corpus", "xml"}, "../shared/corpus/xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := shown(tt.parts); got != tt.want {
				t.Errorf("shown(%q) = %q, want %q", tt.parts, got, tt.want)
			}
		})
	}
}

func TestModuleRootIsTwoLevelsAboveThisPackage(t *testing.T) {
	root, err := ModuleRoot()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Dir(filepath.Dir(mustGetwd(t))); root != want {
		t.Errorf("ModuleRoot() = %q, want %q", root, want)
	}
}

func TestFindMissingPathIsEmpty(t *testing.T) {
	if got := Find("no such directory here"); got != "" {
		t.Errorf("Find of a missing path = %q, want \"\"", got)
	}
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	d, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return d
}
