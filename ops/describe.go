package ops

import (
	"sort"

	"wfcli/ops/dmr"
)

var restartNames = map[Restart]string{NoServices: "no-services",
	ResourceServices: "resource-services", AllServices: "all-services", JVM: "jvm"}

var accessNames = map[Access]string{ReadWrite: "read-write", ReadOnly: "read-only",
	Metric: "metric"}

// DescribeAttribute returns the description of a as read-resource-description
// prints it.
func DescribeAttribute(a *Attribute) dmr.Value {
	d := dmr.NewObject()
	d.Set("type", dmr.NewType(a.Type))
	d.Set("description", dmr.NewString(a.Description))
	d.Set("expressions-allowed", dmr.NewBool(a.Expressions))
	d.Set("required", dmr.NewBool(a.Required))
	d.Set("nillable", dmr.NewBool(!a.Required))
	if len(a.Alternatives) > 0 {
		d.Set("alternatives", stringList(a.Alternatives))
	}
	if a.References != nil {
		d.Set("capability-reference", dmr.NewString(a.References.Capability))
	}
	if a.Default.IsDefined() {
		d.Set("default", a.Default.Clone())
	}
	describeBounds(a, d)
	if len(a.Allowed) > 0 {
		d.Set("allowed", stringList(a.Allowed))
	}
	if len(a.Fields) > 0 {
		vt := dmr.NewObject()
		for _, f := range a.Fields {
			vt.Set(f.Name, DescribeAttribute(f))
		}
		d.Set("value-type", vt)
	} else if a.Type == dmr.List || a.Type == dmr.Object {
		if a.ValueType != dmr.Undefined {
			d.Set("value-type", dmr.NewType(a.ValueType))
		}
	}
	if a.Deprecated {
		dep := dmr.NewObject()
		dep.Set("since", dmr.NewString("0.0.0"))
		d.Set("deprecated", dep)
	}
	d.Set("access-type", dmr.NewString(accessNames[a.Access]))
	if a.Storage == Runtime {
		d.Set("storage", dmr.NewString("runtime"))
	} else {
		d.Set("storage", dmr.NewString("configuration"))
	}
	d.Set("restart-required", dmr.NewString(restartNames[a.Restart]))
	return d
}

func describeBounds(a *Attribute, d dmr.Value) {
	minK, maxK := "min", "max"
	if a.Type == dmr.String || a.Type == dmr.List {
		minK, maxK = "min-length", "max-length"
	}
	bound := func(n int64) dmr.Value {
		if a.Type == dmr.Long {
			return dmr.NewLong(n)
		}
		return dmr.NewInt(int32(n))
	}
	if a.Min != nil {
		d.Set(minK, bound(*a.Min))
	}
	if a.Max != nil {
		d.Set(maxK, bound(*a.Max))
	}
}

func stringList(ss []string) dmr.Value {
	l := dmr.NewList()
	for _, s := range ss {
		l.Append(dmr.NewString(s))
	}
	return l
}

type describeOptions struct {
	depth      int // -1 all
	operations bool
}

func opReadResourceDescription(t *txn, cl *call) (*opResult, error) {
	o := describeOptions{}
	rec, err := boolParam(cl.op, "recursive", false)
	if err != nil {
		return nil, err
	}
	depth, err := intParam(cl.op, "recursive-depth", 0)
	if err != nil {
		return nil, err
	}
	switch {
	case depth > 0:
		o.depth = depth
	case rec:
		o.depth = -1
	}
	if o.operations, err = boolParam(cl.op, "operations", false); err != nil {
		return nil, err
	}
	return result(t.describe(cl, o)), nil
}

