package xmlmodel

import (
	"math/big"
	"strconv"
	"strings"

	"github.com/beevik/etree"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// readAttribute reads attribute a of the resource whose element is el, and
// reports whether the XML defines it.
func readAttribute(el *etree.Element, a *ops.Attribute) (dmr.Value, bool) {
	if a.Storage == ops.Runtime {
		return dmr.Value{}, false
	}
	x := a.XML
	if x == nil {
		return readXMLAttr(el, a.Name, a.Type)
	}
	if x.Skip {
		return dmr.Value{}, false
	}
	at := findPath(el, x.Path)
	if at == nil {
		return dmr.Value{}, false
	}
	switch x.Form {
	case ops.Presence:
		return readPresence(at, x)
	case ops.SpaceList, ops.CommaList:
		return readJoinedList(at, a, x)
	case ops.ItemList:
		return readItemList(at, a, x)
	case ops.PropertyMap:
		return readPropertyMap(at, a, x)
	case ops.FieldObject:
		return readFieldObject(at, a), true
	}
	s, ok := plainText(at, x)
	if !ok {
		return dmr.Value{}, false
	}
	return modelCase(textValue(s, a.Type), x), true
}

// modelCase returns v as the model spells it: in capitals when x says the
// XML spells a STRING in lower case (see ops.XMLAttribute.UpperCase).
func modelCase(v dmr.Value, x *ops.XMLAttribute) dmr.Value {
	if x == nil || !x.UpperCase || v.Type() != dmr.String {
		return v
	}
	return dmr.NewString(strings.ToUpper(v.Str()))
}

// xmlText returns the XML spelling of the scalar v of an attribute placed
// by x (nil for the convention): valueText, in lower case when x says so.
func xmlText(v dmr.Value, x *ops.XMLAttribute) string {
	if x != nil && x.UpperCase && v.Type() == dmr.String {
		return strings.ToLower(v.Str())
	}
	return valueText(v)
}

// plainText returns the text of a Plain attribute: the XML attribute x
// names, or else the text of the element at x's Path (the resource's own
// element when Path is "").
func plainText(at *etree.Element, x *ops.XMLAttribute) (string, bool) {
	if x.Attr != "" {
		return attrText(at, x.Attr)
	}
	return strings.TrimSpace(at.Text()), true
}

// attrText returns the value of XML attribute name of el.
func attrText(el *etree.Element, name string) (string, bool) {
	for _, a := range el.Attr {
		if a.Space == "" && a.Key == name {
			return a.Value, true
		}
	}
	return "", false
}

// readXMLAttr reads a value held by XML attribute name of el.
func readXMLAttr(el *etree.Element, name string, t dmr.Type) (dmr.Value, bool) {
	s, ok := attrText(el, name)
	if !ok {
		return dmr.Value{}, false
	}
	return textValue(s, t), true
}

// readPresence reads a BOOLEAN written as the presence of an element; an
// element holding true or false as text says so explicitly.
func readPresence(at *etree.Element, x *ops.XMLAttribute) (dmr.Value, bool) {
	if x.Attr != "" {
		if s, ok := attrText(at, x.Attr); ok {
			return textValue(s, dmr.Boolean), true
		}
	}
	if s := strings.TrimSpace(at.Text()); s != "" {
		return textValue(s, dmr.Boolean), true
	}
	return dmr.NewBool(true), true
}

// readJoinedList reads a LIST written as one text joined by spaces or commas.
func readJoinedList(at *etree.Element, a *ops.Attribute, x *ops.XMLAttribute) (dmr.Value,
	bool) {
	s, ok := plainText(at, x)
	if !ok {
		return dmr.Value{}, false
	}
	var parts []string
	if x.Form == ops.CommaList {
		parts = strings.Split(s, ",")
	} else {
		parts = strings.Fields(s)
	}
	l := dmr.NewList()
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			l.Append(textValue(p, itemType(a)))
		}
	}
	return l, true
}

// readItemList reads a LIST written as one element per item.
func readItemList(at *etree.Element, a *ops.Attribute, x *ops.XMLAttribute) (dmr.Value, bool) {
	l := dmr.NewList()
	for _, it := range at.ChildElements() {
		if it.Tag != x.Item {
			continue
		}
		if s, ok := itemText(it, x.ItemAttr); ok {
			l.Append(textValue(s, itemType(a)))
		}
	}
	if l.Len() == 0 && x.Path == "" {
		return dmr.Value{}, false
	}
	return l, true
}

