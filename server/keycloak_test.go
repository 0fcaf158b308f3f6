package server

import (
	"strings"
	"testing"
)

// The steps of the Keycloak image's databases/postgres/change-database.cli,
// as the CLI sends them: one composite (run-batch).
const postgresBatch = `{"operation" => "composite", "address" => [], "steps" => [
	{"operation" => "remove", "address" => [@DS@]},
	{"operation" => "add", "address" => [@DS@],
	"jndi-name" => "java:jboss/datasources/KeycloakDS", "enabled" => true,
	"use-java-context" => true, "use-ccm" => true,
	"connection-url" => "jdbc:postgresql://${env.DB_ADDR:postgres}/${env.DB_DATABASE:keycloak}${env.JDBC_PARAMS:}",
	"driver-name" => "postgresql"},
	{"operation" => "write-attribute", "address" => [@DS@], "name" => "user-name",
	"value" => "${env.DB_USER:keycloak}"},
	{"operation" => "write-attribute", "address" => [@DS@], "name" => "password",
	"value" => "${env.DB_PASSWORD:password}"},
	{"operation" => "write-attribute", "address" => [@DS@],
	"name" => "check-valid-connection-sql", "value" => "SELECT 1"},
	{"operation" => "write-attribute", "address" => [@DS@],
	"name" => "background-validation", "value" => true},
	{"operation" => "write-attribute", "address" => [@DS@],
	"name" => "background-validation-millis", "value" => 60000},
	{"operation" => "write-attribute", "address" => [@DS@], "name" => "flush-strategy",
	"value" => "IdleConnections"},
	{"operation" => "add", "address" => [("subsystem" => "datasources"),
	("jdbc-driver" => "postgresql")], "driver-name" => "postgresql",
	"driver-module-name" => "org.postgresql.jdbc",
	"driver-xa-datasource-class-name" => "org.postgresql.xa.PGXADataSource"},
	{"operation" => "write-attribute", "address" => [("subsystem" => "keycloak-server"),
	("spi" => "connectionsJpa"), ("provider" => "default")], "name" => "properties.schema",
	"value" => "${env.DB_SCHEMA:public}"}
]}`

func TestKeycloakPostgresBatch(t *testing.T) {
	s, data := embedCopy(t, kc16)
	ds := `("subsystem" => "datasources"), ("data-source" => "KeycloakDS")`
	mustSucceed(t, s, strings.ReplaceAll(postgresBatch, "@DS@", ds))

	edits := []struct{ old, new string }{
		{`                <datasource jndi-name="java:jboss/datasources/KeycloakDS" pool-name="KeycloakDS" enabled="true" use-java-context="true" statistics-enabled="${wildfly.datasources.statistics-enabled:${wildfly.statistics-enabled:false}}">
                    <connection-url>jdbc:h2:${jboss.server.data.dir}/keycloak;AUTO_SERVER=TRUE</connection-url>
                    <driver>h2</driver>
                    <security>
                        <user-name>sa</user-name>
                        <password>sa</password>
                    </security>
                </datasource>
`, `                <datasource jndi-name="java:jboss/datasources/KeycloakDS" pool-name="KeycloakDS" enabled="true" use-java-context="true" use-ccm="true">
                    <connection-url>jdbc:postgresql://${env.DB_ADDR:postgres}/${env.DB_DATABASE:keycloak}${env.JDBC_PARAMS:}</connection-url>
                    <driver>postgresql</driver>
                    <pool>
                        <flush-strategy>IdleConnections</flush-strategy>
                    </pool>
                    <security>
                        <user-name>${env.DB_USER:keycloak}</user-name>
                        <password>${env.DB_PASSWORD:password}</password>
                    </security>
                    <validation>
                        <check-valid-connection-sql>SELECT 1</check-valid-connection-sql>
                        <background-validation>true</background-validation>
                        <background-validation-millis>60000</background-validation-millis>
                    </validation>
                </datasource>
`},
		{`                        <xa-datasource-class>org.h2.jdbcx.JdbcDataSource</xa-datasource-class>
                    </driver>
`, `                        <xa-datasource-class>org.h2.jdbcx.JdbcDataSource</xa-datasource-class>
                    </driver>
                    <driver name="postgresql" module="org.postgresql.jdbc">
                        <xa-datasource-class>org.postgresql.xa.PGXADataSource</xa-datasource-class>
                    </driver>
`},
		{`                        <property name="migrationExport" value="${jboss.home.dir}/keycloak-database-update.sql"/>
`, `                        <property name="migrationExport" value="${jboss.home.dir}/keycloak-database-update.sql"/>
                        <property name="schema" value="${env.DB_SCHEMA:public}"/>
`},
	}
	want := string(data)
	for _, e := range edits {
		if !strings.Contains(want, e.old) {
			t.Fatalf("the corpus file lacks the fragment %q", e.old)
		}
		want = strings.Replace(want, e.old, e.new, 1)
	}
	if got := string(fileOf(t, s)); got != want {
		t.Errorf("the file is not as expected; line diff from the expected file:\n%s",
			strings.Join(lineDiff(want, got), "\n"))
	}

	// The same batch again fails on the existing driver, and the file stays.
	before := fileOf(t, s)
	r := s.Execute(request(t, strings.ReplaceAll(postgresBatch, "@DS@", ds)))
	if out, _ := r.Get("outcome"); out.AsString() != "failed" {
		t.Errorf("the batch succeeded twice: %s", r.String())
	}
	if string(fileOf(t, s)) != string(before) {
		t.Errorf("a failed batch changed the file")
	}
}
