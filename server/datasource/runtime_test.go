package datasource_test

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops/dmr"
)

// request builds an operation on data-source=name with string params
// (name, value pairs) and optional operation headers.
func request(op, name string, headers map[string]bool, params ...string) dmr.Value {
	r := dmr.NewObject()
	r.Set("operation", dmr.NewString(op))
	r.Set("address", dmr.NewList(dmr.NewProperty("subsystem", dmr.NewString("datasources")),
		dmr.NewProperty("data-source", dmr.NewString(name))))
	for i := 0; i+1 < len(params); i += 2 {
		r.Set(params[i], dmr.NewString(params[i+1]))
	}
	if len(headers) > 0 {
		h := dmr.NewObject()
		for k, v := range headers {
			h.Set(k, dmr.NewBool(v))
		}
		r.Set("operation-headers", h)
	}
	return r
}

// addRequest adds data source name on url with driver h2 unless given.
func addRequest(name, url string, params ...string) dmr.Value {
	return request("add", name, nil, append([]string{"jndi-name",
		"java:jboss/datasources/" + name, "connection-url", url, "driver-name", "h2"},
		params...)...)
}

// field returns the text of key in response r ("" when absent).
func field(r dmr.Value, key string) string {
	v, _ := r.Get(key)
	if !v.IsDefined() {
		return ""
	}
	if v.Type() == dmr.String {
		return v.Str()
	}
	return v.String()
}

func TestDataSourceOperationsOnARunningNode(t *testing.T) {
	n := startNode(t)
	cases := []struct {
		name string
		// needs is the address of the database server the case needs.
		needs    string
		requests []dmr.Value
		// want is the outcome and failure (or result) of the last request.
		outcome, want string
	}{
		{"a data source added at run time has a pool at once", "",
			[]dmr.Value{addRequest("AddedDS", "jdbc:h2:mem:added"),
				request("test-connection-in-pool", "AddedDS", nil)},
			"success", "[true]"},
		{"credentials from a system property and the environment", "127.0.0.1:5432",
			[]dmr.Value{addRequest("PgDS",
				"jdbc:postgresql://127.0.0.1:5432/${env.WFCLI_NO_SUCH_VAR:test}",
				"driver-name", "postgresql", "user-name", "${test.db.user}"),
				request("test-connection-in-pool", "PgDS", nil)},
			"success", "[true]"},
		{"a test as another user connects as that user", "127.0.0.1:5432",
			[]dmr.Value{request("test-connection-in-pool", "PgDS", nil,
				"user-name", "postgres", "password", "unused")},
			"success", "[true]"},
		{"a test as an unknown user fails with the server's reason", "127.0.0.1:5432",
			[]dmr.Value{request("test-connection-in-pool", "PgDS", nil,
				"user-name", "nobody")},
			"failed", "WFLYJCA0040: failed to invoke operation: WFLYJCA0047: Connection " +
				"is not valid: failed to connect to `user=nobody database=test`: " +
				"127.0.0.1:5432 (127.0.0.1): server error: FATAL: role \"nobody\" does " +
				"not exist (SQLSTATE 28000)"},
		{"a database that refuses fails the operation with the driver's reason", "",
			[]dmr.Value{addRequest("DownDS", "jdbc:postgresql://127.0.0.1:1/test",
				"driver-name", "postgresql", "user-name", "app"),
				request("test-connection-in-pool", "DownDS", nil)},
			"failed", "WFLYJCA0040: failed to invoke operation: WFLYJCA0047: Connection " +
				"is not valid: failed to connect to `user=app database=test`: " +
				"127.0.0.1:1 (127.0.0.1): dial error: dial tcp 127.0.0.1:1: connect: " +
				"connection refused"},
		{"a URL without a Go driver fails the operation, not the node", "",
			[]dmr.Value{addRequest("OracleDS", "jdbc:oracle:thin:@db:1521:XE"),
				request("test-connection-in-pool", "OracleDS", nil)},
			"failed", "WFLYJCA0040: failed to invoke operation: no driver for " +
				"jdbc:oracle:thin:@db:1521:XE"},
		{"flushes succeed on a running pool", "",
			[]dmr.Value{request("flush-idle-connection-in-pool", "AddedDS", nil),
				request("flush-invalid-connection-in-pool", "AddedDS", nil),
				request("flush-gracefully-connection-in-pool", "AddedDS", nil),
				request("flush-all-connection-in-pool", "AddedDS", nil)},
			"success", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.needs != "" && !answers(c.needs) {
				t.Skipf("no database answers on %s", c.needs)
			}
			var r dmr.Value
			for _, req := range c.requests {
				r = n.srv.Execute(req)
			}
			got := field(r, "failure-description")
			if c.outcome == "success" {
				got = field(r, "result")
			}
			if field(r, "outcome") != c.outcome || !strings.HasPrefix(got, c.want) {
				t.Errorf("response %s\nwant outcome %s with %q", r, c.outcome, c.want)
			}
		})
	}
}