// readPropertyMap reads an OBJECT written as one element per key.
func readPropertyMap(at *etree.Element, a *ops.Attribute, x *ops.XMLAttribute) (dmr.Value,
	bool) {
	m := dmr.NewObject()
	for _, it := range at.ChildElements() {
		if it.Tag != x.Item {
			continue
		}
		k, ok := attrText(it, keyAttr(x))
		if !ok {
			continue
		}
		if s, ok := itemText(it, x.ItemAttr); ok {
			m.Set(k, textValue(s, itemType(a)))
		}
	}
	if m.Len() == 0 && x.Path == "" {
		return dmr.Value{}, false
	}
	return m, true
}

// readFieldObject reads an OBJECT whose keys are XML attributes of at.
func readFieldObject(at *etree.Element, a *ops.Attribute) dmr.Value {
	m := dmr.NewObject()
	if len(a.Fields) == 0 {
		for _, xa := range at.Attr {
			if !isNamespaceDecl(xa) && xa.Space == "" {
				m.Set(xa.Key, textValue(xa.Value, itemType(a)))
			}
		}
		return m
	}
	for _, f := range a.Fields {
		if v, ok := readXMLAttr(at, fieldAttr(f), f.Type); ok {
			m.Set(f.Name, modelCase(v, f.XML))
		}
	}
	return m
}

// fieldAttr returns the XML attribute that holds field f of a FieldObject.
func fieldAttr(f *ops.Attribute) string {
	if f.XML != nil && f.XML.Attr != "" {
		return f.XML.Attr
	}
	return f.Name
}

// keyAttr returns the XML attribute that holds a PropertyMap key.
func keyAttr(x *ops.XMLAttribute) string {
	if x.KeyAttr != "" {
		return x.KeyAttr
	}
	return "name"
}

// itemText returns an item's value: its attribute attr, or its text.
func itemText(it *etree.Element, attr string) (string, bool) {
	if attr != "" {
		return attrText(it, attr)
	}
	return strings.TrimSpace(it.Text()), true
}

// itemType returns the type of the items of a LIST or OBJECT attribute.
func itemType(a *ops.Attribute) dmr.Type {
	if a.ValueType == dmr.Undefined {
		return dmr.String
	}
	return a.ValueType
}

// IsExpression reports whether s holds a ${...} expression.
func IsExpression(s string) bool {
	i := strings.Index(s, "${")
	return i >= 0 && strings.IndexByte(s[i:], '}') > 0
}

// textValue converts XML text to a value of type t: an EXPRESSION when it
// holds ${...}, the literal of t when it parses as one, and a STRING
// otherwise (including when t is Undefined).
func textValue(s string, t dmr.Type) dmr.Value {
	if IsExpression(s) {
		return dmr.NewExpression(s)
	}
	trimmed := strings.TrimSpace(s)
	switch t {
	case dmr.Boolean:
		switch strings.ToLower(trimmed) {
		case "true":
			return dmr.NewBool(true)
		case "false":
			return dmr.NewBool(false)
		}
	case dmr.Int:
		if n, err := strconv.ParseInt(trimmed, 10, 32); err == nil {
			return dmr.NewInt(int32(n))
		}
	case dmr.Long:
		if n, err := strconv.ParseInt(trimmed, 10, 64); err == nil {
			return dmr.NewLong(n)
		}
	case dmr.Double:
		if f, err := strconv.ParseFloat(trimmed, 64); err == nil {
			return dmr.NewDouble(f)
		}
	case dmr.BigInteger:
		if n, ok := new(big.Int).SetString(trimmed, 10); ok {
			return dmr.NewBigInteger(n)
		}
	case dmr.BigDecimal:
		if _, err := strconv.ParseFloat(trimmed, 64); err == nil {
			return dmr.NewBigDecimal(trimmed)
		}
	}
	return dmr.NewString(s)
}

// valueText returns the XML spelling of a scalar value: expressions
// verbatim, numbers and booleans in their plain form.
func valueText(v dmr.Value) string {
	switch v.Type() {
	case dmr.String, dmr.Expression:
		return v.Str()
	}
	return v.AsString()
}
