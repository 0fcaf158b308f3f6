package main

import (
	"fmt"
	"io"
	"path/filepath"
	"time"

	"wfcli/cmd/cli/shell"
	"wfcli/ops/dmr"
	"wfcli/server"
)

func init() { embedder = embed }

// embed starts package server's node in this process for embed-server.
// With --std-out=echo (o.Stdout set) it prints one short line when the
// server has booted and one when it stops, in place of WildFly's boot log;
// the server's own structured log is not shown to the user.
func embed(o shell.EmbedOptions) (shell.Embedded, error) {
	// Limitation: --timeout is accepted but not applied; the embedded boot
	// is synchronous and takes milliseconds.
	start := time.Now()
	srv, err := server.Embed(server.Options{ConfigFile: o.ConfigFile, AdminOnly: o.AdminOnly,
		Properties: o.Properties, EmptyConfig: o.EmptyConfig,
		RemoveExisting: o.RemoveExisting})
	if err != nil {
		return nil, err
	}
	e := embedded{srv: srv, out: o.Stdout, file: o.ConfigFile}
	if abs, err := filepath.Abs(o.ConfigFile); err == nil {
		e.file = abs
	}
	mode := "normal"
	if o.AdminOnly {
		mode = "admin-only"
	}
	e.printf("booted %s (%s) in %d ms\n", e.file, mode, time.Since(start).Milliseconds())
	return e, nil
}

// embedded adapts *server.Server to the shell's client interface.
type embedded struct {
	srv  *server.Server
	out  io.Writer // the boot and stop lines; nil discards them
	file string
}

func (e embedded) Execute(op dmr.Value) (dmr.Value, error) { return e.srv.Execute(op), nil }

func (e embedded) Stop() error {
	if err := e.srv.Stop(); err != nil {
		return err
	}
	e.printf("stopped %s\n", e.file)
	return nil
}

func (e embedded) printf(format string, a ...any) {
	if e.out != nil && e.out != io.Discard {
		fmt.Fprintf(e.out, format, a...)
	}
}
