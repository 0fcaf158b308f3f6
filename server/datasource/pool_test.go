package datasource

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

func TestConfigFrom(t *testing.T) {
	r := ops.NewResource()
	r.SetAttr("connection-url", dmr.NewExpression("jdbc:postgresql://${db.host:localhost}/kc"))
	r.SetAttr("user-name", dmr.NewExpression("${env.DB_USER:keycloak}"))
	r.SetAttr("credential-reference", credential("${db.password}"))
	r.SetAttr("max-pool-size", dmr.NewExpression("${pool.max:40}"))
	r.SetAttr("min-pool-size", dmr.NewInt(5))
	r.SetAttr("blocking-timeout-wait-millis", dmr.NewLong(500))
	r.SetAttr("check-valid-connection-sql", dmr.NewString("SELECT 1"))
	r.SetAttr("background-validation", dmr.NewBool(true))
	props := map[string]string{"db.host": "db1:5432", "db.password": "pw",
		"env.DB_USER": "keycloak"}
	resolve := func(expr string) (string, error) {
		return ops.NewController(nil, nil, ops.Options{
			Properties: func(n string) (string, bool) { v, ok := props[n]; return v, ok },
			Env:        func(string) (string, bool) { return "", false },
		}).ResolveExpression(expr)
	}
	got, err := ConfigFrom("KeycloakDS", false, r, resolve)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Name: "KeycloakDS", Enabled: true, URL: "jdbc:postgresql://db1:5432/kc",
		Credentials: Credentials{"keycloak", "pw"}, MinPoolSize: 5, MaxPoolSize: 40,
		BlockingTimeout: 500 * time.Millisecond, IdleTimeout: 30 * time.Minute,
		ValidationSQL: "SELECT 1", BackgroundValidation: true,
		ValidationInterval: 10 * time.Minute}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("ConfigFrom (-want +got):\n%s", diff)
	}
}

func TestConfigFromUnresolvable(t *testing.T) {
	r := ops.NewResource()
	r.SetAttr("connection-url", dmr.NewExpression("${db.url}"))
	resolve := ops.NewController(nil, nil, ops.Options{
		Env: func(string) (string, bool) { return "", false }}).ResolveExpression
	_, err := ConfigFrom("AppDS", false, r, resolve)
	want := "data source AppDS: resolving connection-url: WFLYCTL0211: Cannot resolve " +
		"expression '${db.url}'"
	if err == nil || err.Error() != want {
		t.Errorf("ConfigFrom = %v, want %q", err, want)
	}
}

func credential(clearText string) dmr.Value {
	v := dmr.NewObject()
	v.Set("clear-text", dmr.NewExpression(clearText))
	return v
}

// memoryPool opens a pool on an in-memory SQLite database of its own.
func memoryPool(t *testing.T, maxSize int) *Pool {
	t.Helper()
	p, err := Open(Config{Name: t.Name(), Enabled: true, URL: "jdbc:h2:mem:" + t.Name(),
		MaxPoolSize: maxSize, BlockingTimeout: 50 * time.Millisecond,
		IdleTimeout: time.Minute, ValidationSQL: "SELECT 1"}, t.TempDir(), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Close() })
	return p
}

// counts picks the metrics a test compares from a pool's statistics.
func counts(p *Pool) map[string]int64 {
	s := p.Statistics()
	out := map[string]int64{}
	for _, k := range []string{"ActiveCount", "AvailableCount", "InUseCount", "IdleCount",
		"CreatedCount", "DestroyedCount", "MaxUsedCount", "TimedOut"} {
		out[k] = s[k]
	}
	return out
}

func TestPoolStatistics(t *testing.T) {
	p := memoryPool(t, 2)
	ctx := context.Background()
	a, err := p.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, err := p.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name string
		do   func()
		want map[string]int64
	}{
		{"two connections in use", func() {}, map[string]int64{"ActiveCount": 2,
			"AvailableCount": 0, "InUseCount": 2, "IdleCount": 0, "CreatedCount": 2,
			"DestroyedCount": 0, "MaxUsedCount": 2, "TimedOut": 0}},
		{"a third get times out on the full pool", func() {
			if _, err := p.Acquire(ctx); !errors.Is(err, ErrTimedOut) {
				t.Errorf("Acquire on a full pool = %v, want ErrTimedOut", err)
			}
			s := p.Statistics()
			if s["WaitCount"] != 1 || s["MaxWaitTime"] < 50 {
				t.Errorf("after a wait of 50 ms: WaitCount %d, MaxWaitTime %d ms; want 1 "+
					"and at least 50", s["WaitCount"], s["MaxWaitTime"])
			}
		}, map[string]int64{"ActiveCount": 2, "AvailableCount": 0, "InUseCount": 2,
			"IdleCount": 0, "CreatedCount": 2, "DestroyedCount": 0, "MaxUsedCount": 2,
			"TimedOut": 1}},
		{"one released stays idle", func() { a.Release() }, map[string]int64{
			"ActiveCount": 2, "AvailableCount": 1, "InUseCount": 1, "IdleCount": 1,
			"CreatedCount": 2, "DestroyedCount": 0, "MaxUsedCount": 2, "TimedOut": 1}},
		{"flush-idle closes the idle one", func() { p.FlushIdle() }, map[string]int64{
			"ActiveCount": 1, "AvailableCount": 1, "InUseCount": 1, "IdleCount": 0,
			"CreatedCount": 2, "DestroyedCount": 1, "MaxUsedCount": 2, "TimedOut": 1}},
		{"flush-all retires the one in use when it comes back", func() {
			p.FlushAll()
			b.Release()
		}, map[string]int64{"ActiveCount": 0, "AvailableCount": 2, "InUseCount": 0,
			"IdleCount": 0, "CreatedCount": 2, "DestroyedCount": 2, "MaxUsedCount": 2,
			"TimedOut": 1}},
		{"a test opens a fresh connection and keeps it idle", func() {
			if err := p.Test(ctx, nil); err != nil {
				t.Errorf("Test: %v", err)
			}
		}, map[string]int64{"ActiveCount": 1, "AvailableCount": 2, "InUseCount": 0,
			"IdleCount": 1, "CreatedCount": 3, "DestroyedCount": 2, "MaxUsedCount": 2,
			"TimedOut": 1}},
	}
	for _, s := range steps {
		s.do()
		if diff := cmp.Diff(s.want, counts(p)); diff != "" {
			t.Errorf("%s: statistics (-want +got):\n%s", s.name, diff)
		}
	}
}

