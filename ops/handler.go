package ops

import (
	"wfcli/ops/dmr"
)

// context returns the Context a resource-specific operation handler gets.
func (t *txn) context(cl *call) *Context {
	return &Context{Root: t.root, Address: cl.addr, Definition: cl.def, Resource: cl.res,
		RootDefinition: t.c.def, Runtime: !t.c.AdminOnly(),
		Resolve: t.resolver().resolve, tx: t, call: cl}
}

// absorb takes what a handler recorded in its Context into the request.
func (t *txn) absorb(ctx *Context) {
	t.needs(ctx.Restart)
	for _, w := range ctx.Warnings {
		t.warn(ctx.call, w)
	}
	ctx.Warnings = nil
}

// validateParams checks a resource-specific operation's parameters against
// its definition (unknown, required, types, expressions) and returns the
// request with converted values.
func validateParams(o *Operation, cl *call) (dmr.Value, error) {
	if o.Handler == nil || (len(o.Params) == 0 && o.Name == "add") {
		return cl.op, nil
	}
	out := dmr.NewObject()
	names := make([]string, 0, len(o.Params))
	for _, p := range o.Params {
		names = append(names, p.Name)
	}
	for _, k := range cl.op.Keys() {
		v, _ := cl.op.Get(k)
		if reservedParams[k] || (o.Name == "add" && k == "add-index") {
			out.Set(k, v)
			continue
		}
		a := fieldNamed(o.Params, k)
		if a == nil {
			if cl.def.Lenient {
				out.Set(k, v)
				continue
			}
			return dmr.Value{}, errUnknownParameter(k, names)
		}
		x, err := Convert(a, v)
		if err != nil {
			return dmr.Value{}, err
		}
		out.Set(k, x)
	}
	for _, p := range o.Params {
		if x, _ := out.Get(p.Name); p.Required && !x.IsDefined() && !p.Default.IsDefined() {
			return dmr.Value{}, errNull(p.Name)
		}
	}
	return out, nil
}

// bind makes a Context built by hand (a handler's unit test) usable: its
// methods then run against Root, validated by RootDefinition (lenient when
// nil), and record restart levels in Restart.
func (c *Context) bind() {
	if c.tx != nil {
		return
	}
	ctl := NewController(c.Root, c.RootDefinition, Options{AdminOnly: !c.Runtime})
	c.tx = &txn{c: ctl, root: c.Root, write: true}
	def := c.Definition
	if def == nil {
		def, _ = definitionAt(ctl.def, c.Address)
	}
	if def == nil {
		def = lenientChild
	}
	c.call = &call{addr: c.Address, def: def, res: c.Resource}
	c.own = true
}

// settle copies the restart level a hand-made Context's request recorded.
func (c *Context) settle() {
	if c.own && c.tx.restart > c.Restart {
		c.Restart = c.tx.restart
	}
}

// Fail returns a management failure with WildFly's code (e.g. "WFLYCTL0216",
// or a subsystem's own such as "WFLYLOG0015") and a message built as
// fmt.Sprintf does. A handler returns it as its error; the request fails
// with that failure description and rolls back.
func (c *Context) Fail(code, format string, args ...any) error {
	return Failf(code, format, args...)
}

// ReloadRequired records that the change needs a reload before the running
// node applies it (ignored in admin-only mode).
func (c *Context) ReloadRequired() {
	if c.Restart < AllServices {
		c.Restart = AllServices
	}
}

// RestartRequired records that the change needs a restart of the process.
func (c *Context) RestartRequired() { c.Restart = JVM }

// Warn adds a warning to the response.
func (c *Context) Warn(msg string) { c.Warnings = append(c.Warnings, msg) }

// WriteAttribute writes attribute name of the target resource exactly as
// write-attribute does: name may use the enhanced syntax (properties.k),
// v is validated and converted against the definition (expressions, types,
// allowed values), an undefined v undefines, and the attribute's restart
// level is recorded. It fails when the target does not exist.
func (c *Context) WriteAttribute(name string, v dmr.Value) error {
	c.bind()
	defer c.settle()
	if c.call.res == nil {
		r, attached := c.tx.lookup(c.Address)
		c.call.res, c.call.virtual = r, r != nil && !attached
		c.Resource = c.call.res
	}
	if c.call.res == nil {
		return errNotFound(c.Address)
	}
	if !c.tx.write {
		return Failf("", "internal: %s changed the model in a read-only operation",
			c.call.name)
	}
	c.tx.changed = true
	if err := c.tx.writeAttr(c.call, name, v); err != nil {
		return err
	}
	return c.tx.settleVirtual(c.call)
}

// ReadAttribute returns attribute name of the target resource as
// read-attribute does with include-defaults: the value, else the default;
// undefined when the resource or attribute does not exist. The value is a
// copy.
func (c *Context) ReadAttribute(name string) dmr.Value {
	if c.Root == nil || c.Definition == nil {
		return dmr.Value{}
	}
	c.bind()
	res, _ := c.tx.lookup(c.Address)
	if res == nil {
		return dmr.Value{}
	}
	v := res.Attr(name)
	if a := c.Definition.Attribute(name); a != nil && !v.IsDefined() {
		v = a.Default
	}
	return v.Clone()
}

// Convert validates and converts v for attribute name of the target's
// definition, as write-attribute would, without writing it.
func (c *Context) Convert(name string, v dmr.Value) (dmr.Value, error) {
	c.bind()
	a, err := attributeOf(c.call, name)
	if err != nil {
		return dmr.Value{}, err
	}
	return Convert(a, v)
}

// Execute runs another operation within the same request (it sees and
// makes changes in the same private model, and commits or rolls back with
// it) and returns its result. Operation handlers use it to build on the
// global operations, e.g. a change-root-log-level that is a write-attribute
// of level. Its failure is returned as the error, unchanged.
func (c *Context) Execute(op dmr.Value) (dmr.Value, error) {
	c.bind()
	defer c.settle()
	if !c.tx.write && !c.tx.c.isReadOnly(op) {
		return dmr.Value{}, Failf("", "internal: %s ran a change in a read-only operation",
			c.call.name)
	}
	res, _, err := c.tx.run(op)
	r, attached := c.tx.lookup(c.Address)
	c.Resource, c.call.res, c.call.virtual = r, r, r != nil && !attached
	return res, err
}

// GenericAdd runs the generic add on the target address with op's
// parameters (validation, add-index, restart level), for an add handler
// that does more than the generic add.
func (c *Context) GenericAdd(op dmr.Value) error {
	c.bind()
	defer c.settle()
	cl := *c.call
	cl.name = "add"
	cl.op = op
	if cl.res != nil {
		return errDuplicate(c.Address)
	}
	if _, err := opAdd(c.tx, &cl); err != nil {
		return err
	}
	c.Resource = cl.res
	c.call.res = cl.res
	return nil
}

// NewRequest returns an operation request: {"operation" => name,
// "address" => a}; callers Set the parameters.
func NewRequest(name string, a Address) dmr.Value {
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString(name))
	op.Set("address", a.Value())
	return op
}
