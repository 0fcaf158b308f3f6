package dmr

import (
	"fmt"
	"math/big"
	"strconv"
	"strings"
)

// AsString converts v to a string as jboss-dmr's asString does: a STRING or
// EXPRESSION gives its text, numbers and booleans their plain text (a LONG
// without the L suffix, a BIG_DECIMAL without "big decimal"), undefined gives
// "undefined", a TYPE its name, and bytes, lists, objects and properties
// their one-line DMR text with " => " (`{"a" => 1,"b" => 2}`), in which a
// property's value keeps its multi-line form, as in jboss-dmr.
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
		return v.bigText()
	case String, Expression, BigDecimal:
		return v.s
	case TypeType:
		return v.typ.String()
	}
	var b strings.Builder
	writeText(&b, v, 0, false)
	return b.String()
}

// AsBool converts v to a boolean as jboss-dmr does: BOOLEAN as is, numbers are
// true when non-zero, and the strings "true" and "false" (any case). Any other
// value is an error.
func (v Value) AsBool() (bool, error) {
	switch v.kind {
	case Boolean:
		return v.b, nil
	case Int, Long:
		return v.n != 0, nil
	case Double:
		return v.f != 0, nil
	case BigInteger:
		return v.big.Sign() != 0, nil
	case BigDecimal:
		if r, ok := new(big.Rat).SetString(v.s); ok {
			return r.Sign() != 0, nil
		}
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

// AsInt64 converts v to an integer as jboss-dmr's asLong does: INT and LONG
// as they are, DOUBLE and BIG_DECIMAL truncated, BIG_INTEGER when it fits,
// and a STRING holding a decimal integer (no spaces). Any other value is an
// error.
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
	case BigDecimal:
		if r, ok := new(big.Rat).SetString(v.s); ok {
			n := new(big.Int).Quo(r.Num(), r.Denom())
			if n.IsInt64() {
				return n.Int64(), nil
			}
		}
	case String:
		n, err := strconv.ParseInt(v.s, 10, 64)
		if err == nil {
			return n, nil
		}
	}
	return 0, fmt.Errorf("%s is not an integer", v.CompactString())
}

// AsList returns the items of a LIST, the properties of an OBJECT (one
// PROPERTY per key, in order), a PROPERTY as a one-item list, and an error
// for any other value. The items of a LIST are shared, not copied.
func (v Value) AsList() ([]Value, error) {
	switch v.kind {
	case List:
		return v.list.items, nil
	case Object:
		l := make([]Value, 0, len(v.obj.keys))
		for i, k := range v.obj.keys {
			l = append(l, NewProperty(k, v.obj.vals[i]))
		}
		return l, nil
	case Property:
		return []Value{v}, nil
	}
	return nil, fmt.Errorf("%s is not a list", v.CompactString())
}

func (v Value) bigText() string {
	if v.big == nil {
		return "0"
	}
	return v.big.String()
}
