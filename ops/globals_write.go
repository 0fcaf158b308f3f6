package ops

import (
	"fmt"
	"slices"

	"wfcli/ops/dmr"
)

// reservedParams are request keys that are no operation parameters.
var reservedParams = map[string]bool{"operation": true, "address": true,
	"operation-headers": true}

// opAdd is the generic add: the parent must exist, the resource must not,
// every parameter must be a configuration attribute, required attributes
// must be given; add-index places an ordered child.
func opAdd(t *txn, cl *call) (*opResult, error) {
	if len(cl.addr) == 0 {
		return nil, errNoOperation(cl.name, cl.addr)
	}
	if cl.res != nil {
		return nil, errDuplicate(cl.addr)
	}
	parent, err := t.addParent(cl.addr)
	if err != nil {
		return nil, err
	}
	if err := checkCapability(t, cl, parent); err != nil {
		return nil, err
	}
	ordered := orderedChild(t.c.def, cl.addr)
	index, err := addIndex(cl, ordered)
	if err != nil {
		return nil, err
	}
	attrs, err := addAttributes(cl, ordered)
	if err != nil {
		return nil, err
	}
	for _, k := range attrs.Keys() {
		v, _ := attrs.Get(k)
		if err := t.checkExpressions(cl, k, v); err != nil {
			return nil, err
		}
	}
	r := NewResource()
	r.Attributes = attrs
	last := cl.addr.Last()
	replaceImplicit(childAt(t.c.def, cl.addr), parent, last.Name)
	parent.AddChild(last.Type, last.Name, r, index)
	cl.res = r
	t.touch(cl.addr)
	t.needs(cl.def.AddRestart)
	return noResult, nil
}

// addParent returns the model's parent of the resource an add creates,
// attaching it first when it exists only implicitly.
func (t *txn) addParent(a Address) (*Resource, error) {
	pa := a.Parent()
	if p := t.root.Navigate(pa); p != nil {
		return p, nil
	}
	if p, _ := t.lookup(pa); p != nil {
		if err := t.materialize(pa, p); err == nil {
			return p, nil
		}
	}
	return nil, errNoParent(t.firstMissing(a), a)
}

// checkCapability fails an add whose child type declares a capability that
// a sibling of another type already provides under the same name.
func checkCapability(t *txn, cl *call, parent *Resource) error {
	pdef, err := definitionAt(t.c.def, cl.addr.Parent())
	if err != nil || pdef.Lenient {
		return nil
	}
	last := cl.addr.Last()
	ch := pdef.Child(last.Type)
	if ch == nil || ch.Capability == "" {
		return nil
	}
	for _, other := range pdef.Children {
		if other.Capability != ch.Capability || parent.Child(other.Type, last.Name) == nil {
			continue
		}
		capName := ch.Capability + "." + cl.addr.Parent().Last().Name + "." + last.Name
		return Failf("WFLYCTL0436", "Cannot register capability '%s' at location '%s' "+
			"as it is already registered in context 'global' at location(s) '[%s]'",
			capName, cl.addr, cl.addr.Parent().Child(other.Type, last.Name))
	}
	return nil
}

// firstMissing returns the shortest prefix of a that does not exist.
func (t *txn) firstMissing(a Address) Address {
	for i := 1; i <= len(a); i++ {
		if r, _ := t.lookup(a[:i]); r == nil {
			return a[:i]
		}
	}
	return a
}

// orderedChild reports whether the resource at a is an ordered child (or
// any child of a lenient resource, which may be ordered for all we know).
func orderedChild(root *Definition, a Address) bool {
	pdef, err := definitionAt(root, a.Parent())
	if err != nil {
		return false
	}
	if pdef.Lenient {
		return true
	}
	ch := pdef.Child(a.Last().Type)
	return ch != nil && ch.Ordered
}

// addIndex reads add-index: only ordered child types accept it; -1 means
// append.
func addIndex(cl *call, ordered bool) (int, error) {
	v, ok := cl.op.Get("add-index")
	if !ok || !v.IsDefined() {
		return -1, nil
	}
	if !ordered {
		return -1, errUnknownParameter("add-index", addParamNames(cl.def, false))
	}
	n, err := v.AsInt64()
	if err != nil || v.Type() == dmr.Double {
		return -1, errWrongType("add-index", dmr.Int, v.Type())
	}
	if n < 0 {
		return -1, Failf("WFLYCTL0117", "%d is an invalid value for parameter add-index. "+
			"A minimum value of 0 is required", n)
	}
	return int(n), nil
}

