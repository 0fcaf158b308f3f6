package main

import (
	"database/sql"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// postgresDSN is the test database, as DEVELOPERS.md describes it.
const postgresDSN = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// jdbcPingInstall is an install whose KeycloakDS is the PostgreSQL test
// database and whose default channel (of the cluster named cluster) runs
// the tcp stack with JDBC_PING through it.
func jdbcPingInstall(t testing.TB, cluster string) string {
	t.Helper()
	home := install(t)
	file := filepath.Join(home, "standalone", "configuration", "standalone-ha.xml")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	xml := string(data)
	for _, r := range [][2]string{
		{`stack="udp" cluster="ejb"`, `stack="tcp" cluster="` + cluster + `"`},
		{"jdbc:h2:${jboss.server.data.dir}/keycloak;AUTO_SERVER=TRUE",
			"jdbc:postgresql://127.0.0.1:5432/test"},
		{`<socket-protocol type="MPING" socket-binding="jgroups-mping"/>`,
			`<protocol type="JDBC_PING"><property name="datasource_jndi_name">` +
				`java:jboss/datasources/KeycloakDS</property>` +
				`<property name="initialize_sql">CREATE TABLE IF NOT EXISTS JGROUPSPING ` +
				`(own_addr varchar(200) NOT NULL, cluster_name varchar(200) NOT NULL, ` +
				`ping_data BYTEA, PRIMARY KEY (own_addr, cluster_name))</property></protocol>`},
	} {
		if !strings.Contains(xml, r[0]) {
			t.Fatalf("the default configuration has no %q", r[0])
		}
		xml = strings.Replace(xml, r[0], r[1], 1)
	}
	// Only KeycloakDS's user is sa in a line after its URL; ExampleDS keeps
	// H2's.
	i := strings.Index(xml, "jdbc:postgresql://")
	xml = xml[:i] + strings.Replace(xml[i:], "<user-name>sa</user-name>",
		"<user-name>postgres</user-name>", 1)
	if err := os.WriteFile(file, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	return home
}

// pingRows returns the own_addr of the cluster's JGROUPSPING rows, sorted.
func pingRows(t testing.TB, db *sql.DB, cluster string) []string {
	t.Helper()
	rows, err := db.Query("SELECT own_addr FROM JGROUPSPING WHERE cluster_name=$1", cluster)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

func TestThreeNodesClusterByJDBCPingOnPostgreSQL(t *testing.T) {
	c, err := net.DialTimeout("tcp", "127.0.0.1:5432", time.Second)
	if err != nil {
		t.Skipf("no PostgreSQL on 127.0.0.1:5432: %v", err)
	}
	c.Close()
	db, err := sql.Open("pgx", postgresDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cluster := "wfcli-node-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	t.Cleanup(func() { db.Exec("DELETE FROM JGROUPSPING WHERE cluster_name=$1", cluster) })

	ports := transportPorts(t)
	var nodes []*Node
	for i := range 3 {
		home := jdbcPingInstall(t, cluster)
		nodes = append(nodes, startNode(t, "-c", "standalone-ha.xml",
			"-Djboss.home.dir="+home, "-Djboss.management.http.port=0",
			"-Djboss.node.name=node"+strconv.Itoa(i),
			"-Djboss.socket.binding.port-offset="+strconv.Itoa(ports[i]-7600)))
	}
	for _, n := range nodes {
		waitView(t, n, "(3) [node0, node1, node2]")
	}
	if diff := cmp.Diff([]string{"node0", "node1", "node2"},
		pingRows(t, db, cluster)); diff != "" {
		t.Errorf("rows of three members (-want +got):\n%s", diff)
	}

	// node2 dies without leaving: its row stays until the coordinator's
	// next view drops it.
	nodes[2].channel.Channel().Kill()
	for _, n := range nodes[:2] {
		waitView(t, n, "(2) [node0, node1]")
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(pingRows(t, db, cluster)) != 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if diff := cmp.Diff([]string{"node0", "node1"}, pingRows(t, db, cluster)); diff != "" {
		t.Errorf("rows after node2 died (-want +got):\n%s", diff)
	}
}
