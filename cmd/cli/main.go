// Command cli is the management command-line interface: a Go analogue of
// WildFly's jboss-cli.sh. It runs scripts (--file), single lines (--command,
// --commands, bare arguments) or lines piped into it, against a server it
// embeds in its own process (embed-server). With nothing to run and a
// terminal on standard input it is an interactive shell (package console).
// Flags, modes and exit codes live here; the engine is package shell.
//
// Exit codes are jboss-cli's: 0 when every line succeeded, 1 at the first
// failure (the script stops there) and for argument errors. Results and
// jboss-cli's error texts go to stdout; argument errors go to stderr, and so
// does a "file:line: message" diagnostic for every failure.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"wfcli/cmd/cli/console"
	"wfcli/cmd/cli/remote"
	"wfcli/cmd/cli/shell"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// embedder starts embedded servers; it is set by embedded.go.
var embedder shell.Embedder

// run is the whole program: it returns the exit code instead of exiting, so
// that tests run it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := parseArgs(args)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	if cfg.help {
		printHelp(stdout)
		return 0
	}
	intr := &remote.Interrupter{}
	sh := shell.New(shell.Options{Stdout: stdout, Stderr: stderr, Properties: cfg.props,
		EchoCommand: cfg.echo, ResolveParameterValues: cfg.resolve, OutputJSON: cfg.json,
		Embed: embedder, CommandTimeout: cfg.commandTimeout,
		Connect: connector(cfg, stdin, stderr, intr)})
	defer sh.Close()
	if code := runRC(sh, cfg, stdout, stderr); code != 0 {
		return code
	}
	if cfg.connect {
		// As in jboss-cli, on stdout only: it is no script line, so it has
		// no file:line diagnostic on stderr either.
		if err := sh.Connect(""); err != nil {
			fmt.Fprintln(stdout, err)
			return 1
		}
	}
	return runMode(sh, cfg, stdin, stdout, stderr, intr)
}

// runMode runs what the command line asks for: the version, a file,
// commands, or the lines of a piped standard input.
func runMode(sh *shell.Shell, cfg *config, stdin io.Reader, stdout, stderr io.Writer,
	intr *remote.Interrupter) int {
	switch {
	case cfg.version:
		sh.Run([]shell.Line{{File: "--version", Num: 1, Text: "version"}})
	case cfg.file != "":
		src, err := os.ReadFile(cfg.file)
		if err != nil {
			abs, _ := filepath.Abs(cfg.file)
			msg := fmt.Sprintf("Failed to process file '%s': %v", abs, err)
			fmt.Fprintln(stdout, msg)
			fmt.Fprintln(stderr, msg)
			return 1
		}
		sh.Run(shell.SplitScript(cfg.file, string(src)))
	case cfg.hasCmds:
		sh.Run(commandLines(cfg))
	case isTerminal(stdin):
		// As in jboss-cli, an interactive session that ends normally exits
		// with 0 whatever its last line did.
		code := console.Run(sh, console.Options{Stdin: stdin.(*os.File), Stdout: stdout,
			Stderr: stderr, HistoryFile: console.DefaultHistoryPath(), Color: !cfg.noColor,
			Interrupt: intr.Interrupt})
		if err := sh.Close(); err != nil {
			fmt.Fprintf(stderr, "Failed to stop the embedded server: %v\n", err)
			return 1
		}
		return code
	default:
		src, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "Failed to read standard input: %v\n", err)
			return 1
		}
		sh.Run(shell.SplitScript("<stdin>", string(src)))
	}
	if err := sh.Close(); err != nil {
		fmt.Fprintf(stderr, "Failed to stop the embedded server: %v\n", err)
		return 1
	}
	return sh.ExitCode()
}

// commandLines turns --command(s) into lines numbered by their position.
func commandLines(cfg *config) []shell.Line {
	lines := make([]shell.Line, 0, len(cfg.commands))
	for i, c := range cfg.commands {
		text := strings.TrimSpace(c)
		lines = append(lines, shell.Line{File: cfg.cmdsSource, Num: i + 1, Text: text,
			Raw: []string{text}})
	}
	return lines
}

// runRC runs the .jbossclirc file, if there is one, before anything else.
// Any failure in it stops the CLI with "Failed to process <file>".
func runRC(sh *shell.Shell, cfg *config, stdout, stderr io.Writer) int {
	dir, _ := os.Getwd()
	path, err := shell.FindRC(cfg.props, dir, os.LookupEnv)
	if err != nil {
		fmt.Fprintln(stdout, err)
		fmt.Fprintln(stderr, err)
		return 1
	}
	if path == "" {
		return 0
	}
	src, err := os.ReadFile(path)
	if err == nil && sh.Run(shell.SplitScript(path, string(src))) {
		return 0
	}
	abs, _ := filepath.Abs(path)
	fmt.Fprintln(stdout, "Failed to process "+abs)
	return 1
}

// isTerminal reports whether r is a character device (an interactive
// terminal).
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, helpText)
	printOptions(w, flagSet())
}

const helpText = `Usage: cli [options] [commands]

Runs management commands and operations, as jboss-cli.sh does, against a
server embedded in this process (embed-server --server-config=<file>.xml),
or against a running node (--connect --controller=<host>:<port>, or the
connect command).

Modes:
  cli --file=setup.cli            run a script; stops at the first failure
  cli --command='<line>'          run one line
  cli --commands='<a>,<b>'        run lines separated by top-level commas
  cli '<a>,<b>'                   the same, as bare arguments
  cli < setup.cli                 run the lines piped into standard input
  cli                             on a terminal: the interactive shell, with Tab
                                  completion and a history in ~/.wfcli-history

Exit status: 0 when every line succeeded, 1 otherwise.

Options:
`
