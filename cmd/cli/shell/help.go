package shell

import (
	"fmt"
	"sort"
	"strings"

	"wfcli/grammar"
)

// commandUsage is the synopsis and one-paragraph description of each
// command, as help <command> and <command> --help print them.
var commandUsage = map[string]string{
	"batch": "batch\nbatch <name>\nbatch -l\n\nStarts a batch: the operations and " +
		"batch-able commands that follow are collected, not run, until run-batch sends " +
		"them as one composite operation (all or nothing). batch <name> takes back the " +
		"batch holdback-batch put aside under that name (batch alone takes back the one " +
		"held without a name, if any); batch -l lists the names of the held batches. " +
		"To run a file of lines as a batch, use run-batch --file=path.",
	"run-batch": "run-batch [--file=path] [--verbose | -v] [--headers={...}]\n\nSends the " +
		"batch as one composite operation. On failure the batch stays active.",
	"discard-batch": "discard-batch\n\nLeaves batch mode, dropping the collected lines.",
	"list-batch":    "list-batch\n\nLists the lines of the batch, numbered from 1.",
	"clear-batch":   "clear-batch\n\nRemoves every line from the batch; batch mode goes on.",
	"set": "set [name=value ...]\n\nSets variables, read as $name in later lines. Without " +
		"arguments, lists them. A value in backquotes is the result of that command.",
	"unset": "unset name ...\n\nRemoves variables.",
	"echo":  "echo text\n\nPrints the text after variable substitution.",
	"echo-dmr": "echo-dmr [--compact] <operation or command>\n\nPrints the request the line " +
		"would send, without sending it.",
	"cd": "cd [path] [--no-validation]\n\nChanges the current node. Paths are absolute " +
		"(/subsystem=logging) or relative, with .. for the parent. Without a path, prints " +
		"the current node.",
	"cn":  "cn [path] [--no-validation]\n\nThe same as cd.",
	"pwd": "pwd\n\nPrints the current node.",
	"pwn": "pwn\n\nThe same as pwd.",
	"ls": "ls [path] [-l] [--resolve-expressions] [--access-type] [--default] " +
		"[--description] [--expressions-allowed] [--nillable] [--required] " +
		"[--restart-required] [--storage]\n\nLists the child types and attributes of a " +
		"node, or the names of a child type. -l adds types and occurrences; with -l, each " +
		"other option adds that property of the attribute descriptions as a column.",
	"read-attribute": "read-attribute [--node=path] name [--include-defaults=bool] " +
		"[--resolve-expressions=bool]\n\nPrints the value of an attribute of the current " +
		"node or of --node.",
	"read-operation": "read-operation [--node=path] [name]\n\nLists the operations of a " +
		"node, or describes one: its parameters and its reply.",
	"if": "if <condition> of <operation>\n...\n[else\n...]\nend-if\n\nRuns the lines when " +
		"the condition on the operation's response holds (result.x == value, &&, ||).",
	"try": "try\n...\ncatch\n...\n[finally\n...]\nend-try\n\nRuns the catch lines when a " +
		"line of the try block fails; the finally lines always run.",
	"for": "for var in <operation>\n...\ndone\n\nRuns the lines once for each item of the " +
		"operation's LIST result, with $var set to it.",
	"quit": "quit\n\nEnds the session (also exit and q).",
	"exit": "exit\n\nThe same as quit.",
	"q":    "q\n\nThe same as quit.",
	"embed-server": "embed-server [--server-config=file.xml | -c=file.xml] " +
		"[--std-out=echo|discard] [--admin-only=bool] [--empty-config [--remove-existing]] " +
		"[--jboss-home=dir] [--timeout=seconds]\n\n" +
		"Starts a server inside the CLI on a configuration of " +
		"$JBOSS_HOME/standalone/configuration (admin-only by default).",
	"stop-embedded-server": "stop-embedded-server\n\nStops the embedded server.",
	"connect": "connect [[protocol://]host[:port]] [--bind=address]\n\nConnects to a " +
		"node's management endpoint.",
	"reload": "reload [--start-mode=admin-only|normal] [--admin-only=bool] " +
		"[--server-config=file.xml] [--use-current-server-config=bool] " +
		"[--timeout=seconds]\n\nReloads the server from its configuration and waits " +
		"for it (--timeout bounds the wait on a remote node). Not allowed in a batch.",
	"shutdown": "shutdown [--restart=bool] [--suspend-timeout=seconds]\n\nStops the " +
		"server; on a remote node --restart=true restarts it and waits for it. Not " +
		"allowed in a batch.",
	"command-timeout": "command-timeout get | set <seconds> | reset\n\nShows or changes " +
		"the per-command timeout (0: none).",
	"edit-batch-line": "edit-batch-line <n> <line>\n\nReplaces line n of the batch " +
		"and prints it.",
	"move-batch-line":   "move-batch-line <from> <to>\n\nMoves a line of the batch.",
	"remove-batch-line": "remove-batch-line <n>\n\nRemoves line n from the batch.",
	"holdback-batch": "holdback-batch [name]\n\nPuts the batch aside and leaves batch " +
		"mode; batch [name] takes it back, batch -l lists the names.",
	"jdbc-driver-info": "jdbc-driver-info [name]\n\nLists the JDBC drivers the " +
		"configuration declares (NAME, SOURCE), or prints the attributes of one.",
	"alias": "alias [name='command line']\n\nLists the aliases, or defines one: in the " +
		"interactive shell, a line whose first word is an alias runs with that word " +
		"replaced.",
	"unalias":         "unalias name ...\n\nRemoves aliases.",
	"clear":           "clear\n\nClears the terminal (also cls).",
	"cls":             "cls\n\nThe same as clear.",
	"connection-info": "connection-info\n\nShows what the session is connected to.",
	"version":         "version\n\nPrints the CLI's version and environment.",
	"help": "help [--commands] [command]\n\nPrints this help, the list of commands, or the " +
		"help of one command (also <command> --help).",
	"history": "history [--clear | --disable | --enable]\n\nLists the lines typed in the " +
		"interactive shell (sensitive values masked), or clears the history, or stops or " +
		"resumes recording it. The history is kept in ~/.wfcli-history (mode 0600, the " +
		"newest 500 lines).",
	"data-source": "data-source <operation> --name=N [--param=value ...]\n" +
		"data-source --name=N --attribute=value ...\n\nRuns an operation (add, remove, " +
		"enable, test-connection-in-pool, ...) on /subsystem=datasources/data-source=N, or " +
		"writes attributes when no operation is given. The options are the parameters " +
		"and attributes of the resource; Tab lists them.",
	"xa-data-source": "xa-data-source <operation> --name=N [--param=value ...]\n\nThe same " +
		"as data-source, for /subsystem=datasources/xa-data-source=N.",
}

