package xmlmodel

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// fixesRoot is a small model in the shape of the real definitions for the
// cases the convention or the first definition of a child type got wrong:
// a lenient subsystem that declares a few children and attributes (ejb3,
// transactions), cache children with several fixed names (components,
// memory, stores with older element names) and a datasource whose name
// attribute follows its jndi-name.
func fixesRoot() *ops.Definition {
	lenient := func(x ops.XMLResource) *ops.Definition {
		return &ops.Definition{Lenient: true, XML: &x}
	}
	remote := lenient(ops.XMLResource{Element: "remote", NoName: true})
	remote.Children = []*ops.Child{tChild("channel-creation-options",
		lenient(ops.XMLResource{Element: "option", Wrapper: "channel-creation-options"}))}
	ejb3 := lenient(ops.XMLResource{NoName: true})
	ejb3.Children = []*ops.Child{{Type: "service", Names: []string{"remote"},
		ByName: map[string]*ops.Definition{"remote": remote}}}
	tx := lenient(ops.XMLResource{NoName: true})
	tx.Attributes = []*ops.Attribute{tAt(tAttr("node-identifier", dmr.String),
		ops.XMLAttribute{Path: "core-environment", Attr: "node-identifier", Order: 1})}
	scanners := &ops.Definition{Children: []*ops.Child{tChild("scanner", &ops.Definition{
		Attributes: []*ops.Attribute{tAttr("path", dmr.String),
			tAttr("scan-interval", dmr.Int)},
		XML: &ops.XMLResource{Element: "deployment-scanner", DefaultName: "default"}})}}
	sub := &ops.Child{Type: "subsystem", Definition: &ops.Definition{Lenient: true},
		ByName: map[string]*ops.Definition{"ejb3": ejb3, "transactions": tx,
			"infinispan": fixesInfinispan(), "datasources": fixesDatasources(),
			"deployment-scanner": scanners}}
	return &ops.Definition{Children: []*ops.Child{
		tChild("system-property", &ops.Definition{
			Attributes: []*ops.Attribute{tAttr("value", dmr.String)},
			XML: &ops.XMLResource{Element: "property", Wrapper: "system-properties",
				Order: 2}}),
		sub,
	}}
}

func fixesInfinispan() *ops.Definition {
	named := func(elem string, order int, elements ...string) *ops.Definition {
		return &ops.Definition{Attributes: []*ops.Attribute{tAttr("size", dmr.Long),
			tAttr("data-source", dmr.String)},
			XML: &ops.XMLResource{Element: elem, Elements: elements, NoName: true,
				Order: order}}
	}
	jdbc := named("jdbc-store", 5, "jdbc-store", "string-keyed-jdbc-store")
	jdbc.Children = []*ops.Child{{Type: "table", Names: []string{"string"},
		ByName: map[string]*ops.Definition{"string": {
			Attributes: []*ops.Attribute{tAttr("prefix", dmr.String)},
			XML: &ops.XMLResource{Element: "table", NoName: true,
				Elements: []string{"table", "string-keyed-table"}}}}}}
	cache := &ops.Definition{
		Attributes: []*ops.Attribute{tAttr("owners", dmr.Int)},
		Children: []*ops.Child{
			{Type: "component", Names: []string{"locking", "expiration"},
				ByName: map[string]*ops.Definition{"locking": named("locking", 1),
					"expiration": named("expiration", 4)}},
			{Type: "memory", Names: []string{"object", "heap"},
				ByName: map[string]*ops.Definition{"object": named("object-memory", 3),
					"heap": named("heap-memory", 3)}},
			{Type: "store", Names: []string{"file", "jdbc"},
				ByName: map[string]*ops.Definition{"file": named("file-store", 5),
					"jdbc": jdbc}},
		},
		XML: &ops.XMLResource{Order: 4},
	}
	container := &ops.Definition{Children: []*ops.Child{tChild("local-cache", cache)},
		XML: &ops.XMLResource{Order: 1}}
	return &ops.Definition{Children: []*ops.Child{tChild("cache-container", container)}}
}

func fixesDatasources() *ops.Definition {
	ds := &ops.Definition{
		Attributes: []*ops.Attribute{tAttr("jndi-name", dmr.String),
			tAttr("enabled", dmr.Boolean)},
		XML: &ops.XMLResource{Element: "datasource", NameAttr: "pool-name",
			NameAfter: "jndi-name", Wrapper: "datasources", Order: 1},
	}
	return &ops.Definition{Children: []*ops.Child{tChild("data-source", ds)}}
}

