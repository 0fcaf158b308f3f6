package cluster

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// The SQL JDBC_PING runs unless its properties say otherwise; JGroups'
// statements, with the table JGROUPSPING.
const (
	jdbcInsert = "INSERT INTO JGROUPSPING (own_addr, cluster_name, ping_data) " +
		"values (?, ?, ?)"
	jdbcDelete    = "DELETE FROM JGROUPSPING WHERE own_addr=? AND cluster_name=?"
	jdbcSelectAll = "SELECT ping_data, own_addr, cluster_name FROM JGROUPSPING " +
		"WHERE cluster_name=?"
)

// jdbcInitialize are tried in turn when initialize_sql is not set: JGroups'
// statement, then one for PostgreSQL, which has no varbinary. Failures are
// tolerated: the table may exist already.
var jdbcInitialize = []string{
	"CREATE TABLE JGROUPSPING (own_addr varchar(200) NOT NULL, " +
		"cluster_name varchar(200) NOT NULL, ping_data varbinary(5000) DEFAULT NULL, " +
		"PRIMARY KEY (own_addr, cluster_name))",
	"CREATE TABLE IF NOT EXISTS JGROUPSPING (own_addr varchar(200) NOT NULL, " +
		"cluster_name varchar(200) NOT NULL, ping_data bytea, " +
		"PRIMARY KEY (own_addr, cluster_name))",
}

// JDBCPing is JDBC_PING: members find each other through a table of a
// shared database. Each member keeps one row (own_addr = its name,
// ping_data = its transport address) from joining to leaving; the
// coordinator deletes the rows of members that left the view.
type JDBCPing struct {
	// DB is the data source's pool; the caller owns it.
	DB *sql.DB
	// Cluster is the cluster_name of the rows.
	Cluster string
	// InitializeSQL, InsertSQL, DeleteSQL and SelectAllSQL override the
	// statements (JGroups' initialize_sql, insert_single_sql,
	// delete_single_sql, select_all_pingdata_sql), with ? placeholders.
	InitializeSQL, InsertSQL, DeleteSQL, SelectAllSQL string
	// Logger receives what fails without failing the channel; nil discards.
	Logger *slog.Logger

	initOnce sync.Once
	// member is true from Joined to Left: while the node is a member, its
	// row must be in the table.
	member atomic.Bool
	// last are the members of the previous view; only ViewChanged, which
	// the channel calls from one goroutine, uses it.
	last map[string]bool
}

// Name implements Discovery.
func (j *JDBCPing) Name() string { return "JDBC_PING" }

// Seeds implements Discovery: the addresses in the cluster's rows. It
// creates the table first, once, and re-inserts the node's row when a
// coordinator's clean-up removed it while the node was joining.
func (j *JDBCPing) Seeds(ctx context.Context, self Member) ([]string, error) {
	j.initOnce.Do(func() { j.initialize(ctx) })
	rows, err := j.DB.QueryContext(ctx, j.sql(j.SelectAllSQL, jdbcSelectAll), j.Cluster)
	if err != nil {
		return nil, fmt.Errorf("reading JGROUPSPING: %w", err)
	}
	defer rows.Close()
	var seeds []string
	own := false
	for rows.Next() {
		var data []byte
		var addr, cluster string
		if err := rows.Scan(&data, &addr, &cluster); err != nil {
			return nil, fmt.Errorf("reading JGROUPSPING: %w", err)
		}
		own = own || addr == self.Name
		if len(data) > 0 && addr != self.Name {
			seeds = append(seeds, string(data))
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("reading JGROUPSPING: %w", err)
	}
	if !own && j.member.Load() {
		if err := j.insert(ctx, self); err != nil {
			return seeds, err
		}
	}
	return seeds, nil
}

// initialize runs initialize_sql (or the defaults); a failure is logged,
// as JGroups does, since the table may exist already.
func (j *JDBCPing) initialize(ctx context.Context) {
	stmts := jdbcInitialize
	if j.InitializeSQL != "" {
		stmts = []string{j.InitializeSQL}
	}
	for _, s := range stmts {
		_, err := j.DB.ExecContext(ctx, s)
		if err == nil {
			return
		}
		j.logger().Debug("jdbc_ping initialize_sql failed", "error", err)
	}
}

// Joined implements Discovery: the node's row replaces any old one.
func (j *JDBCPing) Joined(ctx context.Context, self Member) error {
	j.member.Store(true)
	return j.insert(ctx, self)
}

func (j *JDBCPing) insert(ctx context.Context, self Member) error {
	if _, err := j.DB.ExecContext(ctx, j.sql(j.DeleteSQL, jdbcDelete),
		self.Name, j.Cluster); err != nil {
		return fmt.Errorf("deleting the old row of %s: %w", self.Name, err)
	}
	if _, err := j.DB.ExecContext(ctx, j.sql(j.InsertSQL, jdbcInsert),
		self.Name, j.Cluster, []byte(self.Addr)); err != nil {
		return fmt.Errorf("inserting the row of %s: %w", self.Name, err)
	}
	return nil
}

// ViewChanged implements Discovery: the coordinator deletes the rows of
// the members that were in the previous view and are not in this one.
// Rows of members not yet seen are left alone: they may be joining.
//
// Limitation: the row of a member that crashed while no other member ran
// stays until a member with that name joins again; members only try its
// address in vain.
func (j *JDBCPing) ViewChanged(ctx context.Context, v View, coordinator bool) {
	in := map[string]bool{}
	for _, m := range v.Members {
		in[m.Name] = true
	}
	var gone []string
	for name := range j.last {
		if !in[name] {
			gone = append(gone, name)
		}
	}
	j.last = in
	if !coordinator {
		return
	}
	for _, name := range gone {
		_, err := j.DB.ExecContext(ctx, j.sql(j.DeleteSQL, jdbcDelete), name, j.Cluster)
		j.logger().Info("jdbc_ping removed the row of a dead member", "own_addr", name,
			"error", err)
	}
}

// Left implements Discovery: the node's row goes.
func (j *JDBCPing) Left(ctx context.Context, self Member) error {
	j.member.Store(false)
	if _, err := j.DB.ExecContext(ctx, j.sql(j.DeleteSQL, jdbcDelete),
		self.Name, j.Cluster); err != nil {
		return fmt.Errorf("deleting the row of %s: %w", self.Name, err)
	}
	return nil
}

// Close implements Discovery; the pool belongs to the caller.
func (j *JDBCPing) Close() error { return nil }

func (j *JDBCPing) logger() *slog.Logger {
	if j.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return j.Logger
}

// sql returns the statement (given, or the default) with placeholders in
// the driver's form: PostgreSQL's drivers take $1, $2, ...
func (j *JDBCPing) sql(given, fallback string) string {
	s := given
	if s == "" {
		s = fallback
	}
	driver := fmt.Sprintf("%T", j.DB.Driver())
	if !strings.Contains(driver, "stdlib") && !strings.Contains(driver, "pq.") {
		return s
	}
	var b strings.Builder
	n := 0
	for _, r := range s {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
