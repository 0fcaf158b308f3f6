package shell

import (
	"strconv"
	"strings"
)

// Line is one logical line of a script: what the shell handles as a unit.
type Line struct {
	// File names the script the line came from, as the user gave it
	// (a path, or a pseudo-name such as "--commands" or "<stdin>").
	File string
	// Num is the 1-based number of the line's first physical line.
	Num int
	// Text is the line trimmed, with continued lines joined by one space.
	Text string
	// Raw holds the physical lines the logical line was read from, each
	// trimmed, for --echo-command.
	Raw []string
}

// Where returns the position of l as "file:line", the prefix of every
// diagnostic about it.
func (l Line) Where() string {
	return l.File + ":" + strconv.Itoa(l.Num)
}

// SplitScript cuts the text of a script into the logical lines the shell
// runs, as jboss-cli's file mode reads them: each physical line is trimmed
// (a CR before the LF is dropped), empty lines and lines whose first
// character is '#' are skipped (also between continued lines), and a line
// that ends with '\' (trailing whitespace after it allowed) is joined to the
// next with one space. A script that ends inside a continuation yields what
// was buffered.
func SplitScript(file, src string) []Line {
	var out []Line
	var cur *Line
	for i, phys := range strings.Split(src, "\n") {
		text := strings.TrimSpace(phys)
		// As in jboss-cli, blank and comment lines are skipped even inside a
		// continuation.
		if text == "" || text[0] == '#' {
			continue
		}
		if cur == nil {
			cur = &Line{File: file, Num: i + 1}
		}
		cur.Raw = append(cur.Raw, text)
		if body, ok := strings.CutSuffix(text, `\`); ok {
			cur.Text += body + " "
			continue
		}
		cur.Text += text
		out = append(out, *cur)
		cur = nil
	}
	if cur != nil {
		cur.Text = strings.TrimSpace(cur.Text)
		if cur.Text != "" {
			out = append(out, *cur)
		}
	}
	return out
}
