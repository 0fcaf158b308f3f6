package model

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

const (
	essLog  = "subsystem=logging"
	essUT   = "subsystem=undertow"
	essHTTP = "subsystem=undertow/server=default-server/http-listener=default"
	essKC   = "subsystem=keycloak-server"
	essEly  = "subsystem=elytron"
	essLive = ops.NoServices
)

func TestLoggingAttributes(t *testing.T) {
	essRunAttrCases(t, []essAttrCase{
		{"the API dependencies flag is an element with a value", essLog,
			"add-logging-api-dependencies", essAttr{dmr.Boolean, "true", true, false, false,
				essRW, essLive, "add-logging-api-dependencies@value plain"}},
		{"a handler's level is the name of its level element",
			essLog + "/console-handler=CONSOLE", "level", essAttr{dmr.String, `"ALL"`, true,
				false, false, essRW, essLive, "level@name plain"}},
		{"a named formatter sits in formatter", essLog + "/console-handler=CONSOLE",
			"named-formatter", essAttr{dmr.String, essUndef, false, false, false, essRW,
				essLive, "formatter/named-formatter@name plain"}},
		{"an inline pattern sits in formatter", essLog + "/console-handler=CONSOLE",
			"formatter", essAttr{dmr.String, `"%d{HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n"`, true,
				false, false, essRW, essLive, "formatter/pattern-formatter@pattern plain"}},
		{"the console target is the name of target", essLog + "/console-handler=CONSOLE",
			"target", essAttr{dmr.String, `"System.out"`, true, false, false, essRW, essLive,
				"target@name plain"}},
		{"autoflush is an XML attribute", essLog + "/periodic-rotating-file-handler=FILE",
			"autoflush", essAttr{dmr.Boolean, "true", true, false, false, essRW, essLive,
				essOwnName}},
		{"the file is an object of XML attributes",
			essLog + "/periodic-rotating-file-handler=FILE", "file", essAttr{dmr.Object,
				essUndef, true, true, false, essRW, essLive, "file@ field-object"}},
		{"the suffix is required and has a value",
			essLog + "/periodic-rotating-file-handler=FILE", "suffix", essAttr{dmr.String,
				essUndef, true, true, false, essRW, essLive, "suffix@value plain"}},
		{"append has a value", essLog + "/periodic-rotating-file-handler=FILE", "append",
			essAttr{dmr.Boolean, "true", true, false, false, essRW, essLive,
				"append@value plain"}},
		{"a size-rotating handler's rotate size", essLog + "/size-rotating-file-handler=S",
			"rotate-size", essAttr{dmr.String, `"2m"`, true, false, false, essRW, essLive,
				"rotate-size@value plain"}},
		{"a logger's category is read-only", essLog + "/logger=com.arjuna", "category",
			essAttr{dmr.String, essUndef, false, false, false, ops.ReadOnly, essLive,
				"@category plain"}},
		{"a logger's handlers are handler elements", essLog + "/logger=com.arjuna",
			"handlers", essAttr{dmr.List, essUndef, false, false, false, essRW, essLive,
				"handlers@ item-list"}},
		{"the root logger has a level element", essLog + "/root-logger=ROOT", "level",
			essAttr{dmr.String, essUndef, true, false, false, essRW, essLive,
				"level@name plain"}},
		{"a pattern formatter's pattern sits in pattern-formatter",
			essLog + "/pattern-formatter=PATTERN", "pattern", essAttr{dmr.String,
				`"%d{HH:mm:ss,SSS} %-5p [%c] (%t) %s%e%n"`, true, false, false, essRW,
				essLive, "pattern-formatter@pattern plain"}},
		{"an async handler's subhandlers", essLog + "/async-handler=A", "subhandlers",
			essAttr{dmr.List, essUndef, false, false, false, essRW, essLive,
				"subhandlers@ item-list"}},
		{"a profile has its own handlers",
			essLog + "/logging-profile=p/console-handler=C", "level",
			essAttr{dmr.String, `"ALL"`, true, false, false, essRW, essLive,
				"level@name plain"}},
	})
}

