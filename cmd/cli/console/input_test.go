package console

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/cmd/cli/shell"
)

func TestInputJoinsContinuedLines(t *testing.T) {
	tests := []struct {
		name  string
		typed []string
		want  shell.Line
	}{
		{"a single line", []string{" ls -l "}, shell.Line{Text: "ls -l", Raw: []string{"ls -l"}}},
		{"a backslash continuation", []string{`/a=b:add(x=1,\`, "y=2)"},
			shell.Line{Text: "/a=b:add(x=1, y=2)", Raw: []string{`/a=b:add(x=1,\`, "y=2)"}}},
		{"an open bracket", []string{"/a=b:add(x=1,", "y=[1,", "2])"},
			shell.Line{Text: "/a=b:add(x=1, y=[1, 2])",
				Raw: []string{"/a=b:add(x=1,", "y=[1,", "2])"}}},
		{"an open quote", []string{`echo "a`, `b"`},
			shell.Line{Text: `echo "a b"`, Raw: []string{`echo "a`, `b"`}}},
		{"an escaped quote does not open", []string{`echo \"a`},
			shell.Line{Text: `echo \"a`, Raw: []string{`echo \"a`}}},
		{"a bracket in quotes does not open", []string{`echo "("`},
			shell.Line{Text: `echo "("`, Raw: []string{`echo "("`}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var in Input
			var got shell.Line
			for i, l := range tc.typed {
				line, done := in.Add(l)
				if last := i == len(tc.typed)-1; done != last {
					t.Fatalf("after %q: done = %v, want %v", l, done, last)
				}
				got = line
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("line (-want +got):\n%s", diff)
			}
			if in.Pending() {
				t.Error("the input is still pending after a complete line")
			}
		})
	}
}

func TestInputResetDropsThePendingLine(t *testing.T) {
	var in Input
	in.Add(`/a=b:add(\`)
	in.Reset()
	got, done := in.Add("ls")
	if !done || got.Text != "ls" {
		t.Errorf("after Reset, Add(ls) = %q, %v; want ls, true", got.Text, done)
	}
}
