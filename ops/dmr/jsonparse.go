package dmr

import (
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// ParseJSON reads one value in the JSON form of WildFly's HTTP API, as
// jboss-dmr's ModelNode.fromJSONString does. A number with a point is a
// BIG_DECIMAL; one without is an INT when it fits in 32 bits, else a LONG
// when it fits in 64, else a BIG_INTEGER (a leading 0 means octal, 0x hex);
// NaN and Infinity are DOUBLE; null is undefined. The one-entry objects
// {"EXPRESSION_VALUE" : "..."}, {"TYPE_MODEL_VALUE" : "..."} and
// {"BYTES_VALUE" : "<base64>"} turn back into their types; any other object
// is an OBJECT whose keys keep their order (a repeated key keeps its first
// place and its last value). Trailing commas are errors. Errors are
// *SyntaxError. ParseJSON is safe for concurrent use.
func ParseJSON(s string) (Value, error) {
	p := &jsonParser{textParser{s: s}}
	v, err := p.value(msgValue)
	if err != nil {
		return Value{}, err
	}
	p.skipSpace()
	if p.pos < len(p.s) {
		return Value{}, p.fail(msgTrailing)
	}
	return v, nil
}

type jsonParser struct{ textParser }

// trailingComma is false: the JSON form allows no comma before a closer.
func (p *jsonParser) trailingComma() bool { return false }

func (p *jsonParser) value(expecting string) (Value, error) {
	p.skipSpace()
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	switch c := p.s[p.pos]; {
	case c == '"':
		p.pos++
		s, err := p.str()
		return NewString(s), err
	case c == '{' || c == '[':
		p.pos++
		p.depth++
		defer func() { p.depth-- }()
		if p.depth > maxDepth {
			return Value{}, p.fail(msgTooDeep)
		}
		if c == '[' {
			return p.list()
		}
		return p.object()
	case c == '}' || c == ']' || c == ',' || c == ':':
		return Value{}, p.fail(expecting)
	case '0' <= c && c <= '9' || c == '+' || c == '-':
		return p.number()
	case c == 'I':
		return NewDouble(math.Inf(1)), p.expect("Infinity")
	case c == 'N':
		return NewDouble(math.NaN()), p.expect("NaN")
	case c == 't':
		return NewBool(true), p.expect("true")
	case c == 'f':
		return NewBool(false), p.expect("false")
	case c == 'n':
		return Value{}, p.expect("null")
	}
	return Value{}, p.failf("Unexpected character '%s' while reading DMR stream", p.char(p.pos))
}

func (p *jsonParser) list() (Value, error) {
	return p.listOf(p)
}

// object reads an object after its '{', or one of the wrapper objects.
func (p *jsonParser) object() (Value, error) {
	p.skipSpace()
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	o := NewObject()
	if p.s[p.pos] == '}' {
		p.pos++
		return o, nil
	}
	first := true
	for {
		if p.s[p.pos] != '"' {
			if first {
				return Value{}, p.misplaced("Expecting OBJECT_END or STRING")
			}
			return Value{}, p.misplaced("Expecting STRING")
		}
		p.pos++
		key, err := p.str()
		if err != nil {
			return Value{}, err
		}
		if first {
			if v, ok, err := p.wrapper(key); ok || err != nil {
				return v, err
			}
		}
		first = false

		v, err := p.member()
		if err != nil {
			return Value{}, err
		}
		o.Set(key, v)

		done, err := p.next(p, '}', msgObjectNext)
		if done || err != nil {
			return o, err
		}
	}
}

// member reads `: value` after an object key.
func (p *jsonParser) member() (Value, error) {
	p.skipSpace()
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	if p.s[p.pos] != ':' {
		return Value{}, p.misplaced("Expecting ':'")
	}
	p.pos++
	return p.value(msgValue)
}

// wrapper reads the rest of {"EXPRESSION_VALUE" : "..."},
// {"TYPE_MODEL_VALUE" : "..."} or {"BYTES_VALUE" : "..."} when key is one of
// these names; ok is false for any other key. As in jboss-dmr, the content
// is checked before the closing brace.
func (p *jsonParser) wrapper(key string) (v Value, ok bool, err error) {
	var what string
	switch key {
	case jsonExpressionKey:
		what = "expression"
	case jsonTypeKey:
		what = "type"
	case jsonBytesKey:
		what = "bytes"
	default:
		return Value{}, false, nil
	}
	for _, want := range []byte{':', '"'} {
		if err := p.wrapperExpect(want, what); err != nil {
			return Value{}, true, err
		}
	}
	switch what {
	case "expression":
		var s string
		if s, err = p.str(); err == nil {
			v = NewExpression(s)
		}
	case "type":
		v, err = p.typeContent()
	default:
		v, err = p.bytesContent()
	}
	if err == nil {
		err = p.wrapperExpect('}', what)
	}
	return v, true, err
}

// wrapperExpect skips spaces and reads the character want.
func (p *jsonParser) wrapperExpect(want byte, what string) error {
	p.skipSpace()
	if err := p.need(1); err != nil {
		return err
	}
	if p.s[p.pos] != want {
		return p.failf("Unexpected character '%s' while reading DMR %s value", p.char(p.pos), what)
	}
	p.pos++
	return nil
}

func (p *jsonParser) typeContent() (Value, error) {
	name, err := p.str()
	if err != nil {
		return Value{}, err
	}
	t, known := TypeNamed(name)
	if !known {
		return Value{}, p.fail("No enum constant org.jboss.dmr.ModelType." + name)
	}
	return NewType(t), nil
}

func (p *jsonParser) bytesContent() (Value, error) {
	text, err := p.base64Text()
	if err != nil {
		return Value{}, err
	}
	raw, err := p.decodeBase64(text)
	return Value{kind: Bytes, raw: raw}, err
}

// str reads a JSON string after its opening quote: the escapes \b \f \n \r
// \t and \uXXXX; any other escaped character stands for itself; a raw
// control character other than tab, CR and LF is an error.
func (p *jsonParser) str() (string, error) {
	// Most strings hold no escape and no control character: take them as
	// they stand.
	for i := p.pos; i < len(p.s); i++ {
		c := p.s[i]
		if c == '"' {
			s := p.s[p.pos:i]
			p.pos = i + 1
			return s, nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
	}

	var b strings.Builder
	var units []uint16 // a run of \u escapes, decoded together for surrogate pairs
	flush := func() {
		if len(units) > 0 {
			for _, r := range utf16.Decode(units) {
				b.WriteRune(r)
			}
			units = units[:0]
		}
	}
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		p.pos++
		if c == '\\' {
			if p.pos == len(p.s) {
				return "", p.fail(msgEOF)
			}
			e := p.s[p.pos]
			p.pos++
			if e == 'u' {
				u, err := p.unicodeUnit()
				if err != nil {
					return "", err
				}
				units = append(units, u)
				continue
			}
			flush()
			if e == 't' {
				e = '\t'
			}
			b.WriteByte(unescapeText(e))
			continue
		}
		flush()
		switch {
		case c == '"':
			return b.String(), nil
		case c < 0x20 && !isSpace(c):
			return "", p.failf("Unexpected control character '%c' while reading DMR string", c)
		}
		b.WriteByte(c)
	}
	return "", p.fail(msgEOF)
}

// unicodeUnit reads the 4 hex digits of a \uXXXX escape as a UTF-16 unit.
func (p *jsonParser) unicodeUnit() (uint16, error) {
	// Java counts four characters, not four bytes.
	end := p.pos
	for range 4 {
		if end == len(p.s) {
			return 0, p.fail(msgEOF)
		}
		_, size := utf8.DecodeRuneInString(p.s[end:])
		end += size
	}
	digits := p.s[p.pos:end]
	// Java's Integer.parseInt(digits, 16) also takes a sign; the char cast
	// keeps the low 16 bits.
	n, err := strconv.ParseInt(digits, 16, 32)
	if err != nil {
		return 0, p.failf("Invalid DMR unicode sequence. Expecting 4 hexadecimal "+
			"digits but got '%s'", digits)
	}
	p.pos = end
	return uint16(n), nil
}

// number reads a JSON number: an INT, LONG or BIG_INTEGER without a point,
// a BIG_DECIMAL with one, or a signed Infinity or NaN.
func (p *jsonParser) number() (Value, error) {
	c := p.s[p.pos]
	zero := p.pos
	if c == '+' || c == '-' {
		if v, ok, err := p.signedSpecial(c); ok || err != nil {
			return v, err
		}
		zero++
	}
	radix := 10
	if p.s[zero] == '0' {
		radix = p.radixAfterZero(zero)
	}
	switch radix {
	case 16:
		p.pos = zero + 2
	case 8:
		p.pos = zero + 1
	}
	text := p.readNumber(radix == 16)

	if strings.IndexByte(text, '.') >= 0 {
		d, ok := canonicalDecimal(text)
		if !ok {
			return Value{}, p.fail("Incorrect decimal value")
		}
		return Value{kind: BigDecimal, s: d}, nil
	}
	if radix != 10 {
		sign := "+"
		if c == '-' {
			sign = "-"
		}
		text = sign + text
	}
	n, ok := parseBigIntegerRadix(text, radix)
	if !ok {
		return Value{}, p.fail("Incorrect integer value")
	}
	return integerValue(n), nil
}

// radixAfterZero tells the radix of a number whose '0' is at i: 16 for 0x,
// 8 when a digit follows, 10 otherwise.
func (p *jsonParser) radixAfterZero(i int) int {
	if i+1 >= len(p.s) {
		return 10
	}
	switch n := p.s[i+1]; {
	case n == 'x':
		return 16
	case '0' <= n && n <= '9':
		return 8
	}
	return 10
}

// integerValue types an integer as jboss-dmr's JSON reader does.
func integerValue(n *big.Int) Value {
	switch {
	case n.IsInt64() && n.Int64() >= math.MinInt32 && n.Int64() <= math.MaxInt32:
		return NewInt(int32(n.Int64()))
	case n.IsInt64():
		return NewLong(n.Int64())
	}
	return Value{kind: BigInteger, big: n}
}

// parseBigIntegerRadix reads Java's BigInteger(text, radix) literal: an
// optional sign and digits of the radix.
func parseBigIntegerRadix(text string, radix int) (*big.Int, bool) {
	if text == "" || strings.ContainsAny(text[1:], "+-") {
		return nil, false
	}
	return new(big.Int).SetString(text, radix)
}

// base64Text reads the content of a BYTES_VALUE string after its opening
// quote: base64 characters, with escaped \n and \r line breaks dropped.
func (p *jsonParser) base64Text() (string, error) {
	var b strings.Builder
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		p.pos++
		switch {
		case c == '"':
			return b.String(), nil
		case c == '\\':
			if p.pos == len(p.s) {
				return "", p.fail(msgEOF)
			}
			if e := p.s[p.pos]; e != 'n' && e != 'r' {
				return "", p.failf("Unexpected character '%s' after escape character while "+
					"reading DMR base64 string", p.char(p.pos))
			}
			p.pos++
		case isBase64Char(c):
			b.WriteByte(c)
		default:
			r, _ := utf8.DecodeRuneInString(p.s[p.pos-1:])
			return "", p.failf("Unexpected character '%c' while reading DMR base64 string", r)
		}
	}
	return "", p.fail(msgEOF)
}

