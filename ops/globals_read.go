package ops

import (
	"slices"
	"sort"

	"wfcli/ops/dmr"
)

// readOptions are the parameters of read-resource and
// read-children-resources.
type readOptions struct {
	depth     int // levels of children to read in full; -1 means all
	defaults  bool
	runtime   bool
	attrsOnly bool
	resolve   bool
}

func parseReadOptions(op dmr.Value) (readOptions, error) {
	o := readOptions{}
	var err error
	rec, err := boolParam(op, "recursive", false)
	if err != nil {
		return o, err
	}
	depth, err := intParam(op, "recursive-depth", 0)
	if err != nil {
		return o, err
	}
	switch {
	case depth > 0:
		o.depth = depth
	case rec:
		o.depth = -1
	}
	if o.defaults, err = boolParam(op, "include-defaults", true); err != nil {
		return o, err
	}
	if o.runtime, err = boolParam(op, "include-runtime", false); err != nil {
		return o, err
	}
	if o.attrsOnly, err = boolParam(op, "attributes-only", false); err != nil {
		return o, err
	}
	o.resolve, err = boolParam(op, "resolve-expressions", false)
	return o, err
}

func opReadResource(t *txn, cl *call) (*opResult, error) {
	o, err := parseReadOptions(cl.op)
	if err != nil {
		return nil, err
	}
	v, err := t.readResource(cl.addr, cl.def, cl.res, o)
	if err != nil {
		return nil, err
	}
	return result(v), nil
}

// readResource returns the read-resource result of res as WildFly
// assembles it: the attributes in alphabetical order, then the child types
// in alphabetical order.
func (t *txn) readResource(a Address, def *Definition, res *Resource,
	o readOptions) (dmr.Value, error) {
	out := dmr.NewObject()
	attrs := map[string]dmr.Value{}
	if err := t.readAttributes(a, def, res, o, attrs); err != nil {
		return dmr.Value{}, err
	}
	setSorted(out, attrs)
	if !o.attrsOnly {
		children := map[string]dmr.Value{}
		if err := t.readChildren(a, def, res, o, children); err != nil {
			return dmr.Value{}, err
		}
		setSorted(out, children)
	}
	return out, nil
}

// setSorted sets every entry of m in out, in the order of the keys.
func setSorted(out dmr.Value, m map[string]dmr.Value) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		out.Set(k, m[k])
	}
}

func (t *txn) readAttributes(a Address, def *Definition, res *Resource, o readOptions,
	into map[string]dmr.Value) error {
	if def.Lenient {
		for _, k := range res.Attributes.Keys() {
			v, err := t.outValue(res.Attr(k), o.resolve)
			if err != nil {
				return err
			}
			into[k] = v
		}
		return nil
	}
	for _, at := range def.Attributes {
		if at.Storage == Runtime && !o.runtime {
			continue
		}
		v, err := t.outValue(t.attrValue(a, at, res, o.defaults), o.resolve)
		if err != nil {
			return err
		}
		into[at.Name] = v
	}
	// Values the model holds without a definition (kept from the XML) show
	// too, as WildFly shows unregistered model keys.
	for _, k := range res.Attributes.Keys() {
		if _, seen := into[k]; !seen && def.Attribute(k) == nil {
			v, err := t.outValue(res.Attr(k), o.resolve)
			if err != nil {
				return err
			}
			into[k] = v
		}
	}
	return nil
}

// attrValue is the value read-attribute reports: the model's, else the
// default when defaults are wanted, and the process state for the root's
// state attributes.
func (t *txn) attrValue(a Address, at *Attribute, res *Resource, defaults bool) dmr.Value {
	if at.Storage == Runtime {
		if len(a) == 0 && at.Name == "server-state" {
			return dmr.NewString(t.c.ProcessState())
		}
		if len(a) == 0 && at.Name == "runtime-configuration-state" {
			if s := t.c.ProcessState(); s != StateRunning {
				return dmr.NewString(s)
			}
			return dmr.NewString("ok")
		}
		if len(a) == 0 && at.Name == "running-mode" {
			if t.c.AdminOnly() {
				return dmr.NewString("ADMIN_ONLY")
			}
			return dmr.NewString("NORMAL")
		}
		if f := t.c.opts.RuntimeValue; f != nil {
			if v, ok := f(a, at.Name); ok {
				return v
			}
		}
	}
	v := res.Attr(at.Name)
	if !v.IsDefined() && defaults {
		v = at.Default
	}
	return v
}

// outValue copies a model value into a response (so callers cannot reach
// the model through it), resolving expressions when asked.
func (t *txn) outValue(v dmr.Value, resolve bool) (dmr.Value, error) {
	if resolve {
		return t.resolver().resolveValue(v)
	}
	return v.Clone(), nil
}

func (t *txn) readChildren(a Address, def *Definition, res *Resource, o readOptions,
	into map[string]dmr.Value) error {
	for _, typ := range childTypes(def, res, o.runtime) {
		ch := knownChild(def, typ)
		names := childNamesOf(ch, res, typ)
		if len(names) == 0 {
			into[typ] = dmr.Value{}
			continue
		}
		m := dmr.NewObject()
		for _, n := range names {
			if o.depth == 0 {
				m.Set(n, dmr.Value{})
				continue
			}
			sub := o
			if sub.depth > 0 {
				sub.depth--
			}
			ca := a.Child(typ, n)
			cd, err := definitionAt(t.c.def, ca)
			if err != nil {
				return err
			}
			cr, _ := childOf(ch, res, typ, n)
			v, err := t.readResource(ca, cd, cr, sub)
			if err != nil {
				return err
			}
			m.Set(n, v)
		}
		into[typ] = m
	}
	return nil
}

