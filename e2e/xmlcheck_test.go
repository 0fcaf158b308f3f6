package e2e

import (
	"sort"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"
)

// parseXML reads a configuration, failing the test when it is not
// well-formed.
func parseXML(t testing.TB, b []byte) *etree.Document {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(b); err != nil {
		t.Fatalf("the configuration is not well-formed XML: %v", err)
	}
	return doc
}

// canon renders an element on one line with what XML defines as its
// content: the tag, the attributes sorted by name (their order carries no
// meaning), the trimmed text and the children in order. Comments and
// whitespace between elements are left out, so a fragment compares equal
// whatever its indentation.
func canon(e *etree.Element) string {
	var b strings.Builder
	writeCanon(&b, e)
	return b.String()
}

func writeCanon(b *strings.Builder, e *etree.Element) {
	b.WriteString("<" + e.FullTag())
	attrs := make([]string, 0, len(e.Attr))
	for _, a := range e.Attr {
		if a.Space == "xmlns" || (a.Space == "" && a.Key == "xmlns") {
			continue
		}
		attrs = append(attrs, a.FullKey()+"=\""+a.Value+"\"")
	}
	sort.Strings(attrs)
	for _, a := range attrs {
		b.WriteString(" " + a)
	}
	b.WriteString(">")
	for _, tok := range e.Child {
		switch v := tok.(type) {
		case *etree.Element:
			writeCanon(b, v)
		case *etree.CharData:
			b.WriteString(strings.TrimSpace(v.Data))
		}
	}
	b.WriteString("</" + e.FullTag() + ">")
}

// canonFragment parses an expected XML fragment and renders it with canon.
func canonFragment(t testing.TB, fragment string) string {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromString(fragment); err != nil {
		t.Fatalf("bad expected fragment: %v\n%s", err, fragment)
	}
	return canon(doc.Root())
}

// findOne returns the single element at path, failing the test when there
// is none or more than one.
func findOne(t testing.TB, doc *etree.Document, path string) *etree.Element {
	t.Helper()
	found := doc.FindElements(path)
	if len(found) != 1 {
		t.Fatalf("want exactly one element at %s, found %d", path, len(found))
	}
	return found[0]
}

// assertFragment checks that the single element at path has exactly the
// content of the expected fragment.
func assertFragment(t testing.TB, doc *etree.Document, path, fragment string) {
	t.Helper()
	got := canon(findOne(t, doc, path))
	if diff := cmp.Diff(canonFragment(t, fragment), got); diff != "" {
		t.Errorf("element at %s (-want +got):\n%s", path, diff)
	}
}

// assertAbsent checks that nothing matches path.
func assertAbsent(t testing.TB, doc *etree.Document, path string) {
	t.Helper()
	if n := len(doc.FindElements(path)); n != 0 {
		t.Errorf("want no element at %s, found %d", path, n)
	}
}

// attrs returns an element's attributes as a map.
func attrs(e *etree.Element) map[string]string {
	m := map[string]string{}
	for _, a := range e.Attr {
		m[a.FullKey()] = a.Value
	}
	return m
}

// childTypes lists the type attribute of every child element, in order
// (the transport and protocols of a jgroups stack).
func childTypes(e *etree.Element) []string {
	var out []string
	for _, c := range e.ChildElements() {
		out = append(out, c.SelectAttrValue("type", ""))
	}
	return out
}

// lineDiff compares two texts line by line through their longest common
// subsequence and returns the lines only the first has and the lines only
// the second has, each in file order.
func lineDiff(before, after string) (removed, added []string) {
	a := strings.Split(before, "\n")
	b := strings.Split(after, "\n")

	// lcs[i][j] is the common length of a[i:] and b[j:].
	lcs := make([][]int32, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int32, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}

	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			i, j = i+1, j+1
		case lcs[i+1][j] >= lcs[i][j+1]:
			removed = append(removed, a[i])
			i++
		default:
			added = append(added, b[j])
			j++
		}
	}
	removed = append(removed, a[i:]...)
	added = append(added, b[j:]...)
	return removed, added
}

// trimAll trims the surrounding whitespace of every line.
func trimAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimSpace(l)
	}
	return out
}

// commentLines returns the lines of a text that hold an XML comment.
func commentLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, "<!--") || strings.Contains(l, "-->") {
			out = append(out, l)
		}
	}
	return out
}

func TestLineDiff(t *testing.T) {
	tests := []struct {
		name          string
		before, after string
		removed       []string
		added         []string
	}{
		{"identical texts", "a\nb\nc", "a\nb\nc", nil, nil},
		{"one line replaced", "a\nb\nc", "a\nB\nc", []string{"b"}, []string{"B"}},
		{"line inserted", "a\nc", "a\nb\nc", nil, []string{"b"}},
		{"lines removed at the end", "a\nb\nc", "a", []string{"b", "c"}, nil},
		{"repeated lines", "x\nx\ny", "x\ny", []string{"x"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			removed, added := lineDiff(tt.before, tt.after)
			if diff := cmp.Diff(tt.removed, removed); diff != "" {
				t.Errorf("removed (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.added, added); diff != "" {
				t.Errorf("added (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCanonIgnoresAttributeOrderAndIndentation(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		same bool
	}{
		{"attribute order", `<x a="1" b="2"/>`, `<x b="2" a="1"/>`, true},
		{"indentation", "<x>\n    <y>t</y>\n</x>", "<x><y>t</y></x>", true},
		{"comments", "<x><!-- c --><y/></x>", "<x><y/></x>", true},
		{"child order", "<x><y/><z/></x>", "<x><z/><y/></x>", false},
		{"attribute value", `<x a="1"/>`, `<x a="2"/>`, false},
		{"text", "<x>a</x>", "<x>b</x>", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			same := canonFragment(t, tt.a) == canonFragment(t, tt.b)
			if same != tt.same {
				t.Errorf("canon(%s) == canon(%s) is %v, want %v", tt.a, tt.b, same, tt.same)
			}
		})
	}
}
