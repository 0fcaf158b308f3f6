package shell

import (
	"fmt"
	"strings"

	"wfcli/cmd/cli/request"
	"wfcli/grammar"
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// node resolves a node path typed in a command (cd, ls, --node) against the
// current node. It returns the address and the type the path ends on, if
// it ends on one.
func (s *Shell) nodePath(l Line, path string) (ops.Address, string, error) {
	path = strings.TrimSpace(path)
	if path == "" {
		return s.node, s.nodeType, nil
	}
	if strings.Contains(path, "*") {
		return nil, "", fmt.Errorf("* is not supported in node path argument")
	}
	gop, _, err := grammar.ParseOperation(path+":read-resource", l.Num)
	if err != nil {
		return nil, "", syntaxFailure(l, err)
	}
	addr, typ, err := request.Address(gop.Address, gop.Text, s.env(l.Num))
	if err != nil {
		return nil, "", syntaxFailure(l, err)
	}
	return addr, typ, nil
}

// request returns an operation request OBJECT at addr.
func opAt(addr ops.Address, name string, params ...any) dmr.Value {
	op := dmr.NewObject()
	op.Set("address", addr.Value())
	op.Set("operation", dmr.NewString(name))
	for i := 0; i+1 < len(params); i += 2 {
		op.Set(params[i].(string), params[i+1].(dmr.Value))
	}
	return op
}

// cmdCd changes the current node, after checking that it exists unless
// --no-validation is given. Without a path it prints the current node.
func cmdCd(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only("no-validation"); err != nil {
		return err
	}
	if len(a.pos) == 0 {
		s.println(s.nodeText())
		return nil
	}
	addr, typ, err := s.nodePath(l, strings.Join(a.pos, " "))
	if err != nil {
		return err
	}
	if !has(a, "no-validation") {
		if err := s.validateNode(l, addr, typ); err != nil {
			return err
		}
	}
	s.node, s.nodeType = addr, typ
	return nil
}

// validateNode checks that a node (or a child type of it) exists.
func (s *Shell) validateNode(l Line, addr ops.Address, typ string) error {
	resp, err := s.execute(l, opAt(addr, "read-children-types"))
	if err != nil {
		return err
	}
	if !isSuccess(resp) {
		return fmt.Errorf("%s", failureDescription(resp))
	}
	if typ == "" {
		return nil
	}
	types, _ := resp.Get("result")
	for _, t := range types.Items() {
		if t.AsString() == typ {
			return nil
		}
	}
	return fmt.Errorf("Invalid target address: %s doesn't exist.", typ)
}

// nodeText is the current node as pwd prints it.
func (s *Shell) nodeText() string {
	if len(s.node) == 0 && s.nodeType == "" {
		return "/"
	}
	text := ""
	if len(s.node) > 0 {
		text = s.node.CLI()
	}
	if s.nodeType != "" {
		text += "/" + s.nodeType
	}
	return text
}

func cmdPwd(s *Shell, l Line, pl *grammar.Line) error {
	if err := argsOf(pl.Cmd).only(); err != nil {
		return err
	}
	s.println(s.nodeText())
	return nil
}

// cmdLs lists a node's child types and attributes (name=value), or the
// names of the children of a type, one per line as jboss-cli prints them
// when not on a terminal.
func cmdLs(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	props := descriptionProperties(pl.Cmd)
	if err := a.only(append(props, "l", "resolve-expressions")...); err != nil {
		return err
	}
	addr, typ, err := s.nodePath(l, strings.Join(a.pos, " "))
	if err != nil {
		return err
	}
	if typ != "" {
		names, err := s.resultOf(l, opAt(addr, "read-children-names",
			"child-type", dmr.NewString(typ)))
		if err != nil {
			return err
		}
		s.printItems(itemStrings(names), !has(a, "l"))
		return nil
	}
	if has(a, "l") {
		return s.listNodeLong(l, addr, has(a, "resolve-expressions"), props)
	}
	return s.listNode(l, addr, has(a, "resolve-expressions"))
}

// readNode returns a node's child types and its read-resource result.
func (s *Shell) readNode(l Line, addr ops.Address, resolve bool) (types, res dmr.Value,
	err error) {
	types, err = s.resultOf(l, opAt(addr, "read-children-types"))
	if err != nil {
		return types, res, err
	}
	params := []any{"include-runtime", dmr.NewBool(true)}
	if resolve {
		params = append(params, "resolve-expressions", dmr.NewBool(true))
	}
	res, err = s.resultOf(l, opAt(addr, "read-resource", params...))
	return types, res, err
}

func (s *Shell) listNode(l Line, addr ops.Address, resolve bool) error {
	types, res, err := s.readNode(l, addr, resolve)
	if err != nil {
		return err
	}
	isType := map[string]bool{}
	var items []string
	for _, t := range types.Items() {
		isType[t.AsString()] = true
		items = append(items, t.AsString())
	}
	for _, k := range res.Keys() {
		if !isType[k] {
			v, _ := res.Get(k)
			items = append(items, k+"="+v.AsString())
		}
	}
	s.printItems(items, true)
	return nil
}

// listNodeLong prints ls -l: an ATTRIBUTE VALUE TYPE table (plus a column
// for each description property asked for, as ls -l --storage does), a
// blank line, and a CHILD MIN-OCCURS MAX-OCCURS table, each sorted by name.
func (s *Shell) listNodeLong(l Line, addr ops.Address, resolve bool, props []string) error {
	types, res, err := s.readNode(l, addr, resolve)
	if err != nil {
		return err
	}
	desc, err := s.resultOf(l, opAt(addr, "read-resource-description"))
	if err != nil {
		return fmt.Errorf("Failed to get resource description: %w", err)
	}
	attrDescs, _ := desc.Get("attributes")
	childDescs, _ := desc.Get("children")
	isType := map[string]bool{}
	for _, t := range types.Items() {
		isType[t.AsString()] = true
	}
	header := []string{"ATTRIBUTE", "VALUE", "TYPE"}
	for _, p := range props {
		header = append(header, strings.ToUpper(p))
	}
	attrs := newTable(len(header), header...)
	children := newTable(3, "CHILD", "MIN-OCCURS", "MAX-OCCURS")
	for _, k := range res.Keys() {
		v, _ := res.Get(k)
		if !isType[k] {
			ad, _ := attrDescs.Get(k)
			cells := []string{k, v.AsString(), descText(ad, "type")}
			for _, p := range props {
				cells = append(cells, descText(ad, p))
			}
			attrs.add(cells...)
			continue
		}
		cd, _ := childDescs.Get(k)
		maxOccurs := descText(cd, "max-occurs")
		if maxOccurs == "2147483647" {
			maxOccurs = "unbounded"
		}
		children.add(k, descText(cd, "min-occurs"), maxOccurs)
	}
	var parts []string
	if len(attrs.rows) > 0 {
		parts = append(parts, attrs.String(true))
	}
	if len(children.rows) > 0 {
		parts = append(parts, children.String(true))
	}
	if len(parts) > 0 {
		s.println(strings.Join(parts, "\n\n"))
	}
	return nil
}

// descText returns a description's property as text, "n/a" when absent.
func descText(d dmr.Value, key string) string {
	v, ok := d.Get(key)
	if !ok || !v.IsDefined() {
		return "n/a"
	}
	return v.AsString()
}

// resultOf runs op and returns its result; a failed outcome is an error
// with the failure-description as its text.
func (s *Shell) resultOf(l Line, op dmr.Value) (dmr.Value, error) {
	resp, err := s.execute(l, op)
	if err != nil {
		return dmr.Value{}, err
	}
	if !isSuccess(resp) {
		return dmr.Value{}, fmt.Errorf("%s", failureDescription(resp))
	}
	r, _ := resp.Get("result")
	return r, nil
}

// cmdReadAttribute prints one attribute's value as jboss-cli formats it.
func cmdReadAttribute(s *Shell, l Line, pl *grammar.Line) error {
	op, err := s.readAttributeRequest(l, pl.Cmd)
	if err != nil {
		return err
	}
	if s.batch != nil {
		s.batch.Add(op, strings.TrimSpace(pl.Text), l)
		return nil
	}
	res, err := s.resultOf(l, op)
	if err != nil {
		return err
	}
	if res.IsDefined() {
		s.println(formatValue(res, 0))
	}
	return nil
}

// readAttributeRequest builds the request of read-attribute [--node=path]
// name [--include-defaults=bool].
func (s *Shell) readAttributeRequest(l Line, c *grammar.Command) (dmr.Value, error) {
	a := argsOf(c)
	if err := a.only("node", "include-defaults", "resolve-expressions"); err != nil {
		return dmr.Value{}, err
	}
	if len(a.pos) != 1 {
		return dmr.Value{}, fmt.Errorf("Required argument 'name' is not specified.")
	}
	node, _ := a.get("node")
	addr, typ, err := s.nodePath(l, node)
	if err != nil {
		return dmr.Value{}, err
	}
	if typ != "" {
		return dmr.Value{}, fmt.Errorf("The node path doesn't end on a node: %s", node)
	}
	params := []any{"name", dmr.NewString(a.pos[0])}
	if v, ok := a.get("include-defaults"); ok {
		params = append(params, "include-defaults", dmr.NewBool(v == "true"))
	}
	if v, ok := a.get("resolve-expressions"); ok {
		params = append(params, "resolve-expressions", dmr.NewBool(v == "true"))
	}
	return opAt(addr, "read-attribute", params...), nil
}

// formatValue formats a result as jboss-cli's read-attribute and
// data-source commands do: strings raw, lists and objects one item per
// line (object entries as key=value, nested lists indented by two).
func formatValue(v dmr.Value, indent int) string {
	switch v.Type() {
	case dmr.Undefined:
		return "n/a"
	case dmr.String, dmr.Boolean:
		return v.AsString()
	case dmr.List, dmr.Object:
		items, _ := v.AsList()
		lines := make([]string, 0, len(items))
		for _, it := range items {
			if it.Type() == dmr.List || it.Type() == dmr.Object {
				lines = append(lines, formatValue(it, indent+2))
			} else {
				lines = append(lines, strings.Repeat(" ", indent)+formatValue(it, indent))
			}
		}
		return strings.Join(lines, "\n")
	case dmr.Property:
		pv := v.PropertyValue()
		if pv.Type() == dmr.List || pv.Type() == dmr.Object {
			return v.Str() + "\n" + formatValue(pv, indent+2)
		}
		return v.Str() + "=" + formatValue(pv, indent)
	}
	return v.String()
}
