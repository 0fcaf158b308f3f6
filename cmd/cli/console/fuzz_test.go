package console

import (
	"strings"
	"testing"
)

var fuzzSeeds = []string{
	"", "/subsystem=in", ":read-resource(recursive=true,", `echo "a(`, "cd ../x=\"a/b\"/",
	"data-source add --name=x --password=y", ":write-attribute(name=password,value=x)",
	"/x=y:add(a={b=[1,2],c=\"d\"}){rollback-on-runtime-failure=", "if (a == b) of :x(",
	"echo-dmr --compact /", "set v=$", `\"\\`, "/a=b:c(d=[e, f",
}

// FuzzComplete checks that completion never panics and that every
// candidate begins with the word it replaces.
func FuzzComplete(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	c := NewCompleter(disconnected{})
	f.Fuzz(func(t *testing.T, text string) {
		cands, start := c.Complete(text)
		if start < 0 || start > len(text) {
			t.Fatalf("Complete(%q) start %d out of range", text, start)
		}
		for _, cand := range cands {
			if !strings.HasPrefix(cand, text[start:]) {
				t.Fatalf("Complete(%q) candidate %q does not begin with %q", text, cand,
					text[start:])
			}
		}
	})
}
