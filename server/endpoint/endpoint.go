// Package endpoint is the node's HTTP management endpoint, as WildFly's
// HTTP management API: POST /management with a JSON operation, the GET
// read forms (/management/<type>/<name>?operation=attribute&name=x), the
// status codes and JSON forms of WildFly, and the authentication in front
// of it (HTTP Digest in realm ManagementRealm against mgmt-users.properties,
// and a local token for a CLI on the same machine).
//
// It runs operations through an Executor and knows nothing of the model;
// listening, reload and shutdown belong to the node (cmd/node), the JSON
// forms to ops/dmr.
package endpoint

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"wfcli/ops/dmr"
)

// Executor runs one management request and returns its response, as
// server.Server does. It must be safe for concurrent use.
type Executor interface {
	Execute(op dmr.Value) dmr.Value
}

// UserExecutor is an Executor that can run a request as the user the
// endpoint authenticated ("$local" for the local token), for operations
// whose answer depends on the caller, such as whoami. The endpoint uses
// ExecuteAs when its Executor has it.
type UserExecutor interface {
	Executor
	ExecuteAs(user string, op dmr.Value) dmr.Value
}

// execute runs op for user.
func (h *Handler) execute(user string, op dmr.Value) dmr.Value {
	if ue, ok := h.exec.(UserExecutor); ok {
		return ue.ExecuteAs(user, op)
	}
	return h.exec.Execute(op)
}

// DefaultMaxBody is the largest request body accepted (10 MiB), as a
// bound on what one client can make the node read.
const DefaultMaxBody = 10 << 20

// Options configure a Handler.
type Options struct {
	// Executor runs the requests; it is required.
	Executor Executor
	// Auth checks every request; it is required (nothing is reachable
	// without authentication).
	Auth *Auth
	// MaxBody bounds a request body in bytes; 0 means DefaultMaxBody.
	MaxBody int64
	// Logger receives one debug line per request; nil discards. Neither
	// credentials nor request bodies are logged.
	Logger *slog.Logger
}

// Handler serves /management. It is safe for concurrent use: requests run
// concurrently, and the Executor serializes the writes.
type Handler struct {
	exec    Executor
	auth    *Auth
	maxBody int64
	log     *slog.Logger
}

// New returns the handler of the management endpoint.
func New(o Options) (*Handler, error) {
	if o.Executor == nil || o.Auth == nil {
		return nil, errors.New("endpoint: an Executor and an Auth are required")
	}
	h := &Handler{exec: o.Executor, auth: o.Auth, maxBody: o.MaxBody, log: o.Logger}
	if h.maxBody <= 0 {
		h.maxBody = DefaultMaxBody
	}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	return h, nil
}

// ServeHTTP answers one request: authentication first, then the method,
// the origin, and the operation.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path != "/management" && !strings.HasPrefix(r.URL.Path, "/management/") {
		writeText(w, http.StatusNotFound, "Not found: the management API is at /management")
		return
	}
	user, ok := h.auth.check(w, r)
	debug := h.log.Enabled(r.Context(), slog.LevelDebug)
	if !ok {
		if debug {
			h.log.Debug("unauthenticated request", "method", r.Method, "path", r.URL.Path)
		}
		return
	}
	if !sameOrigin(r) {
		writeText(w, http.StatusForbidden, "Forbidden: the Origin header does not match "+
			"the host")
		return
	}
	if debug {
		h.log.Debug("management request", "method", r.Method, "path", r.URL.Path,
			"user", user)
	}
	switch r.Method {
	case http.MethodPost:
		h.post(w, r, user)
	case http.MethodGet:
		h.get(w, r, user)
	default:
		w.Header().Set("Allow", "GET, POST")
		writeText(w, http.StatusMethodNotAllowed, "Method not allowed: use POST "+
			"with a JSON operation, or GET")
	}
}

// sameOrigin reports whether a request with an Origin header comes from a
// page of the management host itself (a browser elsewhere must not drive
// the node with the user's credentials).
//
// Limitation: the http-interface's allowed-origins attribute is not read;
// a browser console served from another origin is refused even when the
// configuration allows it.
func sameOrigin(r *http.Request) bool {
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	_, host, ok := strings.Cut(o, "://")
	return ok && strings.EqualFold(host, r.Host)
}

