// Package persist writes a configuration file safely and keeps its history
// as WildFly does: the file is replaced atomically (temp file, fsync,
// rename, fsync of the directory), and standalone_xml_history/ beside it holds
// the initial, boot and last copies, one numbered copy per change in
// current/, the current/ of earlier runs in timestamped directories, and
// named snapshots.
//
// Each change costs one write of the new content and two syncs: the history
// copies are hard links of the files being replaced and written, not copies.
//
// It knows nothing of XML or of the model: it moves bytes. Package server
// decides what to write and when.
package persist

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Defaults of WildFly's history settings (jboss.config.current-history-length
// and jboss.config.history-days).
const (
	DefaultKeepVersions = 100
	DefaultKeepDays     = 30
)

// timestampLayout is WildFly's yyyyMMdd-HHmmssSSS.
const timestampLayout = "20060102-150405.000"

// History is the history directory of one configuration file. It is not
// safe for concurrent use; the server calls it under its management lock.
type History struct {
	file string // the configuration file, absolute
	dir  string // <configdir>/<name>_xml_history
	stem string // the file name without its extension: standalone-ha
	ext  string // the extension with its dot: .xml

	// KeepVersions is how many numbered copies current/ keeps; KeepDays how
	// long the timestamped directories of earlier runs are kept.
	KeepVersions int
	KeepDays     int

	version int // the number of the last copy in current/
	// linkable is whether the file is a regular file, which Commit keeps by
	// a hard link; a symbolic link (before the first commit replaces it) is
	// copied, as a hard link would keep the link and not its target.
	linkable bool
	// spareFailed is set when writing through the spare failed once.
	spareFailed bool
	// writeFile replaces the configuration file and link makes a hard
	// link; tests make them fail.
	writeFile func(path string, data []byte) error
	link      func(oldname, newname string) error
}

// StandaloneName is the default configuration file name of a standalone
// server. WildFly names the history directory after it whichever file the
// server runs on, so standalone-ha.xml's history is in standalone_xml_history
// too (its files keep their own name: standalone-ha.boot.xml).
const StandaloneName = "standalone.xml"

// NewHistory returns the history of the configuration file at path, kept in
// standalone_xml_history beside it. Nothing is created until Boot.
func NewHistory(path string) *History {
	base := filepath.Base(path)
	ext := filepath.Ext(base)
	dir := strings.ReplaceAll(StandaloneName, ".", "_") + "_history"
	return &History{
		file:         path,
		dir:          filepath.Join(filepath.Dir(path), dir),
		stem:         strings.TrimSuffix(base, ext),
		ext:          ext,
		KeepVersions: DefaultKeepVersions,
		KeepDays:     DefaultKeepDays,
		writeFile:    WriteAtomic,
		link:         os.Link,
	}
}

// Dir returns the history directory, .../standalone_xml_history.
func (h *History) Dir() string { return h.dir }

// name returns the history file name of a copy: standalone-ha.boot.xml.
func (h *History) name(kind string) string { return h.stem + "." + kind + h.ext }

// Boot records a successful boot from data, the file's content: it moves the
// current/ of the previous run to a timestamped directory, deletes such
// directories older than KeepDays, creates current/ and snapshot/, writes the
// initial copy if there is none yet, and the boot and last copies. The copies
// are new files: the last copy of an earlier run may be a hard link of the
// configuration file (see Commit), which must not be rewritten in place.
func (h *History) Boot(data []byte, now time.Time) error {
	if err := os.MkdirAll(h.SnapshotDir(), 0o755); err != nil {
		return fmt.Errorf("creating the history directory: %w", err)
	}
	if err := h.rotateCurrent(now); err != nil {
		return err
	}
	h.pruneRuns(now)
	if err := os.MkdirAll(filepath.Join(h.dir, "current"), 0o755); err != nil {
		return fmt.Errorf("creating the history directory: %w", err)
	}
	initial := filepath.Join(h.dir, h.name("initial"))
	if _, err := os.Stat(initial); errors.Is(err, os.ErrNotExist) {
		if err := writeCopy(initial, data); err != nil {
			return fmt.Errorf("writing the initial copy: %w", err)
		}
	}
	for _, kind := range []string{"boot", "last"} {
		if err := writeCopy(filepath.Join(h.dir, h.name(kind)), data); err != nil {
			return fmt.Errorf("writing the %s copy: %w", kind, err)
		}
	}
	h.version = 0
	st, err := os.Lstat(h.file)
	h.linkable = err == nil && st.Mode().IsRegular()
	return nil
}

// rotateCurrent moves a non-empty current/ to <yyyyMMdd-HHmmssSSS>/.
func (h *History) rotateCurrent(now time.Time) error {
	cur := filepath.Join(h.dir, "current")
	entries, err := os.ReadDir(cur)
	if err != nil || len(entries) == 0 {
		return nil
	}
	to := filepath.Join(h.dir, timestamp(now))
	if err := os.Rename(cur, to); err != nil {
		return fmt.Errorf("moving the previous run's history: %w", err)
	}
	return nil
}

// timestamp formats t as WildFly names history directories and snapshots.
func timestamp(t time.Time) string {
	return strings.Replace(t.Format(timestampLayout), ".", "", 1)
}

// pruneRuns deletes the timestamped directories older than KeepDays. A
// failure only leaves old copies behind, so it is not reported.
func (h *History) pruneRuns(now time.Time) {
	entries, _ := os.ReadDir(h.dir)
	limit := now.AddDate(0, 0, -h.KeepDays)
	for _, e := range entries {
		if !e.IsDir() || len(e.Name()) != len("20060102-150405000") {
			continue
		}
		t, err := time.ParseInLocation("20060102-150405", e.Name()[:15], now.Location())
		if err == nil && t.Before(limit) {
			os.RemoveAll(filepath.Join(h.dir, e.Name()))
		}
	}
}

// WriteAtomic replaces the file at path with data so that a crash leaves
// either the old or the new content: it writes a temp file in the same
// directory, syncs it, renames it over path and syncs the directory. The
// file keeps path's permissions (0644 for a new file). It returns an error
// exactly when path was not replaced; the temp file is then removed.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	perm := os.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		perm = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Chmod(perm); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	done = true
	syncDir(dir)
	return nil
}

// syncDir makes a rename in dir durable. It is best effort: once the rename
// is done the file is replaced, and a directory that cannot be synced (some
// file systems refuse) only weakens durability after a power loss.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// sortedNames returns the names of the regular files in dir, sorted.
func sortedNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}
