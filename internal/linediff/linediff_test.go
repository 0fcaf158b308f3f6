package linediff

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLines(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		want []string
	}{
		{"equal texts", "a\nb\n", "a\nb\n", nil},
		{"a changed line", "a\nb\nc", "a\nB\nc", []string{"-b", "+B"}},
		{"an added line", "a\nc", "a\nb\nc", []string{"+b"}},
		{"a removed line", "a\nb\nc", "a\nc", []string{"-b"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Lines(tc.a, tc.b)); diff != "" {
				t.Errorf("Lines (-want +got):\n%s", diff)
			}
		})
	}
}
