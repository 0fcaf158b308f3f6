package grammar

import (
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The participle grammar of an if condition, over the tokens of scanCond.
// && binds tighter than ||:
//
//	or   = and ("||" and)*
//	and  = term ("&&" term)*
//	term = "(" or ")" | Operand CmpOp Operand
type pOr struct {
	Pos   lexer.Position
	Left  *pAnd   `parser:"@@"`
	Right []*pAnd `parser:"( Or @@ )*"`
}

type pAnd struct {
	Pos   lexer.Position
	Left  *pTerm   `parser:"@@"`
	Right []*pTerm `parser:"( And @@ )*"`
}

type pTerm struct {
	Pos   lexer.Position
	Group *pOr  `parser:"  LParen @@ RParen"`
	Cmp   *pCmp `parser:"| @@"`
}

type pCmp struct {
	Pos   lexer.Position
	Path  string `parser:"@Operand"`
	Op    string `parser:"@CmpOp"`
	Value string `parser:"@Operand"`
}

var condParser = lazyParser[pOr]()

// ParseCondition parses the condition text of an if command that starts at
// byte offset start of text (line line).
func ParseCondition(text string, line, start, end int) (*Condition, error) {
	s := &scanner{src: text[:end], line: line, off: start}
	if err := s.scanCond(); err != nil {
		return nil, err
	}
	if len(s.toks) == 0 {
		return nil, s.errAt(start, "The condition is missing.")
	}
	if p, ok := s.walk().fastCond(); ok {
		return buildOr(p), nil
	}
	lex, err := s.lexer()
	if err != nil {
		return nil, s.errAt(start, "%v", err)
	}
	p, err := condParser().ParseFromLexer(lex)
	if err != nil {
		pe, ok := err.(participle.Error)
		if !ok {
			return nil, s.errAt(start, "%v", err)
		}
		return nil, s.errAt(pe.Position().Offset, "%s", pe.Message())
	}
	return buildOr(p), nil
}

func buildOr(p *pOr) *Condition {
	c := buildAnd(p.Left)
	for _, r := range p.Right {
		c = &Condition{Pos: c.Pos, Op: "||", Left: c, Right: buildAnd(r)}
	}
	return c
}

func buildAnd(p *pAnd) *Condition {
	c := buildTerm(p.Left)
	for _, r := range p.Right {
		c = &Condition{Pos: c.Pos, Op: "&&", Left: c, Right: buildTerm(r)}
	}
	return c
}

func buildTerm(p *pTerm) *Condition {
	if p.Group != nil {
		return buildOr(p.Group)
	}
	return &Condition{Pos: posOf(p.Cmp.Pos), Op: p.Cmp.Op, Path: p.Cmp.Path,
		Value: p.Cmp.Value}
}

// scanCond scans a condition: parentheses, && and ||, comparison operators
// and operands. An operand is a path or a literal; a quoted literal keeps its
// quotes, and an unquoted '\)' or '\(' stands for the parenthesis.
func (s *scanner) scanCond() error {
	for {
		s.skipBlanks()
		if s.eof() {
			return nil
		}
		c, next := s.peek(), s.peekAt(1)
		switch {
		case c == '(':
			s.emit(tLParen, "(", s.off)
			s.off++
		case c == ')':
			s.emit(tRParen, ")", s.off)
			s.off++
		case c == '&' && next == '&':
			s.emit(tAnd, "&&", s.off)
			s.off += 2
		case c == '|' && next == '|':
			s.emit(tOr, "||", s.off)
			s.off += 2
		case isCmpStart(c, next):
			s.scanCmpOp()
			s.skipBlanks()
			if err := s.scanLiteral(); err != nil {
				return err
			}
		default:
			if err := s.scanOperand(); err != nil {
				return err
			}
		}
	}
}

func isCmpStart(c, next byte) bool {
	switch c {
	case '<', '>':
		return true
	case '=', '!', '~':
		return next == '='
	}
	return false
}

func (s *scanner) scanCmpOp() {
	start := s.off
	s.off++
	if s.peek() == '=' {
		s.off++
	}
	s.emit(tCmpOp, s.src[start:s.off], start)
}

func (s *scanner) scanOperand() error {
	start := s.off
	text, err := s.scanText(func(c, next byte, _ int) bool {
		return isBlank(c) || c == '(' || c == ')' || isCmpStart(c, next) ||
			(c == '&' && next == '&') || (c == '|' && next == '|')
	})
	if err != nil {
		return err
	}
	s.emit(tOperand, text, start)
	return nil
}

// scanLiteral scans the literal after a comparison operator. It may hold
// blanks and brackets (expression "${x}", [1, 2], big decimal 1.5): it ends
// at a ')' or '&&' or '||' outside quotes and brackets.
func (s *scanner) scanLiteral() error {
	start := s.off
	text, err := s.scanText(func(c, next byte, depth int) bool {
		return depth == 0 && (c == ')' || (c == '&' && next == '&') || (c == '|' && next == '|'))
	})
	if err != nil {
		return err
	}
	if lit := strings.TrimRight(text, " \t"); lit != "" {
		s.emit(tOperand, lit, start)
	}
	return nil
}

// scanText reads an operand's text up to where end says it stops, given
// the character, the one after it and how many brackets are open: a quoted
// string is kept with its quotes, and "\(" and "\)" are the bare brackets.
func (s *scanner) scanText(end func(c, next byte, depth int) bool) (string, error) {
	var b strings.Builder
	depth := 0
	for !s.eof() {
		c, next := s.peek(), s.peekAt(1)
		if end(c, next, depth) {
			break
		}
		switch {
		case c == '"':
			from := s.off
			if err := s.skipQuoted('"'); err != nil {
				return "", err
			}
			b.WriteString(s.src[from:s.off])
			continue
		case c == '\\' && (next == ')' || next == '('):
			b.WriteByte(next)
			s.off += 2
			continue
		case c == '(' || c == '[' || c == '{':
			depth++
		case (c == ')' || c == ']' || c == '}') && depth > 0:
			depth--
		}
		b.WriteByte(c)
		s.off++
	}
	return b.String(), nil
}

// splitKeyword finds the keyword kw (" of ", " in ") in text after offset
// from, outside quotes and parentheses, and returns the offsets where it
// starts and where the text after it starts; -1, -1 when it is absent.
func splitKeyword(text string, from int, kw string) (int, int) {
	depth := 0
	inQuote := false
	for i := from; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\\':
			i++
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth <= 0 && strings.HasPrefix(text[i:], kw) &&
			(i == from || isBlank(text[i-1]) || text[i-1] == ')') &&
			(i+len(kw) == len(text) || isBlank(text[i+len(kw)])):
			return i, i + len(kw)
		}
	}
	return -1, -1
}
