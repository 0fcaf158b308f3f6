package shell

import (
	"fmt"
	"time"

	"wfcli/ops/dmr"
)

// executeTimed sends op to the controller and waits at most the command
// timeout (command-timeout, --command-timeout) for the response; 0 waits
// as long as it takes.
//
// Limitation: a request that times out is abandoned, not cancelled: the
// controller still runs it to its end (and an embedded server holds its
// management lock until then), as the Client interface has no way to
// cancel a request.
func (s *Shell) executeTimed(l Line, op dmr.Value) (dmr.Value, error) {
	if s.cmdTimeout <= 0 {
		return s.send(s.client, op)
	}
	type answer struct {
		resp dmr.Value
		err  error
	}
	done := make(chan answer, 1)
	client := s.client
	go func() {
		resp, err := s.send(client, op)
		done <- answer{resp, err}
	}()
	timer := time.NewTimer(time.Duration(s.cmdTimeout) * time.Second)
	defer timer.Stop()
	select {
	case a := <-done:
		return a.resp, a.err
	case <-timer.C:
		return dmr.Value{}, fmt.Errorf("Timeout exception for %s", l.Text)
	}
}

// send runs one request on client.
func (s *Shell) send(client Client, op dmr.Value) (dmr.Value, error) {
	resp, err := client.Execute(op)
	if err != nil {
		return dmr.Value{}, fmt.Errorf("Communication error: %w", err)
	}
	return resp, nil
}
