// Package remote is the CLI's client of a node's HTTP management endpoint:
// it sends DMR requests as WildFly's HTTP management API takes them (POST
// /management, JSON), authenticates (local token, else HTTP Digest with a
// prompt for what is missing), and retries only where it is safe. It
// implements the shell's Client; the shell, the grammar and the output
// know nothing of HTTP.
package remote

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"wfcli/ops/dmr"
)

// DefaultTimeout is jboss-cli's default connection timeout.
const DefaultTimeout = 5 * time.Second

// Options configure a Client.
type Options struct {
	// Controller is the node to manage; the zero value means
	// DefaultController.
	Controller Controller
	// User and Password are the Digest credentials. A user disables local
	// authentication, as in jboss-cli.
	User, Password string
	// NoLocalAuth disables local authentication (--no-local-auth).
	NoLocalAuth bool
	// Timeout bounds connecting (--timeout); 0 means DefaultTimeout.
	Timeout time.Duration
	// CommandTimeout bounds one request from sending to the last byte of
	// the response; 0 means no bound.
	CommandTimeout time.Duration
	// Prompt asks the user for a value (secret: without echo) when a
	// credential is needed; nil means prompts fail with ErrInteraction.
	Prompt func(label string, secret bool) (string, error)
	// Interrupt, when not nil, cancels the client's pending requests
	// (Ctrl-C in the interactive shell).
	Interrupt *Interrupter
}

// Client is a connection to one node's management endpoint. It is safe for
// concurrent use and keeps its connections alive between requests.
type Client struct {
	ctrl    Controller
	url     string
	auth    *authTransport
	http    *retryablehttp.Client
	timeout time.Duration
	connect *headerTimeout // bounds the first request by --timeout
	intr    *Interrupter
}

// New returns a client of o.Controller; it does not connect (see Connect).
func New(o Options) (*Client, error) {
	if o.Controller == (Controller{}) {
		o.Controller = DefaultController
	}
	url, err := o.Controller.url()
	if err != nil {
		return nil, err
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	base := &http.Transport{
		DisableCompression:  true,
		DialContext:         (&net.Dialer{Timeout: o.Timeout, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConnsPerHost: 64,
		IdleConnTimeout:     90 * time.Second,
	}
	connect := &headerTimeout{next: base, limit: o.Timeout}
	auth := newAuthTransport(connect, o)
	rc := &retryablehttp.Client{
		HTTPClient:   &http.Client{Transport: auth},
		RetryWaitMin: 50 * time.Millisecond,
		RetryWaitMax: 500 * time.Millisecond,
		RetryMax:     3,
		CheckRetry:   retryPolicy,
		Backoff:      retryablehttp.DefaultBackoff,
		ErrorHandler: retryablehttp.PassthroughErrorHandler,
	}
	return &Client{ctrl: o.Controller, url: url, auth: auth, http: rc,
		timeout: o.CommandTimeout, connect: connect, intr: o.Interrupt}, nil
}

// Connect returns a client of o.Controller after checking that the node
// answers and accepts the credentials (it reads the root's server-state).
// Connecting and each wait for an answer during that check are bounded by
// o.Timeout (the time spent at a credentials prompt is not counted). Its
// errors read as jboss-cli's causes, e.g. "The controller is not available
// at localhost:9990: connection refused".
func Connect(o Options) (*Client, error) {
	c, err := New(o)
	if err != nil {
		return nil, err
	}
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("read-attribute"))
	op.Set("name", dmr.NewString("server-state"))
	c.connect.armed.Store(true)
	_, err = c.Execute(op)
	c.connect.armed.Store(false)
	if err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// Controller returns the node the client talks to.
func (c *Client) Controller() Controller { return c.ctrl }

// Close closes the idle connections. The client may still be used.
func (c *Client) Close() error {
	c.http.HTTPClient.CloseIdleConnections()
	return nil
}

// Execute sends one request and returns the node's response: a failed
// operation is a response with outcome failed (HTTP 500), not an error. An
// error means the request could not be carried out: the node is not
// reachable, refused the credentials, or answered something that is not a
// response. A read is retried after a broken connection; a request that may
// change the model is retried only when it cannot have reached the node.
func (c *Client) Execute(op dmr.Value) (dmr.Value, error) {
	ctx := context.Background()
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	ctx, release := c.intr.watch(ctx)
	defer release()
	ctx = context.WithValue(ctx, readKey{}, isRead(op))
	req, err := retryablehttp.NewRequestWithContext(ctx, http.MethodPost, c.url,
		[]byte(op.JSONWire()))
	if err != nil {
		return dmr.Value{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	if tok := c.auth.currentToken(); tok != "" {
		req.Header.Set("Authorization", LocalScheme+" "+tok)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return dmr.Value{}, c.connError(ctx, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return dmr.Value{}, fmt.Errorf("reading the response of %s: %w", c.ctrl.HostPort(), err)
	}
	return c.response(resp.StatusCode, body)
}

// response reads the body of a response with its status.
func (c *Client) response(status int, body []byte) (dmr.Value, error) {
	if status == http.StatusUnauthorized {
		if err := c.auth.promptError(); err != nil {
			return dmr.Value{}, fmt.Errorf("Unable to authenticate against controller at "+
				"%s: %w", c.ctrl.HostPort(), err)
		}
		if !c.auth.hasCredentials() {
			return dmr.Value{}, fmt.Errorf("Unable to authenticate against controller at "+
				"%s: local authentication failed and no credentials were given: give "+
				"--user and --password", c.ctrl.HostPort())
		}
		return dmr.Value{}, fmt.Errorf("Unable to authenticate against controller at %s: "+
			"Authentication failed: the server presented no authentication mechanism "+
			"that accepted the credentials", c.ctrl.HostPort())
	}
	v, err := dmr.ParseJSON(string(bytes.TrimSpace(body)))
	if err != nil || v.Type() != dmr.Object || !v.Has("outcome") {
		return dmr.Value{}, fmt.Errorf("the controller at %s answered HTTP %d: %s",
			c.ctrl.HostPort(), status, firstLine(body))
	}
	return v, nil
}

// connError phrases a transport failure of the request of ctx as
// jboss-cli's cause.
func (c *Client) connError(ctx context.Context, err error) error {
	if errors.Is(context.Cause(ctx), errInterrupted) {
		return fmt.Errorf("the request to %s was interrupted", c.ctrl.HostPort())
	}
	if errors.Is(err, errNoAnswer) {
		return fmt.Errorf("The controller at %s accepted the connection but did not "+
			"answer within %d ms (--timeout)", c.ctrl.HostPort(), c.connect.limit.Milliseconds())
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return fmt.Errorf("The controller is not available at %s: %w", c.ctrl.HostPort(),
			op.Err)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("the request to %s timed out", c.ctrl.HostPort())
	}
	return fmt.Errorf("The controller at %s did not answer: %w", c.ctrl.HostPort(), err)
}

func firstLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}
