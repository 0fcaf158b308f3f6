package shell

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSplitScript(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Line
	}{
		{"lines are trimmed", "  :read-resource  \n",
			[]Line{{"s.cli", 1, ":read-resource", []string{":read-resource"}}}},
		{"comments and empty lines are skipped", "# one\n\n  # two\necho a\n",
			[]Line{{"s.cli", 4, "echo a", []string{"echo a"}}}},
		{"a hash later in the line is text", "echo a # b",
			[]Line{{"s.cli", 1, "echo a # b", []string{"echo a # b"}}}},
		{"continuation joins with one space", "/a=b:add(x=1,\\\n   y=2)\necho z",
			[]Line{
				{"s.cli", 1, "/a=b:add(x=1, y=2)", []string{"/a=b:add(x=1,\\", "y=2)"}},
				{"s.cli", 3, "echo z", []string{"echo z"}},
			}},
		{"whitespace after the backslash is allowed", "echo a \\  \n b",
			[]Line{{"s.cli", 1, "echo a  b", []string{"echo a \\", "b"}}}},
		{"CRLF is tolerated", "echo a\r\necho b\r\n",
			[]Line{
				{"s.cli", 1, "echo a", []string{"echo a"}},
				{"s.cli", 2, "echo b", []string{"echo b"}},
			}},
		{"a script ending in a continuation keeps the buffer", "echo a\\",
			[]Line{{"s.cli", 1, "echo a", []string{"echo a\\"}}}},
		{"a comment inside a continuation is skipped", "echo a\\\n#b\n\nc",
			[]Line{{"s.cli", 1, "echo a c", []string{"echo a\\", "c"}}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := SplitScript("s.cli", tc.src)
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
