package remote

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"wfcli/ops/dmr"
)

func operation(name string) dmr.Value {
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString(name))
	op.Set("address", dmr.NewList())
	return op
}

// clientOf returns a client of the loopback server at addr (host:port).
func clientOf(t *testing.T, addr string) *Client {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	c, err := New(Options{Controller: Controller{"remote+http", host, p},
		NoLocalAuth: true, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func TestRetriesOnlyWhatIsSafe(t *testing.T) {
	tests := []struct {
		name      string
		op        string
		behaviour string // "break" closes the connection, "busy" answers 503
		wantSent  int32
	}{
		{"a read is sent again after the connection broke", "read-resource", "break", 4},
		{"a write is not sent again after the connection broke", "write-attribute",
			"break", 1},
		{"a composite of reads is sent again", "composite", "break", 4},
		{"a read is sent again while the node is unavailable", "read-attribute", "busy", 4},
		{"a write is not sent again when the node is unavailable", "add", "busy", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var sent atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter,
				r *http.Request) {
				sent.Add(1)
				if tt.behaviour == "busy" {
					w.WriteHeader(http.StatusServiceUnavailable)
					return
				}
				conn, _, err := w.(http.Hijacker).Hijack()
				if err == nil {
					conn.Close()
				}
			}))
			defer srv.Close()
			op := operation(tt.op)
			if tt.op == "composite" {
				op.Set("steps", dmr.NewList(operation("read-resource"),
					operation("read-children-names")))
			}
			_, err := clientOf(t, srv.Listener.Addr().String()).Execute(op)
			if err == nil {
				t.Fatal("Execute succeeded; want an error")
			}
			if got := sent.Load(); got != tt.wantSent {
				t.Errorf("the node received the request %d times, want %d", got, tt.wantSent)
			}
		})
	}
}

func TestWriteIsRetriedWhenTheConnectionWasRefused(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c := clientOf(t, addr)

	// The node starts listening while the client waits to retry.
	started := make(chan *http.Server, 1)
	go func() {
		time.Sleep(60 * time.Millisecond)
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			started <- nil
			return
		}
		s := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter,
			r *http.Request) {
			w.Write([]byte(`{"outcome":"success"}`))
		})}
		started <- s
		s.Serve(ln)
	}()
	resp, err := c.Execute(operation("write-attribute"))
	if s := <-started; s != nil {
		defer s.Close()
	} else {
		t.Skip("the port was taken by another process before the node could listen")
	}
	if err != nil {
		t.Fatalf("Execute: %v", err)
	}
	if got := resp.CompactString(); got != `{"outcome"=>"success"}` {
		t.Errorf("response = %s", got)
	}
}

func TestRefusedConnectionError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	_, err = clientOf(t, addr).Execute(operation("read-resource"))
	want := "The controller is not available at " + addr + ": connect: connection refused"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

func mustAddress(pairs ...string) dmr.Value {
	a := dmr.NewList()
	for i := 0; i+1 < len(pairs); i += 2 {
		a.Append(dmr.NewProperty(pairs[i], dmr.NewString(pairs[i+1])))
	}
	return a
}
