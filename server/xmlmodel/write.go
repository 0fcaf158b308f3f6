package xmlmodel

import (
	"errors"
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// ErrNotWritable is the error Apply wraps when a value has no XML form: the
// configuration file cannot hold it as it is, so the change must fail
// rather than write it garbled.
var ErrNotWritable = errors.New("cannot be written to the configuration file")

// Apply edits the document so that it describes after instead of before,
// touching only what differs: a changed attribute changes one XML attribute
// or element text, a new resource adds one element (indented as its
// siblings, where its definition orders it), a removed resource removes its
// element and the line it stood on. before must be the model the document
// describes now. On error the document may be half edited; the caller
// restores it (see Rebind).
func (b *Binding) Apply(before, after *ops.Resource) error {
	root := b.doc.Root()
	if root == nil {
		return fmt.Errorf("the document has no root element")
	}
	return b.diff(root, b.root, before, after, ops.Address{})
}

// diff applies the difference of one resource and, recursively, its children.
func (b *Binding) diff(el *etree.Element, def *ops.Definition, before, after *ops.Resource,
	addr ops.Address) error {
	l := b.layout()
	for _, name := range unionKeys(before.Attributes, after.Attributes) {
		old, nw := before.Attr(name), after.Attr(name)
		if old.Equal(nw) {
			continue
		}
		if err := b.writeAttr(l, el, def, name, old, nw, addr); err != nil {
			return err
		}
	}
	for _, typ := range unionTypes(before, after) {
		if err := b.diffChildren(el, def, typ, before, after, addr); err != nil {
			return err
		}
	}
	return nil
}

// diffChildren applies the difference of the children of type typ.
func (b *Binding) diffChildren(el *etree.Element, def *ops.Definition, typ string,
	before, after *ops.Resource, addr ops.Address) error {
	c := childOf(def, typ)
	for _, name := range before.ChildNames(typ) {
		if d := childDefinition(c, name); d != nil && d.Runtime {
			continue
		}
		if after.Child(typ, name) == nil {
			if err := b.removeResource(c, before.Child(typ, name), addr.Child(typ, name),
				addr); err != nil {
				return err
			}
		}
	}
	names := after.ChildNames(typ)
	var moved map[string]bool
	if c != nil && c.Ordered {
		moved = movedChildren(before.ChildNames(typ), names)
	}
	for i, name := range names {
		caddr := addr.Child(typ, name)
		old, nw := before.Child(typ, name), after.Child(typ, name)
		cdef := childDefinition(c, name)
		if cdef != nil && cdef.Runtime {
			continue
		}
		cel := b.elems[key(caddr)]
		if old != nil && cel != nil && moved[name] {
			b.moveElement(cel, def, c, typ, names, i, addr)
		}
		if old == nil || cel == nil {
			// A resource the document does not hold yet is written whole.
			if err := b.addResource(el, def, c, typ, names, i, nw, addr); err != nil {
				return err
			}
			continue
		}
		renameElement(cel, c, cdef, name, old, nw, addr)
		if err := b.diff(cel, cdef, old, nw, caddr); err != nil {
			return err
		}
	}
	return nil
}

// moveElement moves the element of the ordered child names[i], whole, with
// its comments and layout inside, to its new place among its siblings.
func (b *Binding) moveElement(cel *etree.Element, def *ops.Definition, c *ops.Child,
	typ string, names []string, i int, parent ops.Address) {
	box := cel.Parent()
	if box == nil || cel == b.elems[key(parent)] {
		return // folded into its parent's element: nothing to move
	}
	removeElement(cel)
	x := resourceXML(c, names[i], parent)
	b.placeResource(b.layout(), box, cel, def, c, x, typ, names, i, parent)
}

// movedChildren returns the children of an ordered type that must move for
// the order of before to become the order of after: those outside a longest
// run of common children that keeps its relative order. Children only added
// or only removed are not moves.
func movedChildren(before, after []string) map[string]bool {
	pos := map[string]int{}
	for i, n := range before {
		pos[n] = i
	}
	var common []string
	for _, n := range after {
		if _, ok := pos[n]; ok {
			common = append(common, n)
		}
	}
	keep := longestIncreasing(common, pos)
	moved := map[string]bool{}
	for _, n := range common {
		if !keep[n] {
			moved[n] = true
		}
	}
	return moved
}

// longestIncreasing returns the members of a longest subsequence of names
// whose positions in pos increase (quadratic; child lists are short).
func longestIncreasing(names []string, pos map[string]int) map[string]bool {
	n := len(names)
	length, prev := make([]int, n), make([]int, n)
	best := -1
	for i := range names {
		length[i], prev[i] = 1, -1
		for j := 0; j < i; j++ {
			if pos[names[j]] < pos[names[i]] && length[j]+1 > length[i] {
				length[i], prev[i] = length[j]+1, j
			}
		}
		if best < 0 || length[i] > length[best] {
			best = i
		}
	}
	keep := map[string]bool{}
	for i := best; i >= 0; i = prev[i] {
		keep[names[i]] = true
	}
	return keep
}

// renameElement gives the element of child name the local name its
// definition picks for its new attributes, when the definition picks one by
// attributes and the change of attributes changes the pick (a jgroups
// protocol that gains its data-source becomes a jdbc-protocol). An element
// whose name differs from the pick without such a change (an older schema's
// spelling) keeps its name.
func renameElement(el *etree.Element, c *ops.Child, def *ops.Definition, name string,
	old, res *ops.Resource, parent ops.Address) {
	if c == nil || isSubsystem(c, parent) {
		return
	}
	x := defXML(def, childXML(c, parent))
	if x.ElementFor == nil {
		return
	}
	was, local := x.ElementFor(name, old.Attributes), x.ElementFor(name, res.Attributes)
	if local != "" && local != was {
		el.Tag = local
	}
}

// childOf returns the child type typ of def; nil for a lenient resource
// that does not declare typ.
func childOf(def *ops.Definition, typ string) *ops.Child {
	if def == nil {
		return nil
	}
	return def.Child(typ)
}

// childDefinition returns the definition of child name of type c; nil (the
// convention) when c is nil.
func childDefinition(c *ops.Child, name string) *ops.Definition {
	if c == nil {
		return nil
	}
	return c.DefinitionFor(name)
}

// removeResource removes the element of the resource at addr (or, for a
// resource folded into its parent's element, its attributes) and forgets
// the elements of its subtree.
func (b *Binding) removeResource(c *ops.Child, old *ops.Resource, addr, parent ops.Address) error {
	el := b.elems[key(addr)]
	if el == nil {
		return nil // nothing of it is in the document
	}
	x := resourceXML(c, addr.Last().Name, parent)
	if x.Skip {
		def := childDefinition(c, addr.Last().Name)
		if err := b.diff(el, def, old, ops.NewResource(), addr); err != nil {
			return err
		}
	} else {
		box := el.Parent()
		removeElement(el)
		// WildFly writes no empty wrapper (<system-properties/>), whatever
		// RemoveEmptyWrapper says; one that keeps a comment or an
		// attribute stays.
		if x.Wrapper != "" {
			b.removeEmptyWrappers(box, x.Wrapper)
		}
		if c == nil {
			b.removeLenientWrappers(box, b.elems[key(parent)])
		}
	}
	prefix := key(addr)
	for k := range b.elems {
		if strings.HasPrefix(k, prefix) {
			delete(b.elems, k)
		}
	}
	return nil
}

// removeEmptyWrappers removes box and the wrappers above it, up the
// wrapper path, while they hold nothing.
func (b *Binding) removeEmptyWrappers(box *etree.Element, wrapper string) {
	for range strings.Split(wrapper, "/") {
		if box == nil || !isEmpty(box) {
			return
		}
		up := box.Parent()
		removeElement(box)
		box = up
	}
}

// removeLenientWrappers removes box and the wrappers above it, up to the
// element of the lenient resource that holds them, while they hold nothing.
func (b *Binding) removeLenientWrappers(box, holder *etree.Element) {
	for box != nil && box != holder && holder != nil && isEmpty(box) {
		up := box.Parent()
		removeElement(box)
		box = up
	}
}

// resourceXML returns the XML form of the child name of type c: its own
// definition's, else its type's, else the convention's (c is nil under a
// lenient parent).
func resourceXML(c *ops.Child, name string, parent ops.Address) *ops.XMLResource {
	if c == nil {
		return &ops.XMLResource{}
	}
	if d := c.DefinitionFor(name); d != nil && d.XML != nil && !isSubsystem(c, parent) {
		return d.XML
	}
	return childXML(c, parent)
}

// addResource creates the element of the new child names[i] of type typ
// (with its attributes and children) in the element el of its parent.
func (b *Binding) addResource(el *etree.Element, def *ops.Definition, c *ops.Child, typ string,
	names []string, i int, res *ops.Resource, parent ops.Address) error {
	name := names[i]
	addr := parent.Child(typ, name)
	cdef := childDefinition(c, name)
	x := resourceXML(c, name, parent)
	if x.Skip {
		b.elems[key(addr)] = el
		return b.diff(el, cdef, ops.NewResource(), res, addr)
	}
	l := b.layout()
	box := l.ensurePath(el, def, x.Wrapper, len(parent) == 0)
	cel := b.newElement(c, x, typ, name, res, parent)
	b.placeResource(l, box, cel, def, c, x, typ, names, i, parent)
	b.elems[key(addr)] = cel
	return b.diff(cel, cdef, ops.NewResource(), res, addr)
}

// newElement returns the (empty) element of child typ=name, with its name
// (none for the definition's DefaultName). The other attributes follow in
// definition order, the name first or after its NameAfter (see attrRank).
//
// Limitation: WildFly's writers have an order of their own, which the
// definition order follows only where its author made it so; a new element
// may list its attributes in another order than WildFly's, meaning the same.
func (b *Binding) newElement(c *ops.Child, x *ops.XMLResource, typ, name string,
	res *ops.Resource, parent ops.Address) *etree.Element {
	if c != nil && isSubsystem(c, parent) {
		el := etree.NewElement("subsystem")
		ns := ""
		if d := c.DefinitionFor(name); d != nil && d.XML != nil {
			ns = d.XML.Namespace
		}
		if ns == "" {
			ns = "urn:jboss:domain:" + name + ":1.0"
		}
		el.CreateAttr("xmlns", ns)
		return el
	}
	el := etree.NewElement(elementName(typ, name, x, res.Attributes))
	if x.Namespace != "" {
		el.CreateAttr("xmlns", x.Namespace)
	}
	switch {
	case x.NoName, x.DefaultName != "" && name == x.DefaultName:
	case x.NameIsText:
		el.SetText(name)
	default:
		el.CreateAttr(nameAttr(x), name)
	}
	return el
}

// nameAttr returns the XML attribute that holds a resource's name.
func nameAttr(x *ops.XMLResource) string {
	if x.NameAttr != "" {
		return x.NameAttr
	}
	return "name"
}

// placeResource inserts the new element cel of child names[i] into box:
// after the element of the previous sibling of its type in the model, else
// before the next one's, else where its type's Order says.
func (b *Binding) placeResource(l layout, box, cel *etree.Element, def *ops.Definition,
	c *ops.Child, x *ops.XMLResource, typ string, names []string, i int, parent ops.Address) {
	// A sibling of a lenient resource may stand in a wrapper of box.
	near := func(e *etree.Element) bool {
		return e != nil && (e.Parent() == box || c == nil && within(e, box))
	}
	if i > 0 {
		if prev := b.elems[key(parent.Child(typ, names[i-1]))]; near(prev) {
			l.insertAfter(prev, cel)
			return
		}
	}
	for _, n := range names[i+1:] {
		if next := b.elems[key(parent.Child(typ, n))]; near(next) {
			l.insertBefore(next, cel)
			return
		}
	}
	local := elementNames(typ, x)
	p := newPlacement(def, x.Wrapper, len(parent) == 0)
	l.place(box, cel, p, x.Order, func(e *etree.Element) bool {
		return matches(e, local, x.HasChild) || e.Tag == cel.Tag
	})
}

// within reports whether el stands below box.
func within(el, box *etree.Element) bool {
	for p := el.Parent(); p != nil; p = p.Parent() {
		if p == box {
			return true
		}
	}
	return false
}

// writeAttr writes the change of attribute name from old to nw into the
// element el of the resource at addr. An attribute the definition does not
// place in the XML is written as an XML attribute of el, which holds a
// scalar only: a LIST, OBJECT or PROPERTY value there fails (ErrNotWritable)
// rather than be written as DMR text no reader takes back.
func (b *Binding) writeAttr(l layout, el *etree.Element, def *ops.Definition, name string,
	old, nw dmr.Value, addr ops.Address) error {
	var a *ops.Attribute
	if def != nil {
		a = def.Attribute(name)
	}
	rank := attrRank(def)
	if a == nil || a.XML == nil {
		if err := checkPlain(addr, name, a, nw); err != nil {
			return err
		}
		b.writePlain(el, name, nw, rank)
		return nil
	}
	if a.Storage == ops.Runtime || a.XML.Skip {
		return nil
	}
	w := attrWriter{l: l, el: el, def: def, a: a, x: a.XML, isRoot: len(addr) == 0}
	w.write(old, nw)
	return nil
}

// checkPlain returns an error wrapping ErrNotWritable when v, the value of
// attribute name of the resource at addr, cannot be an XML attribute: a
// complex value of an attribute without an XML form (a nil definition a
// means the attribute is not modelled, as in a lenient subsystem).
func checkPlain(addr ops.Address, name string, a *ops.Attribute, v dmr.Value) error {
	var kind string
	switch v.Type() {
	case dmr.List:
		kind = "a list"
	case dmr.Object:
		kind = "an object"
	case dmr.Property:
		kind = "a property"
	default:
		return nil
	}
	why := "the attribute is not modelled"
	if a != nil {
		why = "the attribute has no XML form"
	}
	return fmt.Errorf("attribute %s of %s %w: %s and its value is %s", name, addr.CLI(),
		ErrNotWritable, why, kind)
}

// writePlain sets or removes the XML attribute name of el.
func (b *Binding) writePlain(el *etree.Element, name string, v dmr.Value,
	rank func(string) int) {
	if !v.IsDefined() {
		removeAttr(el, name)
		return
	}
	setAttr(el, name, valueText(v), rank)
}

// layout returns the document's layout, learnt once.
func (b *Binding) layout() layout {
	if b.lay == nil {
		l := learnLayout(b.doc)
		b.lay = &l
	}
	return *b.lay
}

// unionKeys returns the keys of a, then the keys of b not in a.
func unionKeys(a, b dmr.Value) []string {
	keys := a.Keys()
	for _, k := range b.Keys() {
		if !a.Has(k) {
			keys = append(keys, k)
		}
	}
	return keys
}

// unionTypes returns the child types of a, then those of b not in a.
func unionTypes(a, b *ops.Resource) []string {
	types := a.ChildTypes()
	seen := map[string]bool{}
	for _, t := range types {
		seen[t] = true
	}
	for _, t := range b.ChildTypes() {
		if !seen[t] {
			types = append(types, t)
		}
	}
	return types
}