func TestFlushInvalid(t *testing.T) {
	p := memoryPool(t, 4)
	ctx := context.Background()
	if err := p.Test(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if n := p.FlushInvalid(ctx); n != 0 {
		t.Errorf("FlushInvalid on a good pool closed %d connections, want 0", n)
	}

	// A validation query that fails makes every idle connection invalid.
	p.cfgMu.Lock()
	p.cfg.ValidationSQL = "SELECT * FROM no_such_table"
	p.cfgMu.Unlock()
	if n := p.FlushInvalid(ctx); n != 1 {
		t.Errorf("FlushInvalid closed %d connections, want 1", n)
	}
	if got := counts(p)["DestroyedCount"]; got != 1 {
		t.Errorf("DestroyedCount = %d, want 1", got)
	}
}

func TestTestFailsWithTheDriversReason(t *testing.T) {
	// Port 1 on loopback refuses connections.
	p, err := Open(Config{Name: "Down", URL: "jdbc:postgresql://127.0.0.1:1/test",
		MaxPoolSize: 1, BlockingTimeout: 2 * time.Second}, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	err = p.Test(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("Test = %v, want the driver's connection refused", err)
	}
	if got := counts(p)["CreatedCount"]; got != 0 {
		t.Errorf("CreatedCount = %d, want 0", got)
	}
}

// eventually polls cond for up to two seconds.
func eventually(cond func() bool) bool {
	for deadline := time.Now().Add(2 * time.Second); time.Now().Before(deadline); {
		if cond() {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return cond()
}

func TestBackgroundWork(t *testing.T) {
	cases := []struct {
		name string
		cfg  func(*Config)
		act  func(*Pool)
		want map[string]int64
	}{
		{"prefill opens the minimum at start",
			func(c *Config) { c.Prefill, c.MinPoolSize = true, 3 },
			func(*Pool) {},
			map[string]int64{"ActiveCount": 3, "AvailableCount": 4, "InUseCount": 0,
				"IdleCount": 3, "CreatedCount": 3, "DestroyedCount": 0, "MaxUsedCount": 0,
				"TimedOut": 0}},
		{"raising the minimum of a used pool fills it",
			func(*Config) {},
			func(p *Pool) {
				if err := p.Test(context.Background(), nil); err != nil {
					t.Error(err)
				}
				c := p.Config()
				c.MinPoolSize = 2
				p.Reconfigure(c)
			},
			map[string]int64{"ActiveCount": 2, "AvailableCount": 4, "InUseCount": 0,
				"IdleCount": 2, "CreatedCount": 2, "DestroyedCount": 0, "MaxUsedCount": 1,
				"TimedOut": 0}},
		{"background validation closes connections that fail the check",
			func(c *Config) {
				c.Prefill, c.MinPoolSize = true, 1
				c.BackgroundValidation, c.ValidationInterval = true, 20*time.Millisecond
				c.ValidationSQL = "SELECT * FROM no_such_table"
			},
			func(*Pool) {},
			// The pool refills after each round, so only the first rounds are
			// certain: at least one connection was destroyed.
			nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := Config{Name: "bg", URL: "jdbc:h2:mem:" + t.Name(), MaxPoolSize: 4,
				BlockingTimeout: time.Second, IdleTimeout: time.Minute}
			c.cfg(&cfg)
			p, err := Open(cfg, t.TempDir(), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer p.Close()
			c.act(p)
			if c.want == nil {
				if !eventually(func() bool { return counts(p)["DestroyedCount"] >= 1 }) {
					t.Errorf("no connection destroyed: %v", counts(p))
				}
				return
			}
			eventually(func() bool { return cmp.Equal(c.want, counts(p)) })
			if diff := cmp.Diff(c.want, counts(p)); diff != "" {
				t.Errorf("statistics (-want +got):\n%s", diff)
			}
		})
	}
}
