package shell

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"wfcli/grammar"
)

// defaultHeldBatch is the name of a batch held back without a name.
const defaultHeldBatch = ""

// batchLineNumber reads a 1-based line number of the active batch.
func (s *Shell) batchLineNumber(text string) (int, error) {
	n, err := strconv.Atoi(text)
	if err != nil {
		return 0, fmt.Errorf("Failed to parse line number '%s': %v", text, err)
	}
	if n < 1 || n > s.batch.Len() {
		return 0, fmt.Errorf("Line number %d is out of range: the batch has %d lines.", n,
			s.batch.Len())
	}
	return n, nil
}

func (s *Shell) needBatch() error {
	if s.batch == nil {
		return fmt.Errorf("No active batch.")
	}
	return nil
}

// cmdEditBatchLine replaces line N of the batch with the line given after
// the number, and prints it as list-batch would.
func cmdEditBatchLine(s *Shell, l Line, pl *grammar.Line) error {
	if err := s.needBatch(); err != nil {
		return err
	}
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l.Text), "edit-batch-line"))
	num, text, _ := strings.Cut(rest, " ")
	text = strings.TrimSpace(text)
	if num == "" || text == "" {
		return fmt.Errorf("Missing required arguments: the line number and the new line.")
	}
	n, err := s.batchLineNumber(num)
	if err != nil {
		return err
	}
	steps, err := s.batchSteps(Line{File: l.File, Num: l.Num, Text: text, Raw: []string{text}})
	if err != nil {
		return err
	}
	b := s.batch
	b.steps = append(b.steps[:n-1], append(steps, b.steps[n:]...)...)
	s.println("#" + strconv.Itoa(n) + " " + steps[0].text)
	return nil
}

// batchSteps turns a batch-able line (an operation, data-source or
// xa-data-source) into the steps it adds to a batch, without touching the
// active batch.
func (s *Shell) batchSteps(l Line) ([]batchStep, error) {
	pl, err := s.parse(l, l.Text)
	if err != nil {
		return nil, err
	}
	if pl.Cmd != nil && pl.Cmd.Name != "data-source" && pl.Cmd.Name != "xa-data-source" {
		return nil, fmt.Errorf("The line is not batch-able: '%s'", l.Text)
	}
	active := s.batch
	s.batch = &Batch{}
	defer func() { s.batch = active }()
	if err := s.handle(l); err != nil {
		return nil, err
	}
	if s.batch.Len() == 0 {
		return nil, fmt.Errorf("The line adds nothing to the batch: '%s'", l.Text)
	}
	return s.batch.steps, nil
}

// cmdMoveBatchLine moves line from to position to.
func cmdMoveBatchLine(s *Shell, l Line, pl *grammar.Line) error {
	if err := s.needBatch(); err != nil {
		return err
	}
	a := argsOf(pl.Cmd)
	if len(a.pos) != 2 {
		return fmt.Errorf("Missing required arguments: the current and the new line number.")
	}
	from, err := s.batchLineNumber(a.pos[0])
	if err != nil {
		return err
	}
	to, err := s.batchLineNumber(a.pos[1])
	if err != nil {
		return err
	}
	steps := s.batch.steps
	moved := steps[from-1]
	steps = append(steps[:from-1], steps[from:]...)
	steps = append(steps[:to-1], append([]batchStep{moved}, steps[to-1:]...)...)
	s.batch.steps = steps
	return nil
}

// cmdRemoveBatchLine removes line N from the batch.
func cmdRemoveBatchLine(s *Shell, l Line, pl *grammar.Line) error {
	if err := s.needBatch(); err != nil {
		return err
	}
	a := argsOf(pl.Cmd)
	if len(a.pos) != 1 {
		return fmt.Errorf("Missing required argument: the line number.")
	}
	n, err := s.batchLineNumber(a.pos[0])
	if err != nil {
		return err
	}
	s.batch.steps = append(s.batch.steps[:n-1], s.batch.steps[n:]...)
	return nil
}

// cmdHoldbackBatch puts the active batch aside under a name (or none),
// leaving batch mode; batch <name> (or batch) takes it back.
func cmdHoldbackBatch(s *Shell, l Line, pl *grammar.Line) error {
	if err := s.needBatch(); err != nil {
		return err
	}
	a := argsOf(pl.Cmd)
	if err := a.only(); err != nil {
		return err
	}
	name := defaultHeldBatch
	if len(a.pos) > 0 {
		name = a.pos[0]
	}
	if _, ok := s.held[name]; ok {
		return fmt.Errorf("There already is a held back batch named '%s'.", name)
	}
	if s.held == nil {
		s.held = map[string]*Batch{}
	}
	s.held[name] = s.batch
	s.batch = nil
	return nil
}

// resumeBatch makes a held-back batch the active one: batch <name>, or
// batch with no name when a batch was held back without one. It reports
// false when there is no such batch and batch should start a new one.
func (s *Shell) resumeBatch(name string) (bool, error) {
	b, ok := s.held[name]
	if !ok {
		if name == defaultHeldBatch {
			return false, nil
		}
		return false, fmt.Errorf("No held back batch named '%s'", name)
	}
	delete(s.held, name)
	s.batch = b
	return true, nil
}

// heldBatchNames returns the names of the held-back batches, sorted.
func (s *Shell) heldBatchNames() []string {
	var names []string
	for n := range s.held {
		if n != defaultHeldBatch {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}
