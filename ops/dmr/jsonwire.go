package dmr

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// JSONWire returns v in the compact JSON that WildFly's HTTP management API
// sends when json.pretty is not set: jboss-dmr's ModelNode.writeJSONString
// with compact=true, which goes through its stream writer and so differs
// from JSONString(true). Nothing is padded (`{"outcome":"success","result":1}`,
// `{"EXPRESSION_VALUE":"${x}"}`), keys are JSON-escaped like strings, and
// control characters use lower-case hex (\u001f). ParseJSON reads it back.
//
// Limitation: for BYTES longer than 57 bytes, jboss-dmr's stream writer puts
// an escaped line break where every 58th to 60th byte should be, losing those
// bytes; we write the line break and keep the bytes, so a client sees more
// data than WildFly would send.
func (v Value) JSONWire() string {
	var b strings.Builder
	writeWire(&b, v)
	return b.String()
}

func writeWire(b *strings.Builder, v Value) {
	switch v.kind {
	case Undefined:
		b.WriteString("null")
	case Long:
		b.WriteString(strconv.FormatInt(v.n, 10))
	case String:
		writeWireString(b, v.s)
	case Expression:
		b.WriteString(`{"EXPRESSION_VALUE":`)
		writeWireString(b, v.s)
		b.WriteByte('}')
	case TypeType:
		b.WriteString(`{"TYPE_MODEL_VALUE":"` + v.typ.String() + `"}`)
	case Bytes:
		b.WriteString(`{"BYTES_VALUE":"`)
		writeWireBase64(b, v.raw)
		b.WriteString(`"}`)
	case Property:
		b.WriteByte('{')
		writeWireString(b, v.s)
		b.WriteByte(':')
		writeWire(b, *v.prop)
		b.WriteByte('}')
	case List:
		b.WriteByte('[')
		for i, x := range v.list.items {
			if i > 0 {
				b.WriteByte(',')
			}
			writeWire(b, x)
		}
		b.WriteByte(']')
	case Object:
		b.WriteByte('{')
		for i, k := range v.obj.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeWireString(b, k)
			b.WriteByte(':')
			writeWire(b, v.obj.vals[i])
		}
		b.WriteByte('}')
	default:
		b.WriteString(v.AsString())
	}
}

// writeWireString is writeJSONString with the stream writer's lower-case
// hex for control characters.
func writeWireString(b *strings.Builder, s string) {
	writeEscapedString(b, s, "0123456789abcdef")
}

// writeWireBase64 writes raw in base64 with an escaped CR LF (the four
// characters \r\n) before every further 57 bytes, as the stream writer
// breaks its lines.
func writeWireBase64(b *strings.Builder, raw []byte) {
	const perLine = 57
	for i := 0; i < len(raw); i += perLine {
		if i > 0 {
			b.WriteString(`\r\n`)
		}
		b.WriteString(base64.StdEncoding.EncodeToString(raw[i:min(i+perLine, len(raw))]))
	}
}
