package dmr

import "strings"

// misplaced reports the token at p.pos, which the grammar does not allow
// where it stands, with the message expecting; or a character that starts
// no token at all. Like jboss-dmr, it first reads the part of the token that
// jboss-dmr reads before checking the grammar, so that a misspelt word
// reports its spelling.
func (p *textParser) misplaced(expecting string) error {
	if strings.IndexByte(`"=,0123456789+-bDeEOPSTULBINftu{[(}])`, p.s[p.pos]) < 0 {
		return p.failf("Unexpected character '%s' while reading DMR stream", p.char(p.pos))
	}
	q := *p
	if err := q.lexFirst(); err != nil {
		return err
	}
	return p.fail(expecting)
}

// lexFirst reads what jboss-dmr's reader reads of the token at p.pos before
// it asks its grammar whether the token may come, and returns the error that
// reading gives. It moves p.
func (p *textParser) lexFirst() error {
	switch c := p.s[p.pos]; c {
	case '=':
		if err := p.need(2); err != nil {
			return err
		}
		if p.s[p.pos+1] != '>' {
			return p.failf("Unexpected character '%s' while reading DMR arrow", p.char(p.pos+1))
		}
	case 'N':
		return p.expect("NaN")
	case 'I':
		if err := p.need(2); err != nil {
			return err
		}
		if p.s[p.pos+1] != 'N' {
			_, err := p.ambiguousType(c)
			return err
		}
	case 'L', 'B':
		return p.need(2)
	case 'b':
		if err := p.need(2); err != nil || p.s[p.pos+1] == 'y' {
			return err
		}
		if p.s[p.pos+1] != 'i' {
			_, err := p.bigOrBytes()
			return err
		}
		_, err := p.bigPrefix()
		return err
	case '+', '-':
		_, _, err := p.signedSpecial(c)
		return err
	}
	return nil
}

// misplaced is textParser.misplaced for the JSON form.
func (p *jsonParser) misplaced(expecting string) error {
	if strings.IndexByte(`"{}[],:+-0123456789INtfn`, p.s[p.pos]) < 0 {
		return p.failf("Unexpected character '%s' while reading DMR stream", p.char(p.pos))
	}
	q := *p
	if err := q.lexFirst(); err != nil {
		return err
	}
	return p.fail(expecting)
}

// lexFirst is textParser.lexFirst for the JSON reader, which reads whole
// integers, and the first key of an object with any wrapper it starts,
// before it checks the grammar.
func (p *jsonParser) lexFirst() error {
	switch c := p.s[p.pos]; {
	case c == 'I':
		return p.expect("Infinity")
	case c == 'N':
		return p.expect("NaN")
	case c == '+' || c == '-' || '0' <= c && c <= '9':
		_, err := p.number()
		if err != nil && err.Error() == "Incorrect decimal value" {
			return nil
		}
		return err
	case c == '{':
		p.pos++
		p.skipSpace()
		if p.pos == len(p.s) || p.s[p.pos] != '"' {
			return nil
		}
		p.pos++
		key, err := p.str()
		if err != nil {
			return err
		}
		_, _, err = p.wrapper(key)
		return err
	}
	return nil
}
