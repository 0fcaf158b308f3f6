package persist

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// tree returns every file below dir with its content, by relative path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var t0 = time.Date(2026, 12, 3, 17, 4, 5, 678_000_000, time.UTC)

func TestHistoryAcrossTwoRuns(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone-ha.xml")
	os.WriteFile(file, []byte("A"), 0o644)

	h1 := NewHistory(file)
	if err := h1.Boot([]byte("A"), t0); err != nil {
		t.Fatal(err)
	}
	if err := h1.Commit([]byte("A"), []byte("B")); err != nil {
		t.Fatal(err)
	}
	if err := h1.Commit([]byte("B"), []byte("C")); err != nil {
		t.Fatal(err)
	}
	h2 := NewHistory(file)
	if err := h2.Boot([]byte("C"), t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := h2.Commit([]byte("C"), []byte("D")); err != nil {
		t.Fatal(err)
	}
	// The second run moved the first run's current/ away at its boot time.
	h := "standalone_xml_history/"
	want := map[string]string{
		"standalone-ha.xml":                           "D",
		h + "standalone-ha.initial.xml":               "A",
		h + "standalone-ha.boot.xml":                  "C",
		h + "standalone-ha.last.xml":                  "D",
		h + "20261203-180405678/standalone-ha.v1.xml": "A",
		h + "20261203-180405678/standalone-ha.v2.xml": "B",
		h + "current/standalone-ha.v1.xml":            "C",
	}
	if diff := cmp.Diff(want, tree(t, dir)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestCommitThatCannotWriteLeavesTheFile(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone.xml")
	os.WriteFile(file, []byte("A"), 0o644)
	h := NewHistory(file)
	if err := h.Boot([]byte("A"), t0); err != nil {
		t.Fatal(err)
	}
	h.writeFile = func(string, []byte) error { return errors.New("disk full") }
	if err := h.Commit([]byte("A"), []byte("B")); err == nil {
		t.Fatal("Commit succeeded, want the write error")
	}
	want := map[string]string{
		"standalone.xml": "A",
		"standalone_xml_history/standalone.initial.xml": "A",
		"standalone_xml_history/standalone.boot.xml":    "A",
		"standalone_xml_history/standalone.last.xml":    "A",
	}
	if diff := cmp.Diff(want, tree(t, dir)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
}

func TestOldRunsArePrunedAndVersionsCapped(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone.xml")
	old := filepath.Join(dir, "standalone_xml_history", "20200101-000000000")
	os.MkdirAll(old, 0o755)
	os.WriteFile(filepath.Join(old, "standalone.v1.xml"), []byte("x"), 0o644)
	h := NewHistory(file)
	h.KeepVersions = 2
	if err := h.Boot([]byte("A"), t0); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"B", "C", "D"} {
		if err := h.Commit([]byte("prev"+s), []byte(s)); err != nil {
			t.Fatal(err)
		}
	}
	got := tree(t, dir)
	var cur []string
	for k := range got {
		if strings.Contains(k, "/current/") || strings.Contains(k, "2020") {
			cur = append(cur, k)
		}
	}
	want := []string{"standalone_xml_history/current/standalone.v2.xml",
		"standalone_xml_history/current/standalone.v3.xml"}
	if diff := cmp.Diff(want, sortedCopy(cur)); diff != "" {
		t.Errorf("kept copies (-want +got):\n%s", diff)
	}
}

func sortedCopy(s []string) []string {
	c := append([]string{}, s...)
	for i := 1; i < len(c); i++ {
		for j := i; j > 0 && c[j] < c[j-1]; j-- {
			c[j], c[j-1] = c[j-1], c[j]
		}
	}
	return c
}

func TestSnapshots(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone.xml")
	h := NewHistory(file)
	p1, err := h.TakeSnapshot("savepoint", "", []byte("A"), t0)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := h.TakeSnapshot("", "before db switch", []byte("B"), t0)
	if err != nil {
		t.Fatal(err)
	}
	snap := filepath.Join(dir, "standalone_xml_history", "snapshot")
	if diff := cmp.Diff([]string{filepath.Join(snap, "savepointstandalone.xml"),
		filepath.Join(snap, "20261203-170405678before_db_switch-standalone.xml")},
		[]string{p1, p2}); diff != "" {
		t.Errorf("paths (-want +got):\n%s", diff)
	}
	tests := []struct {
		name    string
		prefix  string
		wantErr error
		left    []string
	}{
		{"an unknown prefix", "nope", ErrNoSnapshot,
			[]string{"20261203-170405678before_db_switch-standalone.xml",
				"savepointstandalone.xml"}},
		{"one match is deleted", "save", nil,
			[]string{"20261203-170405678before_db_switch-standalone.xml"}},
		{"all deletes the rest", "all", nil, nil},
	}
	for _, tc := range tests {
		err := h.DeleteSnapshot(tc.prefix)
		if !errors.Is(err, tc.wantErr) {
			t.Errorf("%s: error %v, want %v", tc.name, err, tc.wantErr)
		}
		_, names, _ := h.ListSnapshots()
		if diff := cmp.Diff(tc.left, names); diff != "" {
			t.Errorf("%s: left (-want +got):\n%s", tc.name, diff)
		}
	}
	h.TakeSnapshot("a1", "", nil, t0)
	h.TakeSnapshot("a2", "", nil, t0)
	if err := h.DeleteSnapshot("a"); !errors.Is(err, ErrAmbiguousSnapshot) {
		t.Errorf("ambiguous prefix: error %v, want ErrAmbiguousSnapshot", err)
	}
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone.xml")
	os.WriteFile(file, []byte("old"), 0o600)
	if err := WriteAtomic(file, []byte("new")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(file)
	if diff := cmp.Diff(map[string]string{"standalone.xml": "new"}, tree(t, dir)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", st.Mode().Perm())
	}
	missing := filepath.Join(dir, "none", "standalone.xml")
	if err := WriteAtomic(missing, []byte("x")); err == nil {
		t.Errorf("writing into a missing directory succeeded")
	}
}
