package dmr

import (
	"strconv"
	"strings"
)

// String returns the multi-line DMR text of v exactly as jboss-dmr's
// ModelNode.toString prints it: 4 spaces per level, and a list or object
// spread over several lines only when it has two or more entries.
func (v Value) String() string {
	var b strings.Builder
	writeText(&b, v, 0, true)
	return b.String()
}

// CompactString returns the one-line DMR text of v as jboss-dmr's compact
// writer prints it, which is what `echo-dmr --compact` and the CLI's
// Util.compactToString show: no spaces around "=>", entries joined by ","
// (`{"recursive"=>true,"include-runtime"=>true}`), bytes as `bytes {0x01,0x02}`.
func (v Value) CompactString() string {
	var b strings.Builder
	writeCompact(&b, v)
	return b.String()
}

// writeText prints v as jboss-dmr's ModelValue.format does. multi asks for
// the multi-line layout; indent is the nesting level of v.
func writeText(b *strings.Builder, v Value, indent int, multi bool) {
	switch v.kind {
	case List:
		writeTextList(b, v.list.items, indent, multi)
	case Object:
		writeTextObject(b, v.obj, indent, multi)
	case Bytes:
		writeTextBytes(b, v.raw, indent, multi)
	case Property:
		// jboss-dmr prints a property through its asString, whose value is
		// always the full multi-line toString at level 0, whatever the layout
		// around it.
		b.WriteByte('(')
		writeQuoted(b, v.s)
		b.WriteString(" => ")
		writeText(b, *v.prop, 0, true)
		b.WriteByte(')')
	default:
		writeScalar(b, v)
	}
}

// writeScalar prints a value that is neither list, object, bytes nor
// property; the DMR text of these is the same in every layout.
func writeScalar(b *strings.Builder, v Value) {
	switch v.kind {
	case Undefined:
		b.WriteString("undefined")
	case Boolean:
		b.WriteString(strconv.FormatBool(v.b))
	case Int:
		b.WriteString(strconv.FormatInt(v.n, 10))
	case Long:
		b.WriteString(strconv.FormatInt(v.n, 10))
		b.WriteByte('L')
	case Double:
		b.WriteString(formatDouble(v.f))
	case BigInteger:
		b.WriteString("big integer ")
		b.WriteString(v.bigText())
	case BigDecimal:
		b.WriteString("big decimal ")
		b.WriteString(v.s)
	case String:
		writeQuoted(b, v.s)
	case Expression:
		b.WriteString("expression ")
		writeQuoted(b, v.s)
	case TypeType:
		b.WriteString(v.typ.String())
	}
}

func writeTextList(b *strings.Builder, items []Value, indent int, multiRequested bool) {
	writeList(b, items, indent, multiRequested, writeText)
}

// writeList writes a list as the text and the JSON forms both lay it out,
// each item written by write: on one line, or with multiRequested and more
// than one item, an item a line indented one level deeper than the brackets.
func writeList(b *strings.Builder, items []Value, indent int, multiRequested bool,
	write func(b *strings.Builder, v Value, indent int, multi bool)) {
	multi := multiRequested && len(items) > 1
	b.WriteByte('[')
	if multi {
		newline(b, indent+1)
	}
	for i, x := range items {
		if i > 0 {
			b.WriteByte(',')
			if multi {
				newline(b, indent+1)
			}
		}
		write(b, x, childIndent(indent, multi), multiRequested)
	}
	if multi {
		newline(b, indent)
	}
	b.WriteByte(']')
}

func writeTextObject(b *strings.Builder, o *objectData, indent int, multiRequested bool) {
	multi := multiRequested && len(o.keys) > 1
	b.WriteByte('{')
	if multi {
		newline(b, indent+1)
	}
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
			if multi {
				newline(b, indent+1)
			}
		}
		writeQuoted(b, k)
		b.WriteString(" => ")
		writeText(b, o.vals[i], childIndent(indent, multi), multiRequested)
	}
	if multi {
		newline(b, indent)
	}
	b.WriteByte('}')
}

// writeTextBytes prints bytes as jboss-dmr does: two lower-case hex digits
// each, ", " between them, and in the multi-line layout a line break after
// every eighth byte.
func writeTextBytes(b *strings.Builder, raw []byte, indent int, multi bool) {
	b.WriteString("bytes {")
	if multi {
		newline(b, indent+1)
	} else {
		b.WriteByte(' ')
	}
	for i, x := range raw {
		writeHexByte(b, x)
		if i == len(raw)-1 {
			break
		}
		if multi && i&7 == 7 {
			b.WriteByte(',')
			newline(b, indent+1)
		} else {
			b.WriteString(", ")
		}
	}
	if multi {
		newline(b, indent)
	} else {
		b.WriteByte(' ')
	}
	b.WriteByte('}')
}

// writeCompact prints v as jboss-dmr's stream writer (ModelWriter) does.
func writeCompact(b *strings.Builder, v Value) {
	switch v.kind {
	case List:
		b.WriteByte('[')
		for i, x := range v.list.items {
			if i > 0 {
				b.WriteByte(',')
			}
			writeCompact(b, x)
		}
		b.WriteByte(']')
	case Object:
		b.WriteByte('{')
		for i, k := range v.obj.keys {
			if i > 0 {
				b.WriteByte(',')
			}
			writeQuoted(b, k)
			b.WriteString("=>")
			writeCompact(b, v.obj.vals[i])
		}
		b.WriteByte('}')
	case Property:
		b.WriteByte('(')
		writeQuoted(b, v.s)
		b.WriteString("=>")
		writeCompact(b, *v.prop)
		b.WriteByte(')')
	case Bytes:
		b.WriteString("bytes {")
		for i, x := range v.raw {
			if i > 0 {
				b.WriteByte(',')
			}
			writeHexByte(b, x)
		}
		b.WriteByte('}')
	default:
		writeScalar(b, v)
	}
}

func writeHexByte(b *strings.Builder, x byte) {
	const hex = "0123456789abcdef"
	b.WriteString("0x")
	b.WriteByte(hex[x>>4])
	b.WriteByte(hex[x&15])
}

// writeQuoted writes s between double quotes, escaping only '"' and '\'.
// Everything else, newlines and control characters included, goes out raw,
// as jboss-dmr writes it.
func writeQuoted(b *strings.Builder, s string) {
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '"' || c == '\\' {
			b.WriteString(s[start:i])
			b.WriteByte('\\')
			start = i
		}
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

func quote(s string) string {
	var b strings.Builder
	writeQuoted(&b, s)
	return b.String()
}

func newline(b *strings.Builder, indent int) {
	b.WriteByte('\n')
	for range indent {
		b.WriteString("    ")
	}
}

func childIndent(indent int, multi bool) int {
	if multi {
		return indent + 1
	}
	return indent
}