// fixesDoc is a configuration for fixesRoot.
const fixesDoc = `<?xml version='1.0' encoding='UTF-8'?>
<server xmlns="urn:jboss:domain:20.0">
    <system-properties>
        <property name="a" value="1"/>
    </system-properties>
    <profile>
        <subsystem xmlns="urn:jboss:domain:datasources:7.0">
            <datasources>
                <datasource jndi-name="java:/A" pool-name="A"/>
            </datasources>
        </subsystem>
        <subsystem xmlns="urn:jboss:domain:deployment-scanner:2.0">
            <deployment-scanner path="deployments" scan-interval="5000"/>
        </subsystem>
        <subsystem xmlns="urn:jboss:domain:ejb3:9.0">
            <remote connector-ref="http-remoting-connector">
                <channel-creation-options>
                    <option name="MAX_OUTBOUND_MESSAGES" value="1234" type="remoting"/>
                </channel-creation-options>
            </remote>
            <thread-pools>
                <thread-pool name="default">
                    <max-threads count="10"/>
                </thread-pool>
            </thread-pools>
        </subsystem>
        <subsystem xmlns="urn:jboss:domain:infinispan:4.0">
            <cache-container name="web">
                <local-cache name="dist">
                    <locking size="1"/>
                    <expiration size="2"/>
                    <file-store/>
                </local-cache>
                <local-cache name="jdbc">
                    <string-keyed-jdbc-store data-source="DS">
                        <string-keyed-table prefix="ispn"/>
                    </string-keyed-jdbc-store>
                </local-cache>
            </cache-container>
        </subsystem>
        <subsystem xmlns="urn:jboss:domain:transactions:6.0">
            <core-environment node-identifier="${jboss.tx.node.id:1}">
                <process-id>
                    <uuid/>
                </process-id>
            </core-environment>
        </subsystem>
    </profile>
</server>
`

var (
	ejbRemote = addr("subsystem", "ejb3", "service", "remote")
	scanners  = addr("subsystem", "deployment-scanner")
	webCaches = addr("subsystem", "infinispan", "cache-container", "web")
)

func TestFixesLoad(t *testing.T) {
	tests := []struct {
		name  string
		at    ops.Address
		attrs string // the resource's attributes, DMR text
	}{
		{"a lenient subsystem's declared singleton has no name attribute", ejbRemote,
			`{"connector-ref"=>"http-remoting-connector"}`},
		{"a declared child of a lenient resource is read from its wrapper",
			ejbRemote.Child("channel-creation-options", "MAX_OUTBOUND_MESSAGES"),
			`{"value"=>"1234","type"=>"remoting"}`},
		{"a named element in a wrapper of a lenient resource is its child",
			addr("subsystem", "ejb3", "thread-pool", "default"), `{}`},
		{"a lenient subsystem's declared attribute is read where it lives",
			addr("subsystem", "transactions"),
			`{"node-identifier"=>expression "${jboss.tx.node.id:1}"}`},
		{"an element without its name attribute has the default name",
			scanners.Child("scanner", "default"),
			`{"path"=>"deployments","scan-interval"=>5000}`},
		{"a fixed name is read from an older element name",
			webCaches.Child("local-cache", "jdbc").Child("store", "jdbc"),
			`{"data-source"=>"DS"}`},
		{"a fixed name below it too",
			webCaches.Child("local-cache", "jdbc").Child("store", "jdbc").Child("table",
				"string"), `{"prefix"=>"ispn"}`},
	}
	_, m, _ := loadWith(t, fixesDoc, fixesRoot())
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := m.Navigate(tc.at)
			if r == nil {
				t.Fatalf("%s is missing from the model", tc.at)
			}
			if got := r.Attributes.CompactString(); got != tc.attrs {
				t.Errorf("attributes %s, want %s", got, tc.attrs)
			}
		})
	}
}