// describe returns the description of cl's resource type.
func (t *txn) describe(cl *call, o describeOptions) dmr.Value {
	def := cl.def
	d := dmr.NewObject()
	desc := def.Description
	if def.Lenient && desc == "" {
		desc = "A resource this server does not model: any attribute, child and " +
			"operation is accepted without validation."
	}
	d.Set("description", dmr.NewString(desc))
	attrs := dmr.NewObject()
	for _, a := range def.Attributes {
		attrs.Set(a.Name, DescribeAttribute(a))
	}
	d.Set("attributes", attrs)
	if o.operations {
		ops := dmr.NewObject()
		for _, n := range t.operationNames(cl) {
			ops.Set(n, t.describeOperation(cl, n))
		}
		d.Set("operations", ops)
	} else {
		d.Set("operations", dmr.Value{})
	}
	d.Set("notifications", dmr.Value{})
	d.Set("children", t.describeChildren(cl, o))
	return d
}

func (t *txn) describeChildren(cl *call, o describeOptions) dmr.Value {
	children := dmr.NewObject()
	for _, ch := range cl.def.Children {
		c := dmr.NewObject()
		desc := ""
		if d := ch.DefinitionFor(childKeys(ch)[0]); d != nil {
			desc = d.Description
		}
		c.Set("description", dmr.NewString(desc))
		if o.depth == 0 {
			c.Set("model-description", dmr.Value{})
			children.Set(ch.Type, c)
			continue
		}
		sub := o
		if sub.depth > 0 {
			sub.depth--
		}
		md := dmr.NewObject()
		for _, n := range childKeys(ch) {
			d := ch.DefinitionFor(n)
			if d == nil {
				continue
			}
			md.Set(n, t.describe(&call{name: cl.name, addr: cl.addr.Child(ch.Type, n),
				def: d}, sub))
		}
		c.Set("model-description", md)
		children.Set(ch.Type, c)
	}
	return children
}

// childKeys are the names a child type is described under: its fixed names,
// or "*" and the names with a definition of their own.
func childKeys(ch *Child) []string {
	if len(ch.Names) > 0 {
		return ch.Names
	}
	ks := []string{"*"}
	for n := range ch.ByName {
		ks = append(ks, n)
	}
	sort.Strings(ks[1:])
	return ks
}

func opReadOperationDescription(t *txn, cl *call) (*opResult, error) {
	name, err := stringParam(cl.op, "name")
	if err != nil {
		return nil, err
	}
	for _, n := range t.operationNames(cl) {
		if n == name {
			return result(t.describeOperation(cl, name)), nil
		}
	}
	return nil, errNoOperation(name, cl.addr)
}

// describeOperation returns read-operation-description's result for name.
func (t *txn) describeOperation(cl *call, name string) dmr.Value {
	d := dmr.NewObject()
	d.Set("operation-name", dmr.NewString(name))
	o := cl.def.Operation(name)
	if o == nil && len(cl.addr) == 0 {
		for _, r := range t.c.opts.RootOperations {
			if r.Name == name {
				o = r
			}
		}
	}
	props := dmr.NewObject()
	desc, readOnly := globalDescriptions[name], readOnlyGlobals[name]
	switch {
	case o != nil && (o.Handler != nil || len(o.Params) > 0):
		desc, readOnly = o.Description, o.ReadOnly
		for _, p := range o.Params {
			props.Set(p.Name, DescribeAttribute(p))
		}
	case name == "add":
		for _, a := range cl.def.Attributes {
			if a.Storage == Configuration {
				props.Set(a.Name, DescribeAttribute(a))
			}
		}
		if orderedChild(t.c.def, cl.addr) && !cl.def.Lenient {
			props.Set("add-index", DescribeAttribute(&Attribute{Name: "add-index",
				Type: dmr.Int, Description: "The position of the new child among its " +
					"siblings (0 is first); it goes last when undefined."}))
		}
	default:
		for _, p := range globalParams[name] {
			props.Set(p.Name, DescribeAttribute(p))
		}
	}
	d.Set("description", dmr.NewString(desc))
	d.Set("request-properties", props)
	d.Set("reply-properties", dmr.NewObject())
	d.Set("read-only", dmr.NewBool(readOnly))
	d.Set("runtime-only", dmr.NewBool(false))
	return d
}
