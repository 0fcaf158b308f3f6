//go:build !unix

package persist

import "io/fs"

// soleName reports false where the number of hard links is not known, so
// that a file is never overwritten in place there.
func soleName(fs.FileInfo) bool { return false }
