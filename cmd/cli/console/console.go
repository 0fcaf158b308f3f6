// Package console is the CLI's interactive shell: line editing on
// github.com/chzyer/readline, the prompt as jboss-cli shows it, multi-line
// input, Tab completion driven by the management model, and the history
// file. It reads lines and hands each logical line to package shell, which
// runs it; it runs nothing itself. Flags and modes belong to main.
package console

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"github.com/chzyer/readline"

	"wfcli/cmd/cli/secret"
	"wfcli/cmd/cli/shell"
)

// Options configure the interactive shell.
type Options struct {
	// Stdin is the terminal; Stdout and Stderr receive the editor's output.
	Stdin          io.ReadCloser
	Stdout, Stderr io.Writer
	// HistoryFile is where the history is kept; "" keeps it in memory
	// only. HistoryLimit bounds it (0: DefaultHistoryLimit).
	HistoryFile  string
	HistoryLimit int
	// Color shows errors in red (the CLI's --no-color-output turns it off).
	Color bool
	// Interrupt, when not nil, is called at each Ctrl-C that arrives while a
	// command runs; it cancels the pending remote request (or connect).
	Interrupt func()
}

// Run reads lines from the terminal and runs them in sh until quit or
// Ctrl-D. Ctrl-C cancels the line being typed, or the remote request a
// command is waiting for (see Options.Interrupt). It returns the exit code:
// 0, or 1 when the terminal or the history cannot be opened.
//
// Limitation: while a list of completion candidates is shown, the first
// Ctrl-C only closes the list (readline's behaviour); a second one cancels
// the line.
func Run(sh *shell.Shell, o Options) int {
	hist, err := OpenHistory(o.HistoryFile, o.HistoryLimit)
	if err != nil {
		fmt.Fprintln(o.Stderr, err)
		hist, _ = OpenHistory("", o.HistoryLimit)
	}
	sh.SetHistory(hist)
	sh.SetColor(o.Color)
	if f, ok := o.Stdin.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		sh.SetWidth(func() int { return termWidth(int(f.Fd())) })
	}
	defer func() {
		sh.SetHistory(nil)
		sh.SetColor(false)
		sh.SetWidth(nil)
	}()
	rl, err := newEditor(sh, hist, o)
	if err != nil {
		fmt.Fprintf(o.Stderr, "Failed to start the interactive shell: %v\n", err)
		return 1
	}
	defer rl.Close()
	// Ctrl-C while a command runs must not kill the CLI (and an embedded
	// server in the middle of writing its configuration); at the prompt the
	// terminal is raw and Ctrl-C reaches readline as a key instead.
	interrupts := make(chan os.Signal, 1)
	signal.Notify(interrupts, os.Interrupt)
	defer func() {
		signal.Stop(interrupts)
		close(interrupts)
	}()
	go func() {
		for range interrupts {
			if o.Interrupt != nil {
				o.Interrupt()
			}
		}
	}()
	loop(sh, rl, hist, o.Stderr)
	return 0
}

// newEditor sets up readline with the completer and the history loaded.
func newEditor(sh *shell.Shell, hist *History, o Options) (*readline.Instance, error) {
	cfg := &readline.Config{
		Prompt:                 sh.InteractivePrompt(),
		AutoComplete:           readlineCompleter{c: NewCompleter(sh)},
		DisableAutoSaveHistory: true,
		HistoryLimit:           hist.limit,
		InterruptPrompt:        "^C",
		Stdin:                  o.Stdin,
		Stdout:                 o.Stdout,
		Stderr:                 o.Stderr,
	}
	if f, ok := o.Stdin.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		onTerminal(cfg, int(f.Fd()))
	}
	rl, err := readline.NewEx(cfg)
	if err != nil {
		return nil, err
	}
	for _, l := range hist.Lines() {
		rl.SaveHistory(l)
	}
	hist.onClear = rl.ResetHistory
	return rl, nil
}

// onTerminal makes readline edit on the terminal fd rather than on the
// process's standard input, which it would use by default.
func onTerminal(cfg *readline.Config, fd int) {
	var saved *readline.State
	cfg.FuncIsTerminal = func() bool { return true }
	cfg.FuncMakeRaw = func() error {
		st, err := readline.MakeRaw(fd)
		saved = st
		return err
	}
	cfg.FuncExitRaw = func() error {
		if saved == nil {
			return nil
		}
		return readline.Restore(fd, saved)
	}
	cfg.FuncGetWidth = func() int { return termWidth(fd) }
}

// termWidth returns the width of the terminal fd, or 80 when unknown.
func termWidth(fd int) int {
	if w, _, err := readline.GetSize(fd); err == nil && w > 0 {
		return w
	}
	return 80
}

// loop reads logical lines and runs them until quit or end of input.
func loop(sh *shell.Shell, rl *readline.Instance, hist *History, stderr io.Writer) {
	var in Input
	num := 0
	for !sh.Terminated() {
		if in.Pending() {
			rl.SetPrompt("> ")
		} else {
			rl.SetPrompt(sh.InteractivePrompt())
		}
		text, err := rl.Readline()
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			in.Reset()
			continue
		case err != nil:
			return
		}
		num++
		line, done := in.Add(text)
		if !done || line.Text == "" || strings.HasPrefix(line.Text, "#") {
			continue
		}
		line.File, line.Num = "<interactive>", num-len(line.Raw)+1
		node, _ := sh.Node()
		masked := secret.MaskAt(line.Text, node)
		if hist.enabled {
			rl.SaveHistory(masked)
		}
		if err := hist.Add(masked); err != nil {
			// Say it once, then keep the history in memory only.
			fmt.Fprintf(stderr, "%v; the history is no longer saved\n", err)
			hist.path = ""
		}
		sh.Interact(line)
	}
}

// readlineCompleter adapts a Completer to readline's interface, which
// wants the rest of each candidate after the word being completed.
type readlineCompleter struct{ c *Completer }

// Do implements readline.AutoCompleter.
func (r readlineCompleter) Do(line []rune, pos int) ([][]rune, int) {
	text := string(line[:pos])
	cands, start := r.c.Complete(text)
	word := text[start:]
	out := make([][]rune, 0, len(cands))
	for _, c := range cands {
		if strings.HasPrefix(c, word) {
			out = append(out, []rune(c[len(word):]))
		}
	}
	return out, len([]rune(word))
}
