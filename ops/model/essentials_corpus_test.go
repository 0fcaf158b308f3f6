package model

import (
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/google/go-cmp/cmp"

	"wfcli/internal/corpus"
	"wfcli/ops"
)

// This file checks the datasources, logging, undertow, keycloak-server and
// elytron definitions against every configuration of the corpus: each
// element and XML attribute below those subsystems must map to a child
// resource, an attribute or a lenient resource of the definitions, read the
// way the XML hints of ops/definition.go describe.

// essSubsystems maps the namespace word of a subsystem to its name.
var essSubsystems = map[string]string{"datasources": "datasources", "logging": "logging",
	"undertow": "undertow", "keycloak-server": "keycloak-server", "elytron": "elytron"}

// essShared returns ../shared of the module root, or skips the test.
func essShared(t *testing.T) string {
	t.Helper()
	corpus.XMLDir(t)
	return corpus.Dir(t)
}

// essChecker walks an element along a definition and records every element
// and XML attribute the definition does not account for.
type essChecker struct {
	version string // "logging:8.0"
	sub     string // "logging"
	unknown map[string]bool
	leaves  map[string]bool // resource types reached, "logging console-handler"
}

func (w *essChecker) miss(path string) { w.unknown[w.version+" "+path] = true }

// resource checks el, the element of a resource of definition d, and all
// that lies below it; path is el's path for messages.
func (w *essChecker) resource(d *ops.Definition, el *etree.Element, path string) {
	if d.Lenient {
		return
	}
	w.attributes(essResourceAttrs(d), el, path)
	w.below(d, el, path, "")
}

// below checks the children of el, which is at rel (a "/"-separated path,
// "" for the resource's own element) below the element of a resource of d.
func (w *essChecker) below(d *ops.Definition, el *etree.Element, path, rel string) {
	for _, ch := range el.ChildElements() {
		p, r := path+"/"+ch.Tag, essJoin(rel, ch.Tag)
		if typ, cd := essMatchChild(d, ch, rel); cd != nil {
			w.leaves[w.sub+" "+typ] = true
			w.resource(cd, ch, p)
			continue
		}
		if essIsItem(d, rel, ch.Tag) {
			w.attributes(essItemAttrs(d, rel, ch.Tag), ch, p)
			continue
		}
		if essIsPath(d, r) {
			w.attributes(essPathAttrs(d, r), ch, p)
			w.below(d, ch, path+"/"+ch.Tag, r)
			continue
		}
		w.miss(p)
	}
}

func (w *essChecker) attributes(known map[string]bool, el *etree.Element, path string) {
	for _, a := range el.Attr {
		if a.Space == "xmlns" || a.Key == "xmlns" || known[a.Key] {
			continue
		}
		w.miss(path + "/@" + a.Key)
	}
}

func essJoin(rel, tag string) string {
	if rel == "" {
		return tag
	}
	return rel + "/" + tag
}

// essMatchChild returns the child type and definition of the resource el
// is, when el sits at rel below the element of a resource of d.
func essMatchChild(d *ops.Definition, el *etree.Element, rel string) (string, *ops.Definition) {
	for _, c := range d.Children {
		for _, cd := range essChildDefinitions(c) {
			x := cd.XML
			if x == nil {
				x = &ops.XMLResource{NameAttr: "name"}
			}
			if x.Skip || x.Wrapper != rel || !essHasName(c.Type, x, el.Tag) {
				continue
			}
			if x.HasChild != "" && el.SelectElement(x.HasChild) == nil {
				continue
			}
			if x.NoName || x.NameIsText {
				return c.Type, cd
			}
			attr := x.NameAttr
			if attr == "" {
				attr = "name"
			}
			return c.Type, c.DefinitionFor(el.SelectAttrValue(attr, ""))
		}
	}
	return "", nil
}

// essHasName reports whether an element of a resource with hints x may be
// called tag.
func essHasName(typ string, x *ops.XMLResource, tag string) bool {
	if x.Element == "" && len(x.Elements) == 0 {
		return tag == typ
	}
	if x.Element == tag {
		return true
	}
	for _, e := range x.Elements {
		if e == tag {
			return true
		}
	}
	return false
}

