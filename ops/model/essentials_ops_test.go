package model

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// essReq builds a request: addr in the CLI's form without the leading slash
// ("subsystem=logging/root-logger=ROOT"), the operation name and its
// parameters as the text of a DMR object ("" for none).
func essReq(t *testing.T, addr, name, params string) dmr.Value {
	t.Helper()
	op := dmr.NewObject()
	if params != "" {
		v, err := dmr.Parse(params)
		if err != nil {
			t.Fatalf("parameters %s: %v", params, err)
		}
		op = v
	}
	var a ops.Address
	for _, step := range strings.Split(addr, "/") {
		if step == "" {
			continue
		}
		typ, n, _ := strings.Cut(step, "=")
		a = append(a, ops.PathElement{Type: typ, Name: n})
	}
	req := dmr.NewObject()
	req.Set("operation", dmr.NewString(name))
	req.Set("address", a.Value())
	for _, k := range op.Keys() {
		v, _ := op.Get(k)
		req.Set(k, v)
	}
	return req
}

// essStep is one request of a scenario and what its response must say: ""
// for success, else the failure description.
type essStep struct {
	addr, op, params string
	failure          string
}

// essRun runs steps in order on c and checks each outcome.
func essRun(t *testing.T, c *ops.Controller, steps []essStep) {
	t.Helper()
	for _, s := range steps {
		resp := c.Execute(essReq(t, s.addr, s.op, s.params))
		outcome, _ := resp.Get("outcome")
		desc, _ := resp.Get("failure-description")
		got := ""
		if outcome.AsString() != "success" {
			got = desc.AsString()
		}
		if got != s.failure {
			t.Fatalf("/%s:%s(%s): failure %q, want %q", s.addr, s.op, s.params, got,
				s.failure)
		}
	}
}

// essAttrOf returns attribute name of the resource at addr in c's model.
func essAttrOf(t *testing.T, c *ops.Controller, addr, name string) dmr.Value {
	t.Helper()
	resp := c.Execute(essReq(t, addr, "read-attribute",
		`{"name" => "`+name+`", "include-defaults" => false}`))
	if o, _ := resp.Get("outcome"); o.AsString() != "success" {
		t.Fatalf("read %s of %s: %s", name, addr, resp.CompactString())
	}
	v, _ := resp.Get("result")
	return v
}

// essLoggingSetup is the logging part of Keycloak's default configuration.
var essLoggingSetup = []essStep{
	{"subsystem=logging", "add", "", ""},
	{"subsystem=logging/pattern-formatter=COLOR-PATTERN", "add",
		`{"pattern" => "%K{level}%d{HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n"}`, ""},
	{"subsystem=logging/console-handler=CONSOLE", "add",
		`{"level" => "INFO", "named-formatter" => "COLOR-PATTERN"}`, ""},
	{"subsystem=logging/periodic-rotating-file-handler=FILE", "add",
		`{"file" => {"relative-to" => "jboss.server.log.dir", "path" => "server.log"},` +
			` "suffix" => ".yyyy-MM-dd", "append" => true, "autoflush" => true}`, ""},
	{"subsystem=logging/logger=com.arjuna", "add", `{"level" => "WARN"}`, ""},
	{"subsystem=logging/root-logger=ROOT", "add",
		`{"level" => "INFO", "handlers" => ["CONSOLE", "FILE"]}`, ""},
}

func essController(t *testing.T, setup []essStep) *ops.Controller {
	t.Helper()
	c := ops.NewController(nil, Root(), ops.Options{AdminOnly: true})
	essRun(t, c, setup)
	return c
}

