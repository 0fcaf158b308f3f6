package xmlmodel

import (
	"bytes"
)

// MergeLines returns out, the serialization of an edited document, with
// every line that the edit did not touch taken from orig, the file as it
// was. baseline is the serialization of the document before the edit. It
// matters only for the rare file whose spelling etree does not reproduce
// (&gt; or &apos; in attribute values, character references, <a></a>, CRLF
// line ends):
// there orig and baseline differ in such lines, and without the merge the
// first change of the file would respell them too.
//
// When orig equals baseline (every file of the corpus), out is returned as
// it is. When their line counts differ, the lines cannot be matched and out
// is returned as well.
func MergeLines(orig, baseline, out []byte) []byte {
	if bytes.Equal(orig, baseline) {
		return out
	}
	o, b, n := bytes.Split(orig, []byte("\n")), bytes.Split(baseline, []byte("\n")),
		bytes.Split(out, []byte("\n"))
	if len(o) != len(b) {
		return out
	}
	// The XML reader turns CRLF into LF; new lines of a CRLF file get the CR
	// back.
	crlf := bytes.Contains(orig, []byte("\r\n"))
	var merged [][]byte
	for _, m := range matchLines(b, n) {
		switch {
		case m.from >= 0:
			merged = append(merged, o[m.from])
		case crlf && m.to < len(n)-1:
			merged = append(merged, append(append([]byte{}, n[m.to]...), '\r'))
		default:
			merged = append(merged, n[m.to])
		}
	}
	return bytes.Join(merged, []byte("\n"))
}

// lineMatch is one line of the edited text: to is its index there, from
// the index of the same line in the text before the edit, or -1 for a new
// or changed line.
type lineMatch struct{ from, to int }

// matchLines matches the lines of b (before) and n (after) by a longest
// common subsequence, after stripping the common head and tail, and returns
// one lineMatch per line of n.
func matchLines(b, n [][]byte) []lineMatch {
	head := 0
	for head < len(b) && head < len(n) && bytes.Equal(b[head], n[head]) {
		head++
	}
	tail := 0
	for tail < len(b)-head && tail < len(n)-head &&
		bytes.Equal(b[len(b)-1-tail], n[len(n)-1-tail]) {
		tail++
	}
	bm, nm := b[head:len(b)-tail], n[head:len(n)-tail]
	var out []lineMatch
	for i := 0; i < head; i++ {
		out = append(out, lineMatch{i, i})
	}
	for _, m := range lcsLines(bm, nm) {
		if m.from >= 0 {
			m.from += head
		}
		m.to += head
		out = append(out, m)
	}
	for i := 0; i < tail; i++ {
		out = append(out, lineMatch{len(b) - tail + i, len(n) - tail + i})
	}
	return out
}

// lcsLines matches the lines of b and n by a longest common subsequence.
func lcsLines(b, n [][]byte) []lineMatch {
	rows, cols := len(b), len(n)
	lcs := make([][]int32, rows+1)
	for i := range lcs {
		lcs[i] = make([]int32, cols+1)
	}
	for i := rows - 1; i >= 0; i-- {
		for j := cols - 1; j >= 0; j-- {
			if bytes.Equal(b[i], n[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []lineMatch
	i, j := 0, 0
	for j < cols {
		switch {
		case i < rows && bytes.Equal(b[i], n[j]):
			out = append(out, lineMatch{i, j})
			i, j = i+1, j+1
		case i < rows && lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			out = append(out, lineMatch{-1, j})
			j++
		}
	}
	return out
}
