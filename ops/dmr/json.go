package dmr

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// The keys of the one-entry objects that carry, in JSON, the DMR types JSON
// has no form for.
const (
	jsonExpressionKey = "EXPRESSION_VALUE"
	jsonTypeKey       = "TYPE_MODEL_VALUE"
	jsonBytesKey      = "BYTES_VALUE"
)

// JSONString returns v in the JSON form of WildFly's HTTP API, as jboss-dmr's
// toJSONString prints it. Keys and values are separated by " : "; numbers are
// bare (a LONG without L, a DOUBLE as Java prints it, so NaN and Infinity too);
// undefined is null; a PROPERTY is {"name" : value}; an EXPRESSION, TYPE or
// BYTES value is a one-entry object {"EXPRESSION_VALUE" : "${x}"},
// {"TYPE_MODEL_VALUE" : "STRING"}, {"BYTES_VALUE" : "<base64>"}.
//
// compact puts everything on one line: object entries joined by ", ", list
// items by ",", and the one-entry wrappers padded inside their braces
// (`{ "a" : 1 }`). Otherwise lists and objects of two or more entries spread
// over lines indented by 4 spaces, and the wrappers always take three lines.
// Object keys are quoted as in DMR text, not JSON-escaped: jboss-dmr's quirk.
func (v Value) JSONString(compact bool) string {
	var b strings.Builder
	writeJSON(&b, v, 0, !compact)
	return b.String()
}

func writeJSON(b *strings.Builder, v Value, indent int, multi bool) {
	switch v.kind {
	case Undefined:
		b.WriteString("null")
	case Long:
		b.WriteString(strconv.FormatInt(v.n, 10))
	case String:
		writeJSONString(b, v.s)
	case Expression:
		writeJSONWrapper(b, jsonExpressionKey, v.s, indent, multi)
	case TypeType:
		writeJSONWrapper(b, jsonTypeKey, v.typ.String(), indent, multi)
	case Bytes:
		writeJSONWrapper(b, jsonBytesKey, encodeBase64(v.raw), indent, multi)
	case Property:
		writeJSONProperty(b, v, indent, multi)
	case List:
		writeJSONList(b, v.list.items, indent, multi)
	case Object:
		writeJSONObject(b, v.obj, indent, multi)
	default:
		b.WriteString(v.AsString())
	}
}

// writeJSONWrapper prints a one-entry object whose value is a string.
func writeJSONWrapper(b *strings.Builder, key, value string, indent int, multi bool) {
	openWrapper(b, indent, multi)
	writeJSONString(b, key)
	b.WriteString(" : ")
	writeJSONString(b, value)
	closeWrapper(b, indent, multi)
}

func writeJSONProperty(b *strings.Builder, v Value, indent int, multi bool) {
	openWrapper(b, indent, multi)
	writeJSONString(b, v.s)
	b.WriteString(" : ")
	writeJSON(b, *v.prop, indent+1, multi)
	closeWrapper(b, indent, multi)
}

func openWrapper(b *strings.Builder, indent int, multi bool) {
	b.WriteByte('{')
	if multi {
		newline(b, indent+1)
	} else {
		b.WriteByte(' ')
	}
}

func closeWrapper(b *strings.Builder, indent int, multi bool) {
	if multi {
		newline(b, indent)
	} else {
		b.WriteByte(' ')
	}
	b.WriteByte('}')
}

func writeJSONList(b *strings.Builder, items []Value, indent int, multiRequested bool) {
	writeList(b, items, indent, multiRequested, writeJSON)
}

func writeJSONObject(b *strings.Builder, o *objectData, indent int, multiRequested bool) {
	multi := multiRequested && len(o.keys) > 1
	b.WriteByte('{')
	if multi {
		newline(b, indent+1)
	}
	for i, k := range o.keys {
		if i > 0 {
			if multi {
				b.WriteByte(',')
				newline(b, indent+1)
			} else {
				b.WriteString(", ")
			}
		}
		writeQuoted(b, k)
		b.WriteString(" : ")
		writeJSON(b, o.vals[i], childIndent(indent, multi), multiRequested)
	}
	if multi {
		newline(b, indent)
	}
	b.WriteByte('}')
}

// writeJSONString writes s as a JSON string: '"', '\' and the control
// characters escaped (\b \f \n \r \t, others as \u00XX), the rest raw.
func writeJSONString(b *strings.Builder, s string) {
	writeEscapedString(b, s, "0123456789ABCDEF")
}

// writeEscapedString writes s as a JSON string, spelling the control
// characters without a short escape as \u00XX with the digits of hex (upper
// case for the pretty form, lower case for the stream writer's form).
func writeEscapedString(b *strings.Builder, s, hex string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' {
			continue
		}
		b.WriteString(s[start:i])
		start = i + 1
		switch c {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteString(`\u00`)
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

// encodeBase64 encodes raw as jboss-dmr's Base64.encodeBytes does: standard
// alphabet with padding, and a newline after every 76 characters of whole
// 3-byte groups (so 57 bytes end with a newline, which the JSON form then
// shows as \n).
func encodeBase64(raw []byte) string {
	const perLine = 57 // bytes in 76 characters
	var b strings.Builder
	full := len(raw) - len(raw)%3
	for i := 0; i < full; i += perLine {
		end := min(i+perLine, full)
		b.WriteString(base64.StdEncoding.EncodeToString(raw[i:end]))
		if end-i == perLine {
			b.WriteByte('\n')
		}
	}
	b.WriteString(base64.StdEncoding.EncodeToString(raw[full:]))
	return b.String()
}