// flowWords are the lines that continue or close a control-flow block.
var flowWords = map[string]string{
	"else": "if", "end-if": "if", "catch": "try", "finally": "try", "end-try": "try",
	"done": "for",
}

// generalHelp is what help prints without arguments.
const generalHelp = `Type a command or an operation and press Enter; press Tab to complete
at any position (commands, options, node paths, operation names, parameters,
values the model knows, $variables). Ctrl-C cancels the line, Ctrl-D or quit
ends the session.

A line that ends with \ or leaves a quote or a bracket ((, [, {) open goes on
at the "> " prompt, and every line typed there is part of it (quit too): close
the bracket to send it, or press Ctrl-C to drop the whole pending input.

Operations:
  [/type=name(/type=name)*]:operation-name[(name=value(,name=value)*)][{headers}]
  Paths are absolute (/subsystem=logging) or relative to the current node.
  :read-operation-description(name=<op>) or read-operation <op> describes one.

Commands: help --commands lists them; help <command> or <command> --help
describes one.`

// wantsHelp reports whether a command line asks for its help (--help, -h).
func wantsHelp(c *grammar.Command) bool {
	for _, a := range c.Args {
		if (a.Name == "help" && !a.Dash1) || (a.Name == "h" && a.Dash1) {
			return true
		}
	}
	return false
}

// cmdHelpTopics prints the general help, the list of commands, or the help
// of the commands named.
func cmdHelpTopics(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only("commands"); err != nil {
		return err
	}
	switch {
	case has(a, "commands"):
		s.println(commandList(s.columns()))
	case len(a.pos) > 0:
		for _, name := range a.pos {
			if err := s.commandHelp(strings.ToLower(name)); err != nil {
				return err
			}
		}
	default:
		s.println(generalHelp)
	}
	return nil
}

// commandList is help --commands: the commands that run, in columns of
// width characters, then those known but not run here.
func commandList(width int) string {
	var b strings.Builder
	b.WriteString("Commands available in this session:\n\n")
	b.WriteString(Columns(CommandNames(), width))
	b.WriteString("\nKnown to jboss-cli but not run by this CLI (help <command> says why):\n\n")
	names := make([]string, 0, len(unsupported))
	for n := range unsupported {
		names = append(names, n)
	}
	sort.Strings(names)
	b.WriteString(Columns(names, width))
	return strings.TrimRight(b.String(), "\n")
}

// commandHelp prints the help of command name.
func (s *Shell) commandHelp(name string) error {
	if text, ok := commandUsage[name]; ok {
		s.println(usageText(text))
		return nil
	}
	if opener, ok := flowWords[name]; ok {
		return s.commandHelp(opener)
	}
	if why, ok := unsupported[name]; ok {
		s.println(fmt.Sprintf("%s is not supported: %s.", name, why))
		return nil
	}
	if _, ok := handlers[name]; ok {
		s.println("SYNOPSIS\n\n  " + name)
		return nil
	}
	return fmt.Errorf("Unexpected command '%s'. Type 'help --commands' for the list of "+
		"supported commands.", name)
}

// usageText indents a command's usage under SYNOPSIS, wrapping long lines
// at 78 columns.
func usageText(text string) string {
	var b strings.Builder
	b.WriteString("SYNOPSIS\n")
	for _, line := range strings.Split(text, "\n") {
		b.WriteString("\n")
		col := 0
		for i, w := range strings.Fields(line) {
			if i == 0 || col+1+len(w) > 78 {
				if i > 0 {
					b.WriteString("\n")
				}
				b.WriteString("  " + w)
				col = 2 + len(w)
				continue
			}
			b.WriteString(" " + w)
			col += 1 + len(w)
		}
	}
	return b.String()
}

// Columns lays words out in columns, row by row, in at most width
// characters, as jboss-cli lists commands and completion candidates. It
// returns "" for no words; every row ends with a newline.
func Columns(words []string, width int) string {
	if len(words) == 0 {
		return ""
	}
	col := 0
	for _, w := range words {
		col = max(col, len(w))
	}
	col += 2
	perRow := max(1, width/col)
	rows := (len(words) + perRow - 1) / perRow
	var b strings.Builder
	for r := 0; r < rows; r++ {
		var line strings.Builder
		for c := 0; c < perRow; c++ {
			// Row by row, as jboss-cli (aesh) and the completion list fill them.
			i := r*perRow + c
			if i < len(words) {
				line.WriteString(pad(words[i], col))
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " ") + "\n")
	}
	return b.String()
}
