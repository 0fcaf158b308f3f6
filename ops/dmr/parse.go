package dmr

import (
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrSyntax is matched (errors.Is) by every *SyntaxError that Parse and
// ParseJSON return.
var ErrSyntax = errors.New("invalid DMR text")

// SyntaxError is the error Parse and ParseJSON return for text that jboss-dmr
// would reject. Its message is jboss-dmr's own wording ("Unexpected EOF while
// reading DMR stream", "Incorrect integer value", ...).
type SyntaxError struct {
	Offset int    // byte offset in the input where the problem was found
	Msg    string // jboss-dmr's message
}

// Error returns the message as jboss-dmr words it, without the offset.
func (e *SyntaxError) Error() string { return e.Msg }

// Is reports whether target is ErrSyntax.
func (e *SyntaxError) Is(target error) bool { return target == ErrSyntax }

// Messages jboss-dmr's readers use, shared by the text and the JSON parser.
const (
	msgEOF      = "Unexpected EOF while reading DMR stream"
	msgTrailing = "Unexpected content following the DMR stream"
	valueTokens = "OBJECT_START or LIST_START or PROPERTY_START or STRING or " +
		"EXPRESSION or BYTES or NUMBER or BOOLEAN or TYPE or UNDEFINED"
	msgValue      = "Expecting " + valueTokens
	msgFirstItem  = "Expecting LIST_END or " + valueTokens
	msgListNext   = "Expecting ',' or LIST_END"
	msgObjectNext = "Expecting ',' or OBJECT_END"
	msgBytesItem  = "Expected integer or hexed integer value inside bytes section"
	msgTooDeep    = "DMR value nested too deeply"
)

// maxDepth bounds the nesting of lists, objects and properties, so that
// hostile input cannot exhaust the stack.
//
// Limitation: text nested deeper than maxDepth is rejected with a message of
// our own, where jboss-dmr would read it or fail with a StackOverflowError.
const maxDepth = 10000

// Parse reads one value in DMR text form, with the strict grammar of
// jboss-dmr's ModelNode.fromString: `{"k" => v}` objects (keys quoted),
// `[v, v]` lists (a trailing comma is allowed in both), `("k" => v)`
// properties, quoted strings (a backslash keeps the next character, except
// \b \f \n \r), INT in decimal or 0x hex (`010` is 10), LONG with an L
// suffix, DOUBLE with a point (and NaN, Infinity), `big integer N`,
// `big decimal N`, `bytes {0x01, 2}`, `expression "..."`, type names
// (STRING, INT, ...), true, false and undefined. Whitespace around tokens is
// free; anything but whitespace after the value is an error. Errors are
// *SyntaxError. Parse is safe for concurrent use.
func Parse(s string) (Value, error) {
	p := &textParser{s: s}
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

type textParser struct {
	s     string
	pos   int
	depth int
}

func (p *textParser) fail(msg string) error {
	return &SyntaxError{Offset: p.pos, Msg: msg}
}

func (p *textParser) failf(format string, args ...any) error {
	return p.fail(fmt.Sprintf(format, args...))
}

// need fails unless n more bytes of input are left.
func (p *textParser) need(n int) error {
	if p.pos+n > len(p.s) {
		return p.fail(msgEOF)
	}
	return nil
}

// char returns the character at i for messages (a whole UTF-8 sequence).
func (p *textParser) char(i int) string {
	r, _ := utf8.DecodeRuneInString(p.s[i:])
	return string(r)
}

func (p *textParser) skipSpace() {
	for p.pos < len(p.s) && isSpace(p.s[p.pos]) {
		p.pos++
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func isNumberChar(c byte) bool {
	return '0' <= c && c <= '9' || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
}

func isHexNumberChar(c byte) bool {
	return isNumberChar(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// value reads one value; expecting is the message for a token that cannot
// start a value at this place.
func (p *textParser) value(expecting string) (Value, error) {
	p.skipSpace()
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	switch c := p.s[p.pos]; c {
	case '"':
		p.pos++
		s, err := p.str()
		return NewString(s), err
	case '{', '[', '(':
		return p.container(c)
	case '}', ']', ')', ',', '=':
		return Value{}, p.misplaced(expecting)
	}
	if c := p.s[p.pos]; '0' <= c && c <= '9' || c == '+' || c == '-' {
		return p.number()
	}
	return p.word()
}

func (p *textParser) container(c byte) (Value, error) {
	p.pos++
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > maxDepth {
		return Value{}, p.fail(msgTooDeep)
	}
	switch c {
	case '{':
		return p.object()
	case '[':
		return p.list()
	}
	return p.property()
}

func (p *textParser) object() (Value, error) {
	o := NewObject()
	p.skipSpace()
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	if p.s[p.pos] == '}' {
		p.pos++
		return o, nil
	}
	for {
		if p.s[p.pos] != '"' {
			return Value{}, p.misplaced("Expecting OBJECT_END or STRING")
		}
		p.pos++
		key, v, err := p.entry()
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

// form is what differs between the text and the JSON form where they share
// the reading of lists and separators: how a value is read, how a
// misplaced token is reported, and whether a comma may precede a closer.
type form interface {
	value(expecting string) (Value, error)
	misplaced(expecting string) error
	trailingComma() bool
}

// trailingComma is true: the text form allows a comma before a closer.
func (p *textParser) trailingComma() bool { return true }

// next reads what follows an item of a list or object: the closing
// character (done), or a comma, followed by the closing character (a trailing
// comma) only when f allows it. Anything else is f's misplaced-token error
// with message msg.
func (p *textParser) next(f form, closing byte, msg string) (done bool, err error) {
	p.skipSpace()
	if err := p.need(1); err != nil {
		return false, err
	}
	switch p.s[p.pos] {
	case closing:
		p.pos++
		return true, nil
	case ',':
		p.pos++
		p.skipSpace()
		if err := p.need(1); err != nil {
			return false, err
		}
		if f.trailingComma() && p.s[p.pos] == closing {
			p.pos++
			return true, nil
		}
		return false, nil
	}
	return false, f.misplaced(msg)
}

// entry reads `"key" => value` after the key's opening quote.
func (p *textParser) entry() (string, Value, error) {
	key, err := p.str()
	if err != nil {
		return "", Value{}, err
	}
	p.skipSpace()
	if err := p.need(1); err != nil {
		return "", Value{}, err
	}
	if p.s[p.pos] != '=' {
		return "", Value{}, p.misplaced("Expecting '=>'")
	}
	if err := p.need(2); err != nil {
		return "", Value{}, err
	}
	if p.s[p.pos+1] != '>' {
		return "", Value{}, p.failf("Unexpected character '%s' while reading DMR arrow",
			p.char(p.pos+1))
	}
	p.pos += 2
	v, err := p.value(msgValue)
	return key, v, err
}

func (p *textParser) list() (Value, error) {
	return p.listOf(p)
}

// listOf reads a list after its '[', its items and separators as f reads
// them.
func (p *textParser) listOf(f form) (Value, error) {
	l := NewList()
	p.skipSpace()
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	if p.s[p.pos] == ']' {
		p.pos++
		return l, nil
	}
	expecting := msgFirstItem
	for {
		v, err := f.value(expecting)
		if err != nil {
			return Value{}, err
		}
		l.list.items = append(l.list.items, v)

		done, err := p.next(f, ']', msgListNext)
		if done || err != nil {
			return l, err
		}
		expecting = msgValue
	}
}

func (p *textParser) property() (Value, error) {
	p.skipSpace()
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	if p.s[p.pos] != '"' {
		return Value{}, p.misplaced("Expecting STRING")
	}
	p.pos++
	key, v, err := p.entry()
	if err != nil {
		return Value{}, err
	}
	p.skipSpace()
	if err := p.need(1); err != nil {
		return Value{}, err
	}
	if p.s[p.pos] != ')' {
		return Value{}, p.misplaced("Expecting PROPERTY_END")
	}
	p.pos++
	return NewProperty(key, v), nil
}

// str reads a string after its opening quote. A backslash keeps the next
// character as it is, except that \b, \f, \n and \r stand for the control
// characters (jboss-dmr's rule: "\t" is a plain "t", "\u0041" is "u0041").
func (p *textParser) str() (string, error) {
	start := p.pos
	for p.pos < len(p.s) {
		switch p.s[p.pos] {
		case '"':
			s := p.s[start:p.pos]
			p.pos++
			return s, nil
		case '\\':
			return p.strEscaped(start)
		}
		p.pos++
	}
	return "", p.fail(msgEOF)
}

// strEscaped finishes a string that holds a backslash at p.pos.
func (p *textParser) strEscaped(start int) (string, error) {
	var b strings.Builder
	b.WriteString(p.s[start:p.pos])
	for p.pos < len(p.s) {
		c := p.s[p.pos]
		p.pos++
		switch c {
		case '"':
			return b.String(), nil
		case '\\':
			if p.pos == len(p.s) {
				return "", p.fail(msgEOF)
			}
			b.WriteByte(unescapeText(p.s[p.pos]))
			p.pos++
		default:
			b.WriteByte(c)
		}
	}
	return "", p.fail(msgEOF)
}

func unescapeText(c byte) byte {
	switch c {
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	}
	return c
}

// number reads an INT, LONG or DOUBLE, or a signed Infinity or NaN.
func (p *textParser) number() (Value, error) {
	c := p.s[p.pos]
	if c == '+' || c == '-' {
		if v, ok, err := p.signedSpecial(c); ok || err != nil {
			return v, err
		}
	}
	hex := c == '0' && p.pos+1 < len(p.s) && p.s[p.pos+1] == 'x'
	if hex {
		p.pos += 2
	}
	text := p.readNumber(hex)

	if p.pos < len(p.s) && p.s[p.pos] == 'L' {
		p.pos++
		n, ok := parseLongText(text, hex)
		if !ok {
			return Value{}, p.fail("Incorrect long value")
		}
		return NewLong(n), nil
	}
	if strings.IndexByte(text, '.') >= 0 {
		f, ok := parseJavaDouble(text)
		if !ok {
			return Value{}, p.fail("Incorrect double value")
		}
		return NewDouble(f), nil
	}
	n, ok := parseIntText(text, hex)
	if !ok {
		return Value{}, p.fail("Incorrect integer value")
	}
	return NewInt(n), nil
}

// signedSpecial reads +Infinity, -Infinity, +NaN or -NaN; ok is false when
// the sign starts an ordinary number.
func (p *textParser) signedSpecial(sign byte) (Value, bool, error) {
	if err := p.need(2); err != nil {
		return Value{}, false, err
	}
	switch n := p.s[p.pos+1]; {
	case n == 'I':
		p.pos++
		if err := p.expect("Infinity"); err != nil {
			return Value{}, false, err
		}
		if sign == '-' {
			return NewDouble(math.Inf(-1)), true, nil
		}
		return NewDouble(math.Inf(1)), true, nil
	case n == 'N':
		p.pos++
		err := p.expect("NaN")
		return NewDouble(math.NaN()), true, err
	case !isNumberChar(n):
		return Value{}, false, p.failf("Unexpected first character '%s' while reading "+
			"DMR Infinity or NaN or number token", p.char(p.pos+1))
	}
	return Value{}, false, nil
}

func (p *textParser) readNumber(hex bool) string {
	start := p.pos
	for p.pos < len(p.s) && (isNumberChar(p.s[p.pos]) || hex && isHexNumberChar(p.s[p.pos])) {
		p.pos++
	}
	return p.s[start:p.pos]
}

func parseIntText(text string, hex bool) (int32, bool) {
	if hex {
		return parseHexInt(text)
	}
	n, err := strconv.ParseInt(text, 10, 32)
	return int32(n), err == nil
}

func parseLongText(text string, hex bool) (int64, bool) {
	if hex {
		return parseHexLong(text)
	}
	n, err := strconv.ParseInt(text, 10, 64)
	return n, err == nil
}

// parseHexInt reads up to 8 hex digits as jboss-dmr does: the bits are
// shifted in without a range check (0xFFFFFFFF is -1), and a sign or point
// among the digits counts as all ones, a quirk kept for fidelity.
func parseHexInt(text string) (int32, bool) {
	if len(text) == 0 || len(text) > 8 {
		return 0, false
	}
	var n int32
	for i := 0; i < len(text)-1; i++ {
		n |= int32(hexValue(text[i]))
		n <<= 4
	}
	return n | int32(hexValue(text[len(text)-1])), true
}

// parseHexLong is parseHexInt for up to 16 digits.
func parseHexLong(text string) (int64, bool) {
	if len(text) == 0 || len(text) > 16 {
		return 0, false
	}
	var n int64
	for i := 0; i < len(text)-1; i++ {
		n |= int64(hexValue(text[i]))
		n <<= 4
	}
	return n | int64(hexValue(text[len(text)-1])), true
}

func hexValue(c byte) int {
	switch {
	case '0' <= c && c <= '9':
		return int(c - '0')
	case 'a' <= c && c <= 'z':
		return int(c-'a') + 10
	case 'A' <= c && c <= 'Z':
		return int(c-'A') + 10
	}
	return -1
}

// expect consumes word or fails as jboss-dmr does for a misspelt keyword.
func (p *textParser) expect(word string) error {
	for i := 0; i < len(word); i++ {
		if p.pos >= len(p.s) {
			return p.fail(msgEOF)
		}
		if p.s[p.pos] != word[i] {
			return p.failf("Unexpected character '%s' while reading DMR %s token",
				p.char(p.pos), word)
		}
		p.pos++
	}
	return nil
}

// parseBigInteger reads Java's BigInteger literal: an optional sign and
// decimal digits.
func parseBigInteger(text string) (*big.Int, bool) {
	if text == "" || strings.ContainsAny(text[1:], "+-") {
		return nil, false
	}
	return new(big.Int).SetString(text, 10)
}
