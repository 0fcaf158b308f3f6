// Package shell is the engine of the management CLI: the session context
// (variables, system properties, the current node, the connection), the
// commands, control flow (if, try, for), batches and output. It reads lines
// that package grammar parses and package request turns into DMR requests,
// and sends requests through a Client, never knowing whether the controller
// is embedded or remote. Flags, modes and exit codes belong to main.
//
// Output follows jboss-cli: results and command errors go to stdout. Beyond
// jboss-cli, every failure is also written to stderr as a diagnostic that
// starts with the script position, "file:line: message" (a syntax error
// adds the column, the line and a caret), and a failed batch adds one
// diagnostic per failed step, positioned at the line the step came from.
// Also beyond jboss-cli, a script is parsed whole before its first line
// runs, so that a syntax error anywhere changes nothing and every syntax
// error is reported at once.
package shell

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"wfcli/cmd/cli/request"
	"wfcli/cmd/cli/secret"
	"wfcli/grammar"
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// Options configure a Shell.
type Options struct {
	// Stdout receives results and jboss-cli's error texts; Stderr receives
	// the positioned diagnostics. Nil writers discard.
	Stdout, Stderr io.Writer
	// Properties are the CLI's system properties (-D, --properties); the
	// shell may add to the map (it is not copied).
	Properties map[string]string
	// Getenv looks up an environment variable; nil means os.LookupEnv.
	Getenv func(string) (string, bool)
	// EchoCommand prints each line with the prompt before running it.
	EchoCommand bool
	// ResolveParameterValues resolves ${...} in parameter values on the
	// client (--resolve-parameter-values).
	ResolveParameterValues bool
	// OutputJSON prints responses as JSON instead of DMR text.
	OutputJSON bool
	// Embed starts an embedded server for embed-server; nil makes
	// embed-server fail.
	Embed Embedder
	// Connect opens a connection to a remote controller for connect; nil
	// makes connect fail.
	Connect Connector
	// Dir is the directory relative paths are taken from; "" is the
	// process's working directory.
	Dir string
	// CommandTimeout is the per-command timeout in seconds (0: none): a
	// request without a response by then fails with "Timeout exception".
	CommandTimeout int
}

// Shell is one CLI session. It is not safe for concurrent use.
type Shell struct {
	opts    Options
	out     io.Writer
	errOut  io.Writer
	printer Printer

	vars     map[string]string
	props    map[string]string
	node     ops.Address // the current node (cd)
	nodeType string      // set when the current node path ends on a type

	client    Client
	embedded  Embedded
	embedOpts EmbedOptions // how the embedded server was started, for reload
	batch     *Batch
	held      map[string]*Batch // batches put aside by holdback-batch, by name
	aliases   map[string]string // alias name -> the text it stands for
	flow      block             // the control-flow block collecting lines, if any

	exitCode   int
	terminated bool
	cmdTimeout int
	history    History    // the interactive shell's history, for the history command
	color      bool       // colours in Interact's output (interactive shell only)
	width      func() int // the terminal's width, for ls (interactive shell only)
}

// New returns a Shell with no connection, no variables and the root as its
// current node.
func New(o Options) *Shell {
	s := &Shell{opts: o, out: o.Stdout, errOut: o.Stderr, printer: TextPrinter{},
		vars: map[string]string{}, props: o.Properties, cmdTimeout: o.CommandTimeout}
	if s.out == nil {
		s.out = io.Discard
	}
	if s.errOut == nil {
		s.errOut = io.Discard
	}
	if s.props == nil {
		s.props = map[string]string{}
	}
	if o.OutputJSON {
		s.printer = JSONPrinter{}
	}
	return s
}

// ExitCode returns the session's exit code: 1 after a failure, else 0.
func (s *Shell) ExitCode() int { return s.exitCode }

// Terminated reports whether quit (or exit, q) ended the session.
func (s *Shell) Terminated() bool { return s.terminated }

