package ops

import (
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"wfcli/ops/dmr"
)

// IsExpression reports whether s holds a ${...} expression as WildFly
// decides it: "${" occurs and a "}" follows it somewhere.
func IsExpression(s string) bool {
	i := strings.Index(s, "${")
	return i >= 0 && strings.LastIndex(s, "}") > i
}

// Convert checks v against the attribute definition a and returns the value
// to store, as write-attribute and add do: a STRING holding ${...} becomes
// an EXPRESSION when a allows expressions; other values are converted to
// a's type where WildFly converts them ("8080" for an INT) and checked
// against the allowed values and bounds. An undefined v is returned as is;
// callers check Required. The result shares nothing with v.
func Convert(a *Attribute, v dmr.Value) (dmr.Value, error) {
	if !v.IsDefined() {
		return v, nil
	}
	if v.Type() == dmr.String && a.Expressions && IsExpression(v.Str()) &&
		a.Type != dmr.List && a.Type != dmr.Object {
		return dmr.NewExpression(v.Str()), nil
	}
	if v.Type() == dmr.Expression {
		if !a.Expressions {
			return dmr.Value{}, errNoExpression(a.Name)
		}
		return v, nil
	}
	switch a.Type {
	case dmr.Undefined:
		return v.Clone(), nil
	case dmr.List:
		return convertList(a, v)
	case dmr.Object:
		return convertObject(a, v)
	}
	x, err := convertSimple(a, v)
	if err != nil {
		return dmr.Value{}, err
	}
	return x, checkRange(a, x)
}

func convertSimple(a *Attribute, v dmr.Value) (dmr.Value, error) {
	switch a.Type {
	case dmr.String:
		switch v.Type() {
		case dmr.String, dmr.Int, dmr.Long, dmr.Double, dmr.Boolean, dmr.BigInteger,
			dmr.BigDecimal:
			return dmr.NewString(v.AsString()), nil
		}
	case dmr.Int:
		if n, err := v.AsInt64(); err == nil && n >= math.MinInt32 && n <= math.MaxInt32 &&
			isNumberish(v) {
			return dmr.NewInt(int32(n)), nil
		}
	case dmr.Long:
		if n, err := v.AsInt64(); err == nil && isNumberish(v) {
			return dmr.NewLong(n), nil
		}
	case dmr.Boolean:
		if v.Type() == dmr.Boolean || v.Type() == dmr.String {
			if b, err := v.AsBool(); err == nil {
				return dmr.NewBool(b), nil
			}
		}
	case dmr.Double:
		if f, ok := asFloat(v); ok {
			return dmr.NewDouble(f), nil
		}
	case dmr.BigDecimal:
		if _, ok := asFloat(v); ok {
			return dmr.NewBigDecimal(strings.TrimSpace(v.AsString())), nil
		}
	case dmr.BigInteger:
		if n, ok := new(big.Int).SetString(strings.TrimSpace(v.AsString()), 10); ok &&
			isNumberish(v) {
			return dmr.NewBigInteger(n), nil
		}
	default:
		if v.Type() == a.Type {
			return v.Clone(), nil
		}
	}
	return dmr.Value{}, errWrongType(a.Name, a.Type, v.Type())
}

func isNumberish(v dmr.Value) bool {
	switch v.Type() {
	case dmr.Int, dmr.Long, dmr.BigInteger, dmr.String:
		return true
	}
	return false
}

func asFloat(v dmr.Value) (float64, bool) {
	switch v.Type() {
	case dmr.Int, dmr.Long:
		return float64(v.Int64()), true
	case dmr.Double:
		return v.Float(), true
	case dmr.String, dmr.BigDecimal, dmr.BigInteger:
		f, err := strconv.ParseFloat(strings.TrimSpace(v.AsString()), 64)
		return f, err == nil
	}
	return 0, false
}

