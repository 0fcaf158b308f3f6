package shell

import (
	"io"
	"time"

	"wfcli/ops/dmr"
)

// Client is how the shell reaches a management controller, remote or
// embedded: it sends one request (a DMR OBJECT) and returns the response.
// A failed operation is a response whose outcome is "failed", not an error;
// an error means the request could not be carried out at all (the
// connection broke, the server stopped). The shell never knows what kind
// of controller is behind a Client.
type Client interface {
	Execute(op dmr.Value) (dmr.Value, error)
}

// EmbedOptions are the settings of embed-server, as the command's arguments
// and the CLI's system properties give them.
type EmbedOptions struct {
	// ConfigFile is the absolute path of the configuration to boot.
	ConfigFile string
	// AdminOnly starts the server in admin-only mode (embed-server's default).
	AdminOnly bool
	// Properties are the CLI's system properties, for ${...} resolution.
	Properties map[string]string
	// Stdout receives the server's own output (--std-out=echo); it is
	// io.Discard for --std-out=discard.
	Stdout io.Writer
	// EmptyConfig starts from an empty configuration; RemoveExisting allows
	// it to replace an existing non-empty file.
	EmptyConfig, RemoveExisting bool
	// Timeout is how long to wait for the server to boot; 0 means no limit.
	Timeout time.Duration
}

// Embedded is a server running inside the CLI's process.
type Embedded interface {
	Client
	// Stop shuts the server down. The Client must not be used afterwards.
	Stop() error
}

// Embedder starts an embedded server. The shell calls it for embed-server;
// main supplies one that boots package server's node, so that the shell
// itself depends only on this function type.
type Embedder func(EmbedOptions) (Embedded, error)
