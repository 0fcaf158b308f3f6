package shell

import (
	"fmt"
	"strings"

	"wfcli/grammar"
	"wfcli/ops/dmr"
)

// descriptionKeys are the facts of a parameter or reply description that
// read-operation prints, in this order, when the description has them.
var descriptionKeys = []string{"type", "value-type", "description", "expressions-allowed",
	"required", "nillable", "default", "allowed", "min", "max", "alternatives", "requires"}

// cmdReadOperation lists the operations of a node, or describes one from
// its read-operation-description.
func cmdReadOperation(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only("node"); err != nil {
		return err
	}
	node, _ := a.get("node")
	addr, typ, err := s.nodePath(l, node)
	if err != nil {
		return err
	}
	if typ != "" {
		return fmt.Errorf("The node path doesn't end on a node: %s", node)
	}
	if len(a.pos) == 0 {
		res, err := s.resultOf(l, opAt(addr, "read-operation-names"))
		if err != nil {
			return err
		}
		s.println(strings.TrimRight(Columns(itemStrings(res), s.columns()), "\n"))
		return nil
	}
	res, err := s.resultOf(l, opAt(addr, "read-operation-description",
		"name", dmr.NewString(a.pos[0])))
	if err != nil {
		return err
	}
	s.println(operationText(res))
	return nil
}

func itemStrings(v dmr.Value) []string {
	var out []string
	for _, it := range v.Items() {
		out = append(out, it.AsString())
	}
	return out
}

// operationText formats an operation description for reading: its
// description, each parameter with its facts, and its reply.
func operationText(d dmr.Value) string {
	var b strings.Builder
	b.WriteString("DESCRIPTION:\n\n  " + descText(d, "description") + "\n\nPARAMETERS:\n")
	params, _ := d.Get("request-properties")
	if len(params.Keys()) == 0 {
		b.WriteString("\n  n/a\n")
	}
	for _, name := range params.Keys() {
		p, _ := params.Get(name)
		b.WriteString("\n  " + name + "\n\n")
		writeFacts(&b, p)
	}
	b.WriteString("\nRESPONSE:\n\n")
	reply, _ := d.Get("reply-properties")
	if len(reply.Keys()) == 0 {
		b.WriteString("  n/a\n")
	}
	writeFacts(&b, reply)
	return strings.TrimRight(b.String(), "\n")
}

// writeFacts writes the facts of a description, one "key: value" a line.
func writeFacts(b *strings.Builder, desc dmr.Value) {
	for _, k := range descriptionKeys {
		v, ok := desc.Get(k)
		if !ok || !v.IsDefined() {
			continue
		}
		text := v.AsString()
		if v.Type() == dmr.List || v.Type() == dmr.Object {
			text = v.CompactString()
		}
		fmt.Fprintf(b, "    %-20s %s\n", k+":", text)
	}
}

// descriptionProperties returns the options of ls, in the order given,
// that name properties of attribute descriptions (--storage, --nillable
// ...), for the columns ls -l adds; they are meaningful only with -l.
func descriptionProperties(c *grammar.Command) []string {
	if !has(argsOf(c), "l") {
		return nil
	}
	var props []string
	for _, x := range c.Args {
		if x.Name != "" && !x.Dash1 && x.Name != "resolve-expressions" {
			props = append(props, x.Name)
		}
	}
	return props
}