func TestLoggingXMLResources(t *testing.T) {
	tests := []struct {
		name string
		addr string
		want ops.XMLResource
	}{
		{"the root logger has no name", essLog + "/root-logger=ROOT",
			ops.XMLResource{Element: "root-logger", NoName: true, Order: 50000}},
		{"a logger is named by its category", essLog + "/logger=x",
			ops.XMLResource{Element: "logger", NameAttr: "category", Order: 40000}},
		{"a pattern formatter is a formatter holding pattern-formatter",
			essLog + "/pattern-formatter=P", ops.XMLResource{Element: "formatter",
				NameAttr: "name", HasChild: "pattern-formatter", Order: 60000}},
		{"a JSON formatter is a formatter holding json-formatter",
			essLog + "/json-formatter=J", ops.XMLResource{Element: "formatter",
				NameAttr: "name", HasChild: "json-formatter", Order: 60000}},
		{"console handlers follow async handlers", essLog + "/console-handler=C",
			ops.XMLResource{NameAttr: "name", Order: 30200}},
		{"profiles sit in logging-profiles", essLog + "/logging-profile=p",
			ops.XMLResource{Element: "logging-profile", NameAttr: "name",
				Wrapper: "logging-profiles", Order: 70000}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(&tc.want, essDefAt(t, tc.addr).XML); diff != "" {
				t.Errorf("XML (-want +got):\n%s", diff)
			}
		})
	}
}

// TestLoggingWritesApplyAtOnce checks that logging writes need no reload.
func TestLoggingWritesApplyAtOnce(t *testing.T) {
	walk := func(d *ops.Definition) []string {
		var slow []string
		var visit func(path string, d *ops.Definition)
		visit = func(path string, d *ops.Definition) {
			for _, a := range d.Attributes {
				if a.Restart != ops.NoServices {
					slow = append(slow, path+" "+a.Name)
				}
			}
			for _, c := range d.Children {
				visit(path+"/"+c.Type, c.Definition)
			}
		}
		visit("logging", d)
		return slow
	}
	// An async handler's queue is sized when the handler is built.
	want := []string{"logging/async-handler queue-length",
		"logging/logging-profile/async-handler queue-length"}
	if diff := cmp.Diff(want, walk(essDefAt(t, essLog))); diff != "" {
		t.Errorf("logging attributes that do not apply at once (-want +got):\n%s", diff)
	}
}

func TestUndertowAttributes(t *testing.T) {
	essRunAttrCases(t, []essAttrCase{
		{"statistics apply at once", essUT, "statistics-enabled", essAttr{dmr.Boolean,
			"false", true, false, false, essRW, essLive, essOwnName}},
		{"the default server", essUT, "default-server", essAttr{dmr.String,
			`"default-server"`, true, false, false, essRW, essAll, essOwnName}},
		{"proxy forwarding restarts the listener", essHTTP, "proxy-address-forwarding",
			essAttr{dmr.Boolean, "false", true, false, false, essRW, ops.ResourceServices,
				essOwnName}},
		{"the socket binding is required", essHTTP, "socket-binding", essAttr{dmr.String,
			essUndef, false, true, false, essRW, essAll, essOwnName}},
		{"the post size limit", essHTTP, "max-post-size", essAttr{dmr.Long, "10485760L",
			true, false, false, essRW, essAll, essOwnName}},
		{"an HTTPS listener takes an SSL context", essUT +
			"/server=default-server/https-listener=https", "ssl-context",
			essAttr{dmr.String, essUndef, false, false, false, essRW, essAll, essOwnName}},
		{"host aliases are a comma list", essUT + "/server=default-server/host=default-host",
			"alias", essAttr{dmr.List, essUndef, true, false, false, essRW, essAll,
				"@alias comma-list"}},
		{"the HTTP invoker is a setting", essUT +
			"/server=default-server/host=default-host/setting=http-invoker",
			"security-realm", essAttr{dmr.String, essUndef, true, false, false, essRW,
				essAll, essOwnName}},
		{"a file handler serves a path", essUT + "/configuration=handler/file=welcome",
			"path", essAttr{dmr.String, essUndef, true, true, false, essRW, essAll,
				essOwnName}},
	})
}

