package dmr

import (
	"os"
	"strings"
	"testing"

	"wfcli/internal/corpus"
)

// fuzzSeeds returns the inputs of the conformance table when ../shared is
// there, and a few of our own in any case.
func fuzzSeeds(f *testing.F) []string {
	seeds := []string{
		`{"a" => [1, 2L, 1.5, big decimal 1.50, big integer 7, bytes {0x01}]}`,
		`("k" => expression "${a:b}")`, `[STRING, undefined, true, "x\"y"]`,
		`{"EXPRESSION_VALUE" : "${x}"}`, `{"a" : [1, 2.5, null], "b" : {}}`,
	}
	path := corpus.Find("conformance", "dmr-text.tsv")
	if path == "" {
		return seeds
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return seeds
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			seeds = append(seeds, unescapeTSV(strings.Split(line, "\t")[0]))
		}
	}
	return seeds
}

// FuzzParse checks that Parse never panics and that whatever it accepts
// reads back the same from its multi-line and its compact text.
func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err != nil {
			return
		}
		for _, text := range []string{v.String(), v.CompactString()} {
			again, err := Parse(text)
			if err != nil {
				t.Fatalf("Parse(%q) accepted, but its text %q fails: %v", s, text, err)
			}
			if !again.Equal(v) {
				t.Fatalf("Parse(%q) = %s, but its text reads back as %s", s, v, again)
			}
		}
		_ = v.JSONString(false)
		_ = v.AsString()
	})
}

// FuzzParseJSON checks that ParseJSON never panics and that whatever it
// accepts survives the DMR text form.
func FuzzParseJSON(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseJSON(s)
		if err != nil {
			return
		}
		again, err := Parse(v.String())
		if err != nil || !again.Equal(v) {
			t.Fatalf("ParseJSON(%q) = %s, which reads back as %s, %v", s, v, again, err)
		}
		_ = v.JSONString(true)
	})
}
