// Package dmr owns the value type of WildFly's management protocol (the
// "detyped model representation", jboss-dmr's ModelNode): typed values, their
// text form as jboss-dmr prints and parses it, and the JSON form of WildFly's
// HTTP API. It knows nothing of the management model that uses these values.
//
// The forms, each byte for byte as jboss-dmr 1.7 writes it:
//
//   - String: the multi-line text of ModelNode.toString, which the CLI
//     prints for responses and echo-dmr;
//   - CompactString: the one-line text of the compact writer, which
//     `echo-dmr --compact` prints (`{"a"=>1,"b"=>[1,2]}`);
//   - AsString: ModelNode.asString, the text of a scalar, one-line text
//     with " => " for the rest;
//   - JSONString: ModelNode.toJSONString, pretty (the CLI's --output-json)
//     or compact;
//   - JSONWire: the compact JSON the HTTP management API sends.
//
// Parse reads the text form with the strict grammar of ModelNode.fromString;
// ParseJSON reads either JSON form.
package dmr

import (
	"math/big"
)

// Type is the type of a Value, one of the fourteen jboss-dmr ModelTypes.
type Type int

// The DMR types, in jboss-dmr's order. The zero Type is Undefined.
const (
	Undefined Type = iota
	Boolean
	Int
	Long
	Double
	BigInteger
	BigDecimal
	String
	Bytes
	Expression
	List
	Object
	Property
	TypeType // a value whose content is itself a Type (jboss-dmr's TYPE)
)

var typeNames = [...]string{"UNDEFINED", "BOOLEAN", "INT", "LONG", "DOUBLE",
	"BIG_INTEGER", "BIG_DECIMAL", "STRING", "BYTES", "EXPRESSION", "LIST",
	"OBJECT", "PROPERTY", "TYPE"}

// String returns the type's upper-case name as jboss-dmr prints it (INT, STRING, ...).
func (t Type) String() string {
	if t < 0 || int(t) >= len(typeNames) {
		return "UNKNOWN"
	}
	return typeNames[t]
}

// TypeNamed returns the Type whose name is s (INT, STRING, ...), and false if
// there is none.
func TypeNamed(s string) (Type, bool) {
	for i, n := range typeNames {
		if n == s {
			return Type(i), true
		}
	}
	return Undefined, false
}

// Value is one DMR value. The zero Value is undefined.
//
// A Value is a small handle: lists and objects are held by pointer, so a copy
// of a Value shares its list or object with the original, and Set, Append and
// Remove on either are seen by both (as with jboss-dmr's ModelNode). Use Clone
// for an independent copy. A Value is not safe for concurrent mutation.
type Value struct {
	kind Type
	b    bool
	n    int64    // Int, Long
	f    float64  // Double
	s    string   // String, Expression, Property name, BigDecimal text
	big  *big.Int // BigInteger
	raw  []byte   // Bytes
	typ  Type     // TypeType
	list *listData
	obj  *objectData
	prop *Value // Property value
}

type listData struct{ items []Value }

// NewUndefined returns an undefined value; it equals the zero Value.
func NewUndefined() Value { return Value{} }

// NewBool returns a BOOLEAN value.
func NewBool(b bool) Value { return Value{kind: Boolean, b: b} }

// NewInt returns an INT value (32 bits, as Java's int).
func NewInt(n int32) Value { return Value{kind: Int, n: int64(n)} }

// NewLong returns a LONG value.
func NewLong(n int64) Value { return Value{kind: Long, n: n} }

// NewDouble returns a DOUBLE value.
func NewDouble(f float64) Value { return Value{kind: Double, f: f} }

// NewBigInteger returns a BIG_INTEGER value; a nil n is zero.
func NewBigInteger(n *big.Int) Value {
	if n == nil {
		n = new(big.Int)
	}
	return Value{kind: BigInteger, big: new(big.Int).Set(n)}
}

