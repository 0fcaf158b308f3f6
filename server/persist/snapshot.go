package persist

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Sentinel errors of the snapshot operations.
var (
	// ErrNoSnapshot is returned by DeleteSnapshot when no snapshot name
	// starts with the given prefix.
	ErrNoSnapshot = fmt.Errorf("no snapshot matches")
	// ErrAmbiguousSnapshot is returned by DeleteSnapshot when several do.
	ErrAmbiguousSnapshot = fmt.Errorf("several snapshots match")
)

// SnapshotDir returns the directory that holds the named snapshots.
func (h *History) SnapshotDir() string { return filepath.Join(h.dir, "snapshot") }

// TakeSnapshot writes data as a snapshot and returns its absolute path. The
// file is named <P><F>: P is name, or the time as yyyyMMdd-HHmmssSSS when
// name is ""; F is the configuration's file name, preceded by the comment
// (letters, digits, - and _ kept, anything else made _) and a dash when a
// comment is given.
func (h *History) TakeSnapshot(name, comment string, data []byte, now time.Time) (string,
	error) {
	dir := h.SnapshotDir()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating %s: %w", dir, err)
	}
	prefix := name
	if prefix == "" {
		prefix = timestamp(now)
	}
	file := filepath.Base(h.file)
	if comment != "" {
		file = sanitize(comment) + "-" + file
	}
	path, err := filepath.Abs(filepath.Join(dir, prefix+file))
	if err != nil {
		return "", err
	}
	if err := WriteAtomic(path, data); err != nil {
		return "", err
	}
	return path, nil
}

// sanitize keeps the characters of s that are safe in a file name.
func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			return r
		}
		return '_'
	}, s)
}

// ListSnapshots returns the snapshot directory (absolute) and the names of
// the snapshots in it, sorted; none is no error.
func (h *History) ListSnapshots() (string, []string, error) {
	dir, err := filepath.Abs(h.SnapshotDir())
	if err != nil {
		return "", nil, err
	}
	names, err := sortedNames(dir)
	if err != nil {
		return "", nil, fmt.Errorf("listing %s: %w", dir, err)
	}
	return dir, names, nil
}

// DeleteSnapshot deletes the one snapshot whose name starts with prefix, or
// every snapshot when prefix is "all". It returns ErrNoSnapshot or
// ErrAmbiguousSnapshot (wrapped, with the prefix) when not exactly one
// snapshot matches.
func (h *History) DeleteSnapshot(prefix string) error {
	dir := h.SnapshotDir()
	names, err := sortedNames(dir)
	if err != nil {
		return fmt.Errorf("listing %s: %w", dir, err)
	}
	var match []string
	for _, n := range names {
		if prefix == "all" || strings.HasPrefix(n, prefix) {
			match = append(match, n)
		}
	}
	switch {
	case len(match) == 0 && prefix != "all":
		return fmt.Errorf("%w %q", ErrNoSnapshot, prefix)
	case len(match) > 1 && prefix != "all":
		return fmt.Errorf("%w %q: %s", ErrAmbiguousSnapshot, prefix, strings.Join(match, ", "))
	}
	for _, n := range match {
		if err := os.Remove(filepath.Join(dir, n)); err != nil {
			return err
		}
	}
	return nil
}