func TestKeycloakAttributes(t *testing.T) {
	essRunAttrCases(t, []essAttrCase{
		{"the web context is element text", essKC, "web-context", essAttr{dmr.String,
			`"auth"`, true, false, false, essRW, essAll, "web-context@ plain"}},
		{"the providers are provider elements", essKC, "providers", essAttr{dmr.List,
			`["classpath:${jboss.home.dir}/providers/*"]`, true, false, false, essRW, essAll,
			"providers@ item-list"}},
		{"the task interval is a LONG", essKC, "scheduled-task-interval",
			essAttr{dmr.Long, "900L", true, false, false, essRW, essAll,
				"scheduled-task-interval@ plain"}},
		{"the welcome theme is element text", essKC + "/theme=defaults", "welcomeTheme",
			essAttr{dmr.String, essUndef, true, false, false, essRW, essAll,
				"welcomeTheme@ plain"}},
		{"themes are cached by default", essKC + "/theme=defaults", "cacheThemes",
			essAttr{dmr.Boolean, "true", true, false, false, essRW, essAll,
				"cacheThemes@ plain"}},
		{"an SPI's default provider is element text", essKC + "/spi=hostname",
			"default-provider", essAttr{dmr.String, essUndef, true, false, false, essRW,
				essAll, "default-provider@ plain"}},
		{"a provider is enabled by default", essKC + "/spi=hostname/provider=default",
			"enabled", essAttr{dmr.Boolean, "true", true, false, false, essRW, essAll,
				essOwnName}},
		{"provider properties carry their value in an attribute",
			essKC + "/spi=hostname/provider=default", "properties", essAttr{dmr.Object,
				essUndef, true, false, false, essRW, essAll, "properties@ property-map"}},
	})
	p := essDefAt(t, essKC+"/spi=hostname/provider=default").Attribute("properties").XML
	if p.Item != "property" || p.KeyAttr != "name" || p.ItemAttr != "value" {
		t.Errorf("properties items = %q/%q/%q, want property/name/value",
			p.Item, p.KeyAttr, p.ItemAttr)
	}
}

func TestElytronAttributes(t *testing.T) {
	essRunAttrCases(t, []essAttrCase{
		{"a key store's path is on file", essEly + "/key-store=ks", "path",
			essAttr{dmr.String, essUndef, true, false, false, essRW, essAll, "file@path plain"}},
		{"a key store's relative-to is on file", essEly + "/key-store=ks", "relative-to",
			essAttr{dmr.String, essUndef, false, false, false, essRW, essAll,
				"file@relative-to plain"}},
		{"a key store's type is on implementation", essEly + "/key-store=ks", "type",
			essAttr{dmr.String, essUndef, true, false, false, essRW, essAll,
				"implementation@type plain"}},
		{"a key store's password is a sensitive credential reference",
			essEly + "/key-store=ks", "credential-reference", essAttr{dmr.Object, essUndef,
				true, true, true, essRW, essAll, "credential-reference@ field-object"}},
		{"a key manager names its key store", essEly + "/key-manager=km", "key-store",
			essAttr{dmr.String, essUndef, false, false, false, essRW, essAll, essOwnName}},
		{"a server SSL context does not want client certificates by default",
			essEly + "/server-ssl-context=ssc", "want-client-auth", essAttr{dmr.Boolean,
				"false", true, false, false, essRW, essAll, essOwnName}},
		{"protocols are a space list", essEly + "/server-ssl-context=ssc", "protocols",
			essAttr{dmr.List, essUndef, false, false, false, essRW, essAll,
				"@protocols space-list"}},
	})
}

func TestElytronTypes(t *testing.T) {
	tests := []struct {
		name    string
		typ     string
		lenient bool
		wrapper string
	}{
		{"key stores are modelled", "key-store", false, "tls/key-stores"},
		{"trust managers are modelled", "trust-manager", false, "tls/trust-managers"},
		{"client SSL contexts are modelled", "client-ssl-context", false,
			"tls/client-ssl-contexts"},
		{"security domains are kept leniently", "security-domain", true, "security-domains"},
		{"filesystem realms are kept leniently", "filesystem-realm", true, "security-realms"},
		{"credential stores are kept leniently", "credential-store", true,
			"credential-stores"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := essDefAt(t, essEly+"/"+tc.typ+"=x")
			if d.Lenient != tc.lenient || d.XML.Wrapper != tc.wrapper {
				t.Errorf("lenient %v wrapper %q, want %v %q", d.Lenient, d.XML.Wrapper,
					tc.lenient, tc.wrapper)
			}
		})
	}
	if essDefAt(t, essEly).Child("no-such-thing") != nil {
		t.Errorf("elytron accepts an unknown child type")
	}
}

// TestScriptAttributesAreDescribed checks that read-resource-description
// has a text for each attribute the Keycloak image's scripts write.
func TestScriptAttributesAreDescribed(t *testing.T) {
	var missing []string
	for _, lines := range essKCScripts {
		for _, l := range lines {
			if l.op != "write-attribute" && l.op != "undefine-attribute" {
				continue
			}
			req := essReq(t, l.addr, l.op, l.params)
			name, _ := req.Get("name")
			attr, _, _ := strings.Cut(name.AsString(), ".")
			a := essDefAt(t, l.addr).Attribute(attr)
			if a == nil || a.Description == "" {
				missing = append(missing, l.addr+" "+attr)
			}
		}
	}
	if len(missing) > 0 {
		t.Errorf("attributes without a description: %v", missing)
	}
}
