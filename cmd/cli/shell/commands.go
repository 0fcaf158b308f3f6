package shell

import (
	"fmt"
	"sort"
	"strings"

	"wfcli/grammar"
)

// handler runs one command line.
type handler func(s *Shell, l Line, pl *grammar.Line) error

// handlers maps command names to their handlers; it is filled by init so
// that handlers may run other lines through the shell.
var handlers map[string]handler

func init() {
	handlers = map[string]handler{
		"batch":                cmdBatch,
		"run-batch":            cmdRunBatch,
		"discard-batch":        cmdDiscardBatch,
		"list-batch":           cmdListBatch,
		"clear-batch":          cmdClearBatch,
		"set":                  cmdSet,
		"unset":                cmdUnset,
		"echo":                 cmdEcho,
		"echo-dmr":             cmdEchoDMR,
		"cd":                   cmdCd,
		"cn":                   cmdCd,
		"pwd":                  cmdPwd,
		"pwn":                  cmdPwd,
		"ls":                   cmdLs,
		"read-attribute":       cmdReadAttribute,
		"if":                   cmdIf,
		"else":                 cmdOutsideFlow,
		"end-if":               cmdOutsideFlow,
		"try":                  cmdTry,
		"catch":                cmdOutsideFlow,
		"finally":              cmdOutsideFlow,
		"end-try":              cmdOutsideFlow,
		"for":                  cmdFor,
		"done":                 cmdOutsideFlow,
		"quit":                 cmdQuit,
		"exit":                 cmdQuit,
		"q":                    cmdQuit,
		"embed-server":         cmdEmbedServer,
		"stop-embedded-server": cmdStopEmbeddedServer,
		"connect":              cmdConnect,
		"reload":               cmdReload,
		"shutdown":             cmdShutdown,
		"command-timeout":      cmdCommandTimeout,
		"version":              cmdVersion,
		"data-source":          cmdDataSource,
		"xa-data-source":       cmdDataSource,
	}
	addInteractiveHandlers()
}

// unsupported lists jboss-cli commands this CLI knows of but does not run,
// with the reason given to the user.
var unsupported = map[string]string{
	"module":                        "this node loads no JBoss modules",
	"deploy":                        "this node does not run deployments",
	"undeploy":                      "this node does not run deployments",
	"deployment":                    "this node does not run deployments",
	"deployment-info":               "this node does not run deployments",
	"deployment-overlay":            "this node does not run deployments",
	"jms-queue":                     "this node runs no messaging broker",
	"jms-topic":                     "this node runs no messaging broker",
	"connection-factory":            "this node runs no messaging broker",
	"patch":                         "this node is not installed from WildFly's distribution",
	"installer":                     "this node is not installed from WildFly's distribution",
	"embed-host-controller":         "this CLI embeds standalone servers only (no domain mode)",
	"stop-embedded-host-controller": "this CLI embeds standalone servers only (no domain mode)",
	"security":                      "its SSL helpers are not part of this CLI; configure elytron with operations",
	"attachment":                    "this node sends no attachments",
}

// command runs a command line (anything that is not an operation).
func (s *Shell) command(l Line, pl *grammar.Line) error {
	name := pl.Cmd.Name
	if wantsHelp(pl.Cmd) {
		return s.commandHelp(name)
	}
	if h, ok := handlers[name]; ok {
		return h(s, l, pl)
	}
	if why, ok := unsupported[name]; ok {
		return fmt.Errorf("The command '%s' is not supported: %s.", name, why)
	}
	return fmt.Errorf("Unexpected command '%s'. Type 'help --commands' for the list of "+
		"supported commands.", strings.TrimSpace(pl.Text))
}

// args is a command's arguments, looked up by name.
type args struct {
	named map[string]string // by name without dashes
	typed map[string]string // the name as typed, with its dashes
	pos   []string
}

func argsOf(c *grammar.Command) args {
	a := args{named: map[string]string{}, typed: map[string]string{}}
	for _, x := range c.Args {
		switch {
		case x.Name == "":
			a.pos = append(a.pos, x.Value)
		case x.Dash1:
			a.named[x.Name], a.typed[x.Name] = x.Value, "-"+x.Name
		default:
			a.named[x.Name], a.typed[x.Name] = x.Value, "--"+x.Name
		}
	}
	return a
}

func (a args) get(names ...string) (string, bool) {
	for _, n := range names {
		if v, ok := a.named[n]; ok {
			return v, true
		}
	}
	return "", false
}

// only fails when a names an argument that is not in allowed.
func (a args) only(allowed ...string) error {
	var bad []string
	for n := range a.named {
		if !contains(allowed, n) {
			bad = append(bad, a.typed[n])
		}
	}
	if len(bad) == 0 {
		return nil
	}
	sort.Strings(bad)
	return fmt.Errorf("Unrecognized arguments: [%s]", strings.Join(bad, ", "))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func cmdOutsideFlow(s *Shell, l Line, pl *grammar.Line) error {
	switch pl.Cmd.Name {
	case "else":
		return fmt.Errorf("else is not available outside the if-else control flow")
	case "end-if":
		return fmt.Errorf("end-if is not available outside if-else control flow")
	case "catch":
		return fmt.Errorf("catch is available only in try-catch-finally control flow")
	case "finally":
		return fmt.Errorf("finally is available only in try-catch-finally control flow")
	case "end-try":
		return fmt.Errorf("end-if may appear only at the end of try-catch-finally control flow")
	}
	return fmt.Errorf("done is not available outside 'for' loop")
}

func cmdIf(s *Shell, l Line, pl *grammar.Line) error  { return s.startIf(l, pl.Cmd) }
func cmdTry(s *Shell, l Line, pl *grammar.Line) error { return s.startTry(l) }
func cmdFor(s *Shell, l Line, pl *grammar.Line) error { return s.startFor(l, pl.Cmd) }

func cmdQuit(s *Shell, l Line, pl *grammar.Line) error {
	s.terminated = true
	return nil
}
