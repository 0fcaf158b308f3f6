package xmlmodel

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// small is a hand-written configuration with comments, a blank line, tabs
// in one element's indentation and an empty element.
const small = `<?xml version='1.0' encoding='UTF-8'?>

<server xmlns="urn:jboss:domain:20.0">
    <!-- our extensions -->
    <extensions>
        <extension module="org.jboss.as.clustering.jgroups"/>
    </extensions>
    <system-properties>
        <!-- a comes first -->
        <property name="a" value="1"/>

        <property name="b" value="2"/>
    </system-properties>
    <profile>
        <subsystem xmlns="urn:jboss:domain:jgroups:8.0">
            <stacks>
                <stack name="udp">
                    <transport type="UDP" socket-binding="jgroups-udp"/>
                    <!-- discovery -->
                    <protocol type="PING"/>
                    <protocol type="MERGE3">
                        <property name="min_interval">10000</property>
                        <property name="max_interval">30000</property>
                    </protocol>
                    <protocol type="FD_ALL"/>
                </stack>
            </stacks>
        </subsystem>
        <subsystem xmlns="urn:jboss:domain:infinispan:13.0">
            <cache-container name="keycloak"/>
        </subsystem>
    </profile>
</server>
`

func TestEditsOfAHandWrittenFile(t *testing.T) {
	stack := addr("subsystem", "jgroups", "stack", "udp")
	tests := []struct {
		name   string
		change func(m *ops.Resource)
		want   []string
	}{
		{
			name: "a property after the last one keeps the comment and the blank line",
			change: func(m *ops.Resource) {
				m.AddChild("system-property", "c", res("value", str("3")), -1)
			},
			want: []string{`+        <property name="c" value="3"/>`},
		},
		{
			name: "removing a property keeps the comment above the list",
			change: func(m *ops.Resource) {
				m.RemoveChild("system-property", "a")
			},
			want: []string{`-        <property name="a" value="1"/>`},
		},
		{
			name: "a protocol moved to the end moves one line only",
			change: func(m *ops.Resource) {
				s := m.Navigate(stack)
				p := s.Child("protocol", "PING")
				s.RemoveChild("protocol", "PING")
				s.AddChild("protocol", "PING", p, -1)
			},
			want: []string{
				`-                    <protocol type="PING"/>`,
				`+                    <protocol type="PING"/>`,
			},
		},
		{
			name: "swapping two protocols moves one element as it is",
			change: func(m *ops.Resource) {
				s := m.Navigate(stack)
				p := s.Child("protocol", "MERGE3")
				s.RemoveChild("protocol", "MERGE3")
				s.AddChild("protocol", "MERGE3", p, 0)
			},
			want: []string{
				`-                    <protocol type="PING"/>`,
				`+                    <protocol type="PING"/>`,
			},
		},
		{
			name: "a protocol that gains its data source changes its element",
			change: func(m *ops.Resource) {
				s := m.Navigate(stack)
				s.AddChild("protocol", "JDBC_PING", res(), 1)
			},
			want: []string{`+                    <protocol type="JDBC_PING"/>`},
		},
		{
			name: "a child of an empty element gets its own lines",
			change: func(m *ops.Resource) {
				c := m.Navigate(addr("subsystem", "infinispan", "cache-container", "keycloak"))
				c.AddChild("distributed-cache", "sessions", res("owners", dmr.NewInt(2)), -1)
			},
			want: []string{
				`-            <cache-container name="keycloak"/>`,
				`+            <cache-container name="keycloak">`,
				`+                <distributed-cache name="sessions" owners="2"/>`,
				`+            </cache-container>`,
			},
		},
		{
			name: "one property of a map changed, one removed, one added",
			change: func(m *ops.Resource) {
				props := dmr.NewObject()
				props.Set("min_interval", str("${env.MIN:5000}"))
				props.Set("check_interval", str("1000"))
				m.Navigate(stack.Child("protocol", "MERGE3")).SetAttr("properties", props)
			},
			want: []string{
				`-                        <property name="min_interval">10000</property>`,
				`-                        <property name="max_interval">30000</property>`,
				`+                        <property name="min_interval">${env.MIN:5000}</property>`,
				`+                        <property name="check_interval">1000</property>`,
			},
		},
		{
			name: "a property map undefined leaves an empty element",
			change: func(m *ops.Resource) {
				m.Navigate(stack.Child("protocol", "MERGE3")).SetAttr("properties", dmr.Value{})
			},
			want: []string{
				`-                    <protocol type="MERGE3">`,
				`-                        <property name="min_interval">10000</property>`,
				`-                        <property name="max_interval">30000</property>`,
				`-                    </protocol>`,
				`+                    <protocol type="MERGE3"/>`,
			},
		},
		{
			name: "a wrapper left with a comment only stays, with the comment",
			change: func(m *ops.Resource) {
				m.RemoveChild("system-property", "a")
				m.RemoveChild("system-property", "b")
			},
			want: []string{
				`-        <property name="a" value="1"/>`,
				`-`,
				`-        <property name="b" value="2"/>`,
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data, before, b := loadBytes(t, []byte(small))
			after := before.Clone()
			tc.change(after)
			if err := b.Apply(before, after); err != nil {
				t.Fatal(err)
			}
			out, _ := b.Serialize()
			if diff := cmp.Diff(tc.want, lineDiff(string(data), string(out))); diff != "" {
				t.Errorf("line diff (-want +got):\n%s\nfile:\n%s", diff, out)
			}
		})
	}
}

