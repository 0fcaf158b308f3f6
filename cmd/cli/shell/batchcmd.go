package shell

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"wfcli/grammar"
	"wfcli/ops/dmr"
)

const (
	batchFailedActive = "The batch failed with the following error (you are remaining in " +
		"the batch editing mode to have a chance to correct the error): "
	batchFailedFile = "The batch failed with the following error: : "
)

func cmdBatch(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only("l"); err != nil {
		return err
	}
	if has(a, "l") {
		for _, n := range s.heldBatchNames() {
			s.println(n)
		}
		return nil
	}
	if s.batch != nil {
		return fmt.Errorf("Can't start a new batch while in batch mode.")
	}
	name := defaultHeldBatch
	if len(a.pos) > 0 {
		name = a.pos[0]
	}
	if resumed, err := s.resumeBatch(name); resumed || err != nil {
		return err
	}
	s.batch = &Batch{}
	return nil
}

func cmdDiscardBatch(s *Shell, l Line, pl *grammar.Line) error {
	if s.batch == nil {
		return fmt.Errorf("There is no active batch to discard.")
	}
	s.batch = nil
	return nil
}

func cmdClearBatch(s *Shell, l Line, pl *grammar.Line) error {
	if s.batch == nil {
		return fmt.Errorf("No active batch to clear.")
	}
	s.batch = &Batch{}
	return nil
}

func cmdListBatch(s *Shell, l Line, pl *grammar.Line) error {
	if s.batch == nil {
		return fmt.Errorf("No active batch.")
	}
	s.println(s.batch.Listing())
	return nil
}

// cmdRunBatch sends the active batch, or the batch a file describes, as one
// composite operation.
func cmdRunBatch(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only("file", "verbose", "v", "headers"); err != nil {
		return err
	}
	file, hasFile := a.get("file")
	prefix := batchFailedActive
	if hasFile {
		prefix = batchFailedFile
	}
	b, err := s.batchToRun(l, file, hasFile)
	if err != nil {
		return wrapBatchFailure(prefix, err)
	}
	for _, st := range b.steps {
		if err := s.validate(st.op); err != nil {
			return wrapBatchFailure(prefix, at(st.line, err))
		}
	}
	headers := dmr.Value{}
	if h, ok := a.get("headers"); ok {
		if headers, err = parseHeaders(h); err != nil {
			return wrapBatchFailure(prefix, err)
		}
	}
	resp, err := s.execute(l, b.Request(headers))
	if err != nil {
		return wrapBatchFailure(prefix, err)
	}
	if !isSuccess(resp) {
		fd, _ := resp.Get("failure-description")
		diag := fd.AsString()
		if fd.Type() == dmr.Object && fd.Len() > 0 {
			diag = fd.Keys()[0]
		}
		return &Failure{Msg: prefix + b.FailureText(resp), Diag: diag,
			More: b.Diagnostics(resp)}
	}
	if !hasFile {
		s.batch = nil
	}
	s.printBatchSuccess(resp, has(a, "verbose", "v"))
	return nil
}

func has(a args, names ...string) bool {
	_, ok := a.get(names...)
	return ok
}

func (s *Shell) printBatchSuccess(resp dmr.Value, verbose bool) {
	if verbose {
		s.println(s.printer.Format(resp))
		return
	}
	s.println("The batch executed successfully")
	if h, ok := resp.Get("response-headers"); ok {
		s.println(headerTable(h))
	}
}

// wrapBatchFailure puts jboss-cli's run-batch prefix before a failure.
func wrapBatchFailure(prefix string, err error) error {
	var f *Failure
	if errors.As(err, &f) {
		g := *f
		g.Msg = prefix + f.Msg
		if g.Diag == "" && g.Formatted == "" {
			g.Diag = f.Msg
		}
		return &g
	}
	return &Failure{Msg: prefix + err.Error(), Diag: err.Error()}
}

// batchToRun returns the active batch, or one read from file.
func (s *Shell) batchToRun(l Line, file string, hasFile bool) (*Batch, error) {
	if s.batch != nil {
		if hasFile {
			return nil, fmt.Errorf("--file is not allowed in the batch mode.")
		}
		if s.batch.Len() == 0 {
			s.batch = nil
			return nil, fmt.Errorf("The batch is empty.")
		}
		return s.batch, nil
	}
	if !hasFile {
		return nil, fmt.Errorf(
			"Without arguments the command can be executed only in the batch mode.")
	}
	return s.batchFromFile(file)
}

// batchFromFile fills a new batch from the lines of a file, run as script
// lines while the batch is active (so set and echo run at once). Relative
// paths inside it are taken from the file's directory.
func (s *Shell) batchFromFile(file string) (*Batch, error) {
	path := s.path(file)
	abs, _ := filepath.Abs(path)
	src, err := os.ReadFile(path)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, fmt.Errorf("File %s does not exist.", abs)
		}
		return nil, fmt.Errorf("Failed to read file %s: %w", abs, err)
	}
	saved, savedDir := s.batch, s.opts.Dir
	s.batch, s.opts.Dir = &Batch{}, filepath.Dir(abs)
	defer func() { s.batch, s.opts.Dir = saved, savedDir }()
	for _, fl := range SplitScript(file, string(src)) {
		if err := s.handle(fl); err != nil {
			return nil, prefixFailure(at(fl, err), "Failed to create batch from "+abs+": ")
		}
	}
	return s.batch, nil
}

// prefixFailure puts text before a failure's stdout message.
func prefixFailure(err error, text string) error {
	var f *Failure
	if !errors.As(err, &f) {
		return fmt.Errorf("%s%w", text, err)
	}
	g := *f
	if g.Diag == "" && g.Formatted == "" {
		g.Diag = f.Msg
	}
	g.Msg = text + f.Msg
	return &g
}

// parseHeaders reads --headers={name=value; name2=value2} into an OBJECT of
// STRING values, as jboss-cli sends operation headers.
func parseHeaders(text string) (dmr.Value, error) {
	body := strings.TrimSpace(text)
	body = strings.TrimPrefix(body, "{")
	body = strings.TrimSuffix(body, "}")
	h := dmr.NewObject()
	for _, part := range strings.Split(body, ";") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		name, value, ok := strings.Cut(part, "=")
		if !ok {
			return dmr.Value{}, fmt.Errorf("The header value is missing in '%s'", part)
		}
		value = strings.TrimSpace(value)
		if len(value) >= 2 && value[0] == '"' && value[len(value)-1] == '"' {
			value = value[1 : len(value)-1]
		}
		h.Set(strings.TrimSpace(name), dmr.NewString(value))
	}
	return h, nil
}
