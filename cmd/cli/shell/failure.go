package shell

import (
	"errors"
	"strings"

	"wfcli/grammar"
	"wfcli/ops/dmr"
)

// Failure is the failure of one script line. Msg is what jboss-cli prints
// for it on stdout; the diagnostic on stderr starts with the line's
// position.
type Failure struct {
	// Line is the line that failed; nil until the failure is reported.
	Line *Line
	// Msg is jboss-cli's text for the failure (stdout).
	Msg string
	// Diag is the diagnostic's message when it differs from Msg, for
	// example the failure-description alone instead of a whole response.
	Diag string
	// Formatted is a complete, positioned diagnostic (a syntax error with
	// its caret); it replaces the position prefix and Diag.
	Formatted string
	// More are further positioned diagnostic lines (the failed steps of a
	// batch).
	More []string
}

// Error returns Msg.
func (f *Failure) Error() string { return f.Msg }

// Diagnostic returns the stderr text of the failure: "file:line: message"
// (or the formatted syntax error), then the lines of More.
func (f *Failure) Diagnostic() string {
	var b strings.Builder
	switch {
	case f.Formatted != "":
		b.WriteString(f.Formatted)
	default:
		if f.Line != nil {
			b.WriteString(f.Line.Where() + ": ")
		}
		msg := f.Diag
		if msg == "" {
			msg = strings.TrimSpace(f.Msg)
		}
		b.WriteString(msg)
	}
	for _, m := range f.More {
		b.WriteString("\n" + m)
	}
	return b.String()
}

// at returns err as a *Failure positioned at l, unless it already has a
// position (it failed in a line of a block that l ran).
func at(l Line, err error) error {
	if err == nil {
		return nil
	}
	var f *Failure
	if !errors.As(err, &f) {
		f = &Failure{Msg: err.Error()}
	}
	if f.Line == nil {
		f.Line = &l
	}
	return f
}

// syntaxFailure turns a parse or conversion error of line l into a Failure:
// jboss-cli prints the message alone; the diagnostic shows the column and a
// caret when the error knows them.
func syntaxFailure(l Line, err error) error {
	var ge *grammar.Error
	if errors.As(err, &ge) {
		return &Failure{Line: &l, Msg: ge.Msg, Formatted: ge.Format(l.File)}
	}
	return &Failure{Line: &l, Msg: err.Error()}
}

// responseFailure is a failed operation: jboss-cli prints the whole
// response; the diagnostic gives its failure-description.
func responseFailure(text string, resp dmr.Value) error {
	fd, _ := resp.Get("failure-description")
	return &Failure{Msg: text, Diag: fd.AsString()}
}

// noConnection is the failure of an operation with no controller: jboss-cli's
// text, and a diagnostic that says what to do.
func noConnection() error {
	return &Failure{Msg: "No connection to the controller.",
		Diag: "No connection to the controller. Start an embedded server first " +
			"(embed-server --server-config=standalone-ha.xml) or connect to a " +
			"running one (--connect)."}
}
