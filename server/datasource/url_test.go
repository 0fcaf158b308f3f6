package datasource

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTranslate(t *testing.T) {
	cases := []struct {
		name string
		url  string
		cred Credentials
		want Target
	}{
		{"PostgreSQL with host, port and credentials",
			"jdbc:postgresql://db.example:5433/keycloak", Credentials{"kc", "s3cret"},
			Target{Driver: "pgx", DSN: "postgres://kc:s3cret@db.example:5433/keycloak"}},
		{"PostgreSQL parameters mapped to libpq names, unknown ones dropped",
			"jdbc:postgresql://127.0.0.1/test?ssl=true&currentSchema=kc&tcpKeepAlive=true",
			Credentials{User: "postgres"},
			Target{Driver: "pgx",
				DSN: "postgres://postgres@127.0.0.1/test?search_path=kc&sslmode=require"}},
		{"PostgreSQL with only a database name",
			"jdbc:postgresql:test", Credentials{},
			Target{Driver: "pgx", DSN: "postgres://localhost:5432/test"}},
		{"PostgreSQL user from the URL when the model has none",
			"jdbc:postgresql://h:5432/d?user=u&password=p", Credentials{},
			Target{Driver: "pgx", DSN: "postgres://u:p@h:5432/d"}},
		{"MariaDB with the default port",
			"jdbc:mariadb://127.0.0.1/test", Credentials{User: "root"},
			Target{Driver: "mysql", DSN: "root@tcp(127.0.0.1:3306)/test"}},
		{"MySQL with SSL off and a connect timeout",
			"jdbc:mysql://db:3307/kc?useSSL=false&sslMode=DISABLED&connectTimeout=2000",
			Credentials{"kc", "pw"},
			Target{Driver: "mysql", DSN: "kc:pw@tcp(db:3307)/kc?timeout=2s&tls=false"}},
		{"H2 in memory with settings",
			"jdbc:h2:mem:test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE", Credentials{"sa", "sa"},
			Target{Driver: "sqlite", DSN: "file:test?mode=memory&cache=shared",
				KeepAlive: true}},
		{"H2 in memory that closes with its last connection",
			"jdbc:h2:mem:", Credentials{},
			Target{Driver: "sqlite", DSN: "file:unnamed?mode=memory&cache=shared"}},
		{"H2 file with a relative path lives under the data directory",
			"jdbc:h2:file:keycloak;AUTO_SERVER=TRUE", Credentials{},
			Target{Driver: "sqlite",
				DSN:  "file:/data/keycloak.sqlite?_pragma=busy_timeout(5000)",
				File: "/data/keycloak.sqlite"}},
		{"H2 file with an absolute path",
			"jdbc:h2:/var/db/kc", Credentials{},
			Target{Driver: "sqlite", DSN: "file:/var/db/kc.sqlite?_pragma=busy_timeout(5000)",
				File: "/var/db/kc.sqlite"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Translate(c.url, c.cred, "/data")
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(c.want, got); diff != "" {
				t.Errorf("Translate(%q) (-want +got):\n%s", c.url, diff)
			}
		})
	}
}

func TestTranslateRejects(t *testing.T) {
	cases := []struct{ name, url, want string }{
		{"Oracle has no driver", "jdbc:oracle:thin:@db:1521:XE",
			"no driver for jdbc:oracle:thin:@db:1521:XE"},
		{"SQL Server has no driver", "jdbc:sqlserver://db:1433;databaseName=kc",
			"no driver for jdbc:sqlserver://db:1433;databaseName=kc"},
		{"a remote H2 server has no driver", "jdbc:h2:tcp://db:9092/kc",
			"no driver for jdbc:h2:tcp://db:9092/kc: remote H2 servers are not supported"},
		{"not a JDBC URL", "postgres://db/kc",
			"no driver for postgres://db/kc: not a JDBC URL"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Translate(c.url, Credentials{}, "/data")
			if err == nil || err.Error() != c.want || !errors.Is(err, ErrNoDriver) {
				t.Errorf("Translate(%q) = %v, want %q (ErrNoDriver)", c.url, err, c.want)
			}
		})
	}
}
