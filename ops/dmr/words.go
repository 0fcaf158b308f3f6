package dmr

import (
	"math"
	"strconv"
)

// word reads a value that starts with a letter: true, false, undefined,
// NaN, Infinity, a type name, big integer, big decimal, bytes or expression.
// Like jboss-dmr it decides on the first one or two letters and then
// requires the whole word.
func (p *textParser) word() (Value, error) {
	switch c := p.s[p.pos]; c {
	case 't':
		return NewBool(true), p.expect("true")
	case 'f':
		return NewBool(false), p.expect("false")
	case 'u':
		return Value{}, p.expect("undefined")
	case 'N':
		return NewDouble(math.NaN()), p.expect("NaN")
	case 'b':
		return p.bigOrBytes()
	case 'e':
		return p.expression()
	case 'I', 'L', 'B':
		return p.ambiguousType(c)
	}
	if name, ok := typeByInitial[p.s[p.pos]]; ok {
		t, _ := TypeNamed(name)
		return NewType(t), p.expect(name)
	}
	return Value{}, p.failf("Unexpected character '%s' while reading DMR stream", p.char(p.pos))
}

// typeByInitial names the types whose first letter is theirs alone.
var typeByInitial = map[byte]string{
	'D': "DOUBLE", 'E': "EXPRESSION", 'O': "OBJECT", 'P': "PROPERTY",
	'S': "STRING", 'T': "TYPE", 'U': "UNDEFINED",
}

// ambiguousType reads a word whose first letter is shared: INT or
// Infinity, LIST or LONG, BIG_DECIMAL, BIG_INTEGER, BOOLEAN or BYTES.
func (p *textParser) ambiguousType(c byte) (Value, error) {
	if err := p.need(2); err != nil {
		return Value{}, err
	}
	second := p.s[p.pos+1]
	var name string
	switch {
	case c == 'I' && second == 'n':
		return NewDouble(math.Inf(1)), p.expect("Infinity")
	case c == 'I' && second == 'N':
		name = "INT"
	case c == 'L' && second == 'I':
		name = "LIST"
	case c == 'L' && second == 'O':
		name = "LONG"
	case c == 'B' && second == 'O':
		name = "BOOLEAN"
	case c == 'B' && second == 'Y':
		name = "BYTES"
	case c == 'B' && second == 'I':
		if err := p.need(5); err != nil {
			return Value{}, err
		}
		switch p.s[p.pos+4] {
		case 'D':
			name = "BIG_DECIMAL"
		case 'I':
			name = "BIG_INTEGER"
		default:
			return Value{}, p.failf("Unexpected fifth character '%s' while reading DMR "+
				"BIG_DECIMAL or BIG_INTEGER token", p.char(p.pos+4))
		}
	default:
		return Value{}, p.failf("Unexpected second character '%s' while reading DMR %s token",
			p.char(p.pos+1), ambiguousNames[c])
	}
	t, _ := TypeNamed(name)
	return NewType(t), p.expect(name)
}

var ambiguousNames = map[byte]string{
	'I': "INT or Infinity",
	'L': "LIST or LONG",
	'B': "BIG_DECIMAL or BIG_INTEGER or BOOLEAN or BYTES",
}

// bigOrBytes reads `big integer N`, `big decimal N` (the space after "big"
// is optional, as in jboss-dmr) or `bytes {...}`.
func (p *textParser) bigOrBytes() (Value, error) {
	if err := p.need(2); err != nil {
		return Value{}, err
	}
	switch p.s[p.pos+1] {
	case 'i':
		return p.big()
	case 'y':
		if err := p.expect("bytes"); err != nil {
			return Value{}, err
		}
		p.skipSpace()
		return p.bytes()
	}
	return Value{}, p.failf("Unexpected second character '%s' while reading DMR big or bytes token",
		p.char(p.pos+1))
}

func (p *textParser) big() (Value, error) {
	kind, err := p.bigPrefix()
	if err != nil {
		return Value{}, err
	}
	if kind == 'd' {
		text, ok := canonicalDecimal(p.readNumber(false))
		if !ok {
			return Value{}, p.fail("Incorrect big decimal value")
		}
		return Value{kind: BigDecimal, s: text}, nil
	}
	n, ok := parseBigInteger(p.readNumber(false))
	if !ok {
		return Value{}, p.fail("Incorrect big integer value")
	}
	return Value{kind: BigInteger, big: n}, nil
}

// bigPrefix reads "big decimal" or "big integer" and the spaces after it,
// and returns 'd' or 'i'.
func (p *textParser) bigPrefix() (byte, error) {
	if err := p.expect("big"); err != nil {
		return 0, err
	}
	p.skipSpace()
	if err := p.need(1); err != nil {
		return 0, err
	}
	kind := p.s[p.pos]
	var err error
	switch kind {
	case 'd':
		err = p.expect("decimal")
	case 'i':
		err = p.expect("integer")
	default:
		err = p.failf("Unexpected first character '%s' while reading DMR decimal or "+
			"integer token", p.char(p.pos))
	}
	p.skipSpace()
	return kind, err
}

// bytes reads `{0x01, 2, ...}`: hex or decimal items, of which only the low
// 8 bits count (0x100 is 0x00), separated by commas, a trailing comma
// allowed.
func (p *textParser) bytes() (Value, error) {
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	if p.s[p.pos] != '{' {
		return Value{}, p.fail("Incorrect bytes value. It must start with: '{'")
	}
	p.pos++
	p.skipSpace()
	raw := []byte{}
	wantComma := false
	for {
		if err := p.need(1); err != nil {
			return Value{}, err
		}
		c := p.s[p.pos]
		switch {
		case c == '}':
			p.pos++
			return Value{kind: Bytes, raw: raw}, nil
		case !wantComma && isNumberChar(c):
			b, err := p.byteItem()
			if err != nil {
				return Value{}, err
			}
			raw, wantComma = append(raw, b), true
		case wantComma && c == ',':
			p.pos++
			wantComma = false
		case wantComma:
			return Value{}, p.fail("Missing ',' separator inside bytes section")
		default:
			return Value{}, p.fail(msgBytesItem)
		}
		p.skipSpace()
	}
}

func (p *textParser) byteItem() (byte, error) {
	if err := p.need(2); err != nil {
		return 0, err
	}
	if p.s[p.pos+1] == 'x' {
		if p.s[p.pos] != '0' {
			return 0, p.fail(msgBytesItem)
		}
		p.pos += 2
		n, ok := parseHexInt(p.readNumber(true))
		if !ok {
			return 0, p.fail(msgBytesItem)
		}
		return byte(n), nil
	}
	n, err := strconv.ParseInt(p.readNumber(false), 10, 32)
	if err != nil {
		return 0, p.fail(msgBytesItem)
	}
	return byte(n), nil
}

// expression reads `expression "..."`.
func (p *textParser) expression() (Value, error) {
	if err := p.expect("expression"); err != nil {
		return Value{}, err
	}
	p.skipSpace()
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	if p.s[p.pos] != '"' {
		return Value{}, p.failf("Unexpected character '%s' while reading DMR expression value",
			p.char(p.pos))
	}
	p.pos++
	s, err := p.str()
	return NewExpression(s), err
}
