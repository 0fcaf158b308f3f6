package grammar

import (
	"sync"

	"github.com/alecthomas/participle/v2"
	"github.com/alecthomas/participle/v2/lexer"
)

// The fast path. Participle spends most of a parse on its own bookkeeping:
// every group and alternative opens a branch of the parse context, and every
// capture goes through reflection, about 400 allocations for a typical
// request. The grammars of requests, paths, headers and commands are LL(1)
// over the scanned tokens, so a greedy walk over the token slice, written
// rule for rule after the participle grammar, fills the same p* structs.
// The walk accepts only token sequences that it matches in full, and then
// builds exactly the tree participle builds; on anything else it declines,
// and the participle parser runs as before, so errors (their wording and
// position) come from participle alone. fastpath_test.go checks both agree
// on every line of the corpus and on their prefixes.

// lazyParser returns a function that builds the participle parser of T on
// its first call and returns that same parser ever after. Building the five
// parsers costs more than walking a whole 900-line script, and a script
// whose lines all take the fast path never needs them. The grammar tests
// build every parser, so a grammar that does not build still fails them.
func lazyParser[T any]() func() *participle.Parser[T] {
	return sync.OnceValue(func() *participle.Parser[T] {
		return participle.MustBuild[T](participle.Lexer(tokenDef{}))
	})
}

// tokWalk is a cursor over scanned tokens.
type tokWalk struct {
	toks []lexer.Token
	i    int
	end  lexer.Position // the position of EOF, as tokenList gives it
}

// peekType returns the type of the next token, EOF at the end.
func (w *tokWalk) peekType() lexer.TokenType {
	if w.i >= len(w.toks) {
		return lexer.EOF
	}
	return w.toks[w.i].Type
}

// peekPos returns the position of the next token, as participle gives it to
// a struct's Pos field.
func (w *tokWalk) peekPos() lexer.Position {
	if w.i >= len(w.toks) {
		return w.end
	}
	return w.toks[w.i].Pos
}

// take consumes the next token when it has type t.
func (w *tokWalk) take(t lexer.TokenType) (lexer.Token, bool) {
	if w.peekType() != t {
		return lexer.Token{}, false
	}
	w.i++
	return w.toks[w.i-1], true
}

func (w *tokWalk) done() bool { return w.i >= len(w.toks) }

func (s *scanner) walk() *tokWalk {
	return &tokWalk{toks: s.toks, end: s.pos(len(s.src))}
}

// fastOp matches pOp: part* Colon OpName params? headers? Junk? redirect?
func (w *tokWalk) fastOp() (*pOp, bool) {
	p := &pOp{Parts: w.parts()}
	if _, ok := w.take(tColon); !ok {
		return nil, false
	}
	p.Colon = true
	name, ok := w.take(tOpName)
	if !ok {
		return nil, false
	}
	p.Name = name
	if w.peekType() == tLParen {
		if p.Params, ok = w.params(); !ok {
			return nil, false
		}
	}
	if w.peekType() == tLBrace {
		if p.Headers, ok = w.headers(); !ok {
			return nil, false
		}
	}
	p.Junk, _ = w.take(tJunk)
	if t := w.peekType(); t == tRedirect || t == tPipe {
		if p.Redirect, ok = w.redirect(); !ok {
			return nil, false
		}
	}
	return p, w.done()
}

// parts matches pPart*: "/" | ".." | "." | ".type" | Word ("=" Word?)?.
// A part is decided by its first token and the rest is optional, so the
// walk never fails inside one.
func (w *tokWalk) parts() []*pPart {
	var out []*pPart
	var block []pPart // parts are allocated in blocks, not one by one
	for {
		if len(block) == 0 {
			block = make([]pPart, 8)
		}
		g := &block[0]
		*g = pPart{Pos: w.peekPos()}
		switch t := w.peekType(); t {
		case tSlash:
			w.i++
			g.Slash = true
		case tDotDot, tDot, tDotType:
			g.Nav = w.toks[w.i].Value
			w.i++
		case tWord:
			g.Type = w.toks[w.i].Value
			w.i++
			if _, ok := w.take(tEq); ok {
				g.Eq = true
				g.Name, _ = w.take(tWord)
			}
		default:
			return out
		}
		block = block[1:]
		out = append(out, g)
	}
}

// params matches pParams: "(" (param | ",")* ")"?.
func (w *tokWalk) params() (*pParams, bool) {
	if _, ok := w.take(tLParen); !ok {
		return nil, false
	}
	p := &pParams{}
	for {
		switch w.peekType() {
		case tComma:
			w.i++
			continue
		case tBang, tPName:
			it := &pParam{Pos: w.peekPos()}
			_, it.Bang = w.take(tBang)
			name, ok := w.take(tPName)
			if !ok {
				return nil, false
			}
			it.Name = name.Value
			if _, ok := w.take(tEq); ok {
				it.Eq = true
				it.Value, _ = w.take(tPValue)
			}
			p.Items = append(p.Items, it)
			continue
		}
		break
	}
	_, p.Close = w.take(tRParen)
	return p, true
}

