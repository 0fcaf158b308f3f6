package persist

import (
	"os"
	"path/filepath"
	"strconv"
)

// The spare is the file of the newest version pruned from current/, kept
// hidden in the history directory to receive the next change in place of a
// new temp file. Creating a file costs a new inode and pruning one frees
// another; on file systems that scan for a free inode (ext4 does, skipping
// the recently deleted ones) that was a third of a commit's CPU.

// spare returns the path of the spare: .standalone-ha.spare.xml.
func (h *History) spare() string { return filepath.Join(h.dir, "."+h.name("spare")) }

// pruneVersions keeps the newest KeepVersions copies in current/; the one
// that leaves becomes the spare.
func (h *History) pruneVersions(cur string) {
	if h.version <= h.KeepVersions {
		return
	}
	oldest := filepath.Join(cur, h.name("v"+strconv.Itoa(h.version-h.KeepVersions)))
	if os.Rename(oldest, h.spare()) != nil {
		os.Remove(oldest)
	}
}

// replaceFromSpare replaces the configuration file with data written into
// the spare, as atomically as WriteAtomic: the spare is written and synced,
// then renamed over the file, then the file's directory is synced. It
// reports whether the file was replaced; when not, the file is as it was and
// the spare is gone, and the caller writes through a new temp file. After a
// failure (the history directory on another file system, say) spares are no
// longer tried.
func (h *History) replaceFromSpare(data []byte) bool {
	if h.spareFailed {
		return false
	}
	spare := h.spare()
	st, err := os.Lstat(spare)
	// A spare that has another name too (a backup made with hard links)
	// must not be overwritten.
	if err != nil || !st.Mode().IsRegular() || !soleName(st) {
		return false
	}
	perm := os.FileMode(0o644)
	if st, err := os.Stat(h.file); err == nil {
		perm = st.Mode().Perm()
	}
	if err := rewrite(spare, data, perm); err != nil || os.Rename(spare, h.file) != nil {
		os.Remove(spare)
		h.spareFailed = true
		return false
	}
	syncDir(filepath.Dir(h.file))
	return true
}

// rewrite replaces the content of the file at path with data, sets its
// permissions to perm and syncs it.
func rewrite(path string, data []byte, perm os.FileMode) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