func TestLoggingOperations(t *testing.T) {
	const root = "subsystem=logging/root-logger=ROOT"
	tests := []struct {
		name  string
		steps []essStep
		addr  string
		attr  string
		want  string // compact DMR text of the attribute afterwards
	}{
		{"change-root-log-level keeps an expression", []essStep{
			{root, "change-root-log-level", `{"level" => "${env.ROOT_LOGLEVEL:INFO}"}`, ""},
		}, root, "level", `expression "${env.ROOT_LOGLEVEL:INFO}"`},
		{"change-root-log-level rejects an unknown level", []essStep{
			{root, "change-root-log-level", `{"level" => "LOUD"}`,
				"WFLYCTL0248: Invalid value LOUD for level; legal values are [ALL, FINEST, " +
					"FINER, TRACE, DEBUG, FINE, CONFIG, INFO, WARN, WARNING, ERROR, SEVERE, " +
					"FATAL, OFF]"},
		}, root, "level", `"INFO"`},
		{"a handler the root logger uses cannot be removed", []essStep{
			{"subsystem=logging/periodic-rotating-file-handler=FILE", "remove", "",
				"WFLYLOG0045: Handler FILE is attached to the following loggers and " +
					"cannot be removed; [ROOT]"},
		}, root, "handlers", `["CONSOLE","FILE"]`},
		{"remove-handler then remove, as the Keycloak image does", []essStep{
			{root, "remove-handler", `{"name" => "FILE"}`, ""},
			{"subsystem=logging/periodic-rotating-file-handler=FILE", "remove", "", ""},
		}, root, "handlers", `["CONSOLE"]`},
		{"removing a handler that is not assigned changes nothing", []essStep{
			{root, "remove-handler", `{"name" => "NOPE"}`, ""},
		}, root, "handlers", `["CONSOLE","FILE"]`},
		{"add-handler refuses a handler already assigned", []essStep{
			{root, "add-handler", `{"name" => "CONSOLE"}`,
				"WFLYLOG0023: Handler CONSOLE is already assigned."},
		}, root, "handlers", `["CONSOLE","FILE"]`},
		{"add-handler refuses a handler that does not exist", []essStep{
			{"subsystem=logging/logger=com.arjuna", "add-handler", `{"name" => "AUDIT"}`,
				"WFLYCTL0369: Required capabilities are not available:\n" +
					"    org.wildfly.logging.handler.AUDIT; Possible registration points " +
					"for this capability: \n\t\t/subsystem=logging/" +
					strings.Join(lgHandlerTypes, "=*\n\t\t/subsystem=logging/") + "=*"},
		}, "subsystem=logging/logger=com.arjuna", "handlers", "undefined"},
		{"add-handler appends to a logger", []essStep{
			{"subsystem=logging/logger=com.arjuna", "add-handler", `{"name" => "FILE"}`, ""},
		}, "subsystem=logging/logger=com.arjuna", "handlers", `["FILE"]`},
		{"a logger added bare takes its level later", []essStep{
			{"subsystem=logging/logger=org.keycloak", "add", "", ""},
			{"subsystem=logging/logger=org.keycloak", "write-attribute",
				`{"name" => "level", "value" => "${env.KEYCLOAK_LOGLEVEL:INFO}"}`, ""},
		}, "subsystem=logging/logger=org.keycloak", "level",
			`expression "${env.KEYCLOAK_LOGLEVEL:INFO}"`},
		{"a new logger's category is its name", []essStep{
			{"subsystem=logging/logger=org.keycloak", "add", "", ""},
		}, "subsystem=logging/logger=org.keycloak", "category", `"org.keycloak"`},
		{"a handler's level can be undefined", []essStep{
			{"subsystem=logging/console-handler=CONSOLE", "undefine-attribute",
				`{"name" => "level"}`, ""},
		}, "subsystem=logging/console-handler=CONSOLE", "level", "undefined"},
		{"change-log-level sets a logger's level", []essStep{
			{"subsystem=logging/logger=com.arjuna", "change-log-level",
				`{"level" => "DEBUG"}`, ""},
		}, "subsystem=logging/logger=com.arjuna", "level", `"DEBUG"`},
		{"disable turns a handler off", []essStep{
			{"subsystem=logging/console-handler=CONSOLE", "disable", "", ""},
		}, "subsystem=logging/console-handler=CONSOLE", "enabled", "false"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := essController(t, essLoggingSetup)
			essRun(t, c, tc.steps)
			got := essAttrOf(t, c, tc.addr, tc.attr)
			if diff := cmp.Diff(tc.want, essTyped(got)); diff != "" {
				t.Errorf("%s of %s (-want +got):\n%s", tc.attr, tc.addr, diff)
			}
		})
	}
}

// essTyped returns the compact DMR text of v, marking an expression so that
// tests can tell it from a string.
func essTyped(v dmr.Value) string {
	if v.Type() == dmr.Expression {
		return `expression "` + v.Str() + `"`
	}
	return v.CompactString()
}