// addAttributes validates the parameters of an add and returns the new
// resource's attributes.
func addAttributes(cl *call, ordered bool) (dmr.Value, error) {
	attrs := dmr.NewObject()
	for _, k := range cl.op.Keys() {
		if reservedParams[k] || k == "add-index" {
			continue
		}
		v, _ := cl.op.Get(k)
		a := cl.def.Attribute(k)
		if cl.def.Lenient {
			a = lenientAttribute(k)
		}
		if a == nil || a.Storage == Runtime {
			return dmr.Value{}, errUnknownParameter(k, addParamNames(cl.def, ordered))
		}
		x, err := Convert(a, v)
		if err != nil {
			return dmr.Value{}, err
		}
		if x.IsDefined() {
			attrs.Set(k, x)
		}
	}
	for _, a := range cl.def.Attributes {
		if err := checkRequired(a, attrs); err != nil {
			return dmr.Value{}, err
		}
		if err := checkAlternatives(a, attrs); err != nil {
			return dmr.Value{}, err
		}
	}
	return attrs, nil
}

// addParamNames lists what add accepts, for errUnknownParameter.
func addParamNames(d *Definition, ordered bool) []string {
	var ns []string
	for _, a := range d.Attributes {
		if a.Storage == Configuration {
			ns = append(ns, a.Name)
		}
	}
	if ordered {
		ns = append(ns, "add-index")
	}
	return ns
}

// checkRequired fails when a required attribute with no default is
// undefined in attrs, unless one of its alternatives is defined.
func checkRequired(a *Attribute, attrs dmr.Value) error {
	if !a.Required || a.Storage != Configuration || a.Default.IsDefined() {
		return nil
	}
	if v, _ := attrs.Get(a.Name); v.IsDefined() {
		return nil
	}
	for _, alt := range a.Alternatives {
		if v, _ := attrs.Get(alt); v.IsDefined() {
			return nil
		}
	}
	return errNull(a.Name)
}

// checkAlternatives fails when a and one of its alternatives are both
// defined in attrs.
func checkAlternatives(a *Attribute, attrs dmr.Value) error {
	if v, _ := attrs.Get(a.Name); !v.IsDefined() {
		return nil
	}
	for _, alt := range a.Alternatives {
		if v, _ := attrs.Get(alt); v.IsDefined() {
			return errCombination(a.Name, alt)
		}
	}
	return nil
}

// lenientAttribute is the definition of any attribute of a lenient
// resource: any type, expressions allowed, read-write.
func lenientAttribute(name string) *Attribute {
	return &Attribute{Name: name, Expressions: true, Access: ReadWrite,
		Storage: Configuration, Restart: AllServices}
}

// opRemove removes the resource and its children.
func opRemove(t *txn, cl *call) (*opResult, error) {
	if len(cl.addr) == 0 {
		return nil, errNoOperation(cl.name, cl.addr)
	}
	// Limitation: removing an implicit child that the model does not hold
	// changes nothing, and afterwards it still reads with its defaults;
	// WildFly removes it until the parent is added again.
	last := cl.addr.Last()
	if p := t.root.Navigate(cl.addr.Parent()); p != nil {
		p.RemoveChild(last.Type, last.Name)
	}
	t.needs(cl.def.RemoveRestart)
	return noResult, nil
}

func opWriteAttribute(t *txn, cl *call) (*opResult, error) {
	name, err := stringParam(cl.op, "name")
	if err != nil {
		return nil, err
	}
	v, _ := cl.op.Get("value")
	return noResult, t.writeAttr(cl, name, v)
}

func opUndefineAttribute(t *txn, cl *call) (*opResult, error) {
	name, err := stringParam(cl.op, "name")
	if err != nil {
		return nil, err
	}
	return noResult, t.writeAttr(cl, name, dmr.Value{})
}

// attributeOf returns the definition of attribute name of the call's
// resource, or WFLYCTL0201.
func attributeOf(cl *call, name string) (*Attribute, error) {
	if cl.def.Lenient {
		return lenientAttribute(name), nil
	}
	if a := cl.def.Attribute(name); a != nil {
		return a, nil
	}
	return nil, errUnknownAttribute(name)
}

// writeAttr is write-attribute: name may use the enhanced syntax, an
// undefined v undefines. It validates as WildFly does and records the
// restart level the attribute needs.
func (t *txn) writeAttr(cl *call, name string, v dmr.Value) error {
	root, steps, err := splitAttrName(cl.def, cl.res, name)
	if err != nil {
		return err
	}
	a, err := attributeOf(cl, root)
	if err != nil {
		return err
	}
	if a.Access != ReadWrite {
		return errNotWritable(root)
	}
	if len(steps) > 0 {
		if v, err = setPath(root, cl.res.Attr(root), steps, v); err != nil {
			return err
		}
	}
	x, err := Convert(a, v)
	if err != nil {
		return err
	}
	next := cl.res.Attributes.Clone()
	next.Set(root, x)
	if err := checkRequired(a, next); err != nil {
		return err
	}
	if err := checkAlternatives(a, next); err != nil {
		return err
	}
	if err := t.checkExpressions(cl, root, x); err != nil {
		return err
	}
	cl.res.SetAttr(root, x)
	t.needs(a.Restart)
	t.touch(cl.addr)
	return nil
}