// childTypes returns the child types read operations report: every
// registered type (runtime-only ones when runtime is set), and on a
// lenient resource the types it has.
func childTypes(def *Definition, res *Resource, runtime bool) []string {
	var ts []string
	if def.Lenient {
		ts = res.ChildTypes()
	} else {
		for _, ch := range def.Children {
			if !runtime && ch.Definition != nil && ch.Definition.Runtime {
				continue
			}
			ts = append(ts, ch.Type)
		}
	}
	sort.Strings(ts)
	return ts
}

func opReadAttribute(t *txn, cl *call) (*opResult, error) {
	name, err := stringParam(cl.op, "name")
	if err != nil {
		return nil, err
	}
	defaults, err := boolParam(cl.op, "include-defaults", true)
	if err != nil {
		return nil, err
	}
	resolve, err := boolParam(cl.op, "resolve-expressions", false)
	if err != nil {
		return nil, err
	}
	root, steps, err := splitAttrName(cl.def, cl.res, name)
	if err != nil {
		return nil, err
	}
	at, err := attributeOf(cl, root)
	if err != nil {
		return nil, err
	}
	v, err := getPath(root, t.attrValue(cl.addr, at, cl.res, defaults), steps)
	if err != nil {
		return nil, err
	}
	v, err = t.outValue(v, resolve)
	if err != nil {
		return nil, err
	}
	return result(v), nil
}

// knownChild returns the definition of child type typ of def; nil on a
// lenient resource.
func knownChild(def *Definition, typ string) *Child {
	if def.Lenient {
		return nil
	}
	return def.Child(typ)
}

// childTypeParam reads child-type and checks that the resource has it.
func childTypeParam(cl *call) (string, error) {
	typ, err := stringParam(cl.op, "child-type")
	if err != nil {
		return "", err
	}
	if !cl.def.Lenient && cl.def.Child(typ) == nil {
		return "", errUnknownChildType(typ)
	}
	return typ, nil
}

func opReadChildrenNames(t *txn, cl *call) (*opResult, error) {
	typ, err := childTypeParam(cl)
	if err != nil {
		return nil, err
	}
	singletons, err := boolParam(cl.op, "include-singletons", false)
	if err != nil {
		return nil, err
	}
	ch := knownChild(cl.def, typ)
	names := childNamesOf(ch, cl.res, typ)
	if singletons && ch != nil {
		// Every name the type is registered with, present or not.
		for _, n := range ch.Names {
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	l := dmr.NewList()
	for _, n := range names {
		l.Append(dmr.NewString(n))
	}
	return result(l), nil
}

func opReadChildrenTypes(t *txn, cl *call) (*opResult, error) {
	runtime, err := boolParam(cl.op, "include-runtime", false)
	if err != nil {
		return nil, err
	}
	l := dmr.NewList()
	for _, typ := range childTypes(cl.def, cl.res, runtime) {
		l.Append(dmr.NewString(typ))
	}
	return result(l), nil
}

func opReadChildrenResources(t *txn, cl *call) (*opResult, error) {
	typ, err := childTypeParam(cl)
	if err != nil {
		return nil, err
	}
	o, err := parseReadOptions(cl.op)
	if err != nil {
		return nil, err
	}
	out := dmr.NewObject()
	ch := knownChild(cl.def, typ)
	for _, n := range childNamesOf(ch, cl.res, typ) {
		ca := cl.addr.Child(typ, n)
		cd, err := definitionAt(t.c.def, ca)
		if err != nil {
			return nil, err
		}
		cr, _ := childOf(ch, cl.res, typ, n)
		v, err := t.readResource(ca, cd, cr, o)
		if err != nil {
			return nil, err
		}
		out.Set(n, v)
	}
	return result(out), nil
}

// opMapGet and opListGet read one entry of a map or list attribute.
func opMapGet(t *txn, cl *call) (*opResult, error) {
	name, err := stringParam(cl.op, "name")
	if err != nil {
		return nil, err
	}
	if _, err := attributeOf(cl, name); err != nil {
		return nil, err
	}
	key, err := stringParam(cl.op, "key")
	if err != nil {
		return nil, err
	}
	v, _ := cl.res.Attr(name).Get(key)
	return result(v.Clone()), nil
}

func opListGet(t *txn, cl *call) (*opResult, error) {
	name, err := stringParam(cl.op, "name")
	if err != nil {
		return nil, err
	}
	if _, err := attributeOf(cl, name); err != nil {
		return nil, err
	}
	i, err := intParam(cl.op, "index", -1)
	if err != nil {
		return nil, err
	}
	l := cl.res.Attr(name)
	if l.IsDefined() && l.Type() != dmr.List {
		return nil, errNotList(name)
	}
	if i < 0 || i >= l.Len() {
		return result(dmr.Value{}), nil
	}
	return result(l.Index(i).Clone()), nil
}

// param helpers: a missing or undefined parameter takes the default.

func boolParam(op dmr.Value, name string, def bool) (bool, error) {
	v, _ := op.Get(name)
	if !v.IsDefined() {
		return def, nil
	}
	b, err := v.AsBool()
	if err != nil {
		return false, errWrongType(name, dmr.Boolean, v.Type())
	}
	return b, nil
}

func intParam(op dmr.Value, name string, def int) (int, error) {
	v, _ := op.Get(name)
	if !v.IsDefined() {
		return def, nil
	}
	n, err := v.AsInt64()
	if err != nil {
		return 0, errWrongType(name, dmr.Int, v.Type())
	}
	return int(n), nil
}

// stringParam reads a required STRING parameter.
func stringParam(op dmr.Value, name string) (string, error) {
	v, _ := op.Get(name)
	if !v.IsDefined() {
		return "", errNull(name)
	}
	return v.AsString(), nil
}
