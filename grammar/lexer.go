package grammar

import (
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/alecthomas/participle/v2/lexer"
)

// The token types of the line language. The CLI's lexing depends on where a
// character stands (a ':' ends an address but is text inside a value, spaces
// end a command argument but not a parameter value), which participle's
// regular-expression lexers cannot express; so hand-written scanners produce
// these tokens and participle grammars check their order.
const (
	tSlash lexer.TokenType = -(iota + 2)
	tEq
	tColon
	tWord
	tDotDot
	tDot
	tDotType
	tOpName
	tLParen
	tRParen
	tComma
	tBang
	tPName
	tPValue
	tLBrace
	tRBrace
	tSemi
	tHName
	tHValue
	tRollout
	tPlan
	tRedirect
	tTarget
	tJunk
	tCmdName
	tArgName
	tArgValue
	tPositional
	tCmpOp
	tAnd
	tOr
	tOperand
	tPipe
)

// symbols returns the token types the participle parsers know by name; the
// parsers are built on first use (see fastpath.go).
func symbols() map[string]lexer.TokenType {
	return map[string]lexer.TokenType{
		"EOF": lexer.EOF, "Slash": tSlash, "Eq": tEq, "Colon": tColon, "Word": tWord,
		"DotDot": tDotDot, "Dot": tDot, "DotType": tDotType, "OpName": tOpName,
		"LParen": tLParen, "RParen": tRParen, "Comma": tComma, "Bang": tBang,
		"PName": tPName, "PValue": tPValue, "LBrace": tLBrace, "RBrace": tRBrace,
		"Semi": tSemi, "HName": tHName, "HValue": tHValue, "Rollout": tRollout,
		"Plan": tPlan, "Redirect": tRedirect, "Target": tTarget, "Junk": tJunk,
		"CmdName": tCmdName, "ArgName": tArgName, "ArgValue": tArgValue,
		"Positional": tPositional, "CmpOp": tCmpOp, "And": tAnd, "Or": tOr,
		"Operand": tOperand, "Pipe": tPipe,
	}
}

var symbolNames = func() map[lexer.TokenType]string {
	m := map[lexer.TokenType]string{}
	for k, v := range symbols() {
		m[v] = k
	}
	return m
}()

// tokenDef is the participle lexer definition of the line language. Parsers
// are fed pre-scanned tokens through ParseFromLexer; Lex exists only to
// satisfy the interface and refuses direct use.
type tokenDef struct{}

// Symbols returns the token types by name.
func (tokenDef) Symbols() map[string]lexer.TokenType { return symbols() }

// Lex refuses to lex: the scanners produce the tokens.
func (tokenDef) Lex(string, io.Reader) (lexer.Lexer, error) {
	return nil, fmt.Errorf("grammar: tokens come from the hand-written scanners")
}

// tokenList replays scanned tokens to participle, then EOF.
type tokenList struct {
	toks []lexer.Token
	i    int
	end  lexer.Position
}

// Next returns the next token, then EOF for ever.
func (l *tokenList) Next() (lexer.Token, error) {
	if l.i >= len(l.toks) {
		return lexer.EOFToken(l.end), nil
	}
	t := l.toks[l.i]
	l.i++
	return t, nil
}

// scanner is the state shared by the hand-written scanners: the line text,
// its number, the read offset and the tokens produced so far.
type scanner struct {
	src  string
	line int
	off  int
	toks []lexer.Token
	// colOff and colN cache the last column computed: the column of byte
	// offset colOff is colN+1 (colN characters precede it). Scanners emit
	// tokens left to right, so the next column is counted from there
	// rather than from the start of the line.
	colOff, colN int
}

func (s *scanner) eof() bool { return s.off >= len(s.src) }

func (s *scanner) peek() byte {
	if s.eof() {
		return 0
	}
	return s.src[s.off]
}

func (s *scanner) peekAt(n int) byte {
	if s.off+n >= len(s.src) {
		return 0
	}
	return s.src[s.off+n]
}

func (s *scanner) skipBlanks() {
	for !s.eof() && isBlank(s.src[s.off]) {
		s.off++
	}
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

func (s *scanner) pos(off int) lexer.Position {
	return lexer.Position{Line: s.line, Column: s.column(off), Offset: off}
}

// column returns the column of byte offset off, as column(s.src, off) does.
func (s *scanner) column(off int) int {
	if off < 0 || off > len(s.src) || off < s.colOff ||
		off < len(s.src) && !utf8.RuneStart(s.src[off]) {
		return column(s.src, off) // not counted on from a character start
	}
	s.colN += utf8.RuneCountInString(s.src[s.colOff:off])
	s.colOff = off
	return s.colN + 1
}

func (s *scanner) emit(t lexer.TokenType, val string, start int) {
	if s.toks == nil {
		s.toks = make([]lexer.Token, 0, 16+len(s.src)/8)
	}
	s.toks = append(s.toks, lexer.Token{Type: t, Value: val, Pos: s.pos(start)})
}

func (s *scanner) errAt(off int, format string, args ...any) *Error {
	return Errorf(s.src, s.line, off, format, args...)
}

// lexerFor returns a participle peeking lexer over the scanned tokens.
func (s *scanner) lexer() (*lexer.PeekingLexer, error) {
	return lexer.Upgrade(&tokenList{toks: s.toks, end: s.pos(len(s.src))})
}

// posOf converts a participle position to a Pos.
func posOf(p lexer.Position) Pos { return Pos{Line: p.Line, Col: p.Column, Off: p.Offset} }