// checkExpressions tries to resolve every expression in v, the new value of
// attribute name: one that cannot be resolved fails the change with
// Options.StrictExpressions, and adds a response warning without it.
func (t *txn) checkExpressions(cl *call, name string, v dmr.Value) error {
	switch v.Type() {
	case dmr.Expression:
		if _, err := t.resolver().resolve(v.Str()); err != nil {
			if t.c.opts.StrictExpressions {
				return err
			}
			t.warn(cl, fmt.Sprintf("Expression '%s' of attribute '%s' cannot be resolved: "+
				"it has no default, and no system property or environment variable "+
				"defines it", v.Str(), name))
		}
	case dmr.List:
		for _, it := range v.Items() {
			if err := t.checkExpressions(cl, name, it); err != nil {
				return err
			}
		}
	case dmr.Object:
		for _, k := range v.Keys() {
			x, _ := v.Get(k)
			if err := t.checkExpressions(cl, name, x); err != nil {
				return err
			}
		}
	}
	return nil
}

// opMapOrList runs map-put, map-remove, map-clear, list-add, list-remove and
// list-clear as a write of the whole attribute.
func opMapOrList(t *txn, cl *call) (*opResult, error) {
	name, err := stringParam(cl.op, "name")
	if err != nil {
		return nil, err
	}
	a, err := attributeOf(cl, name)
	if err != nil {
		return nil, err
	}
	cur := cl.res.Attr(name)
	next, err := collectionEdit(cl.name, name, a, cur, cl.op)
	if err != nil {
		return nil, err
	}
	return noResult, t.writeAttr(cl, name, next)
}

func collectionEdit(op, name string, a *Attribute, cur, req dmr.Value) (dmr.Value, error) {
	isMap := op == "map-put" || op == "map-remove" || op == "map-clear"
	want := dmr.List
	if isMap {
		want = dmr.Object
	}
	if a.Type != dmr.Undefined && a.Type != want {
		if isMap {
			return dmr.Value{}, errNotMap(name)
		}
		return dmr.Value{}, errNotList(name)
	}
	if cur.IsDefined() && cur.Type() != want {
		return dmr.Value{}, errWrongType(name, want, cur.Type())
	}
	if !cur.IsDefined() {
		cur = dmr.NewList()
		if isMap {
			cur = dmr.NewObject()
		}
	}
	cur = cur.Clone()
	if isMap {
		return mapEdit(op, cur, req)
	}
	return listEdit(op, name, cur, req)
}

func mapEdit(op string, cur, req dmr.Value) (dmr.Value, error) {
	if op == "map-clear" {
		return dmr.NewObject(), nil
	}
	key, err := stringParam(req, "key")
	if err != nil {
		return dmr.Value{}, err
	}
	if op == "map-remove" {
		cur.Remove(key)
		return cur, nil
	}
	v, _ := req.Get("value")
	cur.Set(key, v)
	return cur, nil
}

func listEdit(op, name string, cur, req dmr.Value) (dmr.Value, error) {
	if op == "list-clear" {
		return dmr.NewList(), nil
	}
	v, hasValue := req.Get("value")
	idx, hasIdx := req.Get("index")
	items := slices.Clone(cur.Items())
	at := -1
	if hasIdx && idx.IsDefined() {
		n, err := idx.AsInt64()
		if err != nil {
			return dmr.Value{}, errWrongType("index", dmr.Int, idx.Type())
		}
		at = int(n)
	}
	switch op {
	case "list-add":
		if !hasValue {
			return dmr.Value{}, errNull("value")
		}
		if at < 0 || at > len(items) {
			at = len(items)
		}
		items = slices.Insert(items, at, v)
	case "list-remove":
		if at < 0 && hasValue {
			at = slices.IndexFunc(items, func(x dmr.Value) bool {
				return x.Equal(v) || x.AsString() == v.AsString()
			})
			if at < 0 {
				return cur, nil
			}
		}
		if at < 0 || at >= len(items) {
			return dmr.Value{}, errBadIndex(at, name)
		}
		items = slices.Delete(items, at, at+1)
	}
	return dmr.NewList(items...), nil
}
