package grammar

import (
	"strings"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The participle grammar of an operation request, over the tokens of
// scanOperation:
//
//	request  = part* ":" OpName params? headers? Junk? redirect?
//	part     = "/" | segment
//	segment  = ".." | "." | ".type" | Word ("=" Word?)?
//	params   = "(" (param | ",")* ")"?
//	param    = "!"? PName ("=" PValue?)?
//	headers  = "{" (header | ";")* "}"?
//	header   = "rollout" Plan? | HName ("=" HValue)?
type pOp struct {
	Parts    []*pPart    `parser:"@@*"`
	Colon    bool        `parser:"@Colon"`
	Name     lexer.Token `parser:"@OpName"`
	Params   *pParams    `parser:"@@?"`
	Headers  *pHeaders   `parser:"@@?"`
	Junk     lexer.Token `parser:"@Junk?"`
	Redirect *pRedirect  `parser:"@@?"`
}

// pPart is a '/' or an address segment. Leaves are captured as tokens, which
// carry their positions, rather than as structs of their own: each struct
// costs participle a branch, and this grammar runs for every script line.
type pPart struct {
	Pos   lexer.Position
	Slash bool        `parser:"  @Slash"`
	Nav   string      `parser:"| @(DotDot | Dot | DotType)"`
	Type  string      `parser:"| @Word"`
	Eq    bool        `parser:"  ( @Eq"`
	Name  lexer.Token `parser:"    @Word? )?"`
}

type pParams struct {
	Items []*pParam `parser:"LParen ( @@ | Comma )*"`
	Close bool      `parser:"@RParen?"`
}

type pParam struct {
	Pos   lexer.Position
	Bang  bool        `parser:"@Bang?"`
	Name  string      `parser:"@PName"`
	Eq    bool        `parser:"( @Eq"`
	Value lexer.Token `parser:"  @PValue? )?"`
}

type pHeaders struct {
	Items []*pHeader `parser:"LBrace ( @@ | Semi )*"`
	Close bool       `parser:"@RBrace?"`
}

type pHeader struct {
	Pos     lexer.Position
	Rollout bool        `parser:"  ( @Rollout"`
	Plan    lexer.Token `parser:"    @Plan? )"`
	Name    string      `parser:"| @HName"`
	Eq      bool        `parser:"  ( @Eq"`
	Value   lexer.Token `parser:"    @HValue )?"`
}

type pRedirect struct {
	Pos    lexer.Position
	Op     string      `parser:"@(Redirect | Pipe)"`
	Target lexer.Token `parser:"@Target"`
}

// pPath is a node path alone (cd, ls).
type pPath struct {
	Parts []*pPart `parser:"@@*"`
}

var pathParser = lazyParser[pPath]()

var headersParser = lazyParser[pHeaders]()

var opParser = lazyParser[pOp]()

// parseOperation parses the operation request that starts at byte offset
// start of the line.
func parseOperation(text string, line, start int) (*Operation, *Redirect, error) {
	s := &scanner{src: text, line: line, off: start}
	if err := s.scanOperation(); err != nil {
		return nil, nil, err
	}
	if !hasToken(s.toks, tColon) || !hasToken(s.toks, tOpName) {
		return nil, nil, s.errAt(start,
			"The operation name is missing or the format of the operation request is wrong.")
	}
	if p, ok := s.walk().fastOp(); ok {
		return s.buildOperation(p, start)
	}
	lex, err := s.lexer()
	if err != nil {
		return nil, nil, s.errAt(start, "%v", err)
	}
	p, err := opParser().ParseFromLexer(lex)
	if err != nil {
		return nil, nil, s.participleError(err)
	}
	return s.buildOperation(p, start)
}

func hasToken(toks []lexer.Token, t lexer.TokenType) bool {
	for _, k := range toks {
		if k.Type == t {
			return true
		}
	}
	return false
}

// participleError turns a participle error into an *Error with jboss-cli's
// wording where the unexpected token says what went wrong.
func (s *scanner) participleError(err error) *Error {
	pe, ok := err.(participle.Error)
	if !ok {
		return s.errAt(0, "%v", err)
	}
	off := pe.Position().Offset
	tok := tokenAt(s.toks, off)
	if tok != nil {
		switch tok.Type {
		case tEq:
			if inParams(s.toks, off) {
				return s.errAt(off, "'%s' is not a valid parameter name.",
					restOfParam(s.src, off))
			}
			return s.errAt(off, "The node type is missing before '='.")
		case tBang:
			return s.errAt(off, "'!' may appear only once before a parameter name")
		case tSlash:
			return s.errAt(off, "Can't reset to root in the middle of the path @%d", off)
		case tLParen, tLBrace:
			return s.errAt(off, "The operation name is missing or the format of the "+
				"operation request is wrong.")
		}
	}
	return s.errAt(off, "%s", pe.Message())
}

// inParams reports whether offset off lies after the '(' of parameters.
func inParams(toks []lexer.Token, off int) bool {
	for _, t := range toks {
		if t.Type == tLParen && t.Pos.Offset < off {
			return true
		}
	}
	return false
}

func tokenAt(toks []lexer.Token, off int) *lexer.Token {
	for i := range toks {
		if toks[i].Pos.Offset == off {
			return &toks[i]
		}
	}
	return nil
}

// restOfParam returns the text of a parameter from off up to ',' or ')'.
func restOfParam(src string, off int) string {
	end := strings.IndexAny(src[off:], ",)")
	if end < 0 {
		return src[off:]
	}
	return src[off : off+end]
}

func (s *scanner) buildOperation(p *pOp, start int) (*Operation, *Redirect, error) {
	op := &Operation{Pos: posOf(s.pos(start)), Name: p.Name.Value,
		NamePos: posOf(p.Name.Pos), Source: s.src}
	addr, err := s.buildAddress(p.Parts, start)
	if err != nil {
		return nil, nil, err
	}
	op.Address = addr
	if p.Params != nil {
		if op.Params, err = s.buildParams(p.Params.Items); err != nil {
			return nil, nil, err
		}
	}
	if p.Headers != nil {
		if op.Headers, err = s.buildHeaders(p.Headers.Items); err != nil {
			return nil, nil, err
		}
	}
	if p.Junk.Type == tJunk {
		op.Ignored, op.IgnoredPos = p.Junk.Value, posOf(p.Junk.Pos)
	}
	end := len(s.src)
	var red *Redirect
	if p.Redirect != nil {
		end = p.Redirect.Pos.Offset
		red = p.Redirect.build()
	}
	op.Text = strings.TrimSpace(s.src[start:end])
	return op, red, nil
}

// buildAddress turns the address parts into segments. Two slashes in a row
// are an error; whether a bare word is a type or a name depends on the current
// node and is left to the resolver.
func (s *scanner) buildAddress(parts []*pPart, start int) (*Address, error) {
	if len(parts) == 0 {
		return nil, nil
	}
	a := &Address{Pos: posOf(parts[0].Pos), Absolute: parts[0].Slash}
	lastSlash := false
	for i, pt := range parts {
		if pt.Slash {
			if lastSlash {
				return nil, s.errAt(pt.Pos.Offset,
					"Can't reset to root in the middle of the path @%d", pt.Pos.Offset)
			}
			lastSlash = true
			continue
		}
		if i > 0 && !lastSlash {
			return nil, s.errAt(pt.Pos.Offset, "'/' is missing before '%s'", segText(pt))
		}
		lastSlash = false
		a.Segments = append(a.Segments, buildSegment(pt))
	}
	a.TrailingSlash = lastSlash && len(a.Segments) > 0
	return a, nil
}

func segText(g *pPart) string {
	if g.Nav != "" {
		return g.Nav
	}
	return g.Type
}

func buildSegment(g *pPart) *Segment {
	seg := &Segment{Pos: posOf(g.Pos)}
	switch g.Nav {
	case "..":
		seg.Kind = ParentSegment
	case ".":
		seg.Kind = SelfSegment
	case ".type":
		seg.Kind = TypeOfParent
	default:
		seg.Type = g.Type
		switch {
		case g.Name.Type == tWord:
			seg.Kind = NodeSegment
			seg.Name = g.Name.Value
			seg.NamePos = posOf(g.Name.Pos)
		case g.Eq:
			seg.Kind = OpenSegment
			seg.NamePos = posOf(g.Pos)
		default:
			seg.Kind = TypeSegment
		}
	}
	return seg
}

func (s *scanner) buildParams(items []*pParam) ([]*Param, error) {
	var out []*Param
	for _, it := range items {
		p := &Param{Pos: posOf(it.Pos), Name: it.Name, Negated: it.Bang, HasEq: it.Eq}
		switch {
		case it.Bang && it.Eq:
			return nil, s.errAt(it.Pos.Offset, "'!%s' is not a valid parameter name.", it.Name)
		case it.Value.Type == tPValue:
			p.Value = it.Value.Value
			p.ValuePos = posOf(it.Value.Pos)
		case it.Eq:
			p.ValuePos = posOf(it.Pos)
		case it.Bang:
			p.Bare, p.Value = true, "false"
		default:
			p.Bare, p.Value = true, "true"
		}
		out = append(out, p)
	}
	return out, nil
}

func (s *scanner) buildHeaders(items []*pHeader) ([]*Header, error) {
	out := []*Header{}
	for _, it := range items {
		h := &Header{Pos: posOf(it.Pos), Name: it.Name}
		if it.Rollout {
			plan, err := s.parsePlan(it.Pos, it.Plan)
			if err != nil {
				return nil, err
			}
			h.Name, h.Rollout = "rollout", plan
			out = append(out, h)
			continue
		}
		if it.Value.Type != tHValue {
			return nil, s.errAt(it.Pos.Offset, "Header '%s' is not complete.", it.Name)
		}
		h.Value, h.HasValue, h.ValuePos = it.Value.Value, true, posOf(it.Value.Pos)
		out = append(out, h)
	}
	return out, nil
}

func (r *pRedirect) build() *Redirect {
	return &Redirect{Pos: posOf(r.Pos), Target: r.Target.Value, Append: r.Op == ">>",
		Pipe: r.Op == "|"}
}