func TestFixesEdits(t *testing.T) {
	dist := webCaches.Child("local-cache", "dist")
	options := ejbRemote.Child("channel-creation-options", "MAX_OUTBOUND_MESSAGES")
	tests := []struct {
		name   string
		change func(m *ops.Resource)
		want   []string
	}{
		{
			name: "a new memory element goes before the expiration of another name",
			change: func(m *ops.Resource) {
				m.Navigate(dist).AddChild("memory", "heap", res("size", dmr.NewLong(9)), -1)
			},
			want: []string{`+                    <heap-memory size="9"/>`},
		},
		{
			name: "a new scanner of another name writes its name",
			change: func(m *ops.Resource) {
				m.Navigate(scanners).AddChild("scanner", "other", res("path", str("x")), -1)
			},
			want: []string{`+            <deployment-scanner name="other" path="x"/>`},
		},
		{
			name: "the default scanner written anew has no name attribute",
			change: func(m *ops.Resource) {
				s := m.Navigate(scanners)
				s.RemoveChild("scanner", "default")
				s.AddChild("scanner", "default", res("path", str("d")), -1)
			},
			want: []string{
				`-            <deployment-scanner path="deployments" scan-interval="5000"/>`,
				`+            <deployment-scanner path="d"/>`,
			},
		},
		{
			name: "a new datasource writes its jndi-name before its pool-name",
			change: func(m *ops.Resource) {
				m.Navigate(addr("subsystem", "datasources")).AddChild("data-source", "B",
					res("enabled", dmr.NewBool(true), "jndi-name", str("java:/B")), -1)
			},
			want: []string{
				`+                <datasource jndi-name="java:/B" pool-name="B" enabled="true"/>`},
		},
		{
			name: "removing the last child of a wrapper removes the wrapper",
			change: func(m *ops.Resource) {
				m.RemoveChild("system-property", "a")
			},
			want: []string{
				`-    <system-properties>`,
				`-        <property name="a" value="1"/>`,
				`-    </system-properties>`,
			},
		},
		{
			name: "removing the last option of a lenient resource removes its wrapper",
			change: func(m *ops.Resource) {
				m.Navigate(ejbRemote).RemoveChild("channel-creation-options",
					"MAX_OUTBOUND_MESSAGES")
			},
			want: []string{
				`-            <remote connector-ref="http-remoting-connector">`,
				`-                <channel-creation-options>`,
				`-                    <option name="MAX_OUTBOUND_MESSAGES" value="1234" ` +
					`type="remoting"/>`,
				`-                </channel-creation-options>`,
				`-            </remote>`,
				`+            <remote connector-ref="http-remoting-connector"/>`,
			},
		},
		{
			name: "a new option of a lenient resource goes into its wrapper",
			change: func(m *ops.Resource) {
				m.Navigate(ejbRemote).AddChild("channel-creation-options", "READ_TIMEOUT",
					res("value", str("20"), "type", str("xnio")), -1)
			},
			want: []string{
				`+                    <option name="READ_TIMEOUT" value="20" type="xnio"/>`},
		},
		{
			name: "a changed value of a lenient resource's option stays in place",
			change: func(m *ops.Resource) {
				m.Navigate(options).SetAttr("value", str("99"))
			},
			want: []string{
				`-                    <option name="MAX_OUTBOUND_MESSAGES" value="1234" ` +
					`type="remoting"/>`,
				`+                    <option name="MAX_OUTBOUND_MESSAGES" value="99" ` +
					`type="remoting"/>`,
			},
		},
		{
			name: "a new lenient child goes next to its sibling in their wrapper",
			change: func(m *ops.Resource) {
				m.Navigate(addr("subsystem", "ejb3")).AddChild("thread-pool", "other",
					res("max", str("5")), -1)
			},
			want: []string{`+                <thread-pool name="other" max="5"/>`},
		},
		{
			name: "a lenient child removed takes its emptied wrapper along",
			change: func(m *ops.Resource) {
				m.Navigate(addr("subsystem", "ejb3")).RemoveChild("thread-pool", "default")
			},
			want: []string{
				`-            <thread-pools>`,
				`-                <thread-pool name="default">`,
				`-                    <max-threads count="10"/>`,
				`-                </thread-pool>`,
				`-            </thread-pools>`,
			},
		},
		{
			name: "a lenient subsystem's declared attribute is written where it lives",
			change: func(m *ops.Resource) {
				m.Navigate(addr("subsystem", "transactions")).SetAttr("node-identifier",
					str("node-2"))
			},
			want: []string{
				`-            <core-environment node-identifier="${jboss.tx.node.id:1}">`,
				`+            <core-environment node-identifier="node-2">`,
			},
		},
		{
			name: "line breaks and tabs in a value are character references",
			change: func(m *ops.Resource) {
				m.AddChild("system-property", "b", res("value", str("x\ny\tz\r")), -1)
			},
			want: []string{`+        <property name="b" value="x&#10;y&#9;z&#13;"/>`},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, before, b := loadWith(t, fixesDoc, fixesRoot())
			after := before.Clone()
			tc.change(after)
			if err := b.Apply(before, after); err != nil {
				t.Fatal(err)
			}
			out, err := b.Serialize()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, lineDiff(fixesDoc, string(out))); diff != "" {
				t.Errorf("line diff (-want +got):\n%s\nfile:\n%s", diff, out)
			}
		})
	}
}

// loadWith loads doc with the definitions below root.
func loadWith(t *testing.T, doc string, root *ops.Definition) (string, *ops.Resource,
	*Binding) {
	t.Helper()
	d, err := Parse([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	m, b, err := Load(d, root)
	if err != nil {
		t.Fatal(err)
	}
	return doc, m, b
}
