package console

import (
	"strings"

	"wfcli/cmd/cli/shell"
	"wfcli/grammar"
)

// Input joins the physical lines typed into one logical line, as
// jboss-cli's console does: a line that ends with '\' continues on the
// next, and so does a line that leaves a quote or a bracket ((, [, {)
// open. Continued lines are joined with one space. The zero Input is ready
// for use.
//
// Limitation: a line break typed inside quotes becomes a space, so a value
// typed over several lines holds spaces where the user pressed Enter.
type Input struct {
	raw  []string
	text strings.Builder
}

// Add takes the next physical line. It returns the logical line and true
// when the line is complete, or false while more lines are needed.
func (in *Input) Add(phys string) (shell.Line, bool) {
	t := strings.TrimSpace(phys)
	in.raw = append(in.raw, t)
	if body, ok := strings.CutSuffix(t, `\`); ok && !strings.HasSuffix(body, `\`) {
		in.text.WriteString(body)
		in.text.WriteString(" ")
		return shell.Line{}, false
	}
	in.text.WriteString(t)
	if Open(in.text.String()) {
		in.text.WriteString(" ")
		return shell.Line{}, false
	}
	l := shell.Line{Text: strings.TrimSpace(in.text.String()), Raw: in.raw}
	in.raw = nil
	in.text.Reset()
	return l, true
}

// Pending reports whether a logical line has been started and not
// finished.
func (in *Input) Pending() bool { return len(in.raw) > 0 }

// Reset drops the lines of the logical line being typed (Ctrl-C).
func (in *Input) Reset() {
	in.raw = nil
	in.text.Reset()
}

// Open reports whether text leaves a double quote or a bracket open. A
// backslash escapes the next character; brackets inside quotes do not
// count.
func Open(text string) bool {
	depth, quoted := grammar.ScanTopLevel(text, false, nil)
	return quoted || depth > 0
}
