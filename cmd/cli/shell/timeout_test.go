package shell

import (
	"bytes"
	"testing"

	"wfcli/ops/dmr"
)

// stuckController never answers until released, like a controller busy
// with a long operation.
type stuckController struct{ release chan struct{} }

func (c stuckController) Execute(op dmr.Value) (dmr.Value, error) {
	<-c.release
	return dmr.Value{}, nil
}

func TestCommandTimeoutAbandonsASlowRequest(t *testing.T) {
	var out bytes.Buffer
	s := New(Options{Stdout: &out, CommandTimeout: 1})
	ctl := stuckController{release: make(chan struct{})}
	defer close(ctl.release)
	s.client = ctl
	ok := s.Run(SplitScript("t.cli", ":read-resource\n"))
	if ok {
		t.Fatal("the request succeeded; want a timeout")
	}
	if got, want := out.String(), "Timeout exception for :read-resource\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}
}
