package model

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops"
	"wfcli/ops/dmr"
	"wfcli/server/xmlmodel"
)

// realmRoot is a root with only core-service=management, whose realms are
// securityRealm().
func realmRoot() *ops.Definition {
	mgmt := &ops.Definition{Children: []*ops.Child{{Type: "security-realm",
		Definition: securityRealm()}},
		XML: &ops.XMLResource{Element: "management", NoName: true}}
	return &ops.Definition{Children: []*ops.Child{{Type: "core-service",
		Names: []string{"management"}, ByName: map[string]*ops.Definition{"management": mgmt}}}}
}

// TestSecurityRealmElements reads and edits the realms of the stock
// Keycloak 10 configuration through securityRealm().
func TestSecurityRealmElements(t *testing.T) {
	realm := addr("core-service", "management", "security-realm", "ApplicationRealm")
	ssl := realm.Child("server-identity", "ssl")
	const ind = "\n                    " // the indentation of <ssl>
	cases := []struct {
		name   string
		change func(m *ops.Resource)
		want   string // what replaces the realm's <server-identities> element
	}{
		{"nothing changed", func(*ops.Resource) {},
			"<server-identities>" + ind + "<ssl>" + ind +
				`    <keystore path="application.keystore" relative-to=` +
				`"jboss.server.config.dir" keystore-password="password" alias="server" ` +
				`key-password="password" generate-self-signed-certificate-host="localhost"/>` +
				ind + "</ssl>\n                </server-identities>"},
		{"the ssl identity removed takes its wrapper along",
			func(m *ops.Resource) { m.Navigate(realm).RemoveChild("server-identity", "ssl") },
			""},
		{"an ssl identity added writes its keystore",
			func(m *ops.Resource) {
				r := m.Navigate(realm)
				r.RemoveChild("server-identity", "ssl")
				n := ops.NewResource()
				n.SetAttr("keystore-path", dmr.NewString("k.jks"))
				n.SetAttr("alias", dmr.NewString("srv"))
				r.AddChild("server-identity", "ssl", n, -1)
			},
			"<server-identities>" + ind + "<ssl>" + ind +
				`    <keystore path="k.jks" alias="srv"/>` + ind +
				"</ssl>\n                </server-identities>"},
	}
	dir := essShared(t)
	data, err := os.ReadFile(filepath.Join(dir, "corpus", "xml",
		"ganeshpahade-keyclock__keycloak-10.0.1__standalone-ha.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := xmlmodel.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			before, b, err := xmlmodel.Load(doc, realmRoot())
			if err != nil {
				t.Fatal(err)
			}
			if got := before.Navigate(ssl).Attributes.CompactString(); got !=
				`{"keystore-path"=>"application.keystore",`+
					`"keystore-relative-to"=>"jboss.server.config.dir",`+
					`"keystore-password"=>"password","alias"=>"server",`+
					`"key-password"=>"password",`+
					`"generate-self-signed-certificate-host"=>"localhost"}` {
				t.Errorf("server-identity=ssl reads %s", got)
			}
			after := before.Clone()
			tc.change(after)
			if err := b.Apply(before, after); err != nil {
				t.Fatal(err)
			}
			out, err := b.Serialize()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(identities(string(data), tc.want), string(out)); diff != "" {
				t.Errorf("file (-want +got):\n%s", diff)
			}
		})
	}
}

// identities returns file with ApplicationRealm's <server-identities>
// element (and its line) replaced by with, or its line removed when with
// is "".
func identities(file, with string) string {
	const open = "\n                <server-identities>"
	const end = "</server-identities>"
	i := strings.Index(file, open)
	j := i + strings.Index(file[i:], end) + len(end)
	if with == "" {
		return file[:i] + file[j:]
	}
	return file[:i] + "\n                " + with + file[j:]
}
