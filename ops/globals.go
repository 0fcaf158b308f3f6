package ops

import (
	"sort"

	"wfcli/ops/dmr"
)

// globalFunc runs a global operation. The caller has resolved the address
// and checked that the target exists (except for add).
type globalFunc func(t *txn, cl *call) (*opResult, error)

// globalOps are the operations every resource offers; init fills it
// (a literal would refer to itself through the describing operations).
var globalOps map[string]globalFunc

// readOnlyGlobals are the global operations that change nothing.
var readOnlyGlobals = map[string]bool{
	"read-resource": true, "read-attribute": true, "read-children-names": true,
	"read-children-types": true, "read-children-resources": true,
	"read-resource-description": true, "read-operation-names": true,
	"read-operation-description": true, "map-get": true, "list-get": true,
	"resolve-expression": true, "whoami": true, "validate-address": true,
}

// rootOnlyGlobals exist only on the root resource.
var rootOnlyGlobals = map[string]bool{
	"resolve-expression": true, "whoami": true, "validate-address": true, "reload": true,
	"shutdown": true,
}

func init() {
	globalOps = map[string]globalFunc{
		"add":                        opAdd,
		"remove":                     opRemove,
		"write-attribute":            opWriteAttribute,
		"undefine-attribute":         opUndefineAttribute,
		"read-attribute":             opReadAttribute,
		"read-resource":              opReadResource,
		"read-children-names":        opReadChildrenNames,
		"read-children-types":        opReadChildrenTypes,
		"read-children-resources":    opReadChildrenResources,
		"read-resource-description":  opReadResourceDescription,
		"read-operation-names":       opReadOperationNames,
		"read-operation-description": opReadOperationDescription,
		"map-put":                    opMapOrList,
		"map-remove":                 opMapOrList,
		"map-clear":                  opMapOrList,
		"map-get":                    opMapGet,
		"list-add":                   opMapOrList,
		"list-remove":                opMapOrList,
		"list-clear":                 opMapOrList,
		"list-get":                   opListGet,
		"resolve-expression":         rootOnly(opResolveExpression),
		"whoami":                     rootOnly(opWhoami),
		"validate-address":           rootOnly(opValidateAddress),
		"reload":                     rootOnly(opReload),
		"shutdown":                   rootOnly(opShutdown),
	}
}

func rootOnly(f globalFunc) globalFunc {
	return func(t *txn, cl *call) (*opResult, error) {
		if len(cl.addr) != 0 {
			return nil, errNoOperation(cl.name, cl.addr)
		}
		return f(t, cl)
	}
}

func opResolveExpression(t *txn, cl *call) (*opResult, error) {
	v, _ := cl.op.Get("expression")
	switch v.Type() {
	case dmr.Undefined:
		return result(dmr.Value{}), nil
	case dmr.String, dmr.Expression:
		s, err := t.resolver().resolve(v.Str())
		if err != nil {
			return nil, err
		}
		return result(dmr.NewString(s)), nil
	}
	return result(dmr.NewString(v.AsString())), nil
}

func opWhoami(t *txn, cl *call) (*opResult, error) {
	verbose, err := boolParam(cl.op, "verbose", false)
	if err != nil {
		return nil, err
	}
	user := t.c.opts.Identity
	if user == "" {
		user = "$local"
	}
	id := dmr.NewObject()
	id.Set("username", dmr.NewString(user))
	out := dmr.NewObject()
	out.Set("identity", id)
	if verbose {
		out.Set("mapped-roles", dmr.NewList(dmr.NewString("SuperUser")))
	}
	return result(out), nil
}

func opValidateAddress(t *txn, cl *call) (*opResult, error) {
	v, _ := cl.op.Get("value")
	if !v.IsDefined() {
		return nil, errNull("value")
	}
	a, err := AddressFromValue(v)
	if err != nil {
		return nil, Failf("", "%v", err)
	}
	out := dmr.NewObject()
	_, derr := definitionAt(t.c.def, a)
	if r, _ := t.lookup(a); derr == nil && r != nil {
		out.Set("valid", dmr.NewBool(true))
		return result(out), nil
	}
	out.Set("valid", dmr.NewBool(false))
	out.Set("problem", dmr.NewString(describeFailure(
		Failf("WFLYCTL0335", "Management resource '%s' not found", a))))
	return result(out), nil
}

// operationNames lists the operations of a resource, sorted.
func (t *txn) operationNames(cl *call) []string {
	var ns []string
	for n := range globalOps {
		if rootOnlyGlobals[n] && len(cl.addr) != 0 {
			continue
		}
		if (n == "add" || n == "remove") && len(cl.addr) == 0 {
			continue
		}
		ns = append(ns, n)
	}
	if len(cl.addr) == 0 {
		ns = append(ns, "composite")
		for _, o := range t.c.opts.RootOperations {
			ns = append(ns, o.Name)
		}
	}
	for _, o := range cl.def.Operations {
		ns = append(ns, o.Name)
	}
	sort.Strings(ns)
	return compactStrings(ns)
}

func compactStrings(s []string) []string {
	out := s[:0]
	for i, x := range s {
		if i == 0 || x != s[i-1] {
			out = append(out, x)
		}
	}
	return out
}

func opReadOperationNames(t *txn, cl *call) (*opResult, error) {
	l := dmr.NewList()
	for _, n := range t.operationNames(cl) {
		l.Append(dmr.NewString(n))
	}
	return result(l), nil
}
