package ops

import (
	"strconv"
	"strings"

	"wfcli/ops/dmr"
)

// attrStep is one step of WildFly's enhanced attribute syntax below the
// attribute itself: a map key (".key") or a list index ("[2]").
type attrStep struct {
	key   string
	index int
	isIdx bool
}

// splitAttrName splits an attribute name in the enhanced syntax
// (properties.schema, list[2], list[1].key) into the attribute and the
// steps below it. A name that is itself an attribute of def (or, on a
// lenient resource, of res) is taken whole.
func splitAttrName(def *Definition, res *Resource, name string) (string, []attrStep, error) {
	if def.Attribute(name) != nil || (def.Lenient && res != nil && res.Attributes.Has(name)) {
		return name, nil, nil
	}
	cut := strings.IndexAny(name, ".[")
	if cut <= 0 {
		return name, nil, nil
	}
	root, rest := name[:cut], name[cut:]
	var steps []attrStep
	for rest != "" {
		switch rest[0] {
		case '.':
			end := strings.IndexAny(rest[1:], ".[")
			if end < 0 {
				end = len(rest) - 1
			}
			steps = append(steps, attrStep{key: rest[1 : end+1]})
			rest = rest[end+1:]
		case '[':
			end := strings.IndexByte(rest, ']')
			if end < 0 {
				return "", nil, errUnknownAttribute(name)
			}
			n, err := strconv.Atoi(rest[1:end])
			if err != nil {
				return "", nil, errUnknownAttribute(name)
			}
			steps = append(steps, attrStep{index: n, isIdx: true})
			rest = rest[end+1:]
		default:
			return "", nil, errUnknownAttribute(name)
		}
	}
	return root, steps, nil
}

// getPath returns the part of v that steps select; a missing key gives
// undefined.
func getPath(name string, v dmr.Value, steps []attrStep) (dmr.Value, error) {
	for _, s := range steps {
		if s.isIdx {
			if v.Type() != dmr.List {
				return dmr.Value{}, errNotList(name)
			}
			if s.index < 0 || s.index >= v.Len() {
				return dmr.Value{}, errBadIndex(s.index, name)
			}
			v = v.Index(s.index)
			continue
		}
		if v.IsDefined() && v.Type() != dmr.Object {
			return dmr.Value{}, errNotMap(name)
		}
		v, _ = v.Get(s.key)
	}
	return v, nil
}

// setPath returns a copy of v with the part steps select replaced by x;
// missing maps along the way are created.
func setPath(name string, v dmr.Value, steps []attrStep, x dmr.Value) (dmr.Value, error) {
	if len(steps) == 0 {
		return x, nil
	}
	s := steps[0]
	if s.isIdx {
		if v.Type() != dmr.List {
			return dmr.Value{}, errNotList(name)
		}
		if s.index < 0 || s.index >= v.Len() {
			return dmr.Value{}, errBadIndex(s.index, name)
		}
		out := v.Clone()
		sub, err := setPath(name, v.Index(s.index), steps[1:], x)
		if err != nil {
			return dmr.Value{}, err
		}
		out.SetIndex(s.index, sub)
		return out, nil
	}
	if !v.IsDefined() {
		v = dmr.NewObject()
	}
	if v.Type() != dmr.Object {
		return dmr.Value{}, errNotMap(name)
	}
	out := v.Clone()
	cur, _ := v.Get(s.key)
	sub, err := setPath(name, cur, steps[1:], x)
	if err != nil {
		return dmr.Value{}, err
	}
	if !sub.IsDefined() && len(steps) == 1 {
		out.Remove(s.key)
		return out, nil
	}
	out.Set(s.key, sub)
	return out, nil
}

func errBadIndex(i int, name string) error {
	return Failf("WFLYCTL0391", "Index %d is out of range for attribute '%s'", i, name)
}

func errNotList(name string) error {
	return Failf("WFLYCTL0392", "Attribute '%s' is not a list", name)
}

func errNotMap(name string) error {
	return Failf("WFLYCTL0393", "Attribute '%s' is not a map", name)
}