// NewBigDecimal returns a BIG_DECIMAL value from its decimal text in the
// syntax of Java's BigDecimal ("1.50", "1E+10", "-5e-3"). The value keeps
// its scale and is stored as BigDecimal.toString prints it ("1e10" becomes
// "1E+10", "1.50" stays "1.50"), so that equal values compare equal. Text
// Java would reject is stored as it is.
func NewBigDecimal(text string) Value {
	if c, ok := canonicalDecimal(text); ok {
		text = c
	}
	return Value{kind: BigDecimal, s: text}
}

// NewString returns a STRING value.
func NewString(s string) Value { return Value{kind: String, s: s} }

// NewBytes returns a BYTES value holding a copy of b.
func NewBytes(b []byte) Value { return Value{kind: Bytes, raw: append([]byte{}, b...)} }

// NewExpression returns an EXPRESSION value such as "${env.X:1}".
func NewExpression(s string) Value { return Value{kind: Expression, s: s} }

// NewList returns a LIST value holding items (the slice is copied).
func NewList(items ...Value) Value {
	return Value{kind: List, list: &listData{items: append([]Value{}, items...)}}
}

// NewObject returns an empty OBJECT value.
func NewObject() Value {
	return Value{kind: Object, obj: newObjectData()}
}

// NewProperty returns a PROPERTY value: a name and a value.
func NewProperty(name string, v Value) Value {
	return Value{kind: Property, s: name, prop: &v}
}

// NewType returns a TYPE value whose content is t.
func NewType(t Type) Value { return Value{kind: TypeType, typ: t} }

// Type returns the value's type.
func (v Value) Type() Type { return v.kind }

// IsDefined reports whether the value is anything but undefined.
func (v Value) IsDefined() bool { return v.kind != Undefined }

// Bool returns the content of a BOOLEAN value, false for any other type.
func (v Value) Bool() bool { return v.kind == Boolean && v.b }

// Int64 returns the content of an INT or LONG value, 0 for any other type.
func (v Value) Int64() int64 { return v.n }

// Float returns the content of a DOUBLE value, 0 for any other type.
func (v Value) Float() float64 { return v.f }

// Str returns the text of a STRING or EXPRESSION value, the name of a
// PROPERTY, the text of a BIG_DECIMAL, and "" for any other type. Use AsString
// for jboss-dmr's conversion of any value to a string.
func (v Value) Str() string { return v.s }

// BigInt returns the content of a BIG_INTEGER value (a copy), nil otherwise.
func (v Value) BigInt() *big.Int {
	if v.big == nil {
		return nil
	}
	return new(big.Int).Set(v.big)
}

// RawBytes returns the content of a BYTES value (not a copy), nil otherwise.
func (v Value) RawBytes() []byte { return v.raw }

// TypeContent returns the content of a TYPE value, Undefined otherwise.
func (v Value) TypeContent() Type { return v.typ }

// Len returns the number of items of a LIST, of keys of an OBJECT, and 0 for
// any other type.
func (v Value) Len() int {
	switch v.kind {
	case List:
		return len(v.list.items)
	case Object:
		return len(v.obj.keys)
	}
	return 0
}

// Items returns the items of a LIST (the slice is shared; do not modify it),
// nil for any other type.
func (v Value) Items() []Value {
	if v.kind != List {
		return nil
	}
	return v.list.items
}

// Index returns item i of a LIST, or an undefined value when i is out of range
// or v is no list.
func (v Value) Index(i int) Value {
	if v.kind != List || i < 0 || i >= len(v.list.items) {
		return Value{}
	}
	return v.list.items[i]
}

// Append adds x at the end of a LIST. It panics if v is no list, which is a
// programming error.
func (v Value) Append(x Value) {
	v.mustBe(List)
	v.list.items = append(v.list.items, x)
}

// SetIndex replaces item i of a LIST. It panics if v is no list or i is out of
// range.
func (v Value) SetIndex(i int, x Value) {
	v.mustBe(List)
	v.list.items[i] = x
}

