package shell

import (
	"fmt"
	"strings"

	"wfcli/cmd/cli/request"
	"wfcli/grammar"
	"wfcli/ops/dmr"
)

// cmdDataSource is jboss-cli's generic type command over
// /subsystem=datasources/data-source=* (and xa-data-source=*):
// "data-source add --name=N --jndi-name=J ...", "data-source remove
// --name=N", any other resource operation by name, and with no operation a
// write-attribute for each --attr=value.
func cmdDataSource(s *Shell, l Line, pl *grammar.Line) error {
	reqs, err := s.dataSourceRequests(l, pl.Cmd)
	if err != nil {
		return err
	}
	if s.batch != nil {
		for _, r := range reqs {
			s.batch.Add(r, strings.TrimSpace(pl.Text), l)
		}
		return nil
	}
	req := reqs[0]
	if len(reqs) > 1 {
		req = (&Batch{steps: stepsOf(reqs)}).Request(dmr.Value{})
	}
	resp, err := s.execute(l, req)
	if err != nil {
		return err
	}
	if !isSuccess(resp) {
		return &Failure{Msg: failureDescription(resp)}
	}
	if r, _ := resp.Get("result"); r.IsDefined() && len(reqs) == 1 {
		s.println(formatValue(r, 0))
	}
	if h, ok := resp.Get("response-headers"); ok {
		s.println(headerTable(h))
	}
	return nil
}

func stepsOf(reqs []dmr.Value) []batchStep {
	steps := make([]batchStep, len(reqs))
	for i, r := range reqs {
		steps[i].op = r
	}
	return steps
}

// quoteName quotes a node name that holds characters special in paths.
func quoteName(n string) string {
	if strings.ContainsAny(n, "/=:\" ,") {
		return `"` + strings.ReplaceAll(n, `"`, `\"`) + `"`
	}
	return n
}

// dataSourceRequests builds the requests of one data-source command line.
func (s *Shell) dataSourceRequests(l Line, c *grammar.Command) ([]dmr.Value, error) {
	a := argsOf(c)
	name, ok := a.get("name")
	if !ok || name == "" {
		return nil, fmt.Errorf("Required argument --name is not specified.")
	}
	base := "/subsystem=datasources/" + c.Name + "=" + quoteName(name)
	action := ""
	if len(a.pos) > 0 {
		action = a.pos[0]
	}
	var props []kv
	propsArg, raw := "", ""
	for _, x := range c.Args {
		switch {
		case x.Name == "" || x.Name == "name" || x.Name == "headers":
		case x.Name == "connection-properties" || x.Name == "xa-datasource-properties":
			propsArg, raw = x.Name, x.Value
		default:
			props = append(props, kv{x.Name, x.Value})
		}
	}
	switch action {
	case "":
		return s.writeAttributes(l, base, props)
	case "add":
		reqs, err := s.opRequests(l, base, "add", props)
		if err != nil || propsArg == "" {
			return reqs, err
		}
		more, err := s.propertyChildren(l, base, propsArg, raw)
		return append(reqs, more...), err
	}
	return s.opRequests(l, base, action, props)
}

// kv is one --name=value argument, in line order.
type kv struct{ k, v string }

// opRequests builds base:op(params) through the CLI's own value typing.
//
// Limitation: the arguments are joined into operation text, so a value
// with an unbalanced bracket or quote, or a top-level ',' or ')', is read
// differently than jboss-cli reads the same command argument.
func (s *Shell) opRequests(l Line, base, op string, params []kv) ([]dmr.Value, error) {
	var parts []string
	for _, p := range params {
		parts = append(parts, p.k+"="+p.v)
	}
	req, err := s.requestOf(l, base+":"+op+"("+strings.Join(parts, ",")+")")
	if err != nil {
		return nil, err
	}
	return []dmr.Value{req}, nil
}

func (s *Shell) writeAttributes(l Line, base string, attrs []kv) ([]dmr.Value, error) {
	if len(attrs) == 0 {
		return nil, fmt.Errorf("Missing the operation name or attributes to write.")
	}
	var reqs []dmr.Value
	for _, p := range attrs {
		r, err := s.opRequests(l, base, "write-attribute",
			[]kv{{"name", p.k}, {"value", p.v}})
		if err != nil {
			return nil, err
		}
		reqs = append(reqs, r...)
	}
	return reqs, nil
}

// propertyChildren turns --connection-properties={k=v,...} into adds of
// child resources, as jboss-cli does in the same composite.
func (s *Shell) propertyChildren(l Line, base, arg, raw string) ([]dmr.Value, error) {
	v, err := request.Value(raw, s.env(l.Num))
	if err != nil {
		return nil, syntaxFailure(l, err)
	}
	items, err := v.AsList()
	if err != nil {
		return nil, fmt.Errorf("--%s must be a list of name=value pairs", arg)
	}
	var reqs []dmr.Value
	for _, it := range items {
		if it.Type() != dmr.Property {
			return nil, fmt.Errorf("--%s must be a list of name=value pairs", arg)
		}
		req, err := s.requestOf(l, base+"/"+arg+"="+quoteName(it.Str())+":add")
		if err != nil {
			return nil, err
		}
		req.Set("value", it.PropertyValue())
		reqs = append(reqs, req)
	}
	return reqs, nil
}
