package ops

import (
	"fmt"
	"slices"

	"wfcli/ops/dmr"
)

// txn is one request in progress: the model it reads or changes, and what
// its steps collected (restart level, warnings, whether anything changed).
type txn struct {
	c    *Controller
	root *Resource
	// write is true when root is a private copy the request may change.
	write    bool
	restart  Restart
	changed  bool
	warnings []dmr.Value
	// touched are the resources the request added or whose attributes it
	// changed, for the reference check at its end.
	touched []touched
	// step is the number (from 1) of the top-level composite step running;
	// 0 outside a composite.
	step int
	// control is a :reload or :shutdown the request asked for; it runs once
	// the request has committed.
	control *control
	// allowServiceRestart is the operation header
	// allow-resource-service-restart of the request.
	allowServiceRestart bool
}

// call is one operation on one address.
type call struct {
	name string
	addr Address
	def  *Definition
	res  *Resource // the target; nil when it does not exist
	op   dmr.Value
	// virtual is true when res is not attached to the model: an implicit
	// child or a map entry's view (see lookup).
	virtual bool
}

func (c *Controller) newTxn(root *Resource, write bool, op dmr.Value) *txn {
	t := &txn{c: c, root: root, write: write}
	if h, ok := op.Get("operation-headers"); ok {
		if v, ok := h.Get("allow-resource-service-restart"); ok {
			t.allowServiceRestart, _ = v.AsBool()
		}
	}
	return t
}

func (t *txn) resolver() resolver { return resolver{c: t.c, root: t.root} }

// requires returns the restart level the committed changes leave the
// running node in: NoServices, AllServices (reload) or JVM (restart).
func (t *txn) requires() Restart {
	if t.c.AdminOnly() {
		return NoServices
	}
	switch {
	case t.restart >= JVM:
		return JVM
	case t.restart >= AllServices:
		return AllServices
	case t.restart == ResourceServices && !t.allowServiceRestart:
		return AllServices
	}
	return NoServices
}

// needs records that a change needs r before the running node applies it.
func (t *txn) needs(r Restart) {
	if r > t.restart {
		t.restart = r
	}
}

// run executes one operation (or composite) and returns its result, whether
// the response carries a result, and the failure.
func (t *txn) run(op dmr.Value) (dmr.Value, bool, error) {
	if op.Type() != dmr.Object {
		return dmr.Value{}, false, Failf("", "Operation request is not an OBJECT: %s",
			op.CompactString())
	}
	name := opName(op)
	av, _ := op.Get("address")
	addr, err := AddressFromValue(av)
	if err != nil {
		return dmr.Value{}, false, Failf("", "%v", err)
	}
	if name == "" {
		return dmr.Value{}, false, Failf("WFLYCTL0155", "'operation' may not be null")
	}
	if name == "composite" {
		return t.composite(op, addr)
	}
	if hasWildcard(addr) && describeOps[name] {
		return t.describeWildcard(name, addr, op)
	}
	if hasWildcard(addr) && readOnlyGlobals[name] {
		res, err := t.runWildcard(name, addr, op)
		return res, err == nil, err
	}
	return t.dispatch(name, addr, op)
}

