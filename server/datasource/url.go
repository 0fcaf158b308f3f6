package datasource

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
)

// ErrNoDriver is the cause of a data source whose connection URL no Go
// driver of this node serves (Oracle, SQL Server, a remote H2 server...).
var ErrNoDriver = errors.New("no driver for")

// Target is where a pool connects: the database/sql driver name and the
// data source name that driver reads. DSN may hold the password: never
// log it.
type Target struct {
	Driver string // "pgx", "mysql" or "sqlite"
	DSN    string
	// File is the file of an embedded database; "" for the others.
	File string
	// KeepAlive asks that an in-memory database outlive its pools for the
	// life of the process (H2's DB_CLOSE_DELAY=-1: the life of the JVM).
	KeepAlive bool
}

// Credentials are the user and password a pool connects with; empty
// fields leave the URL's own (or the driver's default) in place.
type Credentials struct {
	User, Password string
}

// Translate maps a JDBC connection URL to the Go driver and DSN that reach
// the same database: jdbc:postgresql to pgx, jdbc:mysql and jdbc:mariadb to
// go-sql-driver/mysql, jdbc:h2 (memory or file) to embedded SQLite, whose
// relative files live under dataDir. Any other URL fails with ErrNoDriver.
func Translate(jdbc string, cred Credentials, dataDir string) (Target, error) {
	rest, ok := strings.CutPrefix(jdbc, "jdbc:")
	if !ok {
		return Target{}, fmt.Errorf("%w %s: not a JDBC URL", ErrNoDriver, jdbc)
	}
	scheme, body, _ := strings.Cut(rest, ":")
	switch scheme {
	case "postgresql":
		return postgresTarget(body, cred)
	case "mysql", "mariadb":
		return mysqlTarget(body, cred)
	case "h2":
		return h2Target(jdbc, body, dataDir)
	}
	return Target{}, fmt.Errorf("%w %s", ErrNoDriver, jdbc)
}

// postgresTarget translates the part after "jdbc:postgresql:":
// //host[:port][,host2[:port]]/database?params, or just database.
func postgresTarget(body string, cred Credentials) (Target, error) {
	hosts, db, query := "localhost:5432", body, ""
	if h, ok := strings.CutPrefix(body, "//"); ok {
		hosts, db, _ = strings.Cut(h, "/")
		if hosts == "" {
			hosts = "localhost"
		}
	}
	db, query, _ = strings.Cut(db, "?")
	params, err := url.ParseQuery(query)
	if err != nil {
		return Target{}, fmt.Errorf("jdbc:postgresql parameters %q: %w", query, err)
	}
	out := url.Values{}
	for k, vs := range params {
		if name, v, keep := postgresParam(k, vs[len(vs)-1]); keep {
			out.Set(name, v)
		}
	}
	user, pass := params.Get("user"), params.Get("password")
	if cred.User != "" {
		user, pass = cred.User, cred.Password
	}
	u := url.URL{Scheme: "postgres", Host: hosts, Path: "/" + db, RawQuery: out.Encode()}
	if user != "" {
		u.User = url.UserPassword(user, pass)
		if pass == "" {
			u.User = url.User(user)
		}
	}
	return Target{Driver: "pgx", DSN: u.String()}, nil
}

// postgresParam maps one pgJDBC parameter to libpq's name for it; keep is
// false for parameters that have no libpq counterpart (they would be sent
// to the server as settings and fail there).
func postgresParam(k, v string) (name, value string, keep bool) {
	switch k {
	case "sslmode", "sslcert", "sslkey", "sslrootcert", "sslpassword":
		return k, v, true
	case "ssl":
		if v == "true" || v == "" {
			return "sslmode", "require", true
		}
		return "sslmode", "disable", true
	case "currentSchema":
		return "search_path", v, true
	case "ApplicationName", "applicationName":
		return "application_name", v, true
	case "connectTimeout", "loginTimeout":
		return "connect_timeout", v, true
	case "options":
		return "options", v, true
	}
	return "", "", false
}

