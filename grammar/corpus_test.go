package grammar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	shared "wfcli/internal/corpus"
)

// logicalLine is a line of a script after continuations are joined.
type logicalLine struct {
	num  int // the number of its first physical line
	text string
}

// joinLines splits a script into logical lines as jboss-cli's file mode
// reads them: each physical line is trimmed, and a line ending in '\' is
// joined to the next with one space. Comments and blank lines are dropped.
func joinLines(src string) []logicalLine {
	var out []logicalLine
	var buf strings.Builder
	first := 0
	for i, raw := range strings.Split(src, "\n") {
		line := strings.TrimSpace(raw)
		if buf.Len() == 0 {
			first = i + 1
		}
		if strings.HasSuffix(line, `\`) {
			buf.WriteString(strings.TrimSuffix(line, `\`))
			buf.WriteByte(' ')
			continue
		}
		buf.WriteString(line)
		text := buf.String()
		buf.Reset()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		out = append(out, logicalLine{first, text})
	}
	if buf.Len() > 0 {
		out = append(out, logicalLine{first, strings.TrimSpace(buf.String())})
	}
	return out
}

// corpus reads every script of ../shared/corpus/cli, skipping the test when
// the corpus is absent.
func corpus(tb testing.TB) map[string][]logicalLine {
	tb.Helper()
	dir := shared.CLIDir(tb)
	files, err := filepath.Glob(filepath.Join(dir, "*.cli"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no scripts in %s: %v", dir, err)
	}
	out := map[string][]logicalLine{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out[filepath.Base(f)] = joinLines(string(b))
	}
	return out
}

// parseAll parses a logical line and the request of an if or for line.
func parseAll(l logicalLine) error {
	pl, err := ParseLine(l.text, l.num)
	if err != nil {
		return err
	}
	if pl.Cmd == nil {
		return nil
	}
	switch {
	case pl.Cmd.Of != "":
		_, _, err = ParseOperation(pl.Cmd.Of, l.num)
	case pl.Cmd.In != "":
		_, _, err = ParseOperation(pl.Cmd.In, l.num)
	}
	return err
}

func TestCorpusParses(t *testing.T) {
	lines := 0
	for name, script := range corpus(t) {
		for _, l := range script {
			lines++
			if err := parseAll(l); err != nil {
				t.Errorf("%s:%d: %v\n%s", name, l.num, err, l.text)
			}
		}
	}
	if lines < 1000 {
		t.Errorf("only %d logical lines in the corpus; the scripts were not read", lines)
	}
}

func BenchmarkParseCorpus(b *testing.B) {
	scripts := corpus(b)
	var all []logicalLine
	bytes := 0
	for _, s := range scripts {
		all = append(all, s...)
		for _, l := range s {
			bytes += len(l.text)
		}
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, l := range all {
			if err := parseAll(l); err != nil {
				b.Fatal(err)
			}
		}
	}
}
