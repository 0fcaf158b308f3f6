package grammar

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Error is a syntax error in one line of CLI input. Line and Col are 1-based;
// Col counts characters (runes), not bytes. Text is the line the error is in,
// as it was given to the parser, so that the error can be shown with a caret.
type Error struct {
	Line, Col int
	Msg       string
	Text      string
	// Advice is an optional sentence that tells the user what to do; it is
	// printed by Format on a line of its own.
	Advice string
}

// Error returns "line:col: msg".
func (e *Error) Error() string {
	return fmt.Sprintf("%d:%d: %s", e.Line, e.Col, e.Msg)
}

// Format returns the error as a compiler prints it: "file:line:col: msg", the
// line text, and a caret under the column, each on its own line, then the
// advice sentence when there is one. Tabs before the column are kept in the
// caret line so that the caret lines up in a terminal.
func (e *Error) Format(file string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%d:%d: %s\n", file, e.Line, e.Col, e.Msg)
	b.WriteString(e.Text)
	b.WriteByte('\n')
	b.WriteString(caretPad(e.Text, e.Col))
	b.WriteByte('^')
	if e.Advice != "" {
		b.WriteByte('\n')
		b.WriteString(e.Advice)
	}
	return b.String()
}

// caretPad returns the blanks that put a caret under column col of text.
func caretPad(text string, col int) string {
	var b strings.Builder
	i := 1
	for _, r := range text {
		if i >= col {
			break
		}
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		i++
	}
	for ; i < col; i++ {
		b.WriteByte(' ')
	}
	return b.String()
}

// Errorf returns an *Error at byte offset off of text, which is line line of
// its input, with advice when the message is one the package knows. Other
// packages use it to report errors found in a tree (an unknown variable, an
// unresolved property) in the same form as syntax errors.
func Errorf(text string, line, off int, format string, args ...any) *Error {
	msg := fmt.Sprintf(format, args...)
	return &Error{Line: line, Col: column(text, off), Msg: msg, Text: text,
		Advice: adviceFor(msg)}
}

// column converts a byte offset in text to a 1-based rune column.
func column(text string, off int) int {
	if off > len(text) {
		off = len(text)
	}
	if off < 0 {
		off = 0
	}
	return utf8.RuneCountInString(text[:off]) + 1
}