// dispatch runs a non-composite operation on one concrete address.
func (t *txn) dispatch(name string, addr Address, op dmr.Value) (dmr.Value, bool, error) {
	if len(addr) == 0 {
		if o := t.c.rootOperation(op); o != nil {
			return t.runHandler(o, &call{name: name, addr: addr, def: t.c.def,
				res: t.root, op: op})
		}
	}
	def, err := definitionAt(t.c.def, addr)
	if err != nil {
		return dmr.Value{}, false, err
	}
	res, attached := t.lookup(addr)
	cl := &call{name: name, addr: addr, def: def, res: res, op: op,
		virtual: res != nil && !attached}
	if cl.virtual && name == "add" {
		cl.res = nil // an add creates what exists only implicitly
	}
	if cl.res == nil && def.Runtime && readOnlyGlobals[name] && t.exists(addr.Parent()) {
		// A runtime resource (statistics=pool) exists with its parent even
		// when the model holds nothing for it; its values come from
		// Options.RuntimeValue.
		cl.res = NewResource()
	}

	if o := def.Operation(name); o != nil && o.Handler != nil {
		if cl.res == nil && name != "add" && !managesExistence(def) {
			return dmr.Value{}, false, errNotFound(addr)
		}
		res, has, err := t.runHandler(o, cl)
		if err == nil && !o.ReadOnly {
			err = t.settleVirtual(cl)
		}
		return res, has, err
	}
	g, ok := globalOps[name]
	if !ok {
		return dmr.Value{}, false, errNoOperation(name, addr)
	}
	if def.Runtime && !readOnlyGlobals[name] {
		// A runtime resource exists only in the running node: nothing adds,
		// removes or configures it.
		return dmr.Value{}, false, errNoOperation(name, addr)
	}
	if cl.res == nil && !existenceOptional[name] {
		return dmr.Value{}, false, errNotFound(addr)
	}
	if !readOnlyGlobals[name] && !t.write {
		return dmr.Value{}, false, Failf("", "internal: %s ran without the management lock", name)
	}
	out, err := g(t, cl)
	if err == nil && !readOnlyGlobals[name] && name != "add" {
		err = t.settleVirtual(cl)
	}
	if err != nil {
		return dmr.Value{}, false, err
	}
	if !readOnlyGlobals[name] && !controlOps[name] {
		t.changed = true
		t.warnLenient(cl)
	}
	if out == noResult {
		return dmr.Value{}, false, nil
	}
	return out.v, true, nil
}

// managesExistence reports whether a definition's handlers decide
// themselves whether the resource exists: a definition with an add handler
// may describe a view that has no resource of its own in the model (jgroups
// property=<key>, an entry of the parent's properties), so its other
// handlers run, with a nil Context.Resource, when the model has no such
// child.
func managesExistence(d *Definition) bool {
	o := d.Operation("add")
	return o != nil && o.Handler != nil
}

// opResult is what a global operation returns: a result, or noResult for
// the operations whose response has no result key (add, write-attribute...).
type opResult struct{ v dmr.Value }

var noResult = &opResult{}

func result(v dmr.Value) *opResult { return &opResult{v: v} }

// runHandler runs a resource-specific operation after validating its
// parameters against the operation's definition.
func (t *txn) runHandler(o *Operation, cl *call) (dmr.Value, bool, error) {
	op, err := validateParams(o, cl)
	if err != nil {
		return dmr.Value{}, false, err
	}
	ctx := t.context(cl)
	res, err := o.Handler(ctx, op)
	t.absorb(ctx)
	if err != nil {
		return dmr.Value{}, false, err
	}
	if !o.ReadOnly {
		t.changed = true
		t.warnLenient(cl)
	}
	if !res.IsDefined() && o.ReplyType == dmr.Undefined {
		return dmr.Value{}, false, nil
	}
	return res, true, nil
}

// warnLenient adds the response warning that a change went to a resource
// this project does not model, so nothing was validated.
func (t *txn) warnLenient(cl *call) {
	if !cl.def.Lenient {
		return
	}
	what := "Resource " + cl.addr.CLI()
	if len(cl.addr) > 0 && cl.addr[0].Type == "subsystem" {
		if d, err := definitionAt(t.c.def, cl.addr[:1]); err == nil && d.Lenient {
			what = "Subsystem '" + cl.addr[0].Name + "'"
		}
	}
	t.warn(cl, what+" is not modelled by this server: the operation '"+cl.name+
		"' was applied without validation")
}

// warn adds a response warning in WildFly's form.
func (t *txn) warn(cl *call, text string) {
	for _, w := range t.warnings {
		if x, _ := w.Get("warning"); x.Str() == text {
			return
		}
	}
	w := dmr.NewObject()
	w.Set("warning", dmr.NewString(text))
	w.Set("level", dmr.NewString("WARNING"))
	o := dmr.NewObject()
	o.Set("operation", dmr.NewString(cl.name))
	o.Set("address", cl.addr.Value())
	w.Set("operation", o)
	t.warnings = append(t.warnings, w)
}

