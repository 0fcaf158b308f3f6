package datasource

import (
	"context"
	"errors"
	"net"
	"testing"
	"time"
)

// silentServer accepts TCP connections and never answers; it returns its
// address.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

func TestConnectToSilentDatabase(t *testing.T) {
	addr := silentServer(t)
	stopped, stop := context.WithCancel(context.Background())
	stop()
	tests := []struct {
		name    string
		url     string
		timeout time.Duration
		abort   context.Context
		want    string
	}{
		{"postgresql times out naming the address", "jdbc:postgresql://" + addr + "/test",
			200 * time.Millisecond, context.Background(),
			"the database at " + addr + " did not answer within 200ms"},
		{"mysql times out naming the address", "jdbc:mysql://" + addr + "/test",
			200 * time.Millisecond, context.Background(),
			"the database at " + addr + " did not answer within 200ms"},
		{"a stopping node abandons the connect at once", "jdbc:postgresql://" + addr + "/test",
			time.Minute, stopped, ErrStopping.Error()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			target, err := Translate(tc.url, Credentials{User: "u", Password: "p"}, "")
			if err != nil {
				t.Fatal(err)
			}
			inner, err := connectorFor(target)
			if err != nil {
				t.Fatal(err)
			}
			c := timedConnector{inner: inner, addr: targetAddr(target), timeout: tc.timeout,
				abort: tc.abort}
			start := time.Now()
			_, err = c.Connect(context.Background())
			if err == nil || err.Error() != tc.want {
				t.Fatalf("Connect error = %v, want %q", err, tc.want)
			}
			if took := time.Since(start); took > 5*time.Second {
				t.Errorf("Connect took %s", took)
			}
		})
	}
}

func TestCleanError(t *testing.T) {
	inner := errors.New("x")
	tests := []struct {
		name string
		err  error
		want string
	}{
		{"a nil wrapped by pgx is explained",
			errors.New("127.0.0.1:3306 (127.0.0.1): received unexpected message: %!w(<nil>)"),
			"127.0.0.1:3306 (127.0.0.1): received unexpected message " +
				"(is it a PostgreSQL server?)"},
		{"a sound error is kept", inner, "x"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := cleanError(tc.err).Error(); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			if !errors.Is(cleanError(tc.err), tc.err) {
				t.Error("the cleaned error does not wrap the driver's")
			}
		})
	}
}

func TestAcquireFromSilentDatabaseIsNoPoolTimeout(t *testing.T) {
	addr := silentServer(t)
	p, err := Open(Config{Name: "Silent", URL: "jdbc:postgresql://" + addr + "/test",
		Credentials: Credentials{User: "u"}, MaxPoolSize: 2,
		BlockingTimeout: 300 * time.Millisecond}, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	_, err = p.Acquire(context.Background())
	var noAnswer *NoAnswerError
	if !errors.As(err, &noAnswer) || errors.Is(err, ErrTimedOut) {
		t.Fatalf("Acquire error = %v, want the database's silence", err)
	}
	if noAnswer.Where != "the database at "+addr || noAnswer.After < 250*time.Millisecond {
		t.Errorf("error = %+v", noAnswer)
	}
}
