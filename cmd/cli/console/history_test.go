package console

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestHistoryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), HistoryFileName)
	h, err := OpenHistory(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 4; i++ {
		if err := h.Add(fmt.Sprintf("echo %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	h.Add("   ")
	h.SetEnabled(false)
	h.Add("echo not recorded")
	h.SetEnabled(true)
	h.Add(":write-attribute(name=password, value=x)")

	want := []string{"echo 3", "echo 4", ":write-attribute(name=password, value=********)"}
	if diff := cmp.Diff(want, h.Lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", st.Mode().Perm())
	}
	again, err := OpenHistory(path, 3)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, again.Lines()); diff != "" {
		t.Errorf("lines read back (-want +got):\n%s", diff)
	}
	if err := again.Clear(); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); len(data) != 0 {
		t.Errorf("the file holds %q after Clear", data)
	}
}

func TestHistoryBoundsALongFileWhenOpened(t *testing.T) {
	path := filepath.Join(t.TempDir(), HistoryFileName)
	if err := os.WriteFile(path, []byte("a\nb\nc\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	h, err := OpenHistory(path, 2)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"b", "c"}, h.Lines()); diff != "" {
		t.Errorf("lines (-want +got):\n%s", diff)
	}
}
