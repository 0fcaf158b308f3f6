package console

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"wfcli/cmd/cli/secret"
)

// HistoryFileName is the name of the history file in the user's home
// directory (jboss-cli's is .jboss-cli-history; ours is separate so that
// the two tools do not mix their lines).
const HistoryFileName = ".wfcli-history"

// DefaultHistoryLimit is how many lines the history keeps by default, as
// jboss-cli does.
const DefaultHistoryLimit = 500

// History is the interactive shell's history: the lines typed, with
// sensitive values masked, kept in memory and in a file only its owner can
// read (mode 0600), bounded to the newest Limit lines. It implements
// shell.History. It is not safe for concurrent use.
type History struct {
	path    string // "" keeps the history in memory only
	limit   int
	lines   []string
	enabled bool
	onClear func() // also forgets the line editor's copy, when set
}

// DefaultHistoryPath returns ~/.wfcli-history, or "" when there is no home
// directory.
func DefaultHistoryPath() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, HistoryFileName)
}

// OpenHistory loads the history kept in path (a missing file is an empty
// history) and bounds it to limit lines (limit < 1 means
// DefaultHistoryLimit). An empty path keeps the history in memory only.
func OpenHistory(path string, limit int) (*History, error) {
	if limit < 1 {
		limit = DefaultHistoryLimit
	}
	h := &History{path: path, limit: limit, enabled: true}
	if path == "" {
		return h, nil
	}
	data, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading the history %s: %w", path, err)
	}
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" {
			h.lines = append(h.lines, l)
		}
	}
	h.trim()
	return h, nil
}

// Add records a line typed, masked, unless the history is disabled or the
// line is blank; it rewrites the file.
func (h *History) Add(line string) error {
	line = strings.TrimSpace(line)
	if !h.enabled || line == "" {
		return nil
	}
	h.lines = append(h.lines, secret.Mask(line))
	h.trim()
	return h.save()
}

// Lines returns the lines recorded, oldest first.
func (h *History) Lines() []string { return append([]string(nil), h.lines...) }

// Clear forgets every line and empties the file.
func (h *History) Clear() error {
	h.lines = nil
	if h.onClear != nil {
		h.onClear()
	}
	return h.save()
}

// SetEnabled turns the recording of new lines on or off.
func (h *History) SetEnabled(on bool) { h.enabled = on }

func (h *History) trim() {
	if len(h.lines) > h.limit {
		h.lines = append([]string(nil), h.lines[len(h.lines)-h.limit:]...)
	}
}

// save writes the lines to a new file of mode 0600 and moves it over the
// history, so that a crash never leaves half a history and the file never
// exists with wider permissions.
func (h *History) save() error {
	if h.path == "" {
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(h.path), filepath.Base(h.path)+".*")
	if err != nil {
		return fmt.Errorf("writing the history: %w", err)
	}
	defer os.Remove(tmp.Name())
	text := strings.Join(h.lines, "\n")
	if text != "" {
		text += "\n"
	}
	_, err = tmp.WriteString(text)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		// CreateTemp makes the file 0600 already; say it for the reader.
		err = os.Chmod(tmp.Name(), 0o600)
	}
	if err == nil {
		err = os.Rename(tmp.Name(), h.path)
	}
	if err != nil {
		return fmt.Errorf("writing the history %s: %w", h.path, err)
	}
	return nil
}
