package console

import (
	"strings"

	"wfcli/ops"
	"wfcli/ops/model"
)

// referenceValues returns the names attribute attr of the resource at addr
// may take when its definition says it names other resources (a data
// source's driver-name names a jdbc-driver): the names of those resources,
// read through the connection. It returns nil for any other attribute.
func (c *Completer) referenceValues(addr ops.Address, attr string) []string {
	d := definitionAt(addr)
	if d == nil {
		return nil
	}
	a := d.Attribute(attr)
	if a == nil || a.References == nil {
		return nil
	}
	var names []string
	for _, target := range a.References.Targets {
		base, typ := referenceBase(addr, target)
		names = append(names, c.childNames(base, typ)...)
	}
	return names
}

// definitionAt returns the definition of the resource at addr (a name of
// "*" stands for any), or nil when the model does not describe it.
func definitionAt(addr ops.Address) *ops.Definition {
	d := model.Root()
	for _, e := range addr {
		c := d.Child(e.Type)
		if c == nil {
			return nil
		}
		if d = c.DefinitionFor(e.Name); d == nil {
			return nil
		}
	}
	return d
}

// referenceBase returns the parent and the child type of the resources a
// reference target names: an absolute target ("/subsystem=datasources/
// jdbc-driver") gives its own, any other is a child type of the parent of
// the resource at addr.
func referenceBase(addr ops.Address, target string) (ops.Address, string) {
	if !strings.HasPrefix(target, "/") {
		return addr.Parent(), target
	}
	steps := strings.Split(strings.Trim(target, "/"), "/")
	var base ops.Address
	for _, s := range steps[:len(steps)-1] {
		t, n, _ := strings.Cut(s, "=")
		base = base.Child(t, n)
	}
	return base, steps[len(steps)-1]
}