func isBase64Char(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '+' || c == '/' || c == '='
}

// decodeBase64 decodes as jboss-dmr does: the length must be a multiple of
// 4, and '=' among the last two characters is padding. Like jboss-dmr it
// does not check where else '=' stands; such text decodes to what jboss-dmr
// makes of it, or fails where jboss-dmr overruns its array.
func (p *jsonParser) decodeBase64(text string) ([]byte, error) {
	if len(text)%4 != 0 {
		return nil, p.fail("Encoded base64 value is not dividable by 4")
	}
	pad := 0
	for i := 1; i <= 2 && i <= len(text); i++ {
		if text[len(text)-i] == '=' {
			pad = i
		}
	}
	size := len(text)/4*3 - pad
	raw := make([]byte, 0, max(size, 0))
	for i := 0; i < len(text); i += 4 {
		b0, b1 := base64Value(text[i]), base64Value(text[i+1])
		b2, b3 := base64Value(text[i+2]), base64Value(text[i+3])
		raw = append(raw, byte(b0<<2|b1>>4))
		if b2 >= 0 {
			raw = append(raw, byte(b1<<4|b2>>2))
			if b3 >= 0 {
				raw = append(raw, byte(b2<<6|b3))
			}
		}
		if len(raw) > size {
			return nil, p.failf("Index %d out of bounds for length %d", size, size)
		}
	}
	return raw[:size:size], nil
}

// base64Value is the 6-bit value of a base64 character, -1 for '='.
func base64Value(c byte) int {
	switch {
	case 'A' <= c && c <= 'Z':
		return int(c - 'A')
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 26
	case '0' <= c && c <= '9':
		return int(c-'0') + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return -1
}
