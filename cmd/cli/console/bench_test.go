package console

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wfcli/cmd/cli/shell"
	"wfcli/internal/corpus"
)

// corpusDir returns ../shared/corpus/xml, found by walking up from the
// test's directory, or skips the test when it is absent.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	return corpus.XMLDir(tb)
}

// largestCorpusConfig returns the largest configuration of the corpus.
func largestCorpusConfig(tb testing.TB) []byte {
	files, _ := filepath.Glob(filepath.Join(corpusDir(tb), "*.xml"))
	var best []byte
	for _, f := range files {
		if data, err := os.ReadFile(f); err == nil && len(data) > len(best) {
			best = data
		}
	}
	return best
}

// BenchmarkReady measures what the shell does before its first prompt:
// the session, the history (500 lines) and the line editor.
func BenchmarkReady(b *testing.B) {
	path := filepath.Join(b.TempDir(), HistoryFileName)
	lines := strings.Repeat("/subsystem=logging:read-resource(recursive=true)\n", 500)
	if err := os.WriteFile(path, []byte(lines), 0o600); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		sh := shell.New(shell.Options{})
		hist, err := OpenHistory(path, 0)
		if err != nil {
			b.Fatal(err)
		}
		r, w := io.Pipe()
		rl, err := newEditor(sh, hist, Options{Stdin: r, Stdout: io.Discard,
			Stderr: io.Discard})
		if err != nil {
			b.Fatal(err)
		}
		rl.Close()
		w.Close()
	}
}

// BenchmarkComplete measures one completion, the parameters of an
// operation deep in the model, on the largest configuration of the corpus.
func BenchmarkComplete(b *testing.B) {
	sh := bootShell(b, largestCorpusConfig(b), "")
	c := NewCompleter(sh)
	lines := []string{
		"/subsystem=infinispan/cache-container=keycloak/",
		"/subsystem=logging/console-handler=CONSOLE:write-attribute(name=level,value=",
		"/subsystem=datasources/data-source=KeycloakDS:write-attribute(name=",
	}
	for _, l := range lines {
		if cands, _ := c.Complete(l); len(cands) == 0 {
			b.Fatalf("no candidates for %q", l)
		}
	}
	for b.Loop() {
		for _, l := range lines {
			c.Complete(l)
		}
	}
}
