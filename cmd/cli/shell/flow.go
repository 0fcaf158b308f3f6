package shell

import (
	"fmt"
	"strings"

	"wfcli/cmd/cli/request"
	"wfcli/grammar"
	"wfcli/ops/dmr"
)

// block is an open control-flow block (if, try, for) collecting the lines
// up to its closing command. Collected lines are checked for syntax but
// kept as text, and their variables are substituted only when they run, so
// variables set inside a block are seen by its later lines, as in
// jboss-cli. Nested blocks of another kind are collected as text too and
// open when their lines run.
type block interface {
	opener() Line
	kind() string   // "if", "try", "for"
	closer() string // "end-if", "end-try", "done"
	// add takes one line; closed reports that it closed the block.
	add(l Line, word string) (closed bool, err error)
	// run executes the block after it closed.
	run(s *Shell) error
}

// flowLine gives a line to the open block, and runs the block when the
// line closes it.
func (s *Shell) flowLine(l Line) error {
	// As jboss-cli parses a block's lines when it reads them, a syntax error
	// is reported at once; a line with $variables is checked when it runs.
	if !strings.Contains(l.Text, "$") {
		if _, err := grammar.ParseLine(l.Text, l.Num); err != nil {
			return syntaxFailure(l, err)
		}
	}
	closed, err := s.flow.add(l, firstWord(l.Text))
	if err != nil || !closed {
		return at(l, err)
	}
	b := s.flow
	s.flow = nil
	return b.run(s)
}

// firstWord returns the lower-cased command name a line starts with.
func firstWord(text string) string {
	end := strings.IndexAny(text, " \t")
	if end < 0 {
		end = len(text)
	}
	return strings.ToLower(text[:end])
}

// runBlock runs collected lines in order, stopping at the first failure. A
// batch the lines started and left open is discarded, as jboss-cli does.
func (s *Shell) runBlock(lines []Line) error {
	hadBatch := s.batch != nil
	defer func() {
		if !hadBatch {
			s.batch = nil
		}
	}()
	for _, l := range lines {
		if s.terminated {
			return nil
		}
		if err := s.handle(l); err != nil {
			return at(l, err)
		}
	}
	if s.flow != nil {
		b := s.flow
		s.flow = nil
		return at(b.opener(), fmt.Errorf("%s is not closed: %s is missing", b.kind(),
			b.closer()))
	}
	return nil
}

// ifBlock is if <condition> of <request> ... [else ...] end-if.
type ifBlock struct {
	line   Line
	cond   *grammar.Condition
	req    dmr.Value
	then   []Line
	els    []Line
	inElse bool
}

func (b *ifBlock) opener() Line   { return b.line }
func (b *ifBlock) kind() string   { return "if" }
func (b *ifBlock) closer() string { return "end-if" }

func (b *ifBlock) add(l Line, word string) (bool, error) {
	switch word {
	case "if":
		return false, fmt.Errorf("if is not allowed while in if block")
	case "else":
		if b.inElse {
			return false, fmt.Errorf("only one else block is supported after the if")
		}
		b.inElse = true
	case "end-if":
		return true, nil
	default:
		if b.inElse {
			b.els = append(b.els, l)
		} else {
			b.then = append(b.then, l)
		}
	}
	return false, nil
}

// run sends the condition's request (a failed outcome is no error: the
// condition sees the whole response) and runs the branch it selects.
func (b *ifBlock) run(s *Shell) error {
	if s.client == nil {
		return at(b.line, fmt.Errorf(
			"The connection to the controller has not been established."))
	}
	resp, err := s.client.Execute(b.req)
	if err != nil {
		return at(b.line, fmt.Errorf("condition request failed: %w", err))
	}
	ok, err := request.EvalCondition(b.cond, resp)
	if err != nil {
		return at(b.line, err)
	}
	if ok {
		return s.runBlock(b.then)
	}
	return s.runBlock(b.els)
}

// startIf opens an if block: the request after "of" is built now and sent
// at end-if.
func (s *Shell) startIf(l Line, c *grammar.Command) error {
	if s.batch != nil {
		return fmt.Errorf("if is not allowed while in batch mode.")
	}
	req, err := s.buildRequest(l, strings.TrimSpace(c.Of))
	if err != nil {
		return err
	}
	s.flow = &ifBlock{line: l, cond: c.Cond, req: req}
	return nil
}

// requestOf builds the request of an operation given as text.
func (s *Shell) requestOf(l Line, text string) (dmr.Value, error) {
	text = strings.TrimSpace(text)
	if text == "" || !strings.ContainsRune("/.:", rune(text[0])) {
		return dmr.Value{}, fmt.Errorf("The operation is missing in front of '%s'", text)
	}
	gop, _, err := grammar.ParseOperation(text, l.Num)
	if err != nil {
		return dmr.Value{}, syntaxFailure(l, err)
	}
	op, err := request.Operation(gop, s.env(l.Num))
	if err != nil {
		return dmr.Value{}, syntaxFailure(l, err)
	}
	return op, nil
}