// essChildDefinitions lists c's definitions, the by-name ones in name order.
func essChildDefinitions(c *ops.Child) []*ops.Definition {
	var ds []*ops.Definition
	names := make([]string, 0, len(c.ByName))
	for n := range c.ByName {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		ds = append(ds, c.ByName[n])
	}
	if c.Definition != nil {
		ds = append(ds, c.Definition)
	}
	return ds
}

// essPersisted lists d's attributes that have a place in the XML.
func essPersisted(d *ops.Definition) []*ops.Attribute {
	var as []*ops.Attribute
	for _, a := range d.Attributes {
		if a.Storage == ops.Runtime || (a.XML != nil && a.XML.Skip) {
			continue
		}
		as = append(as, a)
	}
	return as
}

// essResourceAttrs are the XML attributes of a resource's own element.
func essResourceAttrs(d *ops.Definition) map[string]bool {
	known := essPathAttrs(d, "")
	switch {
	case d.XML == nil:
		known["name"] = true
	case d.XML.NameAttr != "":
		known[d.XML.NameAttr] = true
	}
	for _, a := range essPersisted(d) {
		if a.XML == nil {
			known[a.Name] = true
		}
	}
	return known
}

// essPathAttrs are the XML attributes attributes of d keep on the element
// at path.
func essPathAttrs(d *ops.Definition, path string) map[string]bool {
	known := map[string]bool{}
	for _, a := range essPersisted(d) {
		switch {
		case a.XML == nil || a.XML.Path != path:
		case a.XML.Form == ops.FieldObject:
			for _, f := range a.Fields {
				known[f.Name] = true
			}
			if len(a.Fields) == 0 {
				known["*"] = true
			}
		case a.XML.Attr != "":
			known[a.XML.Attr] = true
		}
	}
	return known
}

// essIsPath reports whether path is, or leads to, the element of an
// attribute of d.
func essIsPath(d *ops.Definition, path string) bool {
	for _, a := range essPersisted(d) {
		if a.XML != nil && (a.XML.Path == path || strings.HasPrefix(a.XML.Path, path+"/")) {
			return true
		}
	}
	for _, c := range d.Children {
		for _, cd := range essChildDefinitions(c) {
			w := ""
			if cd.XML != nil {
				w = cd.XML.Wrapper
			}
			if w == path || strings.HasPrefix(w, path+"/") {
				return true
			}
		}
	}
	return false
}

// essIsItem reports whether tag at parent path rel is an item of an
// ItemList or PropertyMap attribute of d.
func essIsItem(d *ops.Definition, rel, tag string) bool {
	return essItemAttrs(d, rel, tag) != nil
}

// essItemAttrs returns the XML attributes of an item element, or nil.
func essItemAttrs(d *ops.Definition, rel, tag string) map[string]bool {
	for _, a := range essPersisted(d) {
		x := a.XML
		if x == nil || x.Path != rel || x.Item != tag {
			continue
		}
		if x.Form == ops.ItemList || x.Form == ops.PropertyMap {
			return map[string]bool{x.ItemAttr: x.ItemAttr != "", x.KeyAttr: x.KeyAttr != ""}
		}
	}
	return nil
}

// essSubsystemOf returns the modelled subsystem name and version of a
// subsystem element's namespace, or "".
func essSubsystemOf(ns string) (string, string) {
	parts := strings.Split(ns, ":")
	if len(parts) < 3 {
		return "", ""
	}
	word, version := parts[len(parts)-2], parts[len(parts)-1]
	return essSubsystems[word], version
}