func TestRemovingADataSourceFollowsItsDefinition(t *testing.T) {
	n := startNode(t)
	for _, name := range []string{"KeptDS", "GoneDS"} {
		if r := n.srv.Execute(addRequest(name, "jdbc:h2:mem:"+name)); field(r,
			"outcome") != "success" {
			t.Fatalf("add %s: %s", name, r)
		}
	}
	if got, want := n.srv.DataSources().Names(), []string{"ExampleDS", "GoneDS",
		"KeptDS"}; !slices.Equal(got, want) {
		t.Fatalf("running pools %v, want %v", got, want)
	}

	// With the restart header the pool stops at once and no reload is due.
	r := n.srv.Execute(request("remove", "GoneDS",
		map[string]bool{"allow-resource-service-restart": true}))
	if field(r, "outcome") != "success" || field(r, "response-headers") != "" {
		t.Fatalf("remove with the header: %s", r)
	}
	if got, want := n.srv.DataSources().Names(), []string{"ExampleDS",
		"KeptDS"}; !slices.Equal(got, want) {
		t.Errorf("after remove with the header: running pools %v, want %v", got, want)
	}

	// Without it the node needs a reload and the pool runs until then.
	r = n.srv.Execute(request("remove", "KeptDS", nil))
	if h := field(r, "response-headers"); !strings.Contains(h, "reload-required") {
		t.Errorf("remove without the header: %s, want reload-required", r)
	}
	if got, want := n.srv.DataSources().Names(), []string{"ExampleDS",
		"KeptDS"}; !slices.Equal(got, want) {
		t.Errorf("after remove without the header: running pools %v, want %v", got, want)
	}
}

func TestPoolAttributesApplyToTheRunningPool(t *testing.T) {
	n := startNode(t)
	n.run("/subsystem=datasources/data-source=ExampleDS:write-attribute(" +
		"name=max-pool-size, value=5)\n" +
		"/subsystem=datasources/data-source=ExampleDS:test-connection-in-pool\n")
	want := map[string]int64{"ActiveCount": 1, "InUseCount": 0, "IdleCount": 1,
		"CreatedCount": 1, "DestroyedCount": 0, "MaxUsedCount": 1, "AvailableCount": 5,
		"TimedOut": 0}
	if diff := cmp.Diff(want, n.statistics()); diff != "" {
		t.Errorf("statistics=pool after max-pool-size=5 (-want +got):\n%s", diff)
	}
}

func TestAnH2FileDatabaseLivesUnderTheDataDirectory(t *testing.T) {
	n := startNode(t)
	r := n.srv.Execute(addRequest("FileDS", "jdbc:h2:file:db/app;AUTO_SERVER=TRUE"))
	if field(r, "outcome") != "success" {
		t.Fatalf("add: %s", r)
	}
	if r := n.srv.Execute(request("test-connection-in-pool", "FileDS", nil)); field(r,
		"result") != "[true]" {
		t.Fatalf("test-connection-in-pool: %s", r)
	}
	file := filepath.Join(filepath.Dir(filepath.Dir(n.srv.ConfigFile())), "data", "db",
		"app.sqlite")
	if _, err := os.Stat(file); err != nil {
		t.Errorf("the database file: %v", err)
	}
}

func TestAnH2MemoryDatabaseWithCloseDelaySurvivesAReload(t *testing.T) {
	n := startNode(t)
	db, err := n.srv.OpenDataSource("ExampleDS")
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec("CREATE TABLE IF NOT EXISTS kept (v TEXT); DELETE FROM kept; " +
		"INSERT INTO kept VALUES ('yes')")
	if err != nil {
		t.Fatal(err)
	}
	n.run("reload --start-mode=normal\n")
	if got := n.version("SELECT v FROM kept"); got != "yes" {
		t.Errorf("after the reload the table holds %q, want yes", got)
	}
}

func TestConcurrentPoolOperationsAndChanges(t *testing.T) {
	n := startNode(t)
	var wg sync.WaitGroup
	failures := make(chan string, 100)
	for w := range 4 {
		wg.Go(func() {
			for range 20 {
				r := n.srv.Execute(request("test-connection-in-pool", "ExampleDS", nil))
				if field(r, "result") != "[true]" {
					failures <- r.String()
				}
				r = n.srv.Execute(request("read-resource", "ExampleDS", nil,
					"include-runtime", "true", "recursive", "true"))
				if field(r, "outcome") != "success" {
					failures <- r.String()
				}
			}
			name := "ConcurrentDS" + strconv.Itoa(w)
			if r := n.srv.Execute(addRequest(name, "jdbc:h2:mem:"+name)); field(r,
				"outcome") != "success" {
				failures <- r.String()
			}
		})
	}
	wg.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
	if got := n.statistics()["MaxUsedCount"]; got < 1 || got > 4 {
		t.Errorf("MaxUsedCount = %d, want 1 to 4", got)
	}
	if got := len(n.srv.DataSources().Names()); got != 5 {
		t.Errorf("%d pools run, want 5", got)
	}
}

func TestARolledBackAddStartsNoPool(t *testing.T) {
	n := startNode(t)
	batch := dmr.NewObject()
	batch.Set("operation", dmr.NewString("composite"))
	batch.Set("address", dmr.NewList())
	batch.Set("steps", dmr.NewList(addRequest("RolledDS", "jdbc:h2:mem:rolled"),
		request("write-attribute", "NoSuchDS", nil, "name", "min-pool-size", "value", "1")))
	if r := n.srv.Execute(batch); field(r, "outcome") != "failed" {
		t.Fatalf("the batch: %s, want failed", r)
	}
	if got, want := n.srv.DataSources().Names(), []string{"ExampleDS"}; !slices.Equal(got,
		want) {
		t.Errorf("running pools %v, want %v", got, want)
	}
}
