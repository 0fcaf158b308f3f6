package model

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// essDefAt returns the definition at a CLI-style address below the root
// ("subsystem=datasources/data-source=X"), failing the test when a step has
// none.
func essDefAt(t *testing.T, addr string) *ops.Definition {
	t.Helper()
	d := Root()
	for _, step := range strings.Split(addr, "/") {
		typ, name, _ := strings.Cut(step, "=")
		c := d.Child(typ)
		if c == nil {
			t.Fatalf("%s: no child type %q", addr, typ)
		}
		if d = c.DefinitionFor(name); d == nil {
			t.Fatalf("%s: no definition for %s", addr, step)
		}
	}
	return d
}

// essAttr is what the attribute tables check of an attribute.
type essAttr struct {
	Type      dmr.Type
	Default   string // compact DMR text; "undefined" for none
	Expr      bool
	Required  bool
	Sensitive bool
	Access    ops.Access
	Restart   ops.Restart
	XML       string // "path@attr form" or "" for an XML attribute of its own name
}

func essSummary(a *ops.Attribute) essAttr {
	s := essAttr{Type: a.Type, Default: a.Default.CompactString(), Expr: a.Expressions,
		Required: a.Required, Sensitive: a.Sensitive, Access: a.Access, Restart: a.Restart}
	if a.XML != nil {
		s.XML = a.XML.Path + "@" + a.XML.Attr + " " + essFormName(a.XML)
	}
	return s
}

func essFormName(x *ops.XMLAttribute) string {
	if x.Skip {
		return "skip"
	}
	return [...]string{"plain", "presence", "space-list", "comma-list", "item-list",
		"property-map", "field-object"}[x.Form]
}

type essAttrCase struct {
	name string
	addr string
	attr string
	want essAttr
}

func essRunAttrCases(t *testing.T, cases []essAttrCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := essDefAt(t, tc.addr).Attribute(tc.attr)
			if a == nil {
				t.Fatalf("%s has no attribute %q", tc.addr, tc.attr)
			}
			if diff := cmp.Diff(tc.want, essSummary(a)); diff != "" {
				t.Errorf("%s %s (-want +got):\n%s", tc.addr, tc.attr, diff)
			}
		})
	}
}

const (
	essDS      = "subsystem=datasources/data-source=KeycloakDS"
	essXA      = "subsystem=datasources/xa-data-source=XA"
	essDrv     = "subsystem=datasources/jdbc-driver=postgresql"
	essAll     = ops.AllServices
	essNone    = ops.NoServices
	essRW      = ops.ReadWrite
	essUndef   = "undefined"
	essOwnName = "" // an XML attribute named as the model attribute
)

