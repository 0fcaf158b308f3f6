package cache

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// maxValue bounds a value's size in a request, and maxBatch a rebalance
// batch's.
const (
	maxValue = 16 << 20
	maxBatch = 256 << 20
)

// PeerTokenHeader carries, on a peer call, the token the called member
// announced over the channel (see Manager.PeerToken).
const PeerTokenHeader = "X-Wfcli-Peer-Token"

// Handler returns the REST interface to the caches of m, to mount at the
// root of the node's HTTP listener:
//
//	PUT    /cache/<container>/<cache>/<key>   writes the body as the value
//	GET    /cache/<container>/<cache>/<key>   reads it (404 when absent)
//	DELETE /cache/<container>/<cache>/<key>   removes it
//
// and, under /cache-peer/, the same on this member's entries only, which
// the other members call.
//
// The /cache/ interface is served through public, which must authenticate
// the caller (the node passes the management realm's Digest and local
// authentication); nil serves no /cache/ interface at all.
//
// The /cache-peer/ calls must carry this member's peer token (see
// PeerToken) in PeerTokenHeader, else they get 403. The token is random,
// made per manager (per node process), and travels only in the member's
// announcement over the cluster channel: a caller must have been a member
// of the channel to know it. The channel, like a JGroups stack without
// AUTH and ENCRYPT, is thus the trust boundary: anyone who can join it or
// read its traffic can reach the caches, as it could read what they
// replicate.
func (m *Manager) Handler(public func(http.Handler) http.Handler) http.Handler {
	mux := http.NewServeMux()
	if public != nil {
		api := http.NewServeMux()
		api.HandleFunc("GET /cache/{container}/{cache}/{key...}", m.serveGet)
		api.HandleFunc("PUT /cache/{container}/{cache}/{key...}", m.servePut)
		api.HandleFunc("DELETE /cache/{container}/{cache}/{key...}", m.serveDelete)
		mux.Handle("/cache/", public(api))
	}
	mux.HandleFunc("GET /cache-peer/{container}/{cache}/{key...}", m.peer(m.peerGet))
	mux.HandleFunc("PUT /cache-peer/{container}/{cache}/{key...}", m.peer(m.peerPut))
	mux.HandleFunc("DELETE /cache-peer/{container}/{cache}/{key...}", m.peer(m.peerDelete))
	mux.HandleFunc("POST /cache-peer/{container}/{cache}", m.peer(m.peerPutAll))
	return mux
}

// peer lets through the calls that carry this member's peer token.
func (m *Manager) peer(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		got := []byte(r.Header.Get(PeerTokenHeader))
		if subtle.ConstantTimeCompare(got, []byte(m.token)) != 1 {
			http.Error(w, "Forbidden: not a member of this node's cluster",
				http.StatusForbidden)
			return
		}
		h(w, r)
	}
}

// cacheOf returns the cache the request names, or answers 404.
func (m *Manager) cacheOf(w http.ResponseWriter, r *http.Request) *Cache {
	return m.lookup(w, r, http.StatusNotFound)
}

// peerCacheOf returns the cache a peer call names, or answers 503: the
// caller's view has this member, whose caches may not have started yet
// (or have stopped for a reload), which must not read as "no entry".
func (m *Manager) peerCacheOf(w http.ResponseWriter, r *http.Request) *Cache {
	return m.lookup(w, r, http.StatusServiceUnavailable)
}

func (m *Manager) lookup(w http.ResponseWriter, r *http.Request, code int) *Cache {
	ct := m.Container(r.PathValue("container"))
	if ct == nil {
		http.Error(w, "no cache container "+r.PathValue("container"), code)
		return nil
	}
	ca := ct.Cache(r.PathValue("cache"))
	if ca == nil {
		http.Error(w, "no cache "+r.PathValue("cache")+" in "+ct.name, code)
	}
	return ca
}

func (m *Manager) serveGet(w http.ResponseWriter, r *http.Request) {
	if ca := m.cacheOf(w, r); ca != nil {
		v, ok, err := ca.Get(r.Context(), r.PathValue("key"))
		writeValue(w, v, ok, err)
	}
}

func (m *Manager) servePut(w http.ResponseWriter, r *http.Request) {
	ca := m.cacheOf(w, r)
	if ca == nil {
		return
	}
	v, ok := readValue(w, r)
	if !ok {
		return
	}
	writeDone(w, ca.Put(r.Context(), r.PathValue("key"), v))
}

// readValue reads a request's body of at most maxValue bytes; when it
// cannot, it answers 413 with the reason and returns false.
func readValue(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	v, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxValue))
	if err != nil {
		http.Error(w, err.Error(), http.StatusRequestEntityTooLarge)
		return nil, false
	}
	return v, true
}

