package datasource

import (
	"context"
	"net"
	"testing"
	"time"
)

// BenchmarkTest measures test-connection-in-pool on a warm pool: a get, the
// validation query and the release.
func BenchmarkTest(b *testing.B) {
	cases := []struct{ name, addr, url, user string }{
		{"SQLite", "", "jdbc:h2:mem:bench", ""},
		{"PostgreSQL", "127.0.0.1:5432", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"},
		{"MariaDB", "127.0.0.1:3306", "jdbc:mariadb://127.0.0.1:3306/test", "root"},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			if c.addr != "" {
				conn, err := net.DialTimeout("tcp", c.addr, 300*time.Millisecond)
				if err != nil {
					b.Skipf("%s does not answer on %s", c.name, c.addr)
				}
				conn.Close()
			}
			p, err := Open(Config{Name: c.name, URL: c.url, MaxPoolSize: 4,
				Credentials: Credentials{User: c.user}, ValidationSQL: "SELECT 1",
				BlockingTimeout: time.Second}, b.TempDir(), nil)
			if err != nil {
				b.Fatal(err)
			}
			defer p.Close()
			ctx := context.Background()
			for b.Loop() {
				if err := p.Test(ctx, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