func TestElementFollowsTheDefinitionsPick(t *testing.T) {
	data, m0, b := loadBytes(t, []byte(small))
	stack := addr("subsystem", "jgroups", "stack", "udp")
	m1 := m0.Clone()
	m1.Navigate(stack).AddChild("protocol", "JDBC_PING", res(), 0)
	if err := b.Apply(m0, m1); err != nil {
		t.Fatal(err)
	}
	m2 := m1.Clone()
	m2.Navigate(stack.Child("protocol", "JDBC_PING")).SetAttr("data-source", str("DS"))
	if err := b.Apply(m1, m2); err != nil {
		t.Fatal(err)
	}
	out, _ := b.Serialize()
	want := []string{`+                    <jdbc-protocol type="JDBC_PING" data-source="DS"/>`}
	if diff := cmp.Diff(want, lineDiff(string(data), string(out))); diff != "" {
		t.Errorf("line diff (-want +got):\n%s", diff)
	}
	if !strings.Contains(string(out), "<!-- discovery -->\n                    <protocol type=\"PING\"/>") {
		t.Errorf("the comment before PING moved:\n%s", out)
	}
}

func TestMovedChildren(t *testing.T) {
	tests := []struct {
		name          string
		before, after []string
		want          []string
	}{
		{"an insert moves nothing", []string{"a", "b", "c"}, []string{"x", "a", "b", "c"}, nil},
		{"a removal moves nothing", []string{"a", "b", "c"}, []string{"a", "c"}, nil},
		{"the first moved last", []string{"a", "b", "c"}, []string{"b", "c", "a"}, []string{"a"}},
		{"two swapped", []string{"a", "b"}, []string{"b", "a"}, []string{"a"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, n := range tc.after {
				if movedChildren(tc.before, tc.after)[n] {
					got = append(got, n)
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("moved (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCDATAAndCommentsRoundTrip(t *testing.T) {
	const doc = `<?xml version='1.0' encoding='UTF-8'?>
<server xmlns="urn:jboss:domain:20.0">
    <!-- a <comment> with & in it -->
    <profile>
        <subsystem xmlns="urn:jboss:domain:ee:6.0">
            <script><![CDATA[if (a < b && c > d) {}]]></script>
            <spec-descriptor-property-replacement>false</spec-descriptor-property-replacement>
        </subsystem>
    </profile>
</server>
`
	data, m, b := loadBytes(t, []byte(doc))
	after := m.Clone()
	after.AddChild("system-property", "p", res("value", str("a<b&c")), -1)
	if err := b.Apply(m, after); err != nil {
		t.Fatal(err)
	}
	out, _ := b.Serialize()
	want := []string{
		`+    <system-properties>`,
		`+        <property name="p" value="a&lt;b&amp;c"/>`,
		`+    </system-properties>`,
	}
	if diff := cmp.Diff(want, lineDiff(string(data), string(out))); diff != "" {
		t.Errorf("line diff (-want +got):\n%s", diff)
	}
}
