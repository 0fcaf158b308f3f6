package ops

import (
	"fmt"

	"wfcli/ops/dmr"
)

// PathElement is one step of an address: a child type and a child name, as in
// subsystem=jgroups. Name "*" is the wildcard of read operations.
type PathElement struct {
	Type string
	Name string
}

// Address is the path of a resource from the root: /subsystem=jgroups/stack=tcp.
// The empty Address is the root.
type Address []PathElement

// Child returns a new address one step below a.
func (a Address) Child(typ, name string) Address {
	c := make(Address, len(a), len(a)+1)
	copy(c, a)
	return append(c, PathElement{typ, name})
}

// Parent returns the address above a; the root's parent is the root.
func (a Address) Parent() Address {
	if len(a) == 0 {
		return a
	}
	return a[:len(a)-1]
}

// Last returns the last step of a, and the zero PathElement for the root.
func (a Address) Last() PathElement {
	if len(a) == 0 {
		return PathElement{}
	}
	return a[len(a)-1]
}

// CLI returns the address as the CLI writes it: /subsystem=jgroups/stack=tcp,
// or / for the root.
func (a Address) CLI() string {
	if len(a) == 0 {
		return "/"
	}
	s := ""
	for _, e := range a {
		s += "/" + e.Type + "=" + e.Name
	}
	return s
}

// Value returns the address in its DMR form: a LIST of PROPERTY values.
func (a Address) Value() dmr.Value {
	l := dmr.NewList()
	for _, e := range a {
		l.Append(dmr.NewProperty(e.Type, dmr.NewString(e.Name)))
	}
	return l
}

// String returns the address as WildFly's PathAddress prints it in failure
// descriptions: the DMR text of its LIST form, e.g. [("subsystem" => "x")],
// multi-line when it has two or more elements.
func (a Address) String() string { return a.Value().String() }

// AddressFromValue reads an address in any of the forms WildFly accepts: a
// LIST of PROPERTY, a LIST of single-key OBJECTs, a flat LIST of alternating
// type and name STRINGs, or an OBJECT. Undefined is the root.
func AddressFromValue(v dmr.Value) (Address, error) {
	switch v.Type() {
	case dmr.Undefined:
		return Address{}, nil
	case dmr.Object:
		var a Address
		for _, k := range v.Keys() {
			n, _ := v.Get(k)
			a = append(a, PathElement{k, n.AsString()})
		}
		return a, nil
	case dmr.List:
		return addressFromList(v.Items())
	}
	return nil, fmt.Errorf("invalid address %s", v.CompactString())
}

func addressFromList(items []dmr.Value) (Address, error) {
	var a Address
	for i := 0; i < len(items); i++ {
		it := items[i]
		switch it.Type() {
		case dmr.Property:
			a = append(a, PathElement{it.Str(), it.PropertyValue().AsString()})
		case dmr.Object:
			for _, k := range it.Keys() {
				n, _ := it.Get(k)
				a = append(a, PathElement{k, n.AsString()})
			}
		case dmr.String:
			if i+1 >= len(items) {
				return nil, fmt.Errorf("invalid address: type %q has no name", it.Str())
			}
			a = append(a, PathElement{it.Str(), items[i+1].AsString()})
			i++
		default:
			return nil, fmt.Errorf("invalid address element %s", it.CompactString())
		}
	}
	return a, nil
}