// Run handles lines in order as jboss-cli's non-interactive mode does: it
// stops at the first line that fails (setting the exit code to 1, printing
// the error) or at quit, and reports whether every line succeeded. A
// control-flow block still open after the last line is a failure.
func (s *Shell) Run(lines []Line) bool {
	if !s.check(lines) {
		return false
	}
	for _, l := range lines {
		if s.terminated {
			return s.exitCode == 0
		}
		s.exitCode = 0
		if err := s.handle(l); err != nil {
			s.report(l, err)
			return false
		}
	}
	if s.flow != nil && !s.terminated {
		b := s.flow
		s.flow = nil
		s.report(b.opener(), fmt.Errorf("%s is not closed: %s is missing", b.kind(), b.closer()))
		return false
	}
	return true
}

// check parses every line before any runs, so that a script with a syntax
// error changes nothing (beyond jboss-cli, which runs the lines before the
// error). All syntax errors are reported on stderr; stdout gets jboss-cli's
// text for the first. Lines with $variables are checked when they run,
// since their text is known only then.
func (s *Shell) check(lines []Line) bool {
	var first *Failure
	for _, l := range lines {
		if strings.Contains(l.Text, "$") {
			continue
		}
		if _, err := grammar.ParseLine(l.Text, l.Num); err != nil {
			var f *Failure
			errors.As(syntaxFailure(l, err), &f)
			io.WriteString(s.errOut, f.Diagnostic()+"\n")
			if first == nil {
				first = f
			}
		}
	}
	if first == nil {
		return true
	}
	s.exitCode = 1
	s.println(first.Msg)
	return false
}

// Close ends the session: it stops the embedded server, if any.
func (s *Shell) Close() error {
	if s.embedded == nil {
		return nil
	}
	err := s.embedded.Stop()
	s.embedded, s.client = nil, nil
	return err
}

// handle runs one logical line. Its errors are *Failure values positioned
// at the line that failed (which is l, or a line of a block l ran).
func (s *Shell) handle(l Line) error {
	if s.flow != nil {
		return s.flowLine(l)
	}
	s.echo(l)
	pl, err := s.parse(l, l.Text)
	if err != nil {
		return err
	}
	switch {
	case pl.Op != nil:
		return s.withRedirect(l, pl, func() error { return s.operation(l, pl) })
	case pl.Cmd != nil:
		return s.withRedirect(l, pl, func() error { return s.command(l, pl) })
	}
	return nil
}

// parse substitutes variables in text and parses it as line l.
func (s *Shell) parse(l Line, text string) (*grammar.Line, error) {
	sub, err := request.Substitute(text, s.env(l.Num))
	if err != nil {
		return nil, syntaxFailure(l, err)
	}
	pl, err := grammar.ParseLine(sub, l.Num)
	if err != nil {
		return nil, syntaxFailure(l, err)
	}
	return pl, nil
}

// env returns what package request needs to know of the session; line is
// the number errors are reported at.
func (s *Shell) env(line int) request.Env {
	return request.Env{Vars: s.variable, Props: s.property, Node: s.node,
		NodeType: s.nodeType, ResolveParams: s.opts.ResolveParameterValues, Line: line}
}

func (s *Shell) variable(name string) (string, bool) {
	v, ok := s.vars[name]
	return v, ok
}

// property looks up a CLI system property; env.X is environment variable X.
func (s *Shell) property(key string) (string, bool) {
	if v, ok := s.props[key]; ok {
		return v, true
	}
	if name, ok := strings.CutPrefix(key, "env."); ok {
		return s.getenv(name)
	}
	return javaProperty(key)
}

func (s *Shell) getenv(name string) (string, bool) {
	if s.opts.Getenv != nil {
		return s.opts.Getenv(name)
	}
	return os.LookupEnv(name)
}

// javaProperty answers the JVM system properties scripts read.
func javaProperty(key string) (string, bool) {
	switch key {
	case "user.dir":
		d, err := os.Getwd()
		return d, err == nil
	case "user.home":
		d, err := os.UserHomeDir()
		return d, err == nil
	case "file.separator", "/":
		return "/", true
	case "path.separator", ":":
		return ":", true
	case "line.separator":
		return "\n", true
	}
	return "", false
}

