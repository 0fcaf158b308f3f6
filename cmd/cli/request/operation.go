package request

import (
	"wfcli/grammar"
	"wfcli/ops/dmr"
)

// Operation builds the request OBJECT of an operation as jboss-cli builds
// it: "address" (resolved against env.Node), "operation", the parameters in
// line order with their values typed by Value, then "operation-headers"
// (STRING values, and a "rollout-plan" OBJECT for a rollout header) when the
// request has headers. ${...} in the address, the operation name, parameter
// names and header names and values is resolved strictly; in parameter
// values only with env.ResolveParams. Errors are *grammar.Error with the
// position of the offending part.
func Operation(op *grammar.Operation, env Env) (dmr.Value, error) {
	b := &builder{op: op, env: env, text: op.Source}
	return b.build()
}

type builder struct {
	op   *grammar.Operation
	env  Env
	text string
}

func (b *builder) errAt(p grammar.Pos, format string, args ...any) error {
	return grammar.Errorf(b.text, p.Line, p.Off, format, args...)
}

func (b *builder) strict(p grammar.Pos, s string) (string, error) {
	v, err := Resolve(s, b.env, true)
	if err != nil {
		return "", b.errAt(p, "%s", err.Error())
	}
	return v, nil
}

func (b *builder) build() (dmr.Value, error) {
	req := dmr.NewObject()
	addr, err := b.address()
	if err != nil {
		return dmr.Value{}, err
	}
	req.Set("address", addr)

	name, err := b.strict(b.op.NamePos, b.op.Name)
	if err != nil {
		return dmr.Value{}, err
	}
	if !validName.MatchString(name) {
		return dmr.Value{}, b.errAt(b.op.NamePos, "'%s' is not a valid operation name.", name)
	}
	req.Set("operation", dmr.NewString(name))

	for _, p := range b.op.Params {
		if err := b.param(req, p); err != nil {
			return dmr.Value{}, err
		}
	}
	if len(b.op.Headers) > 0 {
		h, err := b.headers(b.op.Headers)
		if err != nil {
			return dmr.Value{}, err
		}
		req.Set("operation-headers", h)
	}
	return req, nil
}

// address resolves the request's address; an operation must target a node,
// so a path that ends on a type, on ".." or on "." is an error.
func (b *builder) address() (dmr.Value, error) {
	a := b.op.Address
	addr, typ, err := Address(a, b.text, b.env)
	if err != nil {
		return dmr.Value{}, err
	}
	if a != nil && len(a.Segments) > 0 && !a.TrailingSlash {
		last := a.Segments[len(a.Segments)-1]
		switch last.Kind {
		case grammar.ParentSegment, grammar.SelfSegment:
			word := map[grammar.SegmentKind]string{grammar.ParentSegment: "..",
				grammar.SelfSegment: "."}[last.Kind]
			return dmr.Value{}, b.errAt(last.Pos,
				"Node path format is wrong around '%s' (index=%d).", word, last.Off)
		}
	}
	if typ != "" {
		p, word := b.op.Pos, typ
		if a != nil && len(a.Segments) > 0 {
			last := a.Segments[len(a.Segments)-1]
			p = last.Pos
			if last.Kind == grammar.OpenSegment {
				return dmr.Value{}, b.errAt(p, "Node type is not complete at index %d",
					last.Off+len(last.Type)+1)
			}
		}
		return dmr.Value{}, b.errAt(p, "Node path format is wrong around '%s' (index=%d).",
			word, p.Off)
	}
	return addr.Value(), nil
}

func (b *builder) param(req dmr.Value, p *grammar.Param) error {
	name, err := b.strict(p.Pos, p.Name)
	if err != nil {
		return err
	}
	if name == "" {
		return b.errAt(p.Pos, "'=%s' is not a valid parameter name.", p.Value)
	}
	if p.HasEq && p.Value == "" {
		return b.errAt(p.Pos, "The argument value is not specified for %s: 'null'", name)
	}
	v, err := Value(p.Value, b.env)
	if err != nil {
		return b.errAt(p.ValuePos, "%s", err.Error())
	}
	req.Set(name, v)
	return nil
}

// Headers builds the "operation-headers" OBJECT of headers parsed by
// grammar.ParseHeaders (a command's --headers); text is the line they were
// parsed from, for error positions. Names and values are resolved strictly.
func Headers(hs []*grammar.Header, text string, env Env) (dmr.Value, error) {
	b := &builder{env: env, text: text}
	return b.headers(hs)
}

func (b *builder) headers(hs []*grammar.Header) (dmr.Value, error) {
	h := dmr.NewObject()
	for _, hd := range hs {
		if hd.Rollout != nil {
			plan, err := b.rollout(hd.Rollout)
			if err != nil {
				return dmr.Value{}, err
			}
			h.Set("rollout-plan", plan)
			continue
		}
		name, err := b.strict(hd.Pos, hd.Name)
		if err != nil {
			return dmr.Value{}, err
		}
		value, err := b.strict(hd.ValuePos, hd.Value)
		if err != nil {
			return dmr.Value{}, err
		}
		h.Set(name, dmr.NewString(value))
	}
	return h, nil
}

// rollout builds the "rollout-plan" header: {"in-series" => [step...]} with
// each step {"server-group" => {g => props}} or {"concurrent-groups" =>
// {g1 => props, g2 => props}}, then "rollback-across-groups" when given.
func (b *builder) rollout(r *grammar.Rollout) (dmr.Value, error) {
	plan := dmr.NewObject()
	if r.ID != "" {
		// Limitation: a stored plan (rollout id=name) needs the domain's
		// rollout-plans; the name is sent as jboss-cli would look it up.
		plan.Set("rollout-plan-id", dmr.NewString(r.ID))
		return plan, nil
	}
	series := dmr.NewList()
	for _, st := range r.Steps {
		groups := dmr.NewObject()
		for _, g := range st.Groups {
			props := dmr.Value{}
			if len(g.Props) > 0 {
				props = dmr.NewObject()
				for _, p := range g.Props {
					props.Set(p.Name, dmr.NewString(p.Value))
				}
			}
			groups.Set(g.Name, props)
		}
		key := "server-group"
		if len(st.Groups) > 1 {
			key = "concurrent-groups"
		}
		step := dmr.NewObject()
		step.Set(key, groups)
		series.Append(step)
	}
	plan.Set("in-series", series)
	if r.RollbackAcrossGroups != "" {
		plan.Set("rollback-across-groups", dmr.NewString(r.RollbackAcrossGroups))
	}
	return plan, nil
}