// tryBlock is try ... [catch ...] [finally ...] end-try.
type tryBlock struct {
	line     Line
	try      []Line
	catch    []Line
	finally  []Line
	stage    string // "try", "catch", "finally"
	hasCatch bool
}

func (b *tryBlock) opener() Line   { return b.line }
func (b *tryBlock) kind() string   { return "try" }
func (b *tryBlock) closer() string { return "end-try" }

func (b *tryBlock) add(l Line, word string) (bool, error) {
	switch word {
	case "try":
		return false, fmt.Errorf("try is not allowed while in try block")
	case "catch":
		if b.stage != "try" {
			return false, fmt.Errorf("catch may appear only once after try and before finally")
		}
		b.stage, b.hasCatch = "catch", true
	case "finally":
		if b.stage == "finally" {
			return false, fmt.Errorf("Already in finally")
		}
		b.stage = "finally"
	case "end-try":
		if b.stage == "try" {
			return false, fmt.Errorf("end-if may appear only after catch or finally")
		}
		return true, nil
	default:
		switch b.stage {
		case "try":
			b.try = append(b.try, l)
		case "catch":
			b.catch = append(b.catch, l)
		default:
			b.finally = append(b.finally, l)
		}
	}
	return false, nil
}

// run runs the try lines up to the first failure; a failure runs the catch
// lines and is swallowed when there is a catch. The finally lines always
// run, and their failure replaces any earlier one.
func (b *tryBlock) run(s *Shell) error {
	if s.client == nil {
		return at(b.line, fmt.Errorf(
			"The connection to the controller has not been established."))
	}
	if len(b.try) == 0 {
		return at(b.line, fmt.Errorf("The try block is empty"))
	}
	err := s.runBlock(b.try)
	if err != nil && b.hasCatch {
		err = s.runBlock(b.catch)
	}
	if s.terminated {
		return err
	}
	if ferr := s.runBlock(b.finally); ferr != nil {
		return ferr
	}
	return err
}

// forBlock is for <var> in <request> ... done.
type forBlock struct {
	line    Line
	name    string
	items   []string
	body    []Line
	discard bool
}

func (b *forBlock) opener() Line   { return b.line }
func (b *forBlock) kind() string   { return "for" }
func (b *forBlock) closer() string { return "done" }

func (b *forBlock) add(l Line, word string) (bool, error) {
	switch word {
	case "for":
		return false, fmt.Errorf("for is not allowed while in for block")
	case "done":
		b.discard = strings.Contains(l.Text, "--discard")
		return true, nil
	}
	b.body = append(b.body, l)
	return false, nil
}

// run sets the variable to each item in turn and runs the body; the
// variable is removed afterwards.
func (b *forBlock) run(s *Shell) error {
	defer delete(s.vars, b.name)
	if b.discard {
		return nil
	}
	for _, item := range b.items {
		s.vars[b.name] = item
		if err := s.runBlock(b.body); err != nil || s.terminated {
			return err
		}
	}
	return nil
}

// startFor runs the iterable request at the for line and opens the block.
func (s *Shell) startFor(l Line, c *grammar.Command) error {
	if s.batch != nil {
		return fmt.Errorf("for is not allowed while in batch mode.")
	}
	if _, ok := s.vars[c.Var]; ok {
		return fmt.Errorf("Variable %s already exists.", c.Var)
	}
	if s.client == nil {
		return fmt.Errorf("The connection to the controller has not been established.")
	}
	req, err := s.buildRequest(l, strings.TrimSpace(c.In))
	if err != nil {
		return err
	}
	resp, err := s.client.Execute(req)
	if err != nil {
		return fmt.Errorf("iterable request failed: %w", err)
	}
	result, ok := resp.Get("result")
	if !ok || !result.IsDefined() {
		return fmt.Errorf("iterable request failed, no result")
	}
	list, err := result.AsList()
	if err != nil {
		return fmt.Errorf("for cannot be used with operations that produce a non-iterable result")
	}
	items := make([]string, len(list))
	for i, v := range list {
		items[i] = v.AsString()
	}
	// A placeholder value lets block lines that use the variable parse.
	s.vars[c.Var] = "null"
	s.flow = &forBlock{line: l, name: c.Var, items: items}
	return nil
}

// startTry opens a try block.
func (s *Shell) startTry(l Line) error {
	if s.batch != nil {
		return fmt.Errorf("try is not allowed while in batch mode.")
	}
	s.flow = &tryBlock{line: l, stage: "try"}
	return nil
}
