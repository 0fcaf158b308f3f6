// Package corpus finds the shared corpus and conformance data that sits
// beside the module root (../shared) for the tests of every package, and
// skips a test with a one-line reason when that data is absent.
package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns ../shared of the module root joined with parts, found by
// walking up from the test's directory to go.mod. It skips the test when
// there is no module root or the path does not exist.
func Dir(t testing.TB, parts ...string) string {
	t.Helper()
	p := Find(parts...)
	if p == "" {
		t.Skipf("%s is absent: the test needs the shared data", shown(parts))
	}
	return p
}

// Find returns ../shared of the module root joined with parts, or "" when
// there is no module root above the working directory or the path does
// not exist. It is for tests that use the shared data when it is there
// and run without it otherwise.
func Find(parts ...string) string {
	root, err := ModuleRoot()
	if err != nil {
		return ""
	}
	p := filepath.Join(append([]string{root, "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// XMLDir returns ../shared/corpus/xml, or skips the test.
func XMLDir(t testing.TB) string {
	t.Helper()
	return Dir(t, "corpus", "xml")
}

// CLIDir returns ../shared/corpus/cli, or skips the test.
func CLIDir(t testing.TB) string {
	t.Helper()
	return Dir(t, "corpus", "cli")
}

// shown names the looked-for path as ../shared/parts... for messages.
func shown(parts []string) string {
	return filepath.ToSlash(filepath.Join(append([]string{"../shared"}, parts...)...))
}

// ModuleRoot walks up from the working directory to the folder holding
// go.mod and returns it.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = up
	}
}
