package request

import (
	"fmt"
	"strconv"
	"strings"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// Value converts a raw parameter or argument value (as grammar captures it)
// into a DMR value in jboss-cli's two stages. With env.ResolveParams, ${...}
// is first resolved leniently. Then the text is parsed as DMR text (true is
// BOOLEAN, 8080 INT, "x" STRING, [..], {"k" => v} ...); if that fails, the
// CLI's simplified syntax applies: words are STRINGs, a=b pairs, a,b lists,
// [..] LISTs (pairs in them are PROPERTYs), {..} OBJECTs with = or =>,
// bytes{..}, "..." groups text, backslash escapes (\n \t \b \r \f are
// control characters) and ${...} kept verbatim as STRING text.
func Value(raw string, env Env) (dmr.Value, error) {
	if env.ResolveParams {
		r, err := Resolve(raw, env, false)
		if err == nil {
			raw = r
		}
	}
	if v, err := dmr.Parse(raw); err == nil {
		if err := checkBytes(raw); err != nil {
			return dmr.Value{}, err
		}
		return v, nil
	}
	return Simplified(raw)
}

// checkBytes applies the simplified syntax's byte range to every bytes{..}
// of raw outside quotes: a DMR text parse would accept bytes{128} (as
// 0x80), which jboss-cli refuses.
func checkBytes(raw string) error {
	quoted := false
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case !quoted && strings.HasPrefix(raw[i:], "bytes"):
			rest := strings.TrimLeft(raw[i+len("bytes"):], " \t")
			if !strings.HasPrefix(rest, "{") {
				continue
			}
			p := &simple{s: rest, i: 1}
			if _, err := p.bytes(); err != nil {
				return err
			}
		}
	}
	return nil
}

// Simplified parses raw with the CLI's simplified value syntax only (the
// second stage of Value).
func Simplified(raw string) (dmr.Value, error) {
	p := &simple{s: raw}
	items, err := p.items(0)
	if err != nil {
		return dmr.Value{}, err
	}
	if p.i < len(p.s) {
		return dmr.Value{}, fmt.Errorf("Unexpected '%c' at index %d in '%s'", p.s[p.i], p.i, raw)
	}
	if len(items) == 1 && !items[0].pair {
		return items[0].value, nil
	}
	if len(items) == 0 {
		return dmr.NewString(""), nil
	}
	return collect(items, true), nil
}

// item is one element of a simplified value: a value, or a name=value pair.
type item struct {
	pair  bool
	name  string
	value dmr.Value
}

// collect builds an OBJECT when every item is a pair (and object is
// allowed), otherwise a LIST in which pairs are PROPERTYs.
//
// Limitation: jboss-cli's handling of a top-level mix of pairs and words
// (a=b,c) is not documented; we send a LIST with a PROPERTY and a STRING.
func collect(items []item, object bool) dmr.Value {
	allPairs := true
	for _, it := range items {
		allPairs = allPairs && it.pair
	}
	if object && allPairs {
		o := dmr.NewObject()
		for _, it := range items {
			o.Set(it.name, it.value)
		}
		return o
	}
	l := dmr.NewList()
	for _, it := range items {
		if it.pair {
			l.Append(dmr.NewProperty(it.name, it.value))
		} else {
			l.Append(it.value)
		}
	}
	return l
}

// simple is the state of the simplified parser.
type simple struct {
	s string
	i int
}

func (p *simple) eof() bool { return p.i >= len(p.s) }