// TestCorpusEssentialElements walks the five subsystems of every corpus
// configuration and lists what the definitions do not account for. The
// expected list holds only the known limitations, each marked where it
// lives.
func TestCorpusEssentialElements(t *testing.T) {
	shared := essShared(t)
	files, err := filepath.Glob(filepath.Join(shared, "corpus", "xml", "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus files: %v", err)
	}
	w := &essChecker{unknown: map[string]bool{}, leaves: map[string]bool{}}
	subsystems := Root().Child("subsystem")
	seen := map[string]bool{}
	for _, f := range files {
		doc := etree.NewDocument()
		if err := doc.ReadFromFile(f); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, el := range doc.FindElements("//subsystem") {
			name, version := essSubsystemOf(el.NamespaceURI())
			if name == "" {
				continue
			}
			seen[name] = true
			w.version, w.sub = name+":"+version, name
			w.resource(subsystems.ByName[name], el, name)
		}
	}
	if len(seen) != len(essSubsystems) {
		t.Errorf("subsystems seen = %v, want all of %v", seen, essSubsystems)
	}
	var got []string
	for k := range w.unknown {
		got = append(got, k)
	}
	sort.Strings(got)
	if diff := cmp.Diff([]string(nil), got); diff != "" {
		t.Errorf("unmapped XML (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(essWantReached, essKeys(w.leaves)); diff != "" {
		t.Errorf("resource types reached (-want +got):\n%s", diff)
	}
}

// essWantReached are the resource types the corpus holds below the five
// subsystems; the walk must reach each through the definitions.
var essWantReached = []string{
	"datasources data-source", "datasources jdbc-driver",
	"elytron aggregate-providers", "elytron configurable-sasl-server-factory",
	"elytron constant-permission-mapper", "elytron constant-realm-mapper",
	"elytron constant-role-mapper", "elytron file-audit-log",
	"elytron http-authentication-factory", "elytron identity-realm",
	"elytron key-manager", "elytron key-store", "elytron logical-permission-mapper",
	"elytron mechanism-provider-filtering-sasl-server-factory",
	"elytron permission-set", "elytron properties-realm",
	"elytron provider-http-server-mechanism-factory",
	"elytron provider-loader", "elytron provider-sasl-server-factory",
	"elytron sasl-authentication-factory", "elytron security-domain",
	"elytron server-ssl-context", "elytron simple-permission-mapper",
	"elytron simple-role-decoder",
	"keycloak-server provider", "keycloak-server spi", "keycloak-server theme",
	"logging console-handler", "logging logger", "logging pattern-formatter",
	"logging periodic-rotating-file-handler", "logging root-logger",
	"undertow ajp-listener", "undertow application-security-domain",
	"undertow buffer-cache", "undertow byte-buffer-pool", "undertow configuration",
	"undertow file", "undertow filter-ref", "undertow host", "undertow http-listener",
	"undertow https-listener", "undertow location", "undertow response-header",
	"undertow server", "undertow servlet-container", "undertow setting",
}

func essKeys(m map[string]bool) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// TestEssentialCheckerFindsUnknownXML makes sure the corpus walk above can
// fail: XML the definitions do not describe is reported.
func TestEssentialCheckerFindsUnknownXML(t *testing.T) {
	const text = `<subsystem xmlns="urn:jboss:domain:datasources:6.0"><datasources>` +
		`<datasource pool-name="A" jndi-name="j" colour="red"><driver>h2</driver>` +
		`<security><user-name>sa</user-name><pin>1</pin></security></datasource>` +
		`<drivers><driver name="h2" module="m"><xa-datasource-class>X` +
		`</xa-datasource-class></driver></drivers><extra/></datasources></subsystem>`
	doc := etree.NewDocument()
	if err := doc.ReadFromString(text); err != nil {
		t.Fatal(err)
	}
	w := &essChecker{version: "datasources:6.0", sub: "datasources",
		unknown: map[string]bool{}, leaves: map[string]bool{}}
	w.resource(Root().Child("subsystem").ByName["datasources"], doc.Root(), "datasources")
	want := []string{
		"datasources:6.0 datasources/datasources/datasource/@colour",
		"datasources:6.0 datasources/datasources/datasource/security/pin",
		"datasources:6.0 datasources/datasources/extra",
	}
	if diff := cmp.Diff(want, essKeys(w.unknown)); diff != "" {
		t.Errorf("unknown XML (-want +got):\n%s", diff)
	}
}