// composite runs the steps in order in this transaction; steps see the
// effects of earlier ones. On a failure every step response becomes failed
// and rolled back, and the failure names each failed step (WFLYCTL0062).
func (t *txn) composite(op dmr.Value, addr Address) (dmr.Value, bool, error) {
	stepsV, _ := op.Get("steps")
	if stepsV.Type() != dmr.List {
		if !stepsV.IsDefined() {
			return dmr.Value{}, false, errNull("steps")
		}
		return dmr.Value{}, false, errWrongType("steps", dmr.List, stepsV.Type())
	}
	steps := stepsV.Items()
	out := dmr.NewObject()
	for i := range steps {
		out.Set(stepName(i), dmr.Value{})
	}
	outer := t.step
	defer func() { t.step = outer }()
	for i, s := range steps {
		s = withPrefix(s, addr)
		if outer == 0 {
			t.step = i + 1
		}
		res, has, err := t.run(s)
		if err != nil {
			out.Set(stepName(i), failedStep(res, has, err))
			return t.failComposite(out, i)
		}
		out.Set(stepName(i), successStep(res, has))
	}
	return out, true, nil
}

func (t *txn) failComposite(out dmr.Value, failed int) (dmr.Value, bool, error) {
	desc := dmr.NewObject()
	for i, k := range out.Keys() {
		s, _ := out.Get(k)
		if i < failed {
			out.Set(k, rolledBack(s))
		}
		if fd, ok := s.Get("failure-description"); ok {
			desc.Set("Operation "+k, fd)
		}
	}
	f := dmr.NewObject()
	f.Set("WFLYCTL0062: Composite operation failed and was rolled back. Steps that failed:", desc)
	return out, true, &compositeFailure{desc: f}
}

func stepName(i int) string { return fmt.Sprintf("step-%d", i+1) }

func successStep(res dmr.Value, has bool) dmr.Value {
	s := dmr.NewObject()
	s.Set("outcome", dmr.NewString("success"))
	if has {
		s.Set("result", res)
	}
	return s
}

func failedStep(res dmr.Value, has bool, err error) dmr.Value {
	s := dmr.NewObject()
	s.Set("outcome", dmr.NewString("failed"))
	if has {
		s.Set("result", res)
	}
	s.Set("failure-description", failureValue(err))
	s.Set("rolled-back", dmr.NewBool(true))
	return s
}

// rolledBack returns a successful step response as it reads after the
// composite rolled back: outcome failed, rolled-back true.
func rolledBack(s dmr.Value) dmr.Value {
	if !s.IsDefined() {
		return s
	}
	r := dmr.NewObject()
	r.Set("outcome", dmr.NewString("failed"))
	for _, k := range s.Keys() {
		if k == "outcome" || k == "rolled-back" || k == "response-headers" {
			continue
		}
		v, _ := s.Get(k)
		if k == "result" && v.Type() == dmr.Object && isStepMap(v) {
			v = failSteps(v)
		}
		r.Set(k, v)
	}
	r.Set("rolled-back", dmr.NewBool(true))
	return r
}

func isStepMap(v dmr.Value) bool {
	ks := v.Keys()
	return len(ks) > 0 && ks[0] == "step-1"
}

// withPrefix makes a step's address relative to the composite's own
// address, as WildFly does for a composite sent to a non-root address.
func withPrefix(step dmr.Value, prefix Address) dmr.Value {
	if len(prefix) == 0 || step.Type() != dmr.Object {
		return step
	}
	av, _ := step.Get("address")
	a, err := AddressFromValue(av)
	if err != nil {
		return step
	}
	s := step.Clone()
	s.Set("address", append(slices.Clone(prefix), a...).Value())
	return s
}