// RemoveIndex removes item i of a LIST. It panics if v is no list or i is out
// of range.
func (v Value) RemoveIndex(i int) {
	v.mustBe(List)
	v.list.items = append(v.list.items[:i], v.list.items[i+1:]...)
}

// Keys returns the keys of an OBJECT in insertion order (a copy), nil for any
// other type.
func (v Value) Keys() []string {
	if v.kind != Object {
		return nil
	}
	return append([]string{}, v.obj.keys...)
}

// Get returns the value under key in an OBJECT, and whether the key exists.
// Any other type has no keys.
func (v Value) Get(key string) (Value, bool) {
	if v.kind != Object {
		return Value{}, false
	}
	i := v.obj.find(key)
	if i < 0 {
		return Value{}, false
	}
	return v.obj.vals[i], true
}

// Has reports whether an OBJECT has key.
func (v Value) Has(key string) bool {
	_, ok := v.Get(key)
	return ok
}

// Set stores x under key in an OBJECT; a new key goes last, an existing one
// keeps its place. It panics if v is no object, which is a programming error.
func (v Value) Set(key string, x Value) {
	v.mustBe(Object)
	v.obj.set(key, x)
}

// Remove deletes key from an OBJECT; a missing key is no error. It panics if v
// is no object.
func (v Value) Remove(key string) {
	v.mustBe(Object)
	v.obj.remove(key)
}

// PropertyValue returns the value of a PROPERTY, undefined for any other type.
func (v Value) PropertyValue() Value {
	if v.kind != Property {
		return Value{}
	}
	return *v.prop
}

// Clone returns a deep copy of v that shares nothing with it.
func (v Value) Clone() Value {
	switch v.kind {
	case List:
		c := NewList()
		for _, x := range v.list.items {
			c.list.items = append(c.list.items, x.Clone())
		}
		return c
	case Object:
		c := NewObject()
		for i, k := range v.obj.keys {
			c.obj.set(k, v.obj.vals[i].Clone())
		}
		return c
	case Property:
		return NewProperty(v.s, v.prop.Clone())
	case Bytes:
		return NewBytes(v.raw)
	case BigInteger:
		return NewBigInteger(v.big)
	}
	return v
}

// Equal reports whether v and o have the same type and content, comparing
// lists in order and objects key by key in order. Unlike jboss-dmr's equals,
// a NaN DOUBLE equals another NaN, so that a value always equals itself. A
// BIG_DECIMAL compares its scale too ("1.5" is not "1.50"), as in jboss-dmr.
func (v Value) Equal(o Value) bool {
	if v.kind != o.kind {
		return false
	}
	switch v.kind {
	case Undefined:
		return true
	case Boolean:
		return v.b == o.b
	case Int, Long:
		return v.n == o.n
	case Double:
		return v.f == o.f || (v.f != v.f && o.f != o.f)
	case BigInteger:
		return v.big.Cmp(o.big) == 0
	case String, Expression, BigDecimal:
		return v.s == o.s
	case Bytes:
		return string(v.raw) == string(o.raw)
	case TypeType:
		return v.typ == o.typ
	case Property:
		return v.s == o.s && v.prop.Equal(*o.prop)
	case List:
		return equalItems(v.list.items, o.list.items)
	case Object:
		return equalObjects(v.obj, o.obj)
	}
	return false
}

func equalItems(a, b []Value) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Equal(b[i]) {
			return false
		}
	}
	return true
}

func equalObjects(a, b *objectData) bool {
	if len(a.keys) != len(b.keys) {
		return false
	}
	for i, k := range a.keys {
		if b.keys[i] != k || !a.vals[i].Equal(b.vals[i]) {
			return false
		}
	}
	return true
}

func (v Value) mustBe(t Type) {
	if v.kind != t {
		panic("dmr: " + t.String() + " operation on a " + v.kind.String() + " value")
	}
}
