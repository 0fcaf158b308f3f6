package shell

import (
	"strconv"
	"strings"

	"wfcli/cmd/cli/secret"
	"wfcli/ops/dmr"
)

// Batch is the list of requests collected between batch and run-batch,
// sent as one composite operation.
type Batch struct {
	steps []batchStep
}

// batchStep is one request of a batch and where it came from.
type batchStep struct {
	op dmr.Value
	// text is the step as list-batch shows it and as a failure names it:
	// the absolute address, then the line from its first ':'.
	text string
	line Line
}

// Add appends a request to the batch; text is the step as listed, with
// its sensitive values masked (list-batch and failures show no secret).
func (b *Batch) Add(op dmr.Value, text string, l Line) {
	b.steps = append(b.steps, batchStep{op: op, text: secret.Mask(text), line: l})
}

// Len returns the number of steps; 0 for a nil Batch.
func (b *Batch) Len() int {
	if b == nil {
		return 0
	}
	return len(b.steps)
}

// Request returns the composite operation that runs the batch, with
// headers (an OBJECT, or undefined for none) as its operation-headers.
func (b *Batch) Request(headers dmr.Value) dmr.Value {
	steps := dmr.NewList()
	for _, s := range b.steps {
		steps.Append(s.op)
	}
	req := dmr.NewObject()
	req.Set("operation", dmr.NewString("composite"))
	req.Set("address", dmr.NewList())
	req.Set("steps", steps)
	if headers.IsDefined() {
		req.Set("operation-headers", headers)
	}
	return req
}

// Listing returns the batch as list-batch prints it: "#N text" lines.
func (b *Batch) Listing() string {
	if b.Len() == 0 {
		return "The batch is empty."
	}
	lines := make([]string, len(b.steps))
	for i, s := range b.steps {
		lines[i] = "#" + strconv.Itoa(i+1) + " " + s.text
	}
	return strings.Join(lines, "\n")
}

// stepFailure is one failed step of a composite response.
type stepFailure struct {
	index int // 0-based
	desc  string
}

// failedSteps returns the steps of a composite response that carry a
// failure-description, in step order.
func failedSteps(resp dmr.Value) []stepFailure {
	result, _ := resp.Get("result")
	var out []stepFailure
	for i, key := range result.Keys() {
		step, _ := result.Get(key)
		fd, ok := step.Get("failure-description")
		if ok && fd.IsDefined() {
			out = append(out, stepFailure{index: i, desc: fd.AsString()})
		}
	}
	return out
}

// FailureText returns what jboss-cli prints after "The batch failed with
// the following error...: " for a failed composite response: a line break,
// the composite's failure heading, then Step / Operation / Failure lines for
// each failed step (each line ends with a line break). When the response
// names no failed step it is the plain failure-description.
func (b *Batch) FailureText(resp dmr.Value) string {
	fd, _ := resp.Get("failure-description")
	steps := failedSteps(resp)
	if fd.Type() != dmr.Object || fd.Len() == 0 || len(steps) == 0 {
		return fd.AsString()
	}
	var sb strings.Builder
	sb.WriteString("\n" + fd.Keys()[0] + "\n")
	for _, f := range steps {
		sb.WriteString("Step: step-" + strconv.Itoa(f.index+1) + "\n")
		sb.WriteString("Operation: " + b.stepText(f.index) + "\n")
		sb.WriteString("Failure: " + f.desc + "\n")
	}
	return sb.String()
}

// Diagnostics returns the stderr lines for a failed composite response: one
// per failed step, each positioned at the script line the step came from.
func (b *Batch) Diagnostics(resp dmr.Value) []string {
	var out []string
	for _, f := range failedSteps(resp) {
		pos := "batch"
		if f.index < len(b.steps) {
			pos = b.steps[f.index].line.Where()
		}
		out = append(out, pos+": step-"+strconv.Itoa(f.index+1)+": "+
			b.stepText(f.index)+": "+f.desc)
	}
	return out
}

func (b *Batch) stepText(i int) string {
	if i < len(b.steps) {
		return b.steps[i].text
	}
	return "?"
}

// headerTable formats response-headers as jboss-cli's two-column table of
// "name:" and value, sorted by name.
func headerTable(headers dmr.Value) string {
	t := newTable(2)
	for _, k := range headers.Keys() {
		v, _ := headers.Get(k)
		t.add(k+":", v.AsString())
	}
	return t.String(true)
}
