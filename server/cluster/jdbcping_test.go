package cluster

import (
	"context"
	"database/sql"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	_ "github.com/jackc/pgx/v5/stdlib"
)

// postgres returns a pool on the test database, or skips the test.
func postgres(t testing.TB) *sql.DB {
	t.Helper()
	dsn := os.Getenv("WFCLI_TEST_POSTGRES")
	if dsn == "" {
		dsn = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"
	}
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		t.Skipf("no PostgreSQL at %s: %v", dsn, err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// pingRows returns the own_addr of the cluster's rows, sorted.
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

func startJDBCPing(t testing.TB, db *sql.DB, cluster, name string) *Channel {
	t.Helper()
	ch, err := Start(context.Background(), Config{Name: name, Cluster: cluster,
		BindAddr: "127.0.0.1", Discovery: &JDBCPing{DB: db, Cluster: cluster,
			// As the Keycloak scripts write it for PostgreSQL.
			InitializeSQL: "CREATE TABLE IF NOT EXISTS JGROUPSPING (own_addr varchar(200) " +
				"NOT NULL, cluster_name varchar(200) NOT NULL, ping_data BYTEA, " +
				"constraint PK_JGROUPSPING PRIMARY KEY (own_addr, cluster_name))"},
		ProbeInterval: 100 * time.Millisecond, RediscoverInterval: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ch.Kill)
	return ch
}

func TestThreeNodesFormOneClusterByJDBCPing(t *testing.T) {
	db := postgres(t)
	cluster := "wfcli-test-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	t.Cleanup(func() { db.Exec("DELETE FROM JGROUPSPING WHERE cluster_name=$1", cluster) })
	names := []string{"node0", "node1", "node2"}
	var chs []*Channel
	for _, name := range names {
		chs = append(chs, startJDBCPing(t, db, cluster, name))
	}
	for _, ch := range chs {
		waitFor(t, 5*time.Second, ch.Name()+" to see three members", func() bool {
			return len(ch.View().Members) == 3
		})
		if diff := cmp.Diff(names, viewNames(ch)); diff != "" {
			t.Errorf("%s view (-want +got):\n%s", ch.Name(), diff)
		}
	}
	if diff := cmp.Diff(names, pingRows(t, db, cluster)); diff != "" {
		t.Errorf("rows of three members (-want +got):\n%s", diff)
	}

	chs[2].Kill()
	waitFor(t, 10*time.Second, "the killed member's row to go", func() bool {
		return len(pingRows(t, db, cluster)) == 2
	})
	if diff := cmp.Diff(names[:2], pingRows(t, db, cluster)); diff != "" {
		t.Errorf("rows after the kill (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(names[:2], viewNames(chs[0])); diff != "" {
		t.Errorf("view after the kill (-want +got):\n%s", diff)
	}

	if err := chs[1].Leave(context.Background()); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(names[:1], pingRows(t, db, cluster)); diff != "" {
		t.Errorf("rows after a leave (-want +got):\n%s", diff)
	}
}

func TestJDBCPingPlaceholders(t *testing.T) {
	db := postgres(t)
	j := &JDBCPing{DB: db}
	got := j.sql("", jdbcInsert)
	want := "INSERT INTO JGROUPSPING (own_addr, cluster_name, ping_data) values ($1, $2, $3)"
	if got != want {
		t.Errorf("sql() = %q, want %q", got, want)
	}
}

func TestJDBCPingToleratesAFailingInitializeSQL(t *testing.T) {
	db := postgres(t)
	cluster := "wfcli-init-" + strconv.FormatInt(time.Now().UnixNano(), 36)
	t.Cleanup(func() { db.Exec("DELETE FROM JGROUPSPING WHERE cluster_name=$1", cluster) })
	// The table exists from a first member; the second's statement fails.
	startJDBCPing(t, db, cluster, "first")
	ch, err := Start(context.Background(), Config{Name: "second", Cluster: cluster,
		BindAddr: "127.0.0.1", Discovery: &JDBCPing{DB: db, Cluster: cluster,
			InitializeSQL: "CREATE TABLE JGROUPSPING (no sql here"},
		ProbeInterval: 100 * time.Millisecond})
	if err != nil {
		t.Fatalf("a failing initialize_sql should not fail the channel: %v", err)
	}
	defer ch.Kill()
	waitFor(t, 5*time.Second, "two members", func() bool {
		return len(ch.View().Members) == 2
	})
	if diff := cmp.Diff([]string{"first", "second"}, pingRows(t, db, cluster)); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}
