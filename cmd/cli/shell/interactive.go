package shell

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"wfcli/grammar"
	"wfcli/ops"
)

// History is the interactive shell's record of the lines typed, as the
// history command sees it. The console supplies one; without it the
// history command fails.
type History interface {
	// Lines returns the lines recorded, oldest first (sensitive values
	// already masked).
	Lines() []string
	// Clear forgets every line, in memory and in the history file.
	Clear() error
	// SetEnabled turns the recording of new lines on or off.
	SetEnabled(on bool)
}

// addInteractiveHandlers adds the commands of the interactive shell (help,
// history, batch editing) to handlers; the init of commands.go calls it.
func addInteractiveHandlers() {
	for name, h := range map[string]handler{
		"help":              cmdHelpTopics,
		"history":           cmdHistory,
		"edit-batch-line":   cmdEditBatchLine,
		"move-batch-line":   cmdMoveBatchLine,
		"remove-batch-line": cmdRemoveBatchLine,
		"holdback-batch":    cmdHoldbackBatch,
		"read-operation":    cmdReadOperation,
		"alias":             cmdAlias,
		"unalias":           cmdUnalias,
		"clear":             cmdClear,
		"cls":               cmdClear,
		"connection-info":   cmdConnectionInfo,
		"jdbc-driver-info":  cmdJdbcDriverInfo,
	} {
		handlers[name] = h
	}
}

// SetHistory gives the shell the history the history command lists and
// clears; nil removes it.
func (s *Shell) SetHistory(h History) { s.history = h }

// Interact handles one logical line typed at the interactive prompt. Unlike
// Run, a failure does not end anything: the error is printed (jboss-cli's
// text only, without the positioned diagnostic) and the session goes on; a
// control-flow block stays open across lines until its closing line. It
// reports whether the line succeeded.
func (s *Shell) Interact(l Line) bool {
	s.exitCode = 0
	l.Text = s.expandAlias(l.Text)
	if err := s.handle(l); err != nil {
		s.exitCode = 1
		var f *Failure
		errors.As(at(l, err), &f)
		if s.color {
			s.println("\x1b[31m" + f.Msg + "\x1b[0m")
		} else {
			s.println(f.Msg)
		}
		return false
	}
	return true
}

// SetColor turns colours on or off in what Interact prints (errors in
// red). Only the interactive shell on a terminal turns them on.
func (s *Shell) SetColor(on bool) { s.color = on }

// SetWidth gives the interactive shell's terminal width, which ls uses to
// lay its items out in columns as jboss-cli does on a terminal; nil (the
// default, and outside a terminal) prints one item a line.
func (s *Shell) SetWidth(width func() int) { s.width = width }

// columns returns the width lists are laid out in: the terminal's in the
// interactive shell, else 80.
func (s *Shell) columns() int {
	if s.width == nil {
		return 80
	}
	return s.width()
}

// printItems prints ls's items: in columns of the terminal's width when
// the shell has one and columns is set, else one a line.
func (s *Shell) printItems(items []string, columns bool) {
	if s.width == nil || !columns {
		for _, it := range items {
			s.println(it)
		}
		return
	}
	io.WriteString(s.out, Columns(items, s.columns()))
}

// Node returns the current node and, when the current path ends on a type
// (cd subsystem), that type.
func (s *Shell) Node() (ops.Address, string) { return s.node, s.nodeType }

// Client returns the connection to the controller, or nil when there is
// none.
func (s *Shell) Client() Client { return s.client }

// InBatch reports whether a batch is being collected.
func (s *Shell) InBatch() bool { return s.batch != nil }

// InBlock reports whether an if, try or for block is collecting lines.
func (s *Shell) InBlock() bool { return s.flow != nil }

// VariableNames returns the names of the variables set, sorted.
func (s *Shell) VariableNames() []string {
	names := make([]string, 0, len(s.vars))
	for n := range s.vars {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// CommandNames returns the names of the commands the shell runs, sorted.
func CommandNames() []string {
	names := make([]string, 0, len(handlers))
	for n := range handlers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// InteractivePrompt returns the prompt of the interactive shell: Prompt,
// with " ..." while an if, try or for block collects lines, as jboss-cli
// shows it.
func (s *Shell) InteractivePrompt() string {
	p := s.Prompt()
	if s.flow == nil {
		return p
	}
	return strings.TrimSuffix(p, "] ") + " ...] "
}

// cmdHistory lists the history, or clears, disables or enables it.
func cmdHistory(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only("clear", "disable", "enable"); err != nil {
		return err
	}
	if s.history == nil {
		return fmt.Errorf("The history is kept only by the interactive shell.")
	}
	switch {
	case has(a, "clear"):
		return s.history.Clear()
	case has(a, "disable"):
		s.history.SetEnabled(false)
	case has(a, "enable"):
		s.history.SetEnabled(true)
	default:
		for _, line := range s.history.Lines() {
			s.println(line)
		}
	}
	return nil
}