func (m *Manager) serveDelete(w http.ResponseWriter, r *http.Request) {
	if ca := m.cacheOf(w, r); ca != nil {
		writeDone(w, ca.Remove(r.Context(), r.PathValue("key")))
	}
}

func (m *Manager) peerGet(w http.ResponseWriter, r *http.Request) {
	if ca := m.peerCacheOf(w, r); ca != nil {
		v, ok := ca.store.get(r.PathValue("key"))
		writeValue(w, v, ok, nil)
	}
}

func (m *Manager) peerPut(w http.ResponseWriter, r *http.Request) {
	ca := m.peerCacheOf(w, r)
	if ca == nil {
		return
	}
	v, ok := readValue(w, r)
	if !ok {
		return
	}
	ca.store.put(r.PathValue("key"), v)
	w.WriteHeader(http.StatusNoContent)
}

func (m *Manager) peerDelete(w http.ResponseWriter, r *http.Request) {
	if ca := m.peerCacheOf(w, r); ca != nil {
		ca.store.remove(r.PathValue("key"))
		w.WriteHeader(http.StatusNoContent)
	}
}

func (m *Manager) peerPutAll(w http.ResponseWriter, r *http.Request) {
	ca := m.peerCacheOf(w, r)
	if ca == nil {
		return
	}
	var entries map[string][]byte
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBatch))
	if err := dec.Decode(&entries); err != nil {
		http.Error(w, "reading entries: "+err.Error(), http.StatusBadRequest)
		return
	}
	for k, v := range entries {
		ca.store.put(k, v)
	}
	w.WriteHeader(http.StatusNoContent)
}

func writeValue(w http.ResponseWriter, v []byte, ok bool, err error) {
	switch {
	case err != nil:
		http.Error(w, err.Error(), http.StatusBadGateway)
	case !ok:
		http.Error(w, "no such entry", http.StatusNotFound)
	default:
		w.Header().Set("Content-Type", "application/octet-stream")
		w.Write(v)
	}
}

func writeDone(w http.ResponseWriter, err error) {
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// client calls the peer interface of other members.
type client struct {
	http *http.Client
}

func newClient() *client {
	return &client{http: &http.Client{Timeout: 5 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 64, IdleConnTimeout: time.Minute}}}
}

// errNoURL means a member's HTTP listener is not known yet.
var errNoURL = errors.New("member's HTTP address is not known")

func (c *client) do(ctx context.Context, method string, m Member, path string,
	body []byte) (*http.Response, error) {
	if m.URL == "" {
		return nil, fmt.Errorf("%s: %w", m.Name, errNoURL)
	}
	u := strings.TrimSuffix(m.URL, "/") + "/cache-peer/" + escapePath(path)
	req, err := http.NewRequestWithContext(ctx, method, u, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set(PeerTokenHeader, m.Token)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", method, m.Name, err)
	}
	return resp, nil
}

// escapePath escapes each "/"-separated step of p, keeping the slashes
// between the container, the cache and the key.
func escapePath(p string) string {
	steps := strings.SplitN(p, "/", 3)
	for i, s := range steps {
		steps[i] = url.PathEscape(s)
	}
	return strings.Join(steps, "/")
}

func (c *client) expect(resp *http.Response, codes ...int) error {
	defer resp.Body.Close()
	for _, code := range codes {
		if resp.StatusCode == code {
			return nil
		}
	}
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
	return fmt.Errorf("%s: %s", resp.Status, strings.TrimSpace(string(msg)))
}

func (c *client) put(ctx context.Context, m Member, path string, v []byte) error {
	resp, err := c.do(ctx, http.MethodPut, m, path, v)
	if err != nil {
		return err
	}
	return c.expect(resp, http.StatusNoContent)
}

func (c *client) remove(ctx context.Context, m Member, path string) error {
	resp, err := c.do(ctx, http.MethodDelete, m, path, nil)
	if err != nil {
		return err
	}
	return c.expect(resp, http.StatusNoContent)
}

func (c *client) get(ctx context.Context, m Member, path string) ([]byte, bool, error) {
	resp, err := c.do(ctx, http.MethodGet, m, path, nil)
	if err != nil {
		return nil, false, err
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotFound {
		return nil, false, nil
	}
	if resp.StatusCode != http.StatusOK {
		return nil, false, c.expect(resp, http.StatusOK)
	}
	v, err := io.ReadAll(io.LimitReader(resp.Body, maxValue))
	return v, err == nil, err
}

func (c *client) putAll(ctx context.Context, m Member, path string,
	entries map[string][]byte) error {
	body, err := json.Marshal(entries)
	if err != nil {
		return err
	}
	resp, err := c.do(ctx, http.MethodPost, m, path, body)
	if err != nil {
		return err
	}
	return c.expect(resp, http.StatusNoContent)
}