func TestDatasourceAttributes(t *testing.T) {
	essRunAttrCases(t, []essAttrCase{
		{"the JNDI name is a required XML attribute", essDS, "jndi-name",
			essAttr{dmr.String, essUndef, true, true, false, essRW, essAll, essOwnName}},
		{"enabled defaults to true and needs a reload", essDS, "enabled",
			essAttr{dmr.Boolean, "true", true, false, false, essRW, essAll, essOwnName}},
		{"the connection URL is the text of connection-url", essDS, "connection-url",
			essAttr{dmr.String, essUndef, true, true, false, essRW, essAll, "connection-url@ plain"}},
		{"the driver name takes no expressions", essDS, "driver-name",
			essAttr{dmr.String, essUndef, false, true, false, essRW, essAll, "driver@ plain"}},
		{"the user name sits in security", essDS, "user-name",
			essAttr{dmr.String, essUndef, true, false, false, essRW, essAll,
				"security/user-name@ plain"}},
		{"the password is sensitive", essDS, "password",
			essAttr{dmr.String, essUndef, true, false, true, essRW, essAll,
				"security/password@ plain"}},
		{"the credential reference is an object of XML attributes", essDS,
			"credential-reference", essAttr{dmr.Object, essUndef, true, false, true, essRW, essAll,
				"security/credential-reference@ field-object"}},
		{"the validation SQL sits in validation", essDS, "check-valid-connection-sql",
			essAttr{dmr.String, essUndef, true, false, false, essRW, essAll,
				"validation/check-valid-connection-sql@ plain"}},
		{"the blocking timeout has another name in the XML", essDS,
			"blocking-timeout-wait-millis", essAttr{dmr.Long, essUndef, true, false, false, essRW,
				essNone, "timeout/blocking-timeout-millis@ plain"}},
		{"max-pool-size defaults to 20", essDS, "max-pool-size",
			essAttr{dmr.Int, "20", true, false, false, essRW, essAll, "pool/max-pool-size@ plain"}},
		{"min-pool-size defaults to 0", essDS, "min-pool-size",
			essAttr{dmr.Int, "0", true, false, false, essRW, essAll, "pool/min-pool-size@ plain"}},
		{"initial-pool-size applies at once", essDS, "initial-pool-size",
			essAttr{dmr.Int, essUndef, true, false, false, essRW, essNone,
				"pool/initial-pool-size@ plain"}},
		{"pool-prefill is pool/prefill", essDS, "pool-prefill",
			essAttr{dmr.Boolean, "false", true, false, false, essRW, essAll, "pool/prefill@ plain"}},
		{"flush-strategy defaults to FailingConnectionOnly", essDS, "flush-strategy",
			essAttr{dmr.String, `"FailingConnectionOnly"`, true, false, false, essRW, essAll,
				"pool/flush-strategy@ plain"}},
		{"allow-multiple-users is an empty element", essDS, "allow-multiple-users",
			essAttr{dmr.Boolean, "false", true, false, false, essRW, essAll,
				"pool/allow-multiple-users@ presence"}},
		{"set-tx-query-timeout is an empty element", essDS, "set-tx-query-timeout",
			essAttr{dmr.Boolean, "false", true, false, false, essRW, essAll,
				"timeout/set-tx-query-timeout@ presence"}},
		{"the statement cache size has another name in the XML", essDS,
			"prepared-statements-cache-size", essAttr{dmr.Long, essUndef, true, false, false,
				essRW, essAll, "statement/prepared-statement-cache-size@ plain"}},
		{"the exception sorter class is an XML attribute", essDS,
			"exception-sorter-class-name", essAttr{dmr.String, essUndef, true, false, false, essRW,
				essAll, "validation/exception-sorter@class-name plain"}},
		{"the checker properties are config-property elements", essDS,
			"valid-connection-checker-properties", essAttr{dmr.Object, essUndef, true, false,
				false, essRW, essAll, "validation/valid-connection-checker@ property-map"}},
		{"statistics-enabled is an XML attribute", essDS, "statistics-enabled",
			essAttr{dmr.Boolean, "false", true, false, false, essRW, essAll, essOwnName}},
		{"a connection property's value is the element's text",
			essDS + "/connection-properties=ssl", "value",
			essAttr{dmr.String, essUndef, true, true, false, essRW, essAll, "@ plain"}},
		{"an XA data source keeps its pool in xa-pool", essXA, "max-pool-size",
			essAttr{dmr.Int, "20", true, false, false, essRW, essAll,
				"xa-pool/max-pool-size@ plain"}},
		{"no-tx-separate-pool is the plural no-tx-separate-pools", essXA,
			"no-tx-separate-pool", essAttr{dmr.Boolean, "false", true, false, false, essRW, essAll,
				"xa-pool/no-tx-separate-pools@ presence"}},
		{"same-rm-override is is-same-rm-override", essXA, "same-rm-override",
			essAttr{dmr.Boolean, essUndef, true, false, false, essRW, essAll,
				"xa-pool/is-same-rm-override@ plain"}},
		{"the recovery user sits in recover-credential", essXA, "recovery-username",
			essAttr{dmr.String, essUndef, true, false, false, essRW, essAll,
				"recovery/recover-credential/user-name@ plain"}},
		{"the driver module is the module attribute", essDrv, "driver-module-name",
			essAttr{dmr.String, essUndef, false, false, false, ops.ReadOnly, essAll, "@module plain"}},
		{"the driver name is the name attribute", essDrv, "driver-name",
			essAttr{dmr.String, essUndef, false, true, false, ops.ReadOnly, essAll, "@name plain"}},
		{"the XA class is the xa-datasource-class text", essDrv,
			"driver-xa-datasource-class-name", essAttr{dmr.String, essUndef, false, false, false,
				ops.ReadOnly, essAll, "xa-datasource-class@ plain"}},
		{"the driver class is the driver-class text", essDrv, "driver-class-name",
			essAttr{dmr.String, essUndef, false, false, false, ops.ReadOnly, essAll,
				"driver-class@ plain"}},
	})
}

