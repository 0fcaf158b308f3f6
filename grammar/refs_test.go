package grammar

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRefs(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Ref
	}{
		{"a variable and an expression", `:op(p=$v,q=${a:b})`, []Ref{
			{Pos: Pos{1, 7, 6}, Kind: VarRef, Name: "v", Text: "$v"},
			{Pos: Pos{1, 12, 11}, Kind: PropRef, Name: "a:b", Text: "${a:b}"},
		}},
		{"a quoted parameter value", `:op(p="$v")`, []Ref{
			{Pos: Pos{1, 8, 7}, Kind: VarRef, Name: "v", Text: "$v", Quoted: true},
		}},
		{"a quoted command argument is not a parameter value", `echo "$v"`, []Ref{
			{Pos: Pos{1, 7, 6}, Kind: VarRef, Name: "v", Text: "$v"},
		}},
		{"escapes and lone dollars", `set v=\$x $$ $ $1`, nil},
		{"a nested expression", `${${a}.b:c}x`, []Ref{
			{Pos: Pos{1, 1, 0}, Kind: PropRef, Name: "${a}.b:c", Text: "${${a}.b:c}"},
		}},
		{"an unclosed expression", `a ${b`, []Ref{
			{Pos: Pos{1, 3, 2}, Kind: PropRef, Name: "b", Text: "${b"},
		}},
		{"a comment", `# $v`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Refs(tt.text, 1)); diff != "" {
				t.Errorf("Refs(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}
