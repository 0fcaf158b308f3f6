package shell

import (
	"testing"

	"wfcli/ops"
)

func TestFormatValue(t *testing.T) {
	tests := []struct {
		name, value, want string
	}{
		{"a string prints raw", `"a b"`, "a b"},
		{"a long keeps its L", `5L`, "5L"},
		{"undefined is n/a", `undefined`, "n/a"},
		{"a list prints one item per line", `["a", "b"]`, "a\nb"},
		{"an object prints key=value lines", `{"a" => 1, "b" => "x"}`, "a=1\nb=x"},
		{"a nested list is indented by two", `{"l" => ["x", "y"]}`, "l\n  x\n  y"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatValue(mustParse(t, tc.value), 0); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestUnescapeEcho(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text is kept", "*** Begin ***", "*** Begin ***"},
		{"a backslash escapes the next character", `a\$b \\ c\`, `a$b \ c`},
		{"quotes stay", `'realmVersions' "x"`, `'realmVersions' "x"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := unescapeEcho(tc.in); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPrompt(t *testing.T) {
	tests := []struct {
		name     string
		node     ops.Address
		nodeType string
		batch    bool
		want     string
	}{
		{"the root when disconnected", nil, "", false, "[disconnected /] "},
		{"the last step of the node", ops.Address{{Type: "subsystem", Name: "logging"},
			{Type: "logger", Name: "x"}}, "", false, "[disconnected logger=x] "},
		{"a path ending on a type", ops.Address{{Type: "subsystem", Name: "logging"}}, "logger", false,
			"[disconnected logger] "},
		{"batch mode adds #", nil, "", true, "[disconnected / #] "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(Options{})
			s.node, s.nodeType = tc.node, tc.nodeType
			if tc.batch {
				s.batch = &Batch{}
			}
			if got := s.Prompt(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