func TestDatasourceOnlyAttributes(t *testing.T) {
	tests := []struct {
		name, addr, attr string
		present          bool
	}{
		{"a data source has jta", essDS, "jta", true},
		{"an XA data source has no jta", essXA, "jta", false},
		{"an XA data source has no connection URL", essXA, "connection-url", false},
		{"an XA data source has an XA class", essXA, "xa-datasource-class", true},
		{"a data source has no recovery", essDS, "recovery-username", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := essDefAt(t, tc.addr).Attribute(tc.attr) != nil
			if got != tc.present {
				t.Errorf("%s has %s = %v, want %v", tc.addr, tc.attr, got, tc.present)
			}
		})
	}
}

// TestDatasourceElementOrder checks that a new element is placed as the XSD
// orders the children of <datasource>: connection-url, driver, the
// connection properties, pool, security, validation, timeout, statement.
func TestDatasourceElementOrder(t *testing.T) {
	d := essDefAt(t, essDS)
	order := func(attr string) int { return d.Attribute(attr).XML.Order }
	props := d.Child("connection-properties").Definition.XML.Order
	got := []int{order("connection-url"), order("driver-name"), props,
		order("min-pool-size"), order("max-pool-size"), order("user-name"),
		order("password"), order("check-valid-connection-sql"),
		order("background-validation"), order("background-validation-millis"),
		order("blocking-timeout-wait-millis"), order("track-statements")}
	for i := 1; i < len(got); i++ {
		if got[i-1] >= got[i] {
			t.Errorf("Order %d (step %d) is not below %d: %v", got[i-1], i-1, got[i], got)
		}
	}
}

func TestDatasourceXMLResources(t *testing.T) {
	tests := []struct {
		name string
		addr string
		want ops.XMLResource
	}{
		{"a data source is a datasource element named by pool-name", essDS,
			ops.XMLResource{Element: "datasource", NameAttr: "pool-name",
				Wrapper: "datasources", Order: 10000}},
		{"an XA data source is an xa-datasource element", essXA,
			ops.XMLResource{Element: "xa-datasource", NameAttr: "pool-name",
				Wrapper: "datasources", Order: 10000}},
		{"a driver is a driver element in drivers", essDrv,
			ops.XMLResource{Element: "driver", NameAttr: "name",
				Wrapper: "datasources/drivers", Order: 20000}},
		{"statistics are never written", essDS + "/statistics=pool",
			ops.XMLResource{Skip: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := essDefAt(t, tc.addr).XML
			if diff := cmp.Diff(&tc.want, got); diff != "" {
				t.Errorf("XML (-want +got):\n%s", diff)
			}
		})
	}
}

func TestDatasourceStatistics(t *testing.T) {
	for _, tc := range []struct {
		name, addr, metric string
	}{
		{"the pool counts active connections", essDS + "/statistics=pool", "ActiveCount"},
		{"the pool times XA commits", essDS + "/statistics=pool", "XACommitAverageTime"},
		{"jdbc counts statement cache hits", essDS + "/statistics=jdbc",
			"PreparedStatementCacheHitCount"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := essDefAt(t, tc.addr)
			a := d.Attribute(tc.metric)
			if !d.Runtime || a == nil || a.Access != ops.Metric || a.Storage != ops.Runtime {
				t.Errorf("%s %s: runtime %v, attribute %+v", tc.addr, tc.metric, d.Runtime, a)
			}
		})
	}
}