// checkRange checks allowed values, numeric bounds and string lengths.
func checkRange(a *Attribute, x dmr.Value) error {
	if len(a.Allowed) > 0 {
		s := x.AsString()
		if !slices.Contains(a.Allowed, s) {
			return errNotAllowed(a.Name, s, a.Allowed)
		}
	}
	switch x.Type() {
	case dmr.Int, dmr.Long:
		n := x.Int64()
		if a.Min != nil && n < *a.Min {
			return Failf("WFLYCTL0117", "%d is an invalid value for parameter %s. "+
				"A minimum value of %d is required", n, a.Name, *a.Min)
		}
		if a.Max != nil && n > *a.Max {
			return Failf("WFLYCTL0116", "%d is an invalid value for parameter %s. "+
				"A maximum value of %d is required", n, a.Name, *a.Max)
		}
	case dmr.String:
		n := int64(len([]rune(x.Str())))
		if a.Min != nil && n < *a.Min {
			return Failf("WFLYCTL0113", "'%s' is an invalid value for parameter %s. "+
				"Values must have a minimum length of %d characters", x.Str(), a.Name, *a.Min)
		}
		if a.Max != nil && n > *a.Max {
			return Failf("WFLYCTL0112", "'%s' is an invalid value for parameter %s. "+
				"Values must have a maximum length of %d characters", x.Str(), a.Name, *a.Max)
		}
	}
	return nil
}

func convertList(a *Attribute, v dmr.Value) (dmr.Value, error) {
	if v.Type() != dmr.List {
		return dmr.Value{}, errWrongType(a.Name, dmr.List, v.Type())
	}
	item := itemAttribute(a)
	out := dmr.NewList()
	for _, it := range v.Items() {
		x, err := Convert(item, it)
		if err != nil {
			return dmr.Value{}, err
		}
		out.Append(x)
	}
	return out, nil
}

// itemAttribute is the definition an item of a LIST (or a value of a map)
// is checked against.
func itemAttribute(a *Attribute) *Attribute {
	if len(a.Fields) > 0 {
		return &Attribute{Name: a.Name, Type: dmr.Object, Fields: a.Fields,
			Expressions: a.Expressions}
	}
	return &Attribute{Name: a.Name, Type: a.ValueType, Expressions: a.Expressions}
}

func convertObject(a *Attribute, v dmr.Value) (dmr.Value, error) {
	v, ok := asObject(v)
	if !ok {
		return dmr.Value{}, errWrongType(a.Name, dmr.Object, v.Type())
	}
	out := dmr.NewObject()
	for _, k := range v.Keys() {
		item := itemAttribute(a)
		if len(a.Fields) > 0 {
			if item = fieldNamed(a.Fields, k); item == nil {
				return dmr.Value{}, errUnknownAttribute(k)
			}
		}
		x, _ := v.Get(k)
		x, err := Convert(item, x)
		if err != nil {
			return dmr.Value{}, err
		}
		out.Set(k, x)
	}
	for _, f := range a.Fields {
		if x, _ := out.Get(f.Name); f.Required && !x.IsDefined() {
			return dmr.Value{}, errNull(f.Name)
		}
	}
	return out, nil
}

// asObject accepts an OBJECT, or a LIST of PROPERTY values as the CLI's
// simplified parser may send a map.
func asObject(v dmr.Value) (dmr.Value, bool) {
	switch v.Type() {
	case dmr.Object:
		return v, true
	case dmr.Property:
		o := dmr.NewObject()
		o.Set(v.Str(), v.PropertyValue())
		return o, true
	case dmr.List:
		o := dmr.NewObject()
		for _, it := range v.Items() {
			if it.Type() != dmr.Property {
				return v, false
			}
			o.Set(it.Str(), it.PropertyValue())
		}
		return o, true
	}
	return v, false
}

func fieldNamed(fs []*Attribute, name string) *Attribute {
	for _, f := range fs {
		if f.Name == name {
			return f
		}
	}
	return nil
}
