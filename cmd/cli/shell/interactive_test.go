package shell

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestInteract(t *testing.T) {
	tests := []struct {
		name    string
		lines   []string
		want    string
		prompts []string // the prompt after each line
	}{
		{"a failure does not end the session",
			[]string{"nope", "echo still here"},
			"Unexpected command 'nope'. Type 'help --commands' for the list of supported " +
				"commands.\nstill here\n",
			[]string{"[disconnected /] ", "[disconnected /] "}},
		{"an alias stands for its text",
			[]string{"alias say='echo hi'", "say there", "alias", "unalias say", "alias"},
			"hi there\nalias say='echo hi'\n",
			[]string{"[disconnected /] ", "[disconnected /] ", "[disconnected /] ",
				"[disconnected /] ", "[disconnected /] "}},
		{"a block stays open across lines and shows in the prompt",
			[]string{"try", "echo a", "catch", "echo b", "end-try"},
			"The connection to the controller has not been established.\n",
			[]string{"[disconnected / ...] ", "[disconnected / ...] ", "[disconnected / ...] ",
				"[disconnected / ...] ", "[disconnected /] "}},
		{"a batch shows in the prompt", []string{"batch", "discard-batch"}, "",
			[]string{"[disconnected / #] ", "[disconnected /] "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			s := New(Options{Stdout: &out})
			var prompts []string
			for i, text := range tc.lines {
				s.Interact(Line{File: "<interactive>", Num: i + 1, Text: text, Raw: []string{text}})
				prompts = append(prompts, s.InteractivePrompt())
			}
			if diff := cmp.Diff(tc.want, out.String()); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.prompts, prompts); diff != "" {
				t.Errorf("prompts (-want +got):\n%s", diff)
			}
		})
	}
}

func TestInteractColoursErrorsOnlyWhenAsked(t *testing.T) {
	for _, on := range []bool{false, true} {
		var out bytes.Buffer
		s := New(Options{Stdout: &out})
		s.SetColor(on)
		s.Interact(Line{File: "<interactive>", Num: 1, Text: "nope", Raw: []string{"nope"}})
		want := nopeMsg + "\n"
		if on {
			want = "\x1b[31m" + nopeMsg + "\x1b[0m\n"
		}
		if got := out.String(); got != want {
			t.Errorf("colour %v: got %q, want %q", on, got, want)
		}
	}
}

func TestColumns(t *testing.T) {
	tests := []struct {
		name  string
		words []string
		width int
		want  string
	}{
		{"no words", nil, 80, ""},
		{"one row", []string{"a", "bb", "c"}, 80, "a   bb  c\n"},
		{"row by row", []string{"a", "b", "c", "d", "e"}, 8, "a  b\nc  d\ne\n"},
		{"a word wider than the width", []string{"abcdef", "g"}, 4, "abcdef\ng\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Columns(tc.words, tc.width); got != tc.want {
				t.Errorf("Columns = %q, want %q", got, tc.want)
			}
		})
	}
}

const nopeMsg = "Unexpected command 'nope'. Type 'help --commands' for the list of supported " +
	"commands."

// memHistory is a History kept in memory.
type memHistory struct {
	lines   []string
	enabled bool
}

func (h *memHistory) Lines() []string    { return h.lines }
func (h *memHistory) Clear() error       { h.lines = nil; return nil }
func (h *memHistory) SetEnabled(on bool) { h.enabled = on }

func TestHistoryCommand(t *testing.T) {
	var out bytes.Buffer
	s := New(Options{Stdout: &out})
	h := &memHistory{lines: []string{"ls", "cd /"}, enabled: true}
	s.SetHistory(h)
	run := func(text string) {
		s.Interact(Line{File: "<interactive>", Num: 1, Text: text, Raw: []string{text}})
	}
	run("history")
	run("history --disable")
	if h.enabled {
		t.Error("history --disable left the history enabled")
	}
	run("history --enable")
	if !h.enabled {
		t.Error("history --enable left the history disabled")
	}
	run("history --clear")
	run("history")
	run("history --all")
	want := "ls\ncd /\nUnrecognized arguments: [--all]\n"
	if diff := cmp.Diff(want, out.String()); diff != "" {
		t.Errorf("output (-want +got):\n%s", diff)
	}
}
