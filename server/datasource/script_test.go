package datasource_test

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/cmd/cli/shell"
	"wfcli/ops/dmr"
	"wfcli/server"
)

// config is a node configuration with one data source, ExampleDS on H2 in
// memory, and the drivers the scripts switch it to.
const config = `<?xml version='1.0' encoding='UTF-8'?>
<server xmlns="urn:jboss:domain:20.0">
    <profile>
        <subsystem xmlns="urn:jboss:domain:datasources:6.0">
            <datasources>
                <datasource jndi-name="java:jboss/datasources/ExampleDS" pool-name="ExampleDS"
                        statistics-enabled="true">
                    <connection-url>jdbc:h2:mem:test;DB_CLOSE_DELAY=-1</connection-url>
                    <driver>h2</driver>
                    <security>
                        <user-name>sa</user-name>
                        <password>sa</password>
                    </security>
                </datasource>
                <drivers>
                    <driver name="h2" module="com.h2database.h2"/>
                    <driver name="postgresql" module="org.postgresql"/>
                    <driver name="mariadb" module="org.mariadb.jdbc"/>
                </drivers>
            </datasources>
        </subsystem>
    </profile>
</server>
`

// node is a CLI shell on an in-process server in normal mode; srv is the
// server the shell runs now (a reload boots a new one).
type node struct {
	t   *testing.T
	sh  *shell.Shell
	out bytes.Buffer
	srv *server.Server
}

// embedded adapts a server to the shell.
type embedded struct{ srv *server.Server }

func (e embedded) Execute(op dmr.Value) (dmr.Value, error) { return e.srv.Execute(op), nil }
func (e embedded) Stop() error                             { return e.srv.Stop() }

// startNode writes the configuration under a new home and embeds it in
// normal mode through the CLI's embed-server.
func startNode(t *testing.T) *node {
	home := t.TempDir()
	dir := filepath.Join(home, "standalone", "configuration")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "standalone-ha.xml"), []byte(config),
		0o644); err != nil {
		t.Fatal(err)
	}
	n := &node{t: t}
	n.sh = shell.New(shell.Options{Stdout: &n.out, Stderr: &n.out,
		Properties: map[string]string{"test.db.user": "postgres"},
		Embed: func(o shell.EmbedOptions) (shell.Embedded, error) {
			srv, err := server.Embed(server.Options{ConfigFile: o.ConfigFile,
				AdminOnly: o.AdminOnly, Properties: o.Properties})
			if err != nil {
				return nil, err
			}
			n.srv = srv
			return embedded{srv}, nil
		}})
	t.Cleanup(func() { n.sh.Close() })
	n.run("embed-server --jboss-home=" + home +
		" --server-config=standalone-ha.xml --admin-only=false")
	return n
}

// run runs a CLI script and fails the test when a line fails.
func (n *node) run(script string) string {
	n.t.Helper()
	n.out.Reset()
	if !n.sh.Run(shell.SplitScript("switch.cli", script)) {
		n.t.Fatalf("script failed:\n%s\noutput:\n%s", script, n.out.String())
	}
	return n.out.String()
}

// statistics reads the pool metrics the tests compare.
func (n *node) statistics() map[string]int64 {
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("read-resource"))
	op.Set("include-runtime", dmr.NewBool(true))
	op.Set("address", dmr.NewList(dmr.NewProperty("subsystem", dmr.NewString("datasources")),
		dmr.NewProperty("data-source", dmr.NewString("ExampleDS")),
		dmr.NewProperty("statistics", dmr.NewString("pool"))))
	r := n.srv.Execute(op)
	res, _ := r.Get("result")
	out := map[string]int64{}
	for _, k := range []string{"ActiveCount", "InUseCount", "IdleCount", "CreatedCount",
		"DestroyedCount", "MaxUsedCount", "AvailableCount", "TimedOut"} {
		v, _ := res.Get(k)
		if !v.IsDefined() {
			n.t.Fatalf("statistics=pool has no %s: %s", k, r)
		}
		out[k], _ = v.AsInt64()
	}
	return out
}

// version runs query on the pool of ExampleDS and returns its one value.
func (n *node) version(query string) string {
	db, err := n.srv.OpenDataSource("ExampleDS")
	if err != nil {
		n.t.Fatal(err)
	}
	var v string
	if err := db.QueryRow(query).Scan(&v); err != nil {
		n.t.Fatalf("%s: %v", query, err)
	}
	return v
}

// answers reports whether a TCP server listens on addr.
func answers(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, 300*time.Millisecond)
	if err != nil {
		return false
	}
	c.Close()
	return true
}

func TestSwitchDataSourceByScript(t *testing.T) {
	n := startNode(t)
	cases := []struct {
		name, addr, driver, url, user string
		// version asks the database for its version, which holds product.
		version, product string
	}{
		{"PostgreSQL", "127.0.0.1:5432", "postgresql",
			"jdbc:postgresql://127.0.0.1:5432/test", "postgres", "SELECT version()",
			"PostgreSQL"},
		{"MariaDB", "127.0.0.1:3306", "mariadb", "jdbc:mariadb://127.0.0.1:3306/test", "root",
			"SELECT version()", "MariaDB"},
		{"the SQLite default", "", "h2", "jdbc:h2:mem:switched;DB_CLOSE_DELAY=-1", "sa",
			"SELECT 'SQLite ' || sqlite_version()", "SQLite 3."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.addr != "" && !answers(c.addr) {
				t.Skipf("%s does not answer on %s", c.name, c.addr)
			}
			n.t = t
			ds := "/subsystem=datasources/data-source=ExampleDS"
			n.run("batch\n" +
				ds + ":write-attribute(name=driver-name, value=" + c.driver + ")\n" +
				ds + ":write-attribute(name=connection-url, value=\"" + c.url + "\")\n" +
				ds + ":write-attribute(name=user-name, value=" + c.user + ")\n" +
				ds + ":undefine-attribute(name=password)\n" +
				ds + ":write-attribute(name=check-valid-connection-sql, value=\"SELECT 1\")\n" +
				"run-batch\n" +
				"reload --start-mode=normal\n")
			out := n.run(ds + ":test-connection-in-pool\n")
			if !strings.Contains(out, `"result" => [true]`) {
				t.Errorf("test-connection-in-pool printed\n%s\nwant a result of [true]", out)
			}
			want := map[string]int64{"ActiveCount": 1, "InUseCount": 0, "IdleCount": 1,
				"CreatedCount": 1, "DestroyedCount": 0, "MaxUsedCount": 1,
				"AvailableCount": 20, "TimedOut": 0}
			if diff := cmp.Diff(want, n.statistics()); diff != "" {
				t.Errorf("statistics=pool after one test (-want +got):\n%s", diff)
			}
			if v := n.version(c.version); !strings.Contains(v, c.product) {
				t.Errorf("the pool reaches %q, want %s", v, c.product)
			}
		})
	}
}
