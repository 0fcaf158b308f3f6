package shell

import (
	"os"
	"path/filepath"
	"testing"

	"wfcli/grammar"
	"wfcli/internal/corpus"
)

// corpusDir returns ../shared/corpus/cli, found by walking up from the
// test's directory, or skips the test when it is absent.
func corpusDir(t *testing.T) string {
	t.Helper()
	return corpus.CLIDir(t)
}

// TestCorpusScriptsLoadAndParse reads every real script of the corpus as
// the shell does (continuations joined, comments dropped) and parses each
// logical line: none may be a syntax error.
func TestCorpusScriptsLoadAndParse(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(corpusDir(t), "*.cli"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus scripts: %v", err)
	}
	lines := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range SplitScript(filepath.Base(f), string(src)) {
			lines++
			if _, err := grammar.ParseLine(l.Text, l.Num); err != nil {
				t.Errorf("%s", syntaxFailure(l, err).(*Failure).Diagnostic())
			}
		}
	}
	// The corpus's 5,433 physical lines hold this many logical lines.
	if lines != 4131 {
		t.Errorf("%d logical lines, want 4131", lines)
	}
}
