package dmr

import (
	"fmt"
	"strconv"
	"strings"
)

// AsString converts v to a string as jboss-dmr's asString does: a STRING or
// EXPRESSION gives its text, numbers and booleans their plain text (a LONG
// without the L suffix), undefined gives "undefined", and a list, object or
// property gives its compact DMR text.
func (v Value) AsString() string {
	switch v.kind {
	case Undefined:
		return "undefined"
	case Boolean:
		return strconv.FormatBool(v.b)
	case Int, Long:
		return strconv.FormatInt(v.n, 10)
	case Double:
		return formatDouble(v.f)
	case BigInteger:
		return v.big.String()
	case String, Expression, BigDecimal:
		return v.s
	case TypeType:
		return v.typ.String()
	case Property:
		return "(" + quote(v.s) + " => " + v.prop.AsString() + ")"
	}
	return v.CompactString()
}

// AsBool converts v to a boolean as jboss-dmr does: BOOLEAN as is, numbers are
// true when non-zero, and the strings "true" and "false" (any case).
func (v Value) AsBool() (bool, error) {
	switch v.kind {
	case Boolean:
		return v.b, nil
	case Int, Long:
		return v.n != 0, nil
	case Double:
		return v.f != 0, nil
	case String:
		switch strings.ToLower(v.s) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return false, fmt.Errorf("%s is not a boolean", v.CompactString())
}

// AsInt64 converts v to an integer: INT and LONG as they are, DOUBLE
// truncated, BIG_INTEGER when it fits, and a STRING holding a decimal integer.
func (v Value) AsInt64() (int64, error) {
	switch v.kind {
	case Int, Long:
		return v.n, nil
	case Double:
		return int64(v.f), nil
	case BigInteger:
		if v.big.IsInt64() {
			return v.big.Int64(), nil
		}
	case String:
		n, err := strconv.ParseInt(strings.TrimSpace(v.s), 10, 64)
		if err == nil {
			return n, nil
		}
	}
	return 0, fmt.Errorf("%s is not an integer", v.CompactString())
}

// AsList returns the items of a LIST, the properties of an OBJECT (one
// PROPERTY per key), a PROPERTY as a one-item list, and an error otherwise.
func (v Value) AsList() ([]Value, error) {
	switch v.kind {
	case List:
		return v.list.items, nil
	case Object:
		var l []Value
		for _, k := range v.obj.keys {
			l = append(l, NewProperty(k, v.obj.vals[k]))
		}
		return l, nil
	case Property:
		return []Value{v}, nil
	}
	return nil, fmt.Errorf("%s is not a list", v.CompactString())
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r == '"' || r == '\\' {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

// formatDouble prints f as Java's Double.toString does.
func formatDouble(f float64) string {
	// Rough; the text-form work makes it exact.
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEIN") {
		s += ".0"
	}
	return s
}
