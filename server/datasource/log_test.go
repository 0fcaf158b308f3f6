package datasource

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

func TestLogsNeverHoldThePassword(t *testing.T) {
	ds := ops.NewResource()
	ds.SetAttr("connection-url", dmr.NewString("jdbc:postgresql://127.0.0.1:1/test"))
	ds.SetAttr("user-name", dmr.NewString("app"))
	ds.SetAttr("password", dmr.NewString("pw-s3cret"))
	ds.SetAttr("min-pool-size", dmr.NewInt(1))
	ds.SetAttr("pool-prefill", dmr.NewBool(true))
	bad := ops.NewResource()
	bad.SetAttr("connection-url", dmr.NewString("jdbc:oracle:thin:@db:1521:XE"))
	bad.SetAttr("password", dmr.NewString("pw-s3cret"))
	sub := ops.NewResource()
	sub.AddChild("data-source", "DownDS", ds, -1)
	sub.AddChild("data-source", "OracleDS", bad, -1)
	root := ops.NewResource()
	root.AddChild("subsystem", "datasources", sub, -1)

	var buf syncBuffer
	rt := New(Options{Model: func() *ops.Resource { return root },
		Logger: slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
			Level: slog.LevelDebug}))})
	if _, err := rt.Pool("DownDS"); err != nil {
		t.Fatal(err)
	}
	// The prefill fails in the background and logs why.
	eventually(func() bool { return strings.Contains(buf.String(), "filling") })
	rt.Close()

	log := buf.String()
	for _, want := range []string{"pool started", "filling the pool to its minimum failed",
		"data source not started", "pool stopped"} {
		if !strings.Contains(log, want) {
			t.Errorf("the log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, "pw-s3cret") {
		t.Errorf("the log holds the password:\n%s", log)
	}
}

// syncBuffer is a buffer that a logger and a test share.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
