package console

import (
	"strings"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// headerNames are the operation headers jboss-cli completes after ')' in
// '{...}'; the boolean ones complete to true and false.
var headerNames = map[string]bool{
	"allow-resource-service-restart": true,
	"rollback-on-runtime-failure":    true,
	"blocking-timeout":               false,
	"rollout":                        false,
}

// attributeOps are the global operations whose name parameter names an
// attribute of the resource.
var attributeOps = map[string]bool{
	"read-attribute": true, "write-attribute": true, "undefine-attribute": true,
	"list-add": true, "list-remove": true, "list-get": true, "list-clear": true,
	"map-put": true, "map-remove": true, "map-get": true, "map-clear": true,
}

// readsAttribute are the attributeOps that only read the attribute; the
// others write it, so they apply to read-write attributes only.
var readsAttribute = map[string]bool{"read-attribute": true, "list-get": true,
	"map-get": true}

// attributeNames returns the names of the attribute descriptions attrs; with
// writable, only those whose access-type is read-write (or not given): a
// read-only attribute or a metric cannot be written.
func attributeNames(attrs dmr.Value, writable bool) []string {
	var names []string
	for _, name := range attrs.Keys() {
		desc, _ := attrs.Get(name)
		access, _ := desc.Get("access-type")
		if writable && access.IsDefined() && access.AsString() != "read-write" {
			continue
		}
		names = append(names, name)
	}
	return names
}

// parameters completes the parameter list of operation name at addr; text
// is what follows '('. It returns the candidates and where the word starts
// in text.
func (c *Completer) parameters(addr ops.Address, name, text string) ([]string, int) {
	parts := splitTop(text, ',')
	last := parts[len(parts)-1]
	lastStart := len(text) - len(last)
	given := map[string]string{}
	for _, p := range parts[:len(parts)-1] {
		k, v, _ := strings.Cut(p, "=")
		given[strings.TrimSpace(k)] = unquoteName(strings.TrimSpace(v))
	}
	eq := strings.IndexByte(last, '=')
	if eq < 0 {
		word := strings.TrimLeft(last, " \t")
		var names []string
		for _, k := range c.requestProperties(addr, name).Keys() {
			if _, ok := given[k]; !ok {
				names = append(names, k)
			}
		}
		return filter(names, word), lastStart + len(last) - len(word)
	}
	pname := strings.TrimSpace(last[:eq])
	value := last[eq+1:]
	word := strings.TrimLeft(value, " \t")
	start := lastStart + eq + 1 + len(value) - len(word)
	if strings.HasPrefix(word, "[") {
		// An item of a LIST value: [a, b, <item>.
		cut := strings.LastIndexAny(word, "[,") + 1
		item := strings.TrimLeft(word[cut:], " \t")
		start += len(word) - len(item)
		word = item
	}
	return filter(c.parameterValues(addr, name, pname, given), word), start
}

// parameterValues returns the values parameter pname of operation op may
// take, where the model knows them: attribute names, child types, the
// values a write-attribute's attribute allows, booleans, allowed values.
func (c *Completer) parameterValues(addr ops.Address, op, pname string,
	given map[string]string) []string {
	switch {
	case attributeOps[op] && pname == "name":
		return attributeNames(c.attributes(addr), !readsAttribute[op])
	case op == "write-attribute" && pname == "value":
		desc, _ := c.attributes(addr).Get(given["name"])
		return orReferences(knownValues(desc), c, addr, given["name"])
	case pname == "child-type":
		return c.childTypes(addr)
	}
	desc, _ := c.requestProperties(addr, op).Get(pname)
	if op != "add" {
		return knownValues(desc)
	}
	return orReferences(knownValues(desc), c, addr, pname)
}

// orReferences returns values, or when there are none the names attribute
// attr of the resource at addr may reference.
func orReferences(values []string, c *Completer, addr ops.Address, attr string) []string {
	if len(values) > 0 {
		return values
	}
	return c.referenceValues(addr, attr)
}

// knownValues returns the values a description allows: true and false for
// a BOOLEAN, else its allowed values, else none.
func knownValues(desc dmr.Value) []string {
	if t, _ := desc.Get("type"); t.Type() == dmr.TypeType && t.TypeContent() == dmr.Boolean {
		return []string{"false", "true"}
	}
	allowed, _ := desc.Get("allowed")
	return listStrings(allowed)
}

// headers completes the headers after an operation's ')': names in
// '{...}', then true or false for the boolean ones.
func (c *Completer) headers(text string) ([]string, int) {
	open := strings.IndexByte(text, '{')
	if open < 0 {
		return nil, len(text)
	}
	inner := text[open+1:]
	items := strings.Split(inner, ";")
	last := items[len(items)-1]
	lastStart := open + 1 + len(inner) - len(last)
	if eq := strings.IndexByte(last, '='); eq >= 0 {
		name := strings.TrimSpace(last[:eq])
		value := last[eq+1:]
		word := strings.TrimLeft(value, " \t")
		var cands []string
		if headerNames[name] {
			cands = []string{"false", "true"}
		}
		return filter(cands, word), lastStart + eq + 1 + len(value) - len(word)
	}
	word := strings.TrimLeft(last, " \t")
	names := make([]string, 0, len(headerNames))
	for n := range headerNames {
		names = append(names, n)
	}
	return filter(names, word), lastStart + len(last) - len(word)
}
