package xmlmodel

import "testing"

func TestMergeLines(t *testing.T) {
	tests := []struct {
		name                      string
		orig, baseline, out, want string
	}{
		{"a file etree writes as it is gets the output",
			"a\nb\n", "a\nb\n", "a\nc\n", "a\nc\n"},
		{"untouched lines keep the file's spelling",
			"<a x='1'/>\n<b/>\n", `<a x="1"/>` + "\n<b/>\n", `<a x="1"/>` + "\n<c/>\n",
			"<a x='1'/>\n<c/>\n"},
		{"an added line between respelled ones",
			"&gt;1\n&gt;2\n", ">1\n>2\n", ">1\nnew\n>2\n", "&gt;1\nnew\n&gt;2\n"},
		{"line counts that differ give the output",
			"a&#10;b\nc\n", "a\nb\nc\n", "a\nb\nd\n", "a\nb\nd\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := string(MergeLines([]byte(tc.orig), []byte(tc.baseline), []byte(tc.out)))
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
