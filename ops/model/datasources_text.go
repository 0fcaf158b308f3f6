package model

import "wfcli/ops"

// describe gives every attribute of d (and, recursively, of its children)
// that has no description the text texts pairs with its name. It returns d.
func describe(d *ops.Definition, pairs [][2]string) *ops.Definition {
	texts := make(map[string]string, len(pairs))
	for _, p := range pairs {
		texts[p[0]] = p[1]
	}
	seen := map[*ops.Definition]bool{}
	var walk func(*ops.Definition)
	walk = func(d *ops.Definition) {
		if d == nil || seen[d] {
			return
		}
		seen[d] = true
		for _, a := range d.Attributes {
			if a.Description == "" {
				a.Description = texts[a.Name]
			}
		}
		for _, c := range d.Children {
			walk(c.Definition)
			for _, bd := range c.ByName {
				walk(bd)
			}
		}
	}
	walk(d)
	return d
}

// dsTexts describes the attributes of the datasources subsystem.
var dsTexts = [][2]string{
	{"jndi-name", "The JNDI name the data source is bound under."},
	{"enabled", "Whether the data source is deployed."},
	{"use-java-context", "Whether the JNDI name is bound in the java: context."},
	{"use-ccm", "Whether the cached connection manager tracks connections."},
	{"connectable", "Whether the data source takes part in commit-markable resources."},
	{"spy", "Whether JDBC calls are logged to the jboss.jdbc.spy category."},
	{"tracking", "Whether connection handles left open by a transaction are tracked."},
	{"enlistment-trace", "Whether enlistment stack traces are recorded."},
	{"statistics-enabled", "Whether the data source starts collecting statistics when deployed."},
	{"mcp", "The class of the managed connection pool."},
	{"jta", "Whether the data source takes part in JTA transactions."},
	{"connection-url", "The JDBC URL of the database."},
	{"driver-name", "The name of the jdbc-driver the data source uses."},
	{"driver-class", "The java.sql.Driver class, when not taken from the driver."},
	{"datasource-class", "The javax.sql.DataSource class, when not taken from the driver."},
	{"xa-datasource-class", "The javax.sql.XADataSource class."},
	{"url-property", "The XA data source property that holds the URL."},
	{"new-connection-sql", "An SQL statement run on each new connection."},
	{"transaction-isolation", "The isolation level of the connections."},
	{"url-delimiter", "The delimiter of the URLs of a database with failover."},
	{"url-selector-strategy-class-name", "The class that picks among the URLs."},
	{"min-pool-size", "The least number of connections the pool keeps."},
	{"initial-pool-size", "The number of connections the pool opens at start."},
	{"max-pool-size", "The most connections the pool opens."},
	{"pool-prefill", "Whether the pool opens min-pool-size connections at start."},
	{"pool-fair", "Whether waiting requests get connections in order."},
	{"pool-use-strict-min", "Whether idle connections below min-pool-size are never closed."},
	{"flush-strategy", "Which connections are flushed after an error."},
	{"allow-multiple-users", "Whether connections may be opened for several users."},
	{"user-name", "The database user."},
	{"password", "The database password."},
	{"security-domain", "The legacy security domain that supplies the credentials."},
	{"elytron-enabled", "Whether an Elytron authentication context supplies the credentials."},
	{"authentication-context", "The Elytron authentication context that supplies the credentials."},
	{"check-valid-connection-sql", "An SQL statement that checks a connection is valid."},
	{"validate-on-match", "Whether connections are checked when taken from the pool."},
	{"background-validation", "Whether idle connections are checked in the background."},
	{"background-validation-millis", "How often idle connections are checked, in milliseconds."},
	{"use-fast-fail", "Whether one invalid connection fails the request at once."},
	{"set-tx-query-timeout", "Whether query timeouts follow the transaction's timeout."},
	{"blocking-timeout-wait-millis", "How long a request waits for a connection, in milliseconds."},
	{"idle-timeout-minutes", "How long a connection may stay idle before it is closed."},
	{"query-timeout", "The query timeout in seconds."},
	{"use-try-lock", "How long to try a lock, in seconds."},
	{"allocation-retry", "How often opening a connection is retried."},
	{"allocation-retry-wait-millis", "How long to wait between retries, in milliseconds."},
	{"xa-resource-timeout", "The XA resource's transaction timeout in seconds."},
	{"track-statements", "Whether statements left open are reported (NOWARN, TRUE, FALSE)."},
	{"prepared-statements-cache-size", "The number of prepared statements cached per connection."},
	{"share-prepared-statements", "Whether a prepared statement is shared when asked twice."},
	{"driver-module-name", "The module that holds the driver."},
	{"driver-class-name", "The java.sql.Driver class of the driver."},
	{"driver-xa-datasource-class-name", "The javax.sql.XADataSource class of the driver."},
	{"driver-datasource-class-name", "The javax.sql.DataSource class of the driver."},
}
