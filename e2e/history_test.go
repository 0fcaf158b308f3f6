package e2e

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"wfcli/server/defaultconfig"
)

// WildFly's history beside the configuration: initial, boot and last
// copies, one numbered version per change in current/, and at the next boot
// the previous current/ moved to a directory named by its time.
func TestHistoryKeepsEveryVersion(t *testing.T) {
	original := defaultconfig.StandaloneHA()
	h := newHome(t, original)
	hist := filepath.Join(filepath.Dir(h.config), "standalone_xml_history")
	read := func(rel string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(hist, rel))
		if err != nil {
			t.Fatalf("history: %v", err)
		}
		return b
	}
	same := func(what string, got, want []byte) {
		t.Helper()
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from what it should copy", what)
		}
	}

	logLevels := filepath.Join(repoRoot, "scripts", "log-levels.cli")
	if res := h.run(t, "--file="+logLevels); res.code != 0 {
		t.Fatalf("first run: exit code %d, want 0\n%s", res.code, res.output())
	}
	first := h.readConfig(t)
	same("standalone-ha.initial.xml", read("standalone-ha.initial.xml"), original)
	same("standalone-ha.boot.xml", read("standalone-ha.boot.xml"), original)
	same("current/standalone-ha.v1.xml", read("current/standalone-ha.v1.xml"), original)
	same("standalone-ha.last.xml", read("standalone-ha.last.xml"), first)

	if res := h.run(t, "--file="+logLevels); res.code != 1 {
		t.Fatalf("second run: exit code %d, want 1\n%s", res.code, res.output())
	}
	same("the configuration after a failed run", h.readConfig(t), first)
	same("standalone-ha.initial.xml after a second boot", read("standalone-ha.initial.xml"),
		original)
	same("standalone-ha.boot.xml after a second boot", read("standalone-ha.boot.xml"), first)
	same("standalone-ha.last.xml after a second boot", read("standalone-ha.last.xml"), first)
	if left, _ := filepath.Glob(filepath.Join(hist, "current", "*")); len(left) != 0 {
		t.Errorf("current/ should be empty after a boot without changes, holds %v", left)
	}

	stamp := regexp.MustCompile(`^\d{8}-\d{9}$`)
	entries, err := os.ReadDir(hist)
	if err != nil {
		t.Fatal(err)
	}
	var moved []string
	for _, e := range entries {
		if e.IsDir() && stamp.MatchString(e.Name()) {
			moved = append(moved, e.Name())
		}
	}
	if len(moved) != 1 {
		t.Fatalf("want one timestamped directory (yyyyMMdd-HHmmssSSS), found %v", moved)
	}
	same(moved[0]+"/standalone-ha.v1.xml", read(filepath.Join(moved[0], "standalone-ha.v1.xml")),
		original)
}