func (p *simple) skipBlanks() {
	for !p.eof() && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// items parses items separated by ',' up to closer (0 = the end), and
// consumes the closer.
func (p *simple) items(closer byte) ([]item, error) {
	var out []item
	for {
		p.skipBlanks()
		if p.eof() {
			if closer != 0 {
				return nil, fmt.Errorf("The closing '%c' is missing in '%s'", closer, p.s)
			}
			return out, nil
		}
		if closer != 0 && p.s[p.i] == closer {
			p.i++
			return out, nil
		}
		if p.s[p.i] == ',' {
			p.i++
			continue
		}
		it, empty, err := p.item(closer)
		if err != nil {
			return nil, err
		}
		if !empty {
			out = append(out, it)
		}
	}
}

// item parses one item: a nested list, object or bytes value, or text that
// may be a name=value pair.
func (p *simple) item(closer byte) (item, bool, error) {
	if v, ok, err := p.nested(); ok || err != nil {
		return item{value: v}, false, err
	}
	name, quoted, stop, err := p.text(closer, true)
	if err != nil {
		return item{}, false, err
	}
	if stop != '=' {
		return item{value: dmr.NewString(name)}, name == "" && !quoted, nil
	}
	p.i++ // '='
	p.skipBlanks()
	if !p.eof() && p.s[p.i] == '>' {
		p.i++ // "=>" and "= >" mean '='
	}
	p.skipBlanks()
	v, err := p.value(closer)
	return item{pair: true, name: name, value: v}, false, err
}

// value parses the value of a pair.
func (p *simple) value(closer byte) (dmr.Value, error) {
	if v, ok, err := p.nested(); ok || err != nil {
		return v, err
	}
	text, _, _, err := p.text(closer, false)
	return dmr.NewString(text), err
}

// nested parses a [list], {object} or bytes{..} at the current position.
func (p *simple) nested() (dmr.Value, bool, error) {
	p.skipBlanks()
	if p.eof() {
		return dmr.Value{}, false, nil
	}
	switch p.s[p.i] {
	case '[':
		p.i++
		items, err := p.items(']')
		return collect(items, false), true, err
	case '{':
		p.i++
		items, err := p.items('}')
		if err != nil {
			return dmr.Value{}, true, err
		}
		for _, it := range items {
			if !it.pair {
				return dmr.Value{}, true, fmt.Errorf(
					"'%s' is not a name=value pair in '%s'", it.value.AsString(), p.s)
			}
		}
		return collect(items, true), true, nil
	}
	if rest, ok := strings.CutPrefix(p.s[p.i:], "bytes"); ok {
		if t := strings.TrimLeft(rest, " \t"); strings.HasPrefix(t, "{") {
			p.i = len(p.s) - len(t) + 1
			v, err := p.bytes()
			return v, true, err
		}
	}
	return dmr.Value{}, false, nil
}

// text reads a word up to ',', the closer, or (when eqStops) '='. It
// returns the text, whether it started with a quote, and the character it
// stopped at (0 at the end).
func (p *simple) text(closer byte, eqStops bool) (string, bool, byte, error) {
	p.skipBlanks()
	var b strings.Builder
	quoted := !p.eof() && p.s[p.i] == '"'
	if quoted {
		if err := p.quoted(&b); err != nil {
			return "", false, 0, err
		}
	}
	trailing := 0 // blanks at the end of b that came from unquoted text
	for !p.eof() {
		c := p.s[p.i]
		if c == ',' || (closer != 0 && c == closer) || (eqStops && c == '=') {
			return b.String()[:b.Len()-trailing], quoted, c, nil
		}
		switch {
		case c == '\\':
			if p.escape(&b) {
				return b.String(), quoted, ',', nil
			}
			trailing = 0
			continue
		case c == '$' && p.i+1 < len(p.s) && p.s[p.i+1] == '{':
			end := ops.ClosingBrace(p.s, p.i+1)
			if end < 0 {
				return "", false, 0, fmt.Errorf("Closing '}' is missing.")
			}
			b.WriteString(p.s[p.i : end+1])
			p.i = end + 1
			trailing = 0
			continue
		case c == '"':
			start := p.i
			if err := p.quoted(&strings.Builder{}); err != nil {
				return "", false, 0, err
			}
			b.WriteString(p.s[start:p.i])
			trailing = 0
			continue
		case c == ' ' || c == '\t':
			trailing++
		default:
			trailing = 0
		}
		b.WriteByte(c)
		p.i++
	}
	return b.String()[:b.Len()-trailing], quoted, 0, nil
}

// escape handles a backslash at p.i. It reports whether the escape also
// ends the item: jboss-cli ends a list item at an escaped ',' after keeping
// the comma in it.
func (p *simple) escape(b *strings.Builder) bool {
	if p.i == 0 || p.i+1 >= len(p.s) {
		// A backslash that starts the value, or ends it, is kept as text.
		b.WriteByte('\\')
		p.i++
		return false
	}
	c := p.s[p.i+1]
	p.i += 2
	switch c {
	case 'n':
		b.WriteByte('\n')
	case 't':
		b.WriteByte('\t')
	case 'b':
		b.WriteByte('\b')
	case 'r':
		b.WriteByte('\r')
	case 'f':
		b.WriteByte('\f')
	default:
		b.WriteByte(c)
	}
	return c == ','
}

// quoted reads "..." at p.i into b without the quotes; '\' takes the next
// character literally.
func (p *simple) quoted(b *strings.Builder) error {
	start := p.i
	p.i++
	for !p.eof() {
		c := p.s[p.i]
		p.i++
		switch c {
		case '"':
			return nil
		case '\\':
			if !p.eof() {
				b.WriteByte(p.s[p.i])
				p.i++
			}
		default:
			b.WriteByte(c)
		}
	}
	return fmt.Errorf("The closing '\"' is missing at index %d in '%s'", start, p.s)
}

// bytes reads the items of bytes{...} after the '{': signed decimal bytes
// (-128..127) or unsigned hex (0x0..0xff).
func (p *simple) bytes() (dmr.Value, error) {
	end := strings.IndexByte(p.s[p.i:], '}')
	if end < 0 {
		return dmr.Value{}, fmt.Errorf("The closing '}' is missing in '%s'", p.s)
	}
	body := p.s[p.i : p.i+end]
	p.i += end + 1
	var out []byte
	for _, f := range strings.Split(body, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		b, err := parseByte(f)
		if err != nil {
			return dmr.Value{}, err
		}
		out = append(out, b)
	}
	return dmr.NewBytes(out), nil
}

func parseByte(f string) (byte, error) {
	if h, ok := strings.CutPrefix(strings.ToLower(f), "0x"); ok {
		n, err := strconv.ParseUint(h, 16, 64)
		if err != nil || n > 0xff {
			return 0, fmt.Errorf("'%s' is not a valid byte value", f)
		}
		return byte(n), nil
	}
	n, err := strconv.ParseInt(strings.TrimPrefix(f, "+"), 10, 64)
	if err != nil || n < -128 || n > 127 {
		return 0, fmt.Errorf("'%s' is not a valid byte value", f)
	}
	return byte(int8(n)), nil
}