// mysqlTarget translates the part after "jdbc:mysql:" or "jdbc:mariadb:":
// //host[:port]/database?params.
func mysqlTarget(body string, cred Credentials) (Target, error) {
	h, ok := strings.CutPrefix(body, "//")
	if !ok {
		return Target{}, fmt.Errorf("%w jdbc:mysql:%s: the URL names no host", ErrNoDriver, body)
	}
	hostport, rest, _ := strings.Cut(h, "/")
	db, query, _ := strings.Cut(rest, "?")
	params, err := url.ParseQuery(query)
	if err != nil {
		return Target{}, fmt.Errorf("jdbc:mysql parameters %q: %w", query, err)
	}
	cfg := mysql.NewConfig()
	cfg.Net, cfg.Addr, cfg.DBName = "tcp", withPort(hostport, "3306"), db
	cfg.User, cfg.Passwd = params.Get("user"), params.Get("password")
	if cred.User != "" {
		cfg.User, cfg.Passwd = cred.User, cred.Password
	}
	for k, vs := range params {
		mysqlParam(cfg, k, vs[len(vs)-1])
	}
	return Target{Driver: "mysql", DSN: cfg.FormatDSN()}, nil
}

// mysqlParam applies one Connector/J (or MariaDB connector) parameter that
// go-sql-driver/mysql has a counterpart for; others are ignored.
func mysqlParam(cfg *mysql.Config, k, v string) {
	switch k {
	case "useSSL", "useSsl":
		if v == "true" {
			cfg.TLSConfig = "true"
		}
	case "sslMode", "sslmode":
		switch strings.ToLower(v) {
		case "disabled", "disable":
			cfg.TLSConfig = "false"
		case "preferred", "trust":
			cfg.TLSConfig = "preferred"
		case "required", "verify_ca", "verify_identity", "verify-full":
			cfg.TLSConfig = "true"
		}
	case "connectTimeout":
		if ms, err := strconv.Atoi(v); err == nil && ms > 0 {
			cfg.Timeout = time.Duration(ms) * time.Millisecond
		}
	}
}

// withPort adds port to hostport when it names none.
func withPort(hostport, port string) string {
	if hostport == "" {
		return net.JoinHostPort("localhost", port)
	}
	if _, _, err := net.SplitHostPort(hostport); err == nil {
		return hostport
	}
	return net.JoinHostPort(strings.Trim(hostport, "[]"), port)
}

// h2Target maps an H2 URL to SQLite: jdbc:h2:mem:name to a shared in-memory
// database of that name, jdbc:h2:[file:]path to the file path.sqlite
// (relative paths under dataDir). H2's ;KEY=VALUE settings are ignored;
// remote H2 (tcp:, ssl:) has no driver.
//
// Limitation: H2 databases run on SQLite, so H2-specific SQL and existing
// .mv.db files do not work; a new SQLite file is created beside them.
func h2Target(jdbc, body, dataDir string) (Target, error) {
	spec, settings, _ := strings.Cut(body, ";")
	switch {
	case strings.HasPrefix(spec, "tcp:"), strings.HasPrefix(spec, "ssl:"):
		return Target{}, fmt.Errorf("%w %s: remote H2 servers are not supported", ErrNoDriver,
			jdbc)
	case strings.HasPrefix(spec, "mem:"):
		name := strings.TrimPrefix(spec, "mem:")
		if name == "" {
			name = "unnamed"
		}
		keep := slices.Contains(strings.Split(strings.ToUpper(settings), ";"),
			"DB_CLOSE_DELAY=-1")
		return Target{Driver: "sqlite",
			DSN:       "file:" + url.PathEscape(name) + "?mode=memory&cache=shared",
			KeepAlive: keep}, nil
	}
	path := strings.TrimPrefix(spec, "file:")
	if path == "" {
		return Target{}, fmt.Errorf("%w %s: the URL names no database", ErrNoDriver, jdbc)
	}
	if rest, ok := strings.CutPrefix(path, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, rest)
		}
	}
	if !filepath.IsAbs(path) {
		path = filepath.Join(dataDir, path)
	}
	file := path + ".sqlite"
	return Target{Driver: "sqlite", DSN: "file:" + file + "?_pragma=busy_timeout(5000)",
		File: file}, nil
}
