package persist

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// booted returns the history of dir/standalone.xml booted from "A" and
// committed to "B" then "C".
func booted(t *testing.T, dir string) *History {
	t.Helper()
	file := filepath.Join(dir, "standalone.xml")
	if err := os.WriteFile(file, []byte("A"), 0o644); err != nil {
		t.Fatal(err)
	}
	h := NewHistory(file)
	if err := h.Boot([]byte("A"), t0); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{{"A", "B"}, {"B", "C"}} {
		if err := h.Commit([]byte(c[0]), []byte(c[1])); err != nil {
			t.Fatal(err)
		}
	}
	return h
}

func TestCommitAfterTwoCommits(t *testing.T) {
	const hd = "standalone_xml_history/"
	// files returns the tree of a history booted from A whose main and
	// last files hold main, with the versions given in current/.
	files := func(main string, versions map[string]string) map[string]string {
		m := map[string]string{
			"standalone.xml":              main,
			hd + "standalone.initial.xml": "A",
			hd + "standalone.boot.xml":    "A",
			hd + "standalone.last.xml":    main,
		}
		for k, v := range versions {
			m[hd+k] = v
		}
		return m
	}
	three := map[string]string{"current/standalone.v1.xml": "A",
		"current/standalone.v2.xml": "B", "current/standalone.v3.xml": "C"}
	two := map[string]string{"current/standalone.v1.xml": "A",
		"current/standalone.v2.xml": "B"}
	tests := []struct {
		name    string
		prepare func(h *History, dir string)
		wantErr bool
		want    map[string]string
	}{
		{"a third commit keeps each previous file and the last one", nil, false,
			files("D", three)},
		{"a write that fails leaves the file and the history as they were",
			func(h *History, dir string) {
				h.writeFile = func(string, []byte) error { return errors.New("disk full") }
			}, true, files("C", two)},
		{"a regular file where current/ should be fails before the file is touched",
			func(h *History, dir string) {
				cur := filepath.Join(dir, hd, "current")
				os.RemoveAll(cur)
				os.WriteFile(cur, []byte("x"), 0o644)
			}, true, files("C", map[string]string{"current": "x"})},
		{"current/ deleted while the server runs is created again",
			func(h *History, dir string) {
				os.RemoveAll(filepath.Join(dir, hd, "current"))
			}, false, files("D", map[string]string{"current/standalone.v3.xml": "C"})},
		{"a stale copy under the next version's name is replaced",
			func(h *History, dir string) {
				os.WriteFile(filepath.Join(dir, hd, "current/standalone.v3.xml"),
					[]byte("stale"), 0o644)
			}, false, files("D", three)},
		{"where hard links fail the copies are written",
			func(h *History, dir string) {
				h.link = func(string, string) error {
					return &os.LinkError{Op: "link", Err: syscall.EPERM}
				}
			}, false, files("D", three)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			h := booted(t, dir)
			if tc.prepare != nil {
				tc.prepare(h, dir)
			}
			err := h.Commit([]byte("C"), []byte("D"))
			if (err != nil) != tc.wantErr {
				t.Errorf("Commit error %v, want an error: %v", err, tc.wantErr)
			}
			if diff := cmp.Diff(tc.want, tree(t, dir)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
		})
	}
}

