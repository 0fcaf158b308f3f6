package ops

import "slices"

// Some children exist without a resource of their own in the model: the
// implicit children of Child.Implicit (WildFly's required children, which
// its add handlers create with the parent) and the map-entry views of
// Child.MapKeys. The request sees them through lookup, as virtual resources
// that are not attached to the model; a change to an implicit one attaches
// it (materialize), so the persister writes its element only once an
// attribute is set.

// childAt returns the child type definition of the last step of a, walking
// from root; nil when a step has none or a lenient resource is crossed.
func childAt(root *Definition, a Address) *Child {
	if len(a) == 0 {
		return nil
	}
	d, err := definitionAt(root, a.Parent())
	if err != nil || d.Lenient {
		return nil
	}
	return d.Child(a.Last().Type)
}

// implicitPresent reports whether name is an implicit child of ch that
// exists only implicitly under parent: the model has no such child and,
// for a singleton type (Max 1), no other child of the type either.
func implicitPresent(ch *Child, parent *Resource, name string) bool {
	if ch == nil || !slices.Contains(ch.Implicit, name) ||
		parent.Child(ch.Type, name) != nil {
		return false
	}
	return ch.Max != 1 || len(parent.ChildNames(ch.Type)) == 0
}

// childOf returns the child typ=name of res, whose child type definition is
// ch (nil when unknown): the model's child (attached), a virtual one for an
// implicit child or a map entry, or nil.
func childOf(ch *Child, res *Resource, typ, name string) (r *Resource, attached bool) {
	if c := res.Child(typ, name); c != nil {
		return c, true
	}
	if ch == nil {
		return nil, false
	}
	if implicitPresent(ch, res, name) {
		return NewResource(), false
	}
	if ch.MapKeys != "" {
		if v, ok := res.Attr(ch.MapKeys).Get(name); ok {
			r := NewResource()
			r.SetAttr("value", v.Clone())
			return r, false
		}
	}
	return nil, false
}

// childNamesOf returns the names of the children of type typ of res that
// read operations list: the model's, in order, then the implicit ones that
// exist only implicitly, then the keys of a MapKeys attribute.
func childNamesOf(ch *Child, res *Resource, typ string) []string {
	names := res.ChildNames(typ)
	if ch == nil {
		return names
	}
	for _, n := range ch.Implicit {
		if implicitPresent(ch, res, n) {
			names = append(names, n)
		}
	}
	if ch.MapKeys != "" {
		for _, k := range res.Attr(ch.MapKeys).Keys() {
			if !slices.Contains(names, k) {
				names = append(names, k)
			}
		}
	}
	return names
}

// lookup returns the resource at a in the request's model, or nil; attached
// is false when it (or one of its ancestors) is virtual.
func (t *txn) lookup(a Address) (r *Resource, attached bool) {
	d, cur, attached := t.c.def, t.root, true
	for _, e := range a {
		var ch *Child
		if d != nil && !d.Lenient {
			ch = d.Child(e.Type)
		}
		next, att := childOf(ch, cur, e.Type, e.Name)
		if next == nil {
			return nil, false
		}
		cur, attached = next, attached && att
		switch {
		case d != nil && d.Lenient:
			d = lenientChild
		case ch != nil:
			d = ch.DefinitionFor(e.Name)
		default:
			d = nil
		}
	}
	return cur, attached
}

// exists reports whether the resource at a exists, implicitly or not.
func (t *txn) exists(a Address) bool {
	r, _ := t.lookup(a)
	return r != nil
}

// materialize attaches r as the resource at a, an implicit child that
// existed only virtually, after attaching its virtual ancestors. It goes
// among its siblings of the same type by their XML order, so that the
// persister writes its element where the schema wants it.
func (t *txn) materialize(a Address, r *Resource) error {
	ch := childAt(t.c.def, a)
	if len(a) == 0 || ch == nil || !slices.Contains(ch.Implicit, a.Last().Name) {
		return errNotFound(a)
	}
	parent := t.root.Navigate(a.Parent())
	if parent == nil {
		parent = NewResource()
		if err := t.materialize(a.Parent(), parent); err != nil {
			return err
		}
	}
	last := a.Last()
	parent.AddChild(last.Type, last.Name, r, orderIndex(ch, parent, last.Name))
	return nil
}

// orderIndex returns where child name of type ch goes among its siblings of
// the same type: before the first whose XML order is greater; -1 appends.
func orderIndex(ch *Child, parent *Resource, name string) int {
	order := func(n string) int {
		if d := ch.DefinitionFor(n); d != nil && d.XML != nil {
			return d.XML.Order
		}
		return 0
	}
	mine := order(name)
	if mine == 0 {
		return -1
	}
	for i, n := range parent.ChildNames(ch.Type) {
		if o := order(n); o > mine {
			return i
		}
	}
	return -1
}

// replaceImplicit removes, before name is added, the implicit children of a
// singleton type that the new child replaces (store=none when store=file
// is added), as WildFly's required singleton children are replaced.
func replaceImplicit(ch *Child, parent *Resource, name string) {
	if ch == nil || ch.Max != 1 || slices.Contains(ch.Implicit, name) {
		return
	}
	for _, n := range ch.Implicit {
		parent.RemoveChild(ch.Type, n)
	}
}

// isBlank reports whether r holds no defined attribute and no child: a
// virtual implicit child that a request left as it found it.
func isBlank(r *Resource) bool {
	for _, k := range r.Attributes.Keys() {
		if v, _ := r.Attributes.Get(k); v.IsDefined() {
			return false
		}
	}
	return len(r.ChildTypes()) == 0
}

// settleVirtual attaches the target of a successful change when it was a
// virtual implicit child that the change gave a value.
func (t *txn) settleVirtual(cl *call) error {
	if !cl.virtual || cl.res == nil || isBlank(cl.res) {
		return nil
	}
	if r, attached := t.lookup(cl.addr); attached && r != nil {
		return nil // the change itself attached it
	}
	if ch := childAt(t.c.def, cl.addr); ch == nil || !slices.Contains(ch.Implicit,
		cl.addr.Last().Name) {
		return nil // a map entry's view: its handlers changed the parent
	}
	return t.materialize(cl.addr, cl.res)
}
