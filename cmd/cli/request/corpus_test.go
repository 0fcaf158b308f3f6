package request

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wfcli/grammar"
	"wfcli/internal/corpus"
)

// TestCorpusRequests builds the request of every operation line of the
// corpus scripts (their if/for requests included), with every variable set
// to "v" and every system property to "p", and checks that jboss-cli's
// conversion accepts them all.
func TestCorpusRequests(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.CLIDir(t), "*.cli"))
	env := Env{Vars: func(string) (string, bool) { return "v", true },
		Props: func(string) (string, bool) { return "p", true }}
	ops := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range logicalLines(string(b)) {
			op, err := requestOf(l.text, l.num, env)
			if err != nil {
				t.Errorf("%s:%d: %v\n%s", filepath.Base(f), l.num, err, l.text)
			}
			if op {
				ops++
			}
		}
	}
	if ops < 1000 {
		t.Errorf("only %d operations converted; the scripts were not read", ops)
	}
}

// requestOf converts the operation of a line, if it has one.
func requestOf(text string, num int, env Env) (bool, error) {
	sub, err := Substitute(text, env)
	if err != nil {
		return false, err
	}
	l, err := grammar.ParseLine(sub, num)
	if err != nil {
		return false, err
	}
	op := l.Op
	if l.Cmd != nil && (l.Cmd.Of != "" || l.Cmd.In != "") {
		req := l.Cmd.Of + l.Cmd.In
		if op, _, err = grammar.ParseOperation(req, num); err != nil {
			return false, err
		}
	}
	if op == nil {
		return false, nil
	}
	_, err = Operation(op, env)
	return true, err
}

type numbered struct {
	num  int
	text string
}

// logicalLines joins continuation lines as jboss-cli's file mode does and
// drops comments and blank lines.
func logicalLines(src string) []numbered {
	var out []numbered
	var buf strings.Builder
	first := 0
	for i, raw := range strings.Split(src, "\n") {
		line := strings.TrimSpace(raw)
		if buf.Len() == 0 {
			first = i + 1
		}
		if strings.HasSuffix(line, `\`) {
			buf.WriteString(strings.TrimSuffix(line, `\`) + " ")
			continue
		}
		buf.WriteString(line)
		text := buf.String()
		buf.Reset()
		if text != "" && !strings.HasPrefix(text, "#") {
			out = append(out, numbered{first, text})
		}
	}
	return out
}
