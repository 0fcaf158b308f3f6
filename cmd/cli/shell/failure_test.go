package shell

import (
	"errors"
	"testing"
)

func TestFailureDiagnostic(t *testing.T) {
	line := Line{File: "setup.cli", Num: 7}
	inner := Line{File: "steps.cli", Num: 2}
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a plain error gets the line's position", errors.New("Unexpected command 'x'."),
			"setup.cli:7: Unexpected command 'x'."},
		{"the diagnostic text replaces the stdout text",
			&Failure{Msg: "{\n    \"outcome\" => \"failed\"\n}", Diag: "WFLYCTL0216: gone"},
			"setup.cli:7: WFLYCTL0216: gone"},
		{"a failure inside a block keeps its own line",
			&Failure{Line: &inner, Msg: "boom"}, "steps.cli:2: boom"},
		{"further lines follow", &Failure{Msg: "batch failed", More: []string{"a.cli:3: step-1"}},
			"setup.cli:7: batch failed\na.cli:3: step-1"},
		{"a formatted syntax error is kept whole",
			&Failure{Msg: "bad", Formatted: "setup.cli:7:3: bad\nab\n  ^"},
			"setup.cli:7:3: bad\nab\n  ^"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var f *Failure
			if !errors.As(at(line, tc.err), &f) {
				t.Fatal("at did not return a *Failure")
			}
			if got := f.Diagnostic(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
