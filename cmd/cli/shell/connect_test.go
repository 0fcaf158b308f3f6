package shell

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops/dmr"
)

// restarting is a Remote whose node, after :reload, answers server-state
// with the states listed (an empty state: the connection is refused), then
// running, or never answers when stuck. It records the operations it
// receives.
type restarting struct {
	states []string
	stuck  bool
	sent   []string
	closed bool
}

func (r *restarting) Execute(op dmr.Value) (dmr.Value, error) {
	r.sent = append(r.sent, op.CompactString())
	resp := dmr.NewObject()
	resp.Set("outcome", dmr.NewString("success"))
	name, _ := op.Get("operation")
	if name.AsString() != "read-attribute" {
		return resp, nil
	}
	state := "running"
	if r.stuck {
		state = ""
	}
	if len(r.states) > 0 {
		state, r.states = r.states[0], r.states[1:]
	}
	if state == "" {
		return dmr.Value{}, errors.New("connection refused")
	}
	resp.Set("result", dmr.NewString(state))
	return resp, nil
}

func (r *restarting) Address() string               { return "node2:10090" }
func (r *restarting) ConnectTimeout() time.Duration { return 200 * time.Millisecond }
func (r *restarting) Close() error                  { r.closed = true; return nil }

func TestReloadWaitsForTheNode(t *testing.T) {
	const reload = `{"operation"=>"reload","address"=>[]}`
	const state = `{"operation"=>"read-attribute","address"=>[],"name"=>"server-state"}`
	tests := []struct {
		name     string
		line     string
		states   []string
		wantSent []string
		wantOut  string
		closed   bool
	}{
		{"reload returns once the node is running again", "reload",
			[]string{"", "", "starting", "running"},
			[]string{reload, state, state, state, state}, "", false},
		{"reload passes the start mode", "reload --start-mode=admin-only", nil,
			[]string{`{"operation"=>"reload","address"=>[],"start-mode"=>"admin-only"}`,
				state}, "", false},
		{"reload gives up after the timeout and disconnects", "reload --timeout=1",
			[]string{"stuck"}, nil, "Failed to establish connection in 1000ms\n", true},
		{"reload refuses the suspend start mode with a reason", "reload --start-mode=suspend",
			nil, nil,
			"reload --start-mode=suspend is not supported: this server cannot start " +
				"suspended; use --start-mode=normal or --start-mode=admin-only\n", false},
		{"shutdown disconnects", "shutdown",
			nil, []string{`{"operation"=>"shutdown","address"=>[]}`}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &restarting{states: tt.states}
			if len(tt.states) == 1 && tt.states[0] == "stuck" {
				r = &restarting{stuck: true}
			}
			var out bytes.Buffer
			s := New(Options{Stdout: &out, Connect: func(string) (Remote, error) {
				return r, nil
			}})
			if err := s.Connect(""); err != nil {
				t.Fatal(err)
			}
			s.Run(SplitScript("r.cli", tt.line))
			if diff := cmp.Diff(tt.wantOut, out.String()); diff != "" {
				t.Errorf("output (-want +got):\n%s", diff)
			}
			if tt.wantSent != nil {
				if diff := cmp.Diff(tt.wantSent, r.sent); diff != "" {
					t.Errorf("requests (-want +got):\n%s", diff)
				}
			}
			if r.closed != tt.closed {
				t.Errorf("closed = %v, want %v", r.closed, tt.closed)
			}
		})
	}
}

func TestPromptNamesTheController(t *testing.T) {
	s := New(Options{Connect: func(string) (Remote, error) { return &restarting{}, nil }})
	if err := s.Connect(""); err != nil {
		t.Fatal(err)
	}
	if got := s.Prompt(); got != "[standalone@node2:10090 /] " {
		t.Errorf("prompt = %q", got)
	}
}

func TestAFailedConnectKeepsTheWorkingConnection(t *testing.T) {
	working := &restarting{}
	calls := 0
	s := New(Options{Connect: func(string) (Remote, error) {
		calls++
		if calls > 1 {
			return nil, errors.New("The controller is not available at x:1")
		}
		return working, nil
	}})
	if err := s.Connect(""); err != nil {
		t.Fatal(err)
	}
	err := s.Connect("x:1")
	got := []any{err.Error(), working.closed, s.Prompt()}
	want := []any{"Failed to connect to the controller: The controller is not available at x:1",
		false, "[standalone@node2:10090 /] "}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("error, closed, prompt (-want +got):\n%s", diff)
	}
}
