package shell

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"wfcli/cmd/cli/request"
	"wfcli/grammar"
)

// withRedirect runs fn with its output sent to the line's redirection
// target (> file, >> file) instead of stdout, when it has one. A failure's
// text still goes to stdout, as in jboss-cli.
func (s *Shell) withRedirect(l Line, pl *grammar.Line, fn func() error) error {
	if pl.Redirect == nil {
		return fn()
	}
	target := strings.TrimSpace(pl.Redirect.Target)
	if len(target) >= 2 && target[0] == '"' && target[len(target)-1] == '"' {
		target = target[1 : len(target)-1]
	}
	target, err := request.Resolve(target, s.env(l.Num), true)
	if err != nil {
		return syntaxFailure(l, err)
	}
	var buf bytes.Buffer
	saved := s.out
	s.out = &buf
	err = fn()
	s.out = saved
	if werr := writeTarget(s.path(target), pl.Redirect.Append, &buf); werr != nil {
		return werr
	}
	return err
}

func writeTarget(path string, appendTo bool, r io.Reader) error {
	flags := os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	if appendTo {
		flags = os.O_WRONLY | os.O_CREATE | os.O_APPEND
	}
	f, err := os.OpenFile(path, flags, 0o644)
	if err != nil {
		return fmt.Errorf("Failed to open %s: %w", path, err)
	}
	_, err = io.Copy(f, r)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("Failed to write %s: %w", path, err)
	}
	return nil
}
