package ops

import (
	"errors"
	"testing"

	"wfcli/ops/dmr"
)

// controlController returns a controller over testDefinition whose root
// also has the process attributes, with subsystem=test added.
func controlController(t *testing.T, opts Options) *Controller {
	t.Helper()
	def := testDefinition()
	for _, n := range []string{"server-state", "running-mode"} {
		def.Attributes = append(def.Attributes, &Attribute{Name: n, Type: dmr.String,
			Access: ReadOnly, Storage: Runtime})
	}
	c := NewController(nil, def, opts)
	mustSucceed(t, c, `{"operation" => "add", "address" => [("subsystem" => "test")]}`)
	return c
}

// hooks records the calls of the Reload and Shutdown hooks.
type hooks struct {
	calls []string
	fail  error
}

func (h *hooks) options(o Options) Options {
	o.Reload = func(adminOnly bool) error {
		h.calls = append(h.calls, map[bool]string{true: "reload admin-only",
			false: "reload normal"}[adminOnly])
		return h.fail
	}
	o.Shutdown = func(restart bool) error {
		h.calls = append(h.calls, map[bool]string{true: "restart", false: "shutdown"}[restart])
		return h.fail
	}
	return o
}

const (
	writePort      = `{"operation" => "write-attribute", "address" => [("subsystem" => "test")], "name" => "port", "value" => 9000}`
	readState      = `{"operation" => "read-attribute", "address" => [], "name" => "server-state"}`
	readMode       = `{"operation" => "read-attribute", "address" => [], "name" => "running-mode"}`
	writeJVMModule = `{"operation" => "write-attribute", "address" => [("system-property" => "p")], "name" => "value", "value" => "x"}`
)

func TestReloadAndShutdown(t *testing.T) {
	cases := []struct {
		name      string
		adminOnly bool
		fail      error
		setup     []string
		req       string
		want      string
		state     string   // server-state afterwards
		mode      string   // running-mode afterwards
		calls     []string // hook calls
	}{
		{name: "reload clears reload-required",
			setup: []string{writePort}, req: `{"operation" => "reload"}`,
			want:  `{"outcome" => "success", "result" => undefined}`,
			state: "running", mode: "NORMAL", calls: []string{"reload normal"}},
		{name: "reload into admin-only mode",
			req:   `{"operation" => "reload", "admin-only" => true}`,
			want:  `{"outcome" => "success", "result" => undefined}`,
			state: "running", mode: "ADMIN_ONLY", calls: []string{"reload admin-only"}},
		{name: "start-mode normal leaves admin-only mode",
			adminOnly: true, req: `{"operation" => "reload", "start-mode" => "normal"}`,
			want:  `{"outcome" => "success", "result" => undefined}`,
			state: "running", mode: "NORMAL", calls: []string{"reload normal"}},
		{name: "an admin-only node stays admin-only without a mode",
			adminOnly: true, req: `{"operation" => "reload"}`,
			want:  `{"outcome" => "success", "result" => undefined}`,
			state: "running", mode: "ADMIN_ONLY", calls: []string{"reload admin-only"}},
		{name: "reload comes back in the mode the server was started in",
			adminOnly: true, setup: []string{`{"operation" => "reload", "admin-only" => false}`},
			req:   `{"operation" => "reload"}`,
			want:  `{"outcome" => "success", "result" => undefined}`,
			state: "running", mode: "ADMIN_ONLY",
			calls: []string{"reload normal", "reload admin-only"}},
		{name: "start-mode suspend is refused with a reason",
			req: `{"operation" => "reload", "start-mode" => "suspend"}`,
			want: `{"outcome" => "failed", "failure-description" => "start-mode suspend is not ` +
				`supported: this server cannot start suspended; reload with start-mode normal ` +
				`or admin-only", "rolled-back" => true}`,
			state: "running", mode: "NORMAL"},
		{name: "an unknown start mode fails",
			req: `{"operation" => "reload", "start-mode" => "fast"}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0248: Invalid value fast for start-mode; legal values are [normal, admin-only, suspend]",
				"rolled-back" => true}`,
			state: "running", mode: "NORMAL"},
		{name: "a failing reload hook keeps reload-required",
			fail: errors.New("port in use"), setup: []string{writePort},
			req: `{"operation" => "reload"}`,
			want: `{"outcome" => "failed", "failure-description" => "Failed to reload the server: port in use",
				"rolled-back" => true, "response-headers" => {"process-state" => "reload-required"}}`,
			state: "reload-required", mode: "NORMAL", calls: []string{"reload normal"}},
		{name: "a batch ending in reload commits, then reloads",
			req: `{"operation" => "composite", "address" => [], "steps" => [` + writePort +
				`, {"operation" => "reload"}]}`,
			want: `{"outcome" => "success", "result" => {"step-1" => {"outcome" => "success"},
				"step-2" => {"outcome" => "success", "result" => undefined}},
				"response-headers" => {"operation-requires-reload" => true}}`,
			state: "running", mode: "NORMAL", calls: []string{"reload normal"}},
		{name: "reload exists only on the root",
			req: `{"operation" => "reload", "address" => [("subsystem" => "test")]}`,
			want: `{"outcome" => "failed", "failure-description" => "WFLYCTL0031: No operation named 'reload' exists at address [(\"subsystem\" => \"test\")]",
				"rolled-back" => true}`,
			state: "running", mode: "NORMAL"},
		{name: "shutdown with restart succeeds and calls the hook",
			req:   `{"operation" => "shutdown", "restart" => true}`,
			want:  `{"outcome" => "success", "result" => undefined}`,
			state: "running", mode: "NORMAL", calls: []string{"restart"}},
		{name: "shutdown leaves the process state alone",
			setup: []string{writePort}, req: `{"operation" => "shutdown"}`,
			want: `{"outcome" => "success", "result" => undefined,
				"response-headers" => {"process-state" => "reload-required"}}`,
			state: "reload-required", mode: "NORMAL", calls: []string{"shutdown"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			h := &hooks{}
			c := controlController(t, h.options(Options{AdminOnly: tc.adminOnly}))
			for _, s := range tc.setup {
				mustSucceed(t, c, s)
			}
			h.fail = tc.fail
			got := c.Execute(parse(t, tc.req))
			if want := parse(t, tc.want); !got.Equal(want) {
				t.Errorf("response\n got: %s\nwant: %s", got.CompactString(), want.CompactString())
			}
			if s := mustSucceed(t, c, readState); s.Str() != tc.state {
				t.Errorf("server-state %s, want %s", s, tc.state)
			}
			if m := mustSucceed(t, c, readMode); m.Str() != tc.mode {
				t.Errorf("running-mode %s, want %s", m, tc.mode)
			}
			if len(h.calls) != len(tc.calls) || (len(h.calls) > 0 && h.calls[0] != tc.calls[0]) {
				t.Errorf("hook calls %q, want %q", h.calls, tc.calls)
			}
		})
	}
}

func TestReloadKeepsRestartRequired(t *testing.T) {
	c := controlController(t, Options{})
	c.SetProcessState(StateRestartRequired)
	mustSucceed(t, c, `{"operation" => "reload"}`)
	if s := mustSucceed(t, c, readState); s.Str() != StateRestartRequired {
		t.Errorf("server-state after reload %s, want %s", s, StateRestartRequired)
	}
}
