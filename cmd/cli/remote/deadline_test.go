package remote

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops/dmr"
)

// silent listens on loopback, accepts connections and never answers; it
// returns the controller.
func silent(t *testing.T) Controller {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var held []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				break
			}
			held = append(held, c)
		}
		for _, c := range held {
			c.Close()
		}
	}()
	t.Cleanup(func() { ln.Close(); <-done })
	c, err := ParseController(ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestConnectToASilentControllerFailsAfterTheTimeout(t *testing.T) {
	ctrl := silent(t)
	start := time.Now()
	_, err := Connect(Options{Controller: ctrl, Timeout: 300 * time.Millisecond})
	took := time.Since(start)
	want := "The controller at " + ctrl.HostPort() + " accepted the connection but did " +
		"not answer within 300 ms (--timeout)"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	if took > 2*time.Second {
		t.Errorf("Connect took %v with a 300 ms timeout", took)
	}
}

func TestInterruptCancelsAPendingRequest(t *testing.T) {
	ctrl := silent(t)
	var intr Interrupter
	c, err := New(Options{Controller: ctrl, Interrupt: &intr})
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(100 * time.Millisecond)
		intr.Interrupt()
	}()
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("read-resource"))
	start := time.Now()
	_, err = c.Execute(op)
	want := "the request to " + ctrl.HostPort() + " was interrupted"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("Execute took %v after an interrupt at 100 ms", took)
	}
}

func TestRequestsAfterAnInterruptAreNotCancelled(t *testing.T) {
	ctrl := node(t)
	var intr Interrupter
	intr.Interrupt() // with nothing pending: no effect on what follows
	c, err := Connect(Options{Controller: ctrl, User: "admin", Password: "secret-1",
		Interrupt: &intr})
	if err != nil {
		t.Fatal(err)
	}
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("read-attribute"))
	op.Set("name", dmr.NewString("server-state"))
	resp, err := c.Execute(op)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := resp.Get("outcome")
	if diff := cmp.Diff("success", got.AsString()); diff != "" {
		t.Errorf("outcome (-want +got):\n%s", diff)
	}
}

func TestAConnectedClientHasNoAnswerTimeout(t *testing.T) {
	ctrl := silent(t)
	c, err := New(Options{Controller: ctrl, Timeout: 100 * time.Millisecond,
		CommandTimeout: 600 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("write-attribute"))
	_, err = c.Execute(op)
	if err == nil || !strings.Contains(err.Error(), "timed out") {
		t.Errorf("error = %v, want the command timeout, not the connection timeout", err)
	}
}

func TestARejectedLocalTokenWithoutCredentialsSaysWhatToGive(t *testing.T) {
	token := filepath.Join(t.TempDir(), "local-token-x")
	if err := os.WriteFile(token, []byte("not-the-node's"), 0o600); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("WWW-Authenticate", LocalScheme+` path="`+token+`"`)
		w.WriteHeader(http.StatusUnauthorized)
	}))
	defer hs.Close()
	ctrl, err := ParseController(strings.TrimPrefix(hs.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Connect(Options{Controller: ctrl})
	want := "Unable to authenticate against controller at " + ctrl.HostPort() +
		": local authentication failed and no credentials were given: give --user and " +
		"--password"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}
