package shell

import (
	"fmt"
	"strings"

	"wfcli/cmd/cli/request"
	"wfcli/grammar"
	"wfcli/ops/dmr"
)

// cmdEcho prints the rest of the line, variables substituted, with
// backslash escapes removed.
func cmdEcho(s *Shell, l Line, pl *grammar.Line) error {
	text := pl.Cmd.Rest
	if s.opts.ResolveParameterValues {
		r, err := request.Resolve(text, s.env(l.Num), true)
		if err != nil {
			return err
		}
		text = r
	}
	s.println(unescapeEcho(text))
	return nil
}

func unescapeEcho(text string) string {
	if !strings.Contains(text, `\`) {
		return text
	}
	var b strings.Builder
	escaped := false
	for _, r := range text {
		if !escaped && r == '\\' {
			escaped = true
			continue
		}
		escaped = false
		b.WriteRune(r)
	}
	return b.String()
}

// cmdEchoDMR prints the request a line would send, without sending it.
func cmdEchoDMR(s *Shell, l Line, pl *grammar.Line) error {
	text := pl.Cmd.Rest
	compact := false
	if rest, ok := strings.CutPrefix(text, "--compact"); ok &&
		(rest == "" || rest[0] == ' ' || rest[0] == '\t') {
		compact, text = true, strings.TrimSpace(rest)
	}
	if text == "" {
		return fmt.Errorf("Missing the command or operation to translate to DMR.")
	}
	op, err := s.buildRequest(l, text)
	if err != nil {
		return err
	}
	if compact {
		s.println(s.printer.Compact(op))
	} else {
		s.println(s.printer.Format(op))
	}
	return nil
}

// buildRequest builds the request a line would send: an operation, or a
// command that translates to one (read-attribute, data-source,
// xa-data-source). It serves echo-dmr, if ... of, for ... in and `cmd`.
func (s *Shell) buildRequest(l Line, text string) (dmr.Value, error) {
	if text != "" && strings.ContainsRune("/.:", rune(text[0])) {
		return s.requestOf(l, text)
	}
	pl, err := grammar.ParseLine(text, l.Num)
	if err != nil {
		return dmr.Value{}, syntaxFailure(l, err)
	}
	if pl.Cmd != nil && pl.Cmd.Name == "read-attribute" {
		return s.readAttributeRequest(l, pl.Cmd)
	}
	if pl.Cmd == nil || (pl.Cmd.Name != "data-source" && pl.Cmd.Name != "xa-data-source") {
		return dmr.Value{}, fmt.Errorf("The command does not translate to an operation request.")
	}
	reqs, err := s.dataSourceRequests(l, pl.Cmd)
	if err != nil {
		return dmr.Value{}, err
	}
	if len(reqs) == 1 {
		return reqs[0], nil
	}
	return (&Batch{steps: stepsOf(reqs)}).Request(dmr.Value{}), nil
}
