//go:build unix

package persist

import (
	"io/fs"
	"syscall"
)

// soleName reports whether the file st describes has no other hard link.
func soleName(st fs.FileInfo) bool {
	s, ok := st.Sys().(*syscall.Stat_t)
	return ok && s.Nlink == 1
}
