package defaultconfig

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"

	"wfcli/internal/corpus"
)

// keycloak16 reads the stock Keycloak 16.1 configuration of the shared
// corpus (../shared beside the module root), or skips the test.
func keycloak16(t *testing.T) *etree.Document {
	t.Helper()
	path := filepath.Join(corpus.XMLDir(t),
		"findynamics-sso__keycloak-16.1.0__standalone-ha.xml")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("skipping: the shared corpus is absent (%v)", err)
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(b); err != nil {
		t.Fatal(err)
	}
	return doc
}

// attrsOf maps the name (or type, or category) of each element at path to
// its attributes.
func attrsOf(doc *etree.Document, path string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, e := range doc.FindElements(path) {
		m := map[string]string{}
		for _, a := range e.Attr {
			m[a.Key] = a.Value
		}
		key := e.SelectAttrValue("name", "")
		if key == "" {
			key = e.SelectAttrValue("type", e.SelectAttrValue("category", ""))
		}
		out[key] = m
	}
	return out
}

// Our default is written by hand; where it describes the same things as
// the Keycloak 16.1 distribution, the values must agree.
func TestDefaultAgreesWithKeycloak16(t *testing.T) {
	kc := keycloak16(t)
	ours := parseDefault(t)
	paths := []string{
		"/server/socket-binding-group/socket-binding",
		"/server/socket-binding-group",
		"//stack[@name='udp']/*",
		"//stack[@name='tcp']/*",
		"//channels/channel",
		"//cache-container[@name='keycloak']/distributed-cache",
		"//cache-container[@name='keycloak']/local-cache",
		"//datasources/datasource",
		"//datasources/drivers/driver",
		"//subsystem/console-handler",
		"//subsystem/periodic-rotating-file-handler",
		"//subsystem/logger",
		"//subsystem/formatter",
		"//spi[@name='connectionsInfinispan']/provider",
		"//key-store",
		"//key-manager",
		"//server-ssl-context",
		"/server/management/management-interfaces/http-interface/socket-binding",
	}
	for _, p := range paths {
		t.Run(p, func(t *testing.T) {
			want := attrsOf(kc, p)
			got := attrsOf(ours, p)
			for name := range want {
				if _, ok := got[name]; !ok {
					delete(want, name) // ours may leave out what Keycloak adds
				}
			}
			if len(got) == 0 {
				t.Fatalf("our default has nothing at %s", p)
			}
			// statistics-enabled expressions are Keycloak 16's, not ours.
			for _, m := range want {
				delete(m, "statistics-enabled")
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("attributes at %s (-Keycloak 16 +ours):\n%s", p, diff)
			}
		})
	}
}
