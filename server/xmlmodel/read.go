package xmlmodel

import (
	"strings"

	"github.com/beevik/etree"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// loadResource reads the attributes and children of the resource at addr
// from its element el.
func (b *Binding) loadResource(el *etree.Element, def *ops.Definition, res *ops.Resource,
	addr ops.Address) {
	b.elems[key(addr)] = el
	claimed := map[*etree.Element]bool{}
	if def == nil || def.Lenient {
		// A lenient definition may declare the attributes and children the
		// convention misreads; the rest of the element is read by the
		// convention.
		if def != nil {
			b.loadAttributes(el, def, res)
			for _, c := range def.Children {
				b.loadChildren(el, c, res, addr, claimed)
			}
		}
		b.loadLenient(el, res, addr, len(addr) > 0 && addr.Last().Type == "subsystem", claimed)
		return
	}
	b.loadAttributes(el, def, res)
	for _, c := range def.Children {
		b.loadChildren(el, c, res, addr, claimed)
	}
}

// loadAttributes reads the attributes def declares from el.
func (b *Binding) loadAttributes(el *etree.Element, def *ops.Definition, res *ops.Resource) {
	for _, a := range def.Attributes {
		if v, ok := readAttribute(el, a); ok {
			res.SetAttr(a.Name, v)
		}
	}
}

// loadLenient reads a resource by the convention: its XML attributes other
// than the name are STRING attributes, and each child element with a name
// attribute is a child resource whose type is the element's local name,
// also when it stands in a wrapper: an element with no attributes whose
// elements are read the same way (ejb3's <thread-pools><thread-pool
// name="default"> is thread-pool=default). Elements that claimed holds were
// read by a child type the lenient definition declares, and are skipped.
//
// Limitation: an element without a name attribute is no resource, so a
// resource whose element leaves out its name (ejb3's <remote> is
// service=remote) is missing from the model until its definition declares
// it, and adding it writes a second element.
func (b *Binding) loadLenient(el *etree.Element, res *ops.Resource, addr ops.Address,
	keepName bool, claimed map[*etree.Element]bool) {
	b.elems[key(addr)] = el
	for _, a := range el.Attr {
		if isNamespaceDecl(a) || (a.Key == "name" && !keepName) || a.Space != "" ||
			res.Attributes.Has(a.Key) {
			continue // a declared attribute was read with its type
		}
		res.SetAttr(a.Key, textValue(a.Value, 0))
	}
	b.loadLenientChildren(el, res, addr, claimed)
}

// loadLenientChildren reads the named child elements of el, and those of
// its wrappers, as children of the lenient resource at addr.
func (b *Binding) loadLenientChildren(el *etree.Element, res *ops.Resource, addr ops.Address,
	claimed map[*etree.Element]bool) {
	for _, ce := range el.ChildElements() {
		if ce.Space != "" || claimed[ce] {
			continue
		}
		name := ce.SelectAttrValue("name", "")
		if name == "" {
			if len(ce.Attr) == 0 {
				b.loadLenientChildren(ce, res, addr, claimed)
			}
			continue
		}
		if res.Child(ce.Tag, name) != nil {
			continue
		}
		child := ops.NewResource()
		b.loadLenient(ce, child, addr.Child(ce.Tag, name), false, nil)
		res.AddChild(ce.Tag, name, child, -1)
	}
}

// isNamespaceDecl reports whether a is an xmlns or xmlns:prefix declaration.
func isNamespaceDecl(a etree.Attr) bool {
	return (a.Space == "" && a.Key == "xmlns") || a.Space == "xmlns"
}

// loadChildren reads the children of type c of the resource at addr.
func (b *Binding) loadChildren(el *etree.Element, c *ops.Child, res *ops.Resource,
	addr ops.Address, claimed map[*etree.Element]bool) {
	x := childXML(c, addr)
	if x.Skip {
		b.loadFolded(el, c, res, addr)
		return
	}
	box := findPath(el, x.Wrapper)
	if box == nil {
		// Older schemas (jgroups 1.1) hold the elements without the wrapper.
		// Limitation: a resource added to such a file still gets the wrapper
		// its definition names, so a new stack in an AS 7.1 file goes into a
		// new <stacks> element that the 1.1 parser does not know.
		box = el
	}
	if x.NoName && len(c.Names) > 0 {
		b.loadFixedNames(box, c, res, addr, claimed)
		return
	}
	names := elementNames(c.Type, x)
	for _, t := range box.Child {
		ce, ok := t.(*etree.Element)
		if !ok || claimed[ce] || !matches(ce, names, x.HasChild) {
			continue
		}
		name := resourceName(ce, c, x, addr)
		if name == "" || res.Child(c.Type, name) != nil {
			continue
		}
		def := c.DefinitionFor(name)
		if def != nil && def.Runtime {
			continue
		}
		claimed[ce] = true
		child := ops.NewResource()
		b.loadResource(ce, def, child, addr.Child(c.Type, name))
		res.AddChild(c.Type, name, child, -1)
	}
}

// loadFixedNames reads singleton children whose element carries no name:
// each allowed name is looked up by the element its definition gives it.
func (b *Binding) loadFixedNames(box *etree.Element, c *ops.Child, res *ops.Resource,
	addr ops.Address, claimed map[*etree.Element]bool) {
	noAttrs := dmr.NewObject()
	for _, name := range c.Names {
		def := c.DefinitionFor(name)
		if def != nil && def.Runtime {
			continue
		}
		x := defXML(def, childXML(c, addr))
		if x.Skip {
			continue
		}
		locals := []string{elementName(c.Type, name, x, noAttrs)}
		if len(x.Elements) > 0 {
			locals = x.Elements
		}
		for _, t := range box.Child {
			ce, ok := t.(*etree.Element)
			if !ok || claimed[ce] || !matches(ce, locals, x.HasChild) {
				continue
			}
			claimed[ce] = true
			child := ops.NewResource()
			b.loadResource(ce, def, child, addr.Child(c.Type, name))
			res.AddChild(c.Type, name, child, -1)
			break
		}
	}
}

// loadFolded reads a child whose definition says Skip: it has no element of
// its own, so its attributes and children are read from the parent's
// element. It exists when one of its attributes is there, or when the child
// type is required.
func (b *Binding) loadFolded(el *etree.Element, c *ops.Child, res *ops.Resource,
	addr ops.Address) {
	name := c.Type
	if len(c.Names) > 0 {
		name = c.Names[0]
	}
	def := c.DefinitionFor(name)
	if def == nil || def.Runtime {
		return
	}
	child := ops.NewResource()
	caddr := addr.Child(c.Type, name)
	b.loadResource(el, def, child, caddr)
	if child.Attributes.Len() == 0 && len(child.ChildTypes()) == 0 && c.Min == 0 {
		delete(b.elems, key(caddr))
		return
	}
	res.AddChild(c.Type, name, child, -1)
}

// childXML returns the XML form of child type c of the resource at addr:
// the definition's, or the convention's when it has none. Subsystems live in
// <profile> as <subsystem> elements.
func childXML(c *ops.Child, addr ops.Address) *ops.XMLResource {
	if x := firstXML(c); x != nil {
		if isSubsystem(c, addr) && x.Wrapper == "" {
			cp := *x
			cp.Wrapper = "profile"
			return &cp
		}
		return x
	}
	if isSubsystem(c, addr) {
		return &ops.XMLResource{Element: "subsystem", Wrapper: "profile", NoName: true}
	}
	return &ops.XMLResource{}
}

// firstXML returns the XML form of c's common definition, or else of any of
// its definitions by name.
func firstXML(c *ops.Child) *ops.XMLResource {
	if c.Definition != nil && c.Definition.XML != nil {
		return c.Definition.XML
	}
	for _, n := range c.Names {
		if d := c.ByName[n]; d != nil && d.XML != nil {
			return d.XML
		}
	}
	return nil
}

// xmlForms returns the XML forms of every definition of c: its common
// definition's and those of its definitions by name, each once.
func xmlForms(c *ops.Child) []*ops.XMLResource {
	var out []*ops.XMLResource
	seen := map[*ops.XMLResource]bool{}
	add := func(d *ops.Definition) {
		if d != nil && d.XML != nil && !seen[d.XML] {
			seen[d.XML] = true
			out = append(out, d.XML)
		}
	}
	add(c.Definition)
	for _, n := range c.Names {
		add(c.ByName[n])
	}
	return out
}

// defXML returns def's XML form, or fallback when it has none.
func defXML(def *ops.Definition, fallback *ops.XMLResource) *ops.XMLResource {
	if def != nil && def.XML != nil {
		return def.XML
	}
	return fallback
}

// isSubsystem reports whether c is the root's subsystem child type.
func isSubsystem(c *ops.Child, addr ops.Address) bool {
	return len(addr) == 0 && c.Type == "subsystem"
}

// elementNames returns every local name an element of child type typ may have.
func elementNames(typ string, x *ops.XMLResource) []string {
	if len(x.Elements) > 0 {
		return x.Elements
	}
	if x.Element != "" {
		return []string{x.Element}
	}
	return []string{typ}
}

// elementName returns the local name of the element of child typ=name with
// attributes attrs (an OBJECT).
func elementName(typ, name string, x *ops.XMLResource, attrs dmr.Value) string {
	if x.ElementFor != nil {
		if n := x.ElementFor(name, attrs); n != "" {
			return n
		}
	}
	return elementNames(typ, x)[0]
}

// matches reports whether ce is an element of a child type whose local names
// are names and which needs a child element hasChild.
func matches(ce *etree.Element, names []string, hasChild string) bool {
	for _, n := range names {
		if ce.Tag == n {
			return hasChild == "" || ce.SelectElement(hasChild) != nil
		}
	}
	return false
}

// resourceName returns the name of the resource held by ce, "" when it has
// none.
func resourceName(ce *etree.Element, c *ops.Child, x *ops.XMLResource,
	addr ops.Address) string {
	switch {
	case isSubsystem(c, addr):
		return SubsystemName(namespaceOf(ce))
	case x.NameIsText:
		return strings.TrimSpace(ce.Text())
	case x.NoName:
		return ce.Tag
	}
	return ce.SelectAttrValue(nameAttr(x), x.DefaultName)
}

// namespaceOf returns the namespace an element declares for itself, or the
// one it inherits.
func namespaceOf(el *etree.Element) string {
	for _, a := range el.Attr {
		if a.Space == "" && a.Key == "xmlns" {
			return a.Value
		}
	}
	return el.NamespaceURI()
}

// SubsystemName returns the subsystem name a namespace such as
// urn:jboss:domain:jgroups:8.0, urn:wildfly:elytron:15.0 or
// urn:jboss:domain:keycloak-server:1.1 stands for; "" when ns has no
// version part.
func SubsystemName(ns string) string {
	rest := ns
	for _, p := range []string{"urn:jboss:domain:", "urn:wildfly:domain:", "urn:wildfly:"} {
		if strings.HasPrefix(ns, p) {
			rest = ns[len(p):]
			break
		}
	}
	i := strings.LastIndexByte(rest, ':')
	if i <= 0 {
		return ""
	}
	return rest[:i]
}

// findPath returns the element at the "/"-separated path of local names
// below el; el itself for "", and nil when a step is missing.
func findPath(el *etree.Element, path string) *etree.Element {
	if path == "" {
		return el
	}
	for _, step := range strings.Split(path, "/") {
		if el = childNamed(el, step); el == nil {
			return nil
		}
	}
	return el
}

// childNamed returns the first child element of el with local name local.
func childNamed(el *etree.Element, local string) *etree.Element {
	for _, t := range el.Child {
		if c, ok := t.(*etree.Element); ok && c.Tag == local {
			return c
		}
	}
	return nil
}
