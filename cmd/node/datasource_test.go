package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"wfcli/cmd/cli/remote"
	"wfcli/cmd/cli/shell"
	"wfcli/ops/dmr"
	"wfcli/server"
)

// offline runs a CLI script that embeds the install at home (embed-server
// with no --jboss-home finds it through JBOSS_HOME).
func offline(t *testing.T, home, file, script string) {
	t.Helper()
	var out bytes.Buffer
	sh := shell.New(shell.Options{Stdout: &out, Stderr: &out,
		Getenv: func(k string) (string, bool) {
			if k == "JBOSS_HOME" {
				return home, true
			}
			return os.LookupEnv(k)
		},
		Embed: func(o shell.EmbedOptions) (shell.Embedded, error) {
			srv, err := server.Embed(server.Options{ConfigFile: o.ConfigFile,
				AdminOnly: o.AdminOnly, Properties: o.Properties})
			if err != nil {
				return nil, err
			}
			return embeddedServer{srv}, nil
		}})
	defer sh.Close()
	if !sh.Run(shell.SplitScript(file, script)) {
		t.Fatalf("%s failed:\n%s", file, out.String())
	}
}

type embeddedServer struct{ srv *server.Server }

func (e embeddedServer) Execute(op dmr.Value) (dmr.Value, error) { return e.srv.Execute(op), nil }
func (e embeddedServer) Stop() error                             { return e.srv.Stop() }

// mariadbScript moves KeycloakDS to MariaDB, as scripts/postgres.cli does
// to PostgreSQL.
const mariadbScript = `embed-server --server-config=standalone-ha.xml --std-out=discard
batch
/subsystem=datasources/jdbc-driver=mariadb:add(driver-name=mariadb, ` +
	`driver-module-name=org.mariadb.jdbc)
/subsystem=datasources/data-source=KeycloakDS:write-attribute(name=driver-name, value=mariadb)
/subsystem=datasources/data-source=KeycloakDS:write-attribute(name=connection-url, ` +
	`value="jdbc:mariadb://${env.DB_ADDR:localhost}:${env.DB_PORT:3306}/${env.DB_DATABASE:kc}")
/subsystem=datasources/data-source=KeycloakDS:write-attribute(name=user-name, ` +
	`value=${env.DB_USER:keycloak})
/subsystem=datasources/data-source=KeycloakDS:undefine-attribute(name=password)
run-batch
stop-embedded-server
`

func TestNodeRunsTheDataSourceAScriptSwitchedTo(t *testing.T) {
	postgres, err := os.ReadFile(filepath.Join("..", "..", "scripts", "postgres.cli"))
	if err != nil {
		t.Skipf("scripts/postgres.cli: %v", err)
	}
	cases := []struct {
		name, addr, script string
		env                map[string]string
	}{
		{"the H2 file default on SQLite", "", "", nil},
		{"PostgreSQL by scripts/postgres.cli", "127.0.0.1:5432", string(postgres),
			map[string]string{"DB_ADDR": "127.0.0.1", "DB_DATABASE": "test",
				"DB_USER": "postgres"}},
		{"MariaDB by a script of the same shape", "127.0.0.1:3306", mariadbScript,
			map[string]string{"DB_ADDR": "127.0.0.1", "DB_DATABASE": "test",
				"DB_USER": "root"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.addr != "" {
				conn, err := net.DialTimeout("tcp", c.addr, 300*time.Millisecond)
				if err != nil {
					t.Skipf("no database answers on %s", c.addr)
				}
				conn.Close()
			}
			for k, v := range c.env {
				t.Setenv(k, v)
			}
			home := install(t)
			if c.script != "" {
				offline(t, home, "switch.cli", c.script)
			}
			port := freePorts(t)
			startNode(t, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
				"-Djboss.management.http.port="+strconv.Itoa(port))
			sh, out := remoteShell(t, "127.0.0.1:"+strconv.Itoa(port), remote.Options{})
			ds := "/subsystem=datasources/data-source=KeycloakDS"
			// The metrics read 0 unless statistics are enabled, as in WildFly.
			if !sh.Run(shell.SplitScript("test.cli",
				ds+":write-attribute(name=statistics-enabled, value=true)\nreload\n"+
					ds+":test-connection-in-pool\n"+
					ds+"/statistics=pool:read-attribute(name=CreatedCount)\n")) {
				t.Fatalf("test.cli failed:\n%s", out)
			}
			want := "{\n    \"outcome\" => \"success\",\n    \"result\" => [true]\n}\n" +
				"{\n    \"outcome\" => \"success\",\n    \"result\" => 1\n}\n"
			if got := out.String(); !strings.HasSuffix(got, want) {
				t.Errorf("the node answered\n%s\nwant\n%s", got, want)
			}
		})
	}
}
