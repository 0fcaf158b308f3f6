package main

import (
	"wfcli/cmd/cli/shell"
	"wfcli/ops/dmr"
	"wfcli/server"
)

func init() { embedder = embed }

// embed starts package server's node in this process for embed-server.
func embed(o shell.EmbedOptions) (shell.Embedded, error) {
	// Limitation: --timeout is accepted but not applied; the embedded boot
	// is synchronous and takes milliseconds.
	srv, err := server.Embed(server.Options{ConfigFile: o.ConfigFile, AdminOnly: o.AdminOnly,
		Properties: o.Properties, Stdout: o.Stdout, EmptyConfig: o.EmptyConfig,
		RemoveExisting: o.RemoveExisting})
	if err != nil {
		return nil, err
	}
	return embedded{srv}, nil
}

// embedded adapts *server.Server to the shell's client interface.
type embedded struct{ srv *server.Server }

func (e embedded) Execute(op dmr.Value) (dmr.Value, error) { return e.srv.Execute(op), nil }

func (e embedded) Stop() error { return e.srv.Stop() }