func TestVersionsSurviveInPlaceEdits(t *testing.T) {
	dir := t.TempDir()
	h := booted(t, dir)
	// An editor that rewrites the file in place must not reach the kept
	// versions, which were hard links of the file before it was replaced.
	if err := os.WriteFile(h.file, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := tree(t, filepath.Join(h.Dir(), "current"))
	want := map[string]string{"standalone.v1.xml": "A", "standalone.v2.xml": "B"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("current/ (-want +got):\n%s", diff)
	}
}

func TestLastCopySurvivesInPlaceEdits(t *testing.T) {
	dir := t.TempDir()
	h := booted(t, dir)
	last := filepath.Join(h.Dir(), "standalone.last.xml")
	want, err := os.ReadFile(last)
	if err != nil {
		t.Fatal(err)
	}
	// The last copy holds what the server wrote, whatever happens to the
	// configuration file afterwards.
	if err := os.WriteFile(h.file, []byte("edited"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(last)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) || string(got) == "edited" {
		t.Errorf("last copy = %q after an in-place edit, want %q", got, want)
	}
}

func TestBootNeverWritesThroughTheLastCopy(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(h *History)
	}{
		{"the last copy is a hard link of the file", func(h *History) {}},
		{"a temp file left by a crash is a hard link of the file", func(h *History) {
			os.Link(h.file, tempName(filepath.Join(h.Dir(), "standalone.last.xml")))
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			h := booted(t, dir)
			tc.prepare(h)
			// Boot is given other bytes than the file's so that a copy
			// written in place into the file's inode would show.
			if err := NewHistory(h.file).Boot([]byte("Z"), t0.Add(1)); err != nil {
				t.Fatal(err)
			}
			const hd = "standalone_xml_history/"
			want := map[string]string{
				"standalone.xml":                            "C",
				hd + "standalone.initial.xml":               "A",
				hd + "standalone.boot.xml":                  "Z",
				hd + "standalone.last.xml":                  "Z",
				hd + "20261203-170405678/standalone.v1.xml": "A",
				hd + "20261203-170405678/standalone.v2.xml": "B",
			}
			if diff := cmp.Diff(want, tree(t, dir)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCommitOfASymlinkedFileKeepsItsContent(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "shared", "standalone.xml")
	os.MkdirAll(filepath.Dir(target), 0o755)
	os.WriteFile(target, []byte("A"), 0o644)
	conf := filepath.Join(dir, "configuration")
	os.MkdirAll(conf, 0o755)
	file := filepath.Join(conf, "standalone.xml")
	if err := os.Symlink("../shared/standalone.xml", file); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	h := NewHistory(file)
	if err := h.Boot([]byte("A"), t0); err != nil {
		t.Fatal(err)
	}
	for _, c := range [][2]string{{"A", "B"}, {"B", "C"}} {
		if err := h.Commit([]byte(c[0]), []byte(c[1])); err != nil {
			t.Fatal(err)
		}
	}
	// The rename replaces the link by a file, as it always did; the first
	// kept version holds the content, not a link that points nowhere.
	want := map[string]string{
		"shared/standalone.xml":                                          "A",
		"configuration/standalone.xml":                                   "C",
		"configuration/standalone_xml_history/standalone.initial.xml":    "A",
		"configuration/standalone_xml_history/standalone.boot.xml":       "A",
		"configuration/standalone_xml_history/standalone.last.xml":       "C",
		"configuration/standalone_xml_history/current/standalone.v1.xml": "A",
		"configuration/standalone_xml_history/current/standalone.v2.xml": "B",
	}
	if diff := cmp.Diff(want, tree(t, dir)); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	st, err := os.Lstat(filepath.Join(h.Dir(), "current", "standalone.v1.xml"))
	if err != nil || !st.Mode().IsRegular() {
		t.Errorf("current/standalone.v1.xml is not a regular file: %v %v", st, err)
	}
}

func TestPrunedVersionBecomesTheSpare(t *testing.T) {
	const hd = "standalone_xml_history/"
	tests := []struct {
		name    string
		prepare func(t *testing.T, h *History, dir string)
		want    map[string]string
		reused  bool
	}{
		{"the spare receives the next change", func(*testing.T, *History, string) {},
			map[string]string{hd + ".standalone.spare.xml": "B"}, true},
		{"a spare with another hard link is left alone",
			func(t *testing.T, h *History, dir string) {
				if err := os.Link(h.spare(), filepath.Join(dir, "backup.xml")); err != nil {
					t.Fatal(err)
				}
			}, map[string]string{hd + ".standalone.spare.xml": "B", "backup.xml": "A"},
			false},
		{"a directory in the spare's place is left alone, and v2 is deleted",
			func(t *testing.T, h *History, dir string) {
				os.Remove(h.spare())
				if err := os.Mkdir(h.spare(), 0o755); err != nil {
					t.Fatal(err)
				}
			}, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			file := filepath.Join(dir, "standalone.xml")
			os.WriteFile(file, []byte("A"), 0o600)
			h := NewHistory(file)
			h.KeepVersions = 2
			if err := h.Boot([]byte("A"), t0); err != nil {
				t.Fatal(err)
			}
			// The third commit prunes v1 (A) into the spare.
			for _, c := range [][2]string{{"A", "B"}, {"B", "C"}, {"C", "D"}} {
				if err := h.Commit([]byte(c[0]), []byte(c[1])); err != nil {
					t.Fatal(err)
				}
			}
			tc.prepare(t, h, dir)
			spare, err := os.Stat(h.spare())
			if err != nil {
				t.Fatal(err)
			}
			if err := h.Commit([]byte("D"), []byte("E")); err != nil {
				t.Fatal(err)
			}
			want := map[string]string{
				"standalone.xml":                 "E",
				hd + "standalone.initial.xml":    "A",
				hd + "standalone.boot.xml":       "A",
				hd + "standalone.last.xml":       "E",
				hd + "current/standalone.v3.xml": "C",
				hd + "current/standalone.v4.xml": "D",
			}
			for k, v := range tc.want {
				want[k] = v
			}
			if diff := cmp.Diff(want, tree(t, dir)); diff != "" {
				t.Errorf("files (-want +got):\n%s", diff)
			}
			st, _ := os.Stat(file)
			if st.Mode().Perm() != 0o600 {
				t.Errorf("mode %v, want the file's 0600", st.Mode().Perm())
			}
			if os.SameFile(st, spare) != tc.reused {
				t.Errorf("the file is the former spare: %v, want %v",
					os.SameFile(st, spare), tc.reused)
			}
		})
	}
}
