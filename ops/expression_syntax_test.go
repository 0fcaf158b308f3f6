package ops

import (
	"errors"
	"testing"
)

func TestExpressionSyntaxExpand(t *testing.T) {
	props := map[string]string{"a": "A", "b": "${a}", "k": "b", "<b>": "B"}
	x := ExpressionSyntax{
		PathSeparator: "P",
		ListSeparator: "L",
		Lookup: func(name string) (string, bool) {
			v, ok := props[name]
			return v, ok
		},
		Found: func(v string) (string, error) { return "<" + v + ">", nil },
		Missing: func(body, keys string) (string, error) {
			return "missing(" + body + "|" + keys + ")", nil
		},
		Unclosed: func(rest string) (string, bool, error) { return "open(" + rest + ")", true, nil },
	}
	x.Nested = func(s string) (string, error) { return x.Expand(s) }
	tests := []struct {
		name, in, want string
	}{
		{"no expression", "plain", "plain"},
		{"a double dollar is one dollar", "a$$b", "a$b"},
		{"a dollar without a brace stays", "$a $", "$a $"},
		{"a found value goes through Found", "${a}", "<A>"},
		{"the first defined alternative wins", "${z, b ,a}", "<${a}>"},
		{"a nested name is resolved first", "${${k}}", "<B>"},
		{"the default when no name is defined", "${z:d${a}}", "d<A>"},
		{"a leading colon belongs to the name", "${:x}", "missing(:x|:x)"},
		{"the separators", "${/}${:}", "PL"},
		{"a miss with its resolved keys", "${z,${k}y}", "missing(z,${k}y|z,<b>y)"},
		{"an unclosed brace", "x${a", "xopen(${a)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := x.Expand(tt.in)
			if err != nil || got != tt.want {
				t.Errorf("Expand(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestExpressionSyntaxErrorsStop(t *testing.T) {
	stop := errors.New("stop")
	x := ExpressionSyntax{
		Lookup:   func(string) (string, bool) { return "", false },
		Nested:   func(s string) (string, error) { return s, nil },
		Missing:  func(string, string) (string, error) { return "", stop },
		Unclosed: func(string) (string, bool, error) { return "", false, stop },
	}
	for _, in := range []string{"a${b}c", "a${b"} {
		if _, err := x.Expand(in); !errors.Is(err, stop) {
			t.Errorf("Expand(%q) error = %v, want %v", in, err, stop)
		}
	}
}

func TestClosingBrace(t *testing.T) {
	tests := []struct {
		name string
		s    string
		open int
		want int
	}{
		{"simple", "${a}", 1, 3},
		{"nested", "${a${b}}x", 1, 7},
		{"unclosed", "${a${b}", 1, -1},
		{"no brace at open", "$a}", 1, -1},
		{"open past the end", "$", 1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ClosingBrace(tt.s, tt.open); got != tt.want {
				t.Errorf("ClosingBrace(%q, %d) = %d, want %d", tt.s, tt.open, got, tt.want)
			}
		})
	}
}
