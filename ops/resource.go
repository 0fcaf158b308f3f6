package ops

import (
	"wfcli/ops/dmr"
)

// Resource is one node of the management model: its attributes and its
// children, grouped by child type. Child types keep the order in which they
// were first added, and children of one type keep their order (which matters
// for ordered children such as jgroups protocols).
//
// A Resource is not safe for concurrent mutation; the controller mutates only
// a private clone during an operation and publishes it when the operation
// commits.
type Resource struct {
	// Attributes holds the attributes that are set (defined or explicitly
	// undefined), as an OBJECT keyed by attribute name, in the order they were
	// set. It is never the zero Value.
	Attributes dmr.Value

	types []*childGroup
}

type childGroup struct {
	typ   string
	names []string
	items map[string]*Resource
}

// NewResource returns a resource with no attributes and no children.
func NewResource() *Resource {
	return &Resource{Attributes: dmr.NewObject()}
}

// Attr returns the value of attribute name; undefined when it is not set.
func (r *Resource) Attr(name string) dmr.Value {
	v, _ := r.Attributes.Get(name)
	return v
}

// SetAttr sets attribute name to v. An undefined v keeps the key with an
// undefined value (as WildFly's model does after undefine-attribute).
func (r *Resource) SetAttr(name string, v dmr.Value) { r.Attributes.Set(name, v) }

// ChildTypes returns the child types that have at least one child, in order.
func (r *Resource) ChildTypes() []string {
	var ts []string
	for _, g := range r.types {
		if len(g.names) > 0 {
			ts = append(ts, g.typ)
		}
	}
	return ts
}

// ChildNames returns the names of the children of type typ, in order.
func (r *Resource) ChildNames(typ string) []string {
	if g := r.group(typ); g != nil {
		return append([]string{}, g.names...)
	}
	return nil
}

// Child returns the child typ=name, or nil.
func (r *Resource) Child(typ, name string) *Resource {
	if g := r.group(typ); g != nil {
		return g.items[name]
	}
	return nil
}

// AddChild inserts c as typ=name. index is the position among the children of
// that type; a negative index or one past the end appends. An existing child of
// that name is replaced in place.
func (r *Resource) AddChild(typ, name string, c *Resource, index int) {
	g := r.group(typ)
	if g == nil {
		g = &childGroup{typ: typ, items: map[string]*Resource{}}
		r.types = append(r.types, g)
	}
	if _, ok := g.items[name]; ok {
		g.items[name] = c
		return
	}
	g.items[name] = c
	if index < 0 || index >= len(g.names) {
		g.names = append(g.names, name)
		return
	}
	g.names = append(g.names[:index], append([]string{name}, g.names[index:]...)...)
}

// RemoveChild removes typ=name and reports whether it existed.
func (r *Resource) RemoveChild(typ, name string) bool {
	g := r.group(typ)
	if g == nil {
		return false
	}
	if _, ok := g.items[name]; !ok {
		return false
	}
	delete(g.items, name)
	for i, n := range g.names {
		if n == name {
			g.names = append(g.names[:i], g.names[i+1:]...)
			break
		}
	}
	return true
}

// ChildIndex returns the position of typ=name among the children of its type,
// or -1.
func (r *Resource) ChildIndex(typ, name string) int {
	if g := r.group(typ); g != nil {
		for i, n := range g.names {
			if n == name {
				return i
			}
		}
	}
	return -1
}

// Navigate returns the resource at address a below r, or nil when any step is
// missing. Wildcards are not expanded.
func (r *Resource) Navigate(a Address) *Resource {
	cur := r
	for _, e := range a {
		if cur = cur.Child(e.Type, e.Name); cur == nil {
			return nil
		}
	}
	return cur
}

// Clone returns a deep copy of r and its whole subtree.
func (r *Resource) Clone() *Resource {
	c := &Resource{Attributes: r.Attributes.Clone()}
	for _, g := range r.types {
		cg := &childGroup{typ: g.typ, names: append([]string{}, g.names...),
			items: make(map[string]*Resource, len(g.items))}
		for n, ch := range g.items {
			cg.items[n] = ch.Clone()
		}
		c.types = append(c.types, cg)
	}
	return c
}

func (r *Resource) group(typ string) *childGroup {
	for _, g := range r.types {
		if g.typ == typ {
			return g
		}
	}
	return nil
}
