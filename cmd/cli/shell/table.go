package shell

import (
	"sort"
	"strings"
)

// terminalWidth is the width jboss-cli assumes when it is not on a
// terminal; a cell at least this long does not widen its column.
const terminalWidth = 80

// table is a text table laid out as jboss-cli's SimpleTable: every column
// (the last one too) is padded to its widest cell plus one, and rows may be
// sorted by their first cell.
type table struct {
	header []string
	widths []int
	rows   [][]string
}

// newTable returns a table with the given header; with no header it has
// columns columns.
func newTable(columns int, header ...string) *table {
	t := &table{header: header, widths: make([]int, columns)}
	for i, h := range header {
		t.widths[i] = len(h) + 1
	}
	return t
}

func (t *table) add(cells ...string) {
	for i, c := range cells {
		switch {
		case t.widths[i] == 0 && len(c) < terminalWidth:
			t.widths[i] = len(c) + 1
		case t.widths[i] == 0:
			t.widths[i] = terminalWidth
		case t.widths[i] < len(c)+1 && len(c) < terminalWidth:
			t.widths[i] = len(c) + 1
		}
	}
	t.rows = append(t.rows, cells)
}

// String returns the table, the header first, rows sorted by their first
// cell when sorted is set, lines joined by newlines (no final newline).
func (t *table) String(sorted bool) string {
	rows := t.rows
	if sorted {
		rows = append([][]string{}, rows...)
		sort.SliceStable(rows, func(i, j int) bool { return rows[i][0] < rows[j][0] })
	}
	var lines []string
	if t.header != nil {
		lines = append(lines, t.line(t.header))
	}
	for _, r := range rows {
		lines = append(lines, t.line(r))
	}
	return strings.Join(lines, "\n")
}

func (t *table) line(cells []string) string {
	var b strings.Builder
	for i, c := range cells {
		b.WriteString(pad(c, t.widths[i]))
	}
	return b.String()
}

func pad(s string, w int) string {
	if len(s) >= w {
		return s
	}
	return s + strings.Repeat(" ", w-len(s))
}
