package persist

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// Commit replaces the configuration file, whose content is old, with data,
// as WildFly does: the file as it was is kept as current/<name>.vN.xml, data
// is written atomically (see WriteAtomic), and the last copy then holds data.
// It returns an error exactly when the file was not replaced, and then the
// file and the history are as they were.
//
// Each commit writes data once and syncs twice (the new file, then its
// directory): the previous version is a hard link of the file about to be
// replaced, so it is not copied (where hard links fail, it is written from
// old), the last copy is written without a sync,
// and once current/ is full the pruned version's file is reused for the new
// content (see spare.go), so a commit then allocates and frees no file.
func (h *History) Commit(old, data []byte) error {
	cur := filepath.Join(h.dir, "current")
	v := h.version + 1
	prev := filepath.Join(cur, h.name("v"+strconv.Itoa(v)))
	if err := h.keepPrevious(cur, prev, old); err != nil {
		return fmt.Errorf("keeping the previous version: %w", err)
	}
	if !h.replaceFromSpare(data) {
		if err := h.writeFile(h.file, data); err != nil {
			os.Remove(prev)
			return err
		}
	}
	h.version = v
	h.linkable = true
	h.pruneVersions(cur)
	// Once the file is replaced the change is committed; a last copy that
	// cannot be written only leaves an older one behind.
	h.updateLast(data)
	return nil
}

// keepPrevious makes prev hold the configuration file as it is, whose
// content is old: a hard link of the file, which keeps the old content once
// the file is replaced by a rename. It creates cur when it is missing (Boot
// created it, but it may have been deleted since), replaces a stale prev,
// and writes old when the file is not a regular file or cannot be linked.
func (h *History) keepPrevious(cur, prev string, old []byte) error {
	if h.linkable && h.link(h.file, prev) == nil {
		return nil
	}
	if _, err := os.Stat(cur); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(cur, 0o755); err != nil {
			return err
		}
	}
	// A copy left by a crashed commit, or by another process.
	os.Remove(prev)
	if h.linkable && h.link(h.file, prev) == nil {
		return nil
	}
	return writeCopy(prev, old)
}

// updateLast writes data as the last copy. It is a copy of its own, never a
// link of the configuration file, so that an editor that rewrites the file in
// place later leaves the last copy as the server wrote it.
func (h *History) updateLast(data []byte) {
	writeCopy(filepath.Join(h.dir, h.name("last")), data)
}

// tempName returns the hidden name beside path under which a copy of path
// is prepared before it is renamed to path.
func tempName(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
}

// writeCopy writes data as a history copy at path: into a new file that is
// then renamed over path, so that a crash leaves the old copy or the new one,
// and a file that path (or a leftover temp name) was a hard link of is never
// written in place. It does not sync: a history copy lost to a power failure
// costs no configuration, and the next commit's syncs usually carry it.
func writeCopy(path string, data []byte) error {
	tmp := tempName(path)
	os.Remove(tmp)
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}