// essDatasourceSetup is the data source part of Keycloak's default
// configuration.
var essDatasourceSetup = []essStep{
	{"subsystem=datasources", "add", "", ""},
	{"subsystem=datasources/jdbc-driver=h2", "add",
		`{"driver-name" => "h2", "driver-module-name" => "com.h2database.h2",` +
			` "driver-xa-datasource-class-name" => "org.h2.jdbcx.JdbcDataSource"}`, ""},
	{"subsystem=datasources/data-source=KeycloakDS", "add",
		`{"jndi-name" => "java:jboss/datasources/KeycloakDS", "driver-name" => "h2",` +
			` "connection-url" => "jdbc:h2:${jboss.server.data.dir}/keycloak",` +
			` "user-name" => "sa", "password" => "sa"}`, ""},
}

func TestDatasourceOperations(t *testing.T) {
	const ds = "subsystem=datasources/data-source=KeycloakDS"
	tests := []struct {
		name  string
		steps []essStep
		attr  string
		want  string
	}{
		{"disable writes enabled", []essStep{{ds, "disable", "", ""}}, "enabled", "false"},
		{"enable writes enabled", []essStep{
			{ds, "disable", "", ""}, {ds, "enable", "", ""}}, "enabled", "true"},
		{"test-connection-in-pool needs a running node", []essStep{
			{ds, "test-connection-in-pool", "", errDSNoRuntime.Error()}}, "enabled", "undefined"},
		{"flush-idle-connection-in-pool needs a running node", []essStep{
			{ds, "flush-idle-connection-in-pool", "", errDSNoRuntime.Error()}},
			"enabled", "undefined"},
		{"the driver name keeps ${...} as plain text, which names no driver", []essStep{
			{ds, "write-attribute", `{"name" => "driver-name", "value" => "${x:h2}"}`,
				"WFLYCTL0369: Required capabilities are not available:\n    " +
					"org.wildfly.data-source.jdbc-driver.${x:h2}; Possible registration " +
					"points for this capability: \n\t\t/subsystem=datasources/jdbc-driver=*"}},
			"driver-name", `"h2"`},
		{"the flush strategy takes the IronJacamar names", []essStep{
			{ds, "write-attribute", `{"name" => "flush-strategy", ` +
				`"value" => "IdleConnections"}`, ""}}, "flush-strategy", `"IdleConnections"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := essController(t, essDatasourceSetup)
			essRun(t, c, tc.steps)
			if diff := cmp.Diff(tc.want, essTyped(essAttrOf(t, c, ds, tc.attr))); diff != "" {
				t.Errorf("%s (-want +got):\n%s", tc.attr, diff)
			}
		})
	}
}

func TestKeycloakMigrateJSON(t *testing.T) {
	tests := []struct {
		name, params, failure string
	}{
		{"without a keycloak-server.json there is nothing to migrate", "",
			"java.io.IOException: Can not find json file to migrate"},
		{"a given JSON is not converted", `{"file" => bytes {0x7b, 0x7d}}`,
			"migrate-json cannot convert keycloak-server.json: convert its settings into " +
				"spi and provider resources by hand"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := essController(t, []essStep{{"subsystem=keycloak-server", "add", "", ""}})
			essRun(t, c, []essStep{{"subsystem=keycloak-server", "migrate-json", tc.params,
				tc.failure}})
		})
	}
}

func TestElytronIdentityOperationsNeedTheRealm(t *testing.T) {
	const realm = "subsystem=elytron/filesystem-realm=OpsRealm"
	msg := func(op string) string {
		return "Operation " + op + " works on the realm's identity store, not on the " +
			"configuration, and needs the running realm; this server runs no Elytron " +
			"realm. Run it against a WildFly server, or use elytron-tool for a " +
			"filesystem realm"
	}
	tests := []struct {
		name, op, params string
	}{
		{"add-identity fails offline with a reason", "add-identity",
			`{"identity" => "ops-user"}`},
		{"set-password takes its password parameters", "set-password",
			`{"identity" => "ops-user", "clear" => {"password" => "x"}}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := essController(t, []essStep{
				{"subsystem=elytron", "add", "", ""},
				{realm, "add", `{"path" => "ops-realm", ` +
					`"relative-to" => "jboss.server.config.dir"}`, ""},
			})
			essRun(t, c, []essStep{{realm, tc.op, tc.params, msg(tc.op)}})
		})
	}
}