// definitionAt returns the definition of the resource at a, or WFLYCTL0030
// when no definition is registered there. Every resource below a lenient
// one is lenient.
func definitionAt(root *Definition, a Address) (*Definition, error) {
	d := root
	for _, e := range a {
		if d.Lenient {
			d = lenientChild
			continue
		}
		ch := d.Child(e.Type)
		if ch == nil {
			return nil, errNoDefinition(a)
		}
		if len(ch.Names) > 0 && e.Name != "*" && !slices.Contains(ch.Names, e.Name) {
			return nil, errNoDefinition(a)
		}
		if d = ch.DefinitionFor(e.Name); d == nil && e.Name == "*" && len(ch.Names) > 0 {
			// A wildcard over types defined by name only (component=*):
			// any name's definition stands for the type.
			d = ch.DefinitionFor(ch.Names[0])
		}
		if d == nil {
			return nil, errNoDefinition(a)
		}
	}
	return d, nil
}

// lenientChild is the definition of every resource below a lenient one.
var lenientChild = &Definition{Lenient: true,
	Description: "A resource of a subsystem this server does not model."}

func hasWildcard(a Address) bool {
	for _, e := range a {
		if e.Name == "*" {
			return true
		}
	}
	return false
}

// runWildcard runs a read operation on every address a matches and returns
// WildFly's LIST form: one {address, outcome, result} per match.
func (t *txn) runWildcard(name string, a Address, op dmr.Value) (dmr.Value, error) {
	if _, err := definitionAt(t.c.def, a); err != nil {
		return dmr.Value{}, err
	}
	out := dmr.NewList()
	for _, m := range t.expand(a) {
		res, has, err := t.dispatch(name, m, op)
		if err != nil {
			continue
		}
		r := dmr.NewObject()
		r.Set("address", m.Value())
		r.Set("outcome", dmr.NewString("success"))
		if has {
			r.Set("result", res)
		}
		out.Append(r)
	}
	return out, nil
}

// existenceOptional are the global operations that run where no resource
// exists: add, and the operation descriptions (which the CLI reads to check
// an add's parameters before sending it).
var existenceOptional = map[string]bool{"add": true, "validate-address": true,
	"read-operation-names": true, "read-operation-description": true}

// describeOps describe a resource type, so they need no existing resource
// when the address has wildcards.
var describeOps = map[string]bool{"read-resource-description": true,
	"read-operation-names": true, "read-operation-description": true}

// describeWildcard runs a describing operation on a wildcard address: one
// result for the type; read-resource-description wraps it in WildFly's LIST
// form with the wildcard address.
func (t *txn) describeWildcard(name string, a Address, op dmr.Value) (dmr.Value, bool, error) {
	def, err := definitionAt(t.c.def, a)
	if err != nil {
		return dmr.Value{}, false, err
	}
	res, err := globalOps[name](t, &call{name: name, addr: a, def: def, res: NewResource(),
		op: op})
	if err != nil {
		return dmr.Value{}, false, err
	}
	if name != "read-resource-description" {
		return res.v, true, nil
	}
	r := dmr.NewObject()
	r.Set("address", a.Value())
	r.Set("outcome", dmr.NewString("success"))
	r.Set("result", res.v)
	return dmr.NewList(r), true, nil
}

// expand returns the existing addresses that a (with "*" names) matches,
// implicit children and map entries included.
func (t *txn) expand(a Address) []Address {
	found := []Address{{}}
	for _, e := range a {
		var next []Address
		for _, p := range found {
			r, _ := t.lookup(p)
			if r == nil {
				continue
			}
			if e.Name != "*" {
				if c, _ := t.lookup(p.Child(e.Type, e.Name)); c != nil {
					next = append(next, p.Child(e.Type, e.Name))
				}
				continue
			}
			for _, n := range childNamesOf(childAt(t.c.def, p.Child(e.Type, "*")), r,
				e.Type) {
				next = append(next, p.Child(e.Type, n))
			}
		}
		found = next
	}
	return found
}
