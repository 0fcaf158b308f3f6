package dmr

// String returns the multi-line DMR text of v exactly as jboss-dmr's
// ModelNode.toString prints it.
func (v Value) String() string { return v.CompactString() }

// CompactString returns the one-line DMR text of v as the CLI's compact form
// prints it (entries joined by "," without a space).
func (v Value) CompactString() string {
	switch v.kind {
	case String:
		return quote(v.s)
	case List:
		s := "["
		for i, x := range v.list.items {
			if i > 0 {
				s += ","
			}
			s += x.CompactString()
		}
		return s + "]"
	case Object:
		s := "{"
		for i, k := range v.obj.keys {
			if i > 0 {
				s += ","
			}
			s += quote(k) + " => " + v.obj.vals[k].CompactString()
		}
		return s + "}"
	case Property:
		return "(" + quote(v.s) + " => " + v.prop.CompactString() + ")"
	case Long:
		return v.AsString() + "L"
	case Expression:
		return "expression " + quote(v.s)
	}
	return v.AsString()
}
