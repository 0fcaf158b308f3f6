package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"golang.org/x/sys/unix"

	"wfcli/cmd/cli/remote"
	"wfcli/cmd/cli/shell"
)

// connector returns the shell's Connector for the command line's remote
// options: connect (and --connect) reach the controller given, else
// --controller, else localhost:9990, with --user/--password, local
// authentication unless --no-local-auth, and a prompt for missing
// credentials unless --error-on-interact. intr cancels the pending request
// of every connection it makes (Ctrl-C in the interactive shell).
func connector(cfg *config, stdin io.Reader, promptOut io.Writer,
	intr *remote.Interrupter) shell.Connector {
	var prompt func(string, bool) (string, error)
	if !cfg.errorOnInteract {
		in := bufio.NewReader(stdin)
		prompt = func(label string, secret bool) (string, error) {
			return promptLine(in, stdin, promptOut, label, secret)
		}
	}
	return func(controller string) (shell.Remote, error) {
		if controller == "" {
			controller = cfg.controller
		}
		ctrl, err := remote.ParseController(controller)
		if err != nil {
			return nil, err
		}
		timeout := time.Duration(cfg.timeout) * time.Millisecond
		c, err := remote.Connect(remote.Options{Controller: ctrl, User: cfg.user,
			Password: cfg.password, NoLocalAuth: cfg.noLocalAuth, Timeout: timeout,
			CommandTimeout: time.Duration(cfg.commandTimeout) * time.Second,
			Prompt:         prompt, Interrupt: intr})
		if err != nil {
			return nil, err
		}
		if timeout <= 0 {
			timeout = remote.DefaultTimeout
		}
		return remoteClient{c, timeout}, nil
	}
}

// remoteClient adapts *remote.Client to the shell's Remote.
type remoteClient struct {
	*remote.Client
	timeout time.Duration
}

func (r remoteClient) Address() string { return r.Controller().HostPort() }

func (r remoteClient) ConnectTimeout() time.Duration { return r.timeout }

// errNoInput is the failure of a credentials prompt on a standard input
// that is at its end.
var errNoInput = errors.New("standard input is at its end, so the credentials " +
	"cannot be asked for: give --user and --password")

// promptLine asks for one line; a secret is read without echo when stdin
// is a terminal.
func promptLine(in *bufio.Reader, stdin io.Reader, out io.Writer, label string,
	secret bool) (string, error) {
	fmt.Fprint(out, label)
	if f, ok := stdin.(*os.File); ok && secret {
		if restore, err := noEcho(int(f.Fd())); err == nil {
			defer func() {
				restore()
				fmt.Fprintln(out)
			}()
		}
	}
	line, err := in.ReadString('\n')
	if !isTerminal(stdin) {
		fmt.Fprintln(out) // the input was not echoed
	}
	if errors.Is(err, io.EOF) && line == "" {
		return "", errNoInput
	}
	if err != nil && line == "" {
		return "", fmt.Errorf("reading the answer to a credentials prompt: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// noEcho turns off the terminal's echo on fd and returns how to restore
// it; an error when fd is not a terminal.
func noEcho(fd int) (func(), error) {
	old, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return nil, err
	}
	t := *old
	t.Lflag &^= unix.ECHO
	if err := unix.IoctlSetTermios(fd, unix.TCSETS, &t); err != nil {
		return nil, err
	}
	return func() { unix.IoctlSetTermios(fd, unix.TCSETS, old) }, nil
}
