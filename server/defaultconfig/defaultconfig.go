// Package defaultconfig holds the project's own default configuration of a
// clustered Keycloak node, standalone-ha.xml in WildFly 26 schema, embedded in
// the binary. It only hands out bytes and copies; booting, validating and
// editing the file belong to the server package.
package defaultconfig

import (
	_ "embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// FileName is the name under which the default configuration is written in
// a server's configuration directory.
const FileName = "standalone-ha.xml"

//go:embed standalone-ha.xml
var standaloneHA []byte

// StandaloneHA returns a fresh copy of the default standalone-ha.xml; the
// caller may change it freely. It is safe for concurrent use.
func StandaloneHA() []byte {
	return append([]byte(nil), standaloneHA...)
}

// ConfigDir returns <home>/standalone/configuration, where embed-server and
// the node look for their configuration file.
func ConfigDir(home string) string {
	return filepath.Join(home, "standalone", "configuration")
}

// Materialize writes the default configuration to
// <home>/standalone/configuration/standalone-ha.xml, creating the
// directories, and returns that path. It never replaces an existing file:
// when one is there it returns the path and an error wrapping fs.ErrExist.
func Materialize(home string) (string, error) {
	dir := ConfigDir(home)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("creating %s: %w", dir, err)
	}

	path := filepath.Join(dir, FileName)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return path, fmt.Errorf("writing the default configuration: %w", err)
		}
		return "", fmt.Errorf("writing the default configuration: %w", err)
	}

	if _, err := f.Write(standaloneHA); err != nil {
		f.Close()
		os.Remove(path)
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	return path, nil
}