// post runs the JSON operation in the body of a POST /management.
//
// Limitation: application/dmr-encoded (base64 binary DMR) is refused with
// 415, and /management-upload (operations with attached streams) is not
// served; clients must send JSON, which jboss-cli's HTTP users do.
func (h *Handler) post(w http.ResponseWriter, r *http.Request, user string) {
	if r.URL.Path != "/management" {
		writeText(w, http.StatusNotFound, "Not found: POST operations to /management")
		return
	}
	ct := strings.ToLower(strings.TrimSpace(strings.Split(r.Header.Get("Content-Type"),
		";")[0]))
	if ct != "application/json" {
		writeText(w, http.StatusUnsupportedMediaType, "Unsupported media type: send "+
			"the operation as application/json")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, h.maxBody))
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		writeFailure(w, http.StatusRequestEntityTooLarge,
			"The request body is larger than the limit of "+formatBytes(h.maxBody))
		return
	case err != nil:
		writeFailure(w, http.StatusBadRequest, "Failed to read the request body: "+err.Error())
		return
	}
	op, pretty, err := parseOperation(body)
	if err != nil {
		writeFailure(w, http.StatusBadRequest, err.Error())
		return
	}
	writeResponse(w, h.execute(user, op), pretty, false)
}

// parseOperation reads a JSON operation request and takes json.pretty out
// of it.
func parseOperation(body []byte) (dmr.Value, bool, error) {
	op, err := dmr.ParseJSON(string(body))
	if err != nil {
		return dmr.Value{}, false, errors.New("The request body is not a valid JSON " +
			"operation: " + err.Error())
	}
	if op.Type() != dmr.Object {
		return dmr.Value{}, false, errors.New("The request body must be a JSON object " +
			"(an operation), not " + op.Type().String())
	}
	pretty := isPretty(op)
	op.Remove("json.pretty")
	if name, ok := op.Get("operation"); !ok || name.Type() != dmr.String ||
		name.Str() == "" {
		return dmr.Value{}, false, errors.New("The operation request has no \"operation\": " +
			"give the name of the operation to run")
	}
	markHTTP(op)
	return op, pretty, nil
}

// markHTTP records in the operation headers that the request came over
// HTTP from a user, as WildFly does (whatever the client claimed), and
// drops domain-uuid, which only a domain controller may send.
func markHTTP(op dmr.Value) {
	h, ok := op.Get("operation-headers")
	if !ok || h.Type() != dmr.Object {
		h = dmr.NewObject()
		op.Set("operation-headers", h)
	}
	h.Remove("domain-uuid")
	h.Set("access-mechanism", dmr.NewString("HTTP"))
	h.Set("caller-type", dmr.NewString("user"))
}

// isPretty reports whether the request asks for json.pretty (true or 1).
func isPretty(op dmr.Value) bool {
	v, ok := op.Get("json.pretty")
	if !ok {
		return false
	}
	switch v.Type() {
	case dmr.Boolean:
		return v.Bool()
	case dmr.Int, dmr.Long:
		return v.Int64() != 0
	}
	s := strings.ToLower(v.AsString())
	return s == "true" || s == "1"
}

// writeResponse writes an operation's response: 200 and the response
// (only its result for a GET) on success, compact unless pretty; on
// failure 500 (403 for an authorization failure) and the whole response,
// always pretty, as WildFly does.
func writeResponse(w http.ResponseWriter, resp dmr.Value, pretty, resultOnly bool) {
	outcome, _ := resp.Get("outcome")
	if outcome.AsString() == "success" {
		out := resp
		if resultOnly {
			out, _ = resp.Get("result")
		}
		writeJSON(w, http.StatusOK, out, pretty)
		return
	}
	status := http.StatusInternalServerError
	if fd, _ := resp.Get("failure-description"); strings.Contains(fd.AsString(),
		"WFLYCTL0313") {
		status = http.StatusForbidden
	}
	writeJSON(w, status, resp, true)
}

func writeJSON(w http.ResponseWriter, status int, v dmr.Value, pretty bool) {
	var text string
	if pretty {
		text = v.JSONString(false)
	} else {
		text = v.JSONWire()
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, text)
}

// writeFailure writes a request the endpoint refused before running it, as
// a failed response whose failure-description says why.
func writeFailure(w http.ResponseWriter, status int, msg string) {
	r := dmr.NewObject()
	r.Set("outcome", dmr.NewString("failed"))
	r.Set("failure-description", dmr.NewString(msg))
	r.Set("rolled-back", dmr.NewBool(true))
	writeJSON(w, status, r, true)
}

func writeText(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, msg+"\n")
}

func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}