// headers matches pHeaders: "{" (header | ";")* "}"?, where a header is
// "rollout" Plan? or HName ("=" HValue)?.
func (w *tokWalk) headers() (*pHeaders, bool) {
	if _, ok := w.take(tLBrace); !ok {
		return nil, false
	}
	p := &pHeaders{}
	for {
		switch w.peekType() {
		case tSemi:
			w.i++
			continue
		case tRollout:
			it := &pHeader{Pos: w.peekPos(), Rollout: true}
			w.i++
			it.Plan, _ = w.take(tPlan)
			p.Items = append(p.Items, it)
			continue
		case tHName:
			it := &pHeader{Pos: w.peekPos(), Name: w.toks[w.i].Value}
			w.i++
			if _, ok := w.take(tEq); ok {
				v, ok := w.take(tHValue)
				if !ok {
					return nil, false
				}
				it.Eq, it.Value = true, v
			}
			p.Items = append(p.Items, it)
			continue
		}
		break
	}
	_, p.Close = w.take(tRBrace)
	return p, true
}

// redirect matches pRedirect: (Redirect | Pipe) Target.
func (w *tokWalk) redirect() (*pRedirect, bool) {
	r := &pRedirect{Pos: w.peekPos()}
	t := w.peekType()
	if t != tRedirect && t != tPipe {
		return nil, false
	}
	r.Op = w.toks[w.i].Value
	w.i++
	target, ok := w.take(tTarget)
	if !ok {
		return nil, false
	}
	r.Target = target
	return r, true
}

// fastCmd matches pCmd: CmdName arg* redirect?, where an arg is
// ArgName ("=" ArgValue?)? or Positional.
func (w *tokWalk) fastCmd() (*pCmd, bool) {
	p := &pCmd{Name: &pCmdName{Pos: w.peekPos()}}
	name, ok := w.take(tCmdName)
	if !ok {
		return nil, false
	}
	p.Name.Value = name.Value
	for {
		a := &pArg{Pos: w.peekPos()}
		switch w.peekType() {
		case tArgName:
			a.Name = w.toks[w.i].Value
			w.i++
			if _, ok := w.take(tEq); ok {
				a.Eq = true
				if v, ok := w.take(tArgValue); ok {
					a.Value = v.Value
				}
			}
		case tPositional:
			a.Positional = w.toks[w.i].Value
			w.i++
		default:
			if t := w.peekType(); t == tRedirect || t == tPipe {
				if p.Redirect, ok = w.redirect(); !ok {
					return nil, false
				}
			}
			return p, w.done()
		}
		p.Args = append(p.Args, a)
	}
}

// fastPath matches pPath: part*.
func (w *tokWalk) fastPath() (*pPath, bool) {
	p := &pPath{Parts: w.parts()}
	return p, w.done()
}

// fastHeaders matches pHeaders alone.
func (w *tokWalk) fastHeaders() (*pHeaders, bool) {
	p, ok := w.headers()
	return p, ok && w.done()
}

// fastCond matches pOr, the condition of an if, to the end of the tokens.
func (w *tokWalk) fastCond() (*pOr, bool) {
	p, ok := w.or()
	return p, ok && w.done()
}

// or matches pOr: and (Or and)*.
func (w *tokWalk) or() (*pOr, bool) {
	p := &pOr{Pos: w.peekPos()}
	var ok bool
	if p.Left, ok = w.and(); !ok {
		return nil, false
	}
	for w.peekType() == tOr {
		w.i++
		r, ok := w.and()
		if !ok {
			return nil, false
		}
		p.Right = append(p.Right, r)
	}
	return p, true
}

// and matches pAnd: term (And term)*.
func (w *tokWalk) and() (*pAnd, bool) {
	p := &pAnd{Pos: w.peekPos()}
	var ok bool
	if p.Left, ok = w.term(); !ok {
		return nil, false
	}
	for w.peekType() == tAnd {
		w.i++
		r, ok := w.term()
		if !ok {
			return nil, false
		}
		p.Right = append(p.Right, r)
	}
	return p, true
}

// term matches pTerm: "(" or ")" | Operand CmpOp Operand.
func (w *tokWalk) term() (*pTerm, bool) {
	p := &pTerm{Pos: w.peekPos()}
	if _, ok := w.take(tLParen); ok {
		g, ok := w.or()
		if !ok {
			return nil, false
		}
		if _, ok := w.take(tRParen); !ok {
			return nil, false
		}
		p.Group = g
		return p, true
	}
	c := &pCmp{Pos: w.peekPos()}
	path, ok := w.take(tOperand)
	if !ok {
		return nil, false
	}
	op, ok := w.take(tCmpOp)
	if !ok {
		return nil, false
	}
	value, ok := w.take(tOperand)
	if !ok {
		return nil, false
	}
	c.Path, c.Op, c.Value = path.Value, op.Value, value.Value
	p.Cmp = c
	return p, true
}