// echo prints the line with the prompt for --echo-command, its sensitive
// values masked.
func (s *Shell) echo(l Line) {
	if !s.opts.EchoCommand {
		return
	}
	raw := make([]string, len(l.Raw))
	for i, r := range l.Raw {
		raw[i] = secret.MaskAt(strings.TrimSuffix(r, `\`), s.node)
	}
	s.println(s.Prompt() + strings.Join(raw, "\n"))
}

// Prompt returns the prompt jboss-cli shows: [standalone@embedded /] when
// an embedded server runs, [disconnected /] otherwise, naming the last
// step of the current node, with " #" in batch mode.
func (s *Shell) Prompt() string {
	var b strings.Builder
	b.WriteString("[")
	if r, ok := s.client.(Remote); ok {
		b.WriteString("standalone@" + r.Address() + " ")
	} else if s.client != nil {
		b.WriteString("standalone@embedded ")
	} else {
		b.WriteString("disconnected ")
	}
	switch {
	case s.nodeType != "":
		b.WriteString(s.nodeType)
	case len(s.node) == 0:
		b.WriteString("/")
	default:
		last := s.node.Last()
		b.WriteString(last.Type + "=" + last.Name)
	}
	if s.batch != nil {
		b.WriteString(" #")
	}
	b.WriteString("] ")
	return b.String()
}

func (s *Shell) println(text string) {
	io.WriteString(s.out, text+"\n")
}

// operation runs an operation request, or adds it to the active batch.
func (s *Shell) operation(l Line, pl *grammar.Line) error {
	op, err := request.Operation(pl.Op, s.env(l.Num))
	if err != nil {
		return syntaxFailure(l, err)
	}
	s.warnIgnored(l, pl.Op)
	if s.batch != nil {
		s.batch.Add(op, batchText(op, l.Text), l)
		return nil
	}
	if err := s.validate(op); err != nil {
		return err
	}
	resp, err := s.execute(l, op)
	if err != nil {
		return err
	}
	return withDeploymentHint(op, resp, s.printResponse(resp))
}

// batchText is a step as jboss-cli lists it: the absolute address of the
// request, then the line as typed (variables not substituted) from its
// first ':'.
func batchText(op dmr.Value, text string) string {
	addrV, _ := op.Get("address")
	addr, err := ops.AddressFromValue(addrV)
	prefix := "/"
	if err == nil {
		prefix = addr.CLI()
	}
	if i := strings.IndexByte(text, ':'); i >= 0 {
		return prefix + text[i:]
	}
	return prefix + text
}

// execute sends op to the controller.
func (s *Shell) execute(l Line, op dmr.Value) (dmr.Value, error) {
	if s.client == nil {
		return dmr.Value{}, noConnection()
	}
	resp, err := s.executeTimed(l, op)
	if err != nil {
		return dmr.Value{}, err
	}
	return resp, nil
}

// printResponse prints a successful response, or fails with it.
func (s *Shell) printResponse(resp dmr.Value) error {
	if isSuccess(resp) {
		s.println(s.printer.Format(resp))
		return nil
	}
	return responseFailure(s.printer.Format(resp), resp)
}

func isSuccess(resp dmr.Value) bool {
	o, _ := resp.Get("outcome")
	return o.AsString() == "success"
}

// failureDescription returns the text of a response's failure-description.
func failureDescription(resp dmr.Value) string {
	fd, _ := resp.Get("failure-description")
	return fd.AsString()
}

// report prints a failure of line l: jboss-cli's text on stdout, the
// positioned diagnostic on stderr; the exit code becomes 1.
func (s *Shell) report(l Line, err error) {
	s.exitCode = 1
	var f *Failure
	errors.As(at(l, err), &f)
	s.println(f.Msg)
	io.WriteString(s.errOut, f.Diagnostic()+"\n")
}

// Dir returns the directory relative paths are resolved against.
func (s *Shell) Dir() string {
	if s.opts.Dir != "" {
		return s.opts.Dir
	}
	d, _ := os.Getwd()
	return d
}

// path resolves a file name given in a command against Dir.
func (s *Shell) path(name string) string {
	if name == "" || strings.HasPrefix(name, "/") {
		return name
	}
	if rest, ok := strings.CutPrefix(name, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return home + "/" + rest
		}
	}
	return strings.TrimSuffix(s.Dir(), "/") + "/" + name
}
