package grammar

import "strings"

// ParseLine parses one logical line of CLI input (continuation lines already
// joined by the caller); line is its 1-based line number, used in positions
// and errors. A line whose first non-blank character is '#' is a comment, an
// empty line has neither Op nor Cmd, a line starting with '/', '.' or ':' is
// an operation request, and anything else is a command. Syntax errors are
// returned as *Error. ParseLine is safe for concurrent use.
func ParseLine(text string, line int) (*Line, error) {
	start := leadingBlanks(text)
	l := &Line{Pos: Pos{Line: line, Col: column(text, start), Off: start}, Text: text}
	if start == len(text) {
		return l, nil
	}
	var err error
	switch text[start] {
	case '#':
		l.Comment = true
	case '/', '.', ':':
		l.Op, l.Redirect, err = parseOperation(text, line, start)
	default:
		l.Cmd, l.Redirect, err = parseAnyCommand(text, line, start)
	}
	if err != nil {
		return nil, err
	}
	if l.Redirect != nil && l.Redirect.Pipe {
		l.Pipe, l.Redirect = l.Redirect, nil
	}
	return l, nil
}

// ParseOperation parses text as an operation request, as ParseLine does for
// a line that starts with '/', '.' or ':', without looking at its first
// character. It is meant for the request of "if ... of" and "for ... in",
// and for echo-dmr. The Redirect it returns may be a pipe (Pipe set).
func ParseOperation(text string, line int) (*Operation, *Redirect, error) {
	return parseOperation(text, line, leadingBlanks(text))
}

// ParseOperationAt parses the operation request that starts at byte offset
// off of text, such as the request of an if line at Command.OfPos.Off, so
// that positions and errors refer to the whole line.
func ParseOperationAt(text string, line, off int) (*Operation, *Redirect, error) {
	if off < 0 || off > len(text) {
		return nil, nil, Errorf(text, line, len(text), "The request is missing.")
	}
	return parseOperation(text, line, off)
}

func parseAnyCommand(text string, line, start int) (*Command, *Redirect, error) {
	nameEnd := start
	for nameEnd < len(text) && !isBlank(text[nameEnd]) {
		nameEnd++
	}
	switch strings.ToLower(text[start:nameEnd]) {
	case "if":
		c, err := parseIf(text, line, start, nameEnd)
		return c, nil, err
	case "for":
		c, err := parseFor(text, line, start, nameEnd)
		return c, nil, err
	}
	return parseCommand(text, line, start)
}

// controlCommand returns the Command of an if or for line, with its Rest.
func controlCommand(text string, line, start, nameEnd int) *Command {
	s := &scanner{src: text, line: line}
	restStart := nameEnd + leadingBlanks(text[nameEnd:])
	return &Command{Pos: posOf(s.pos(start)), Name: strings.ToLower(text[start:nameEnd]),
		Rest: strings.TrimSpace(text[nameEnd:]), RestPos: posOf(s.pos(restStart))}
}

// parseIf parses "if <condition> of <request>".
func parseIf(text string, line, start, nameEnd int) (*Command, error) {
	c := controlCommand(text, line, start, nameEnd)
	kw, after := splitKeyword(text, nameEnd, "of")
	if kw < 0 {
		return nil, Errorf(text, line, len(strings.TrimRight(text, " \t")),
			"Failed to locate 'of' in the if command: 'if <condition> of <request>'.")
	}
	cond, err := ParseCondition(text, line, nameEnd, kw)
	if err != nil {
		return nil, err
	}
	c.Cond = cond
	c.Of = strings.TrimSpace(text[after:])
	c.OfPos = posOf((&scanner{src: text, line: line}).pos(after + leadingBlanks(text[after:])))
	if c.Of == "" {
		return nil, Errorf(text, line, after, "The request is missing after 'of'.")
	}
	return c, nil
}

// parseFor parses "for <variable> in <request>".
func parseFor(text string, line, start, nameEnd int) (*Command, error) {
	c := controlCommand(text, line, start, nameEnd)
	i := nameEnd + leadingBlanks(text[nameEnd:])
	varStart := i
	for i < len(text) && !isBlank(text[i]) {
		i++
	}
	c.Var = text[varStart:i]
	if c.Var == "" {
		return nil, Errorf(text, line, varStart, "The variable name is missing after 'for'.")
	}
	kw, after := splitKeyword(text, i, "in")
	if kw < 0 || strings.TrimSpace(text[i:kw]) != "" {
		return nil, Errorf(text, line, i,
			"'in' is expected after the variable: 'for <variable> in <request>'.")
	}
	c.In = strings.TrimSpace(text[after:])
	c.InPos = posOf((&scanner{src: text, line: line}).pos(after + leadingBlanks(text[after:])))
	if c.In == "" {
		return nil, Errorf(text, line, after, "The request is missing after 'in'.")
	}
	return c, nil
}

// ParsePath parses text as a node path alone, as cd and ls take it
// (subsystem=logging, .., /a=b/c, a bare type). Whether the path ends on a
// type or a node is for the resolver to say.
func ParsePath(text string, line int) (*Address, error) {
	s := &scanner{src: text, line: line, off: leadingBlanks(text)}
	if err := s.scanAddress(); err != nil {
		return nil, err
	}
	if !s.eof() {
		return nil, s.errAt(s.off, "Unexpected ':' in the node path.")
	}
	p, ok := s.walk().fastPath()
	if !ok {
		lex, err := s.lexer()
		if err != nil {
			return nil, s.errAt(0, "%v", err)
		}
		if p, err = pathParser().ParseFromLexer(lex); err != nil {
			return nil, s.participleError(err)
		}
	}
	a, err := s.buildAddress(p.Parts, s.off)
	if err == nil && a == nil {
		a = &Address{Pos: posOf(s.pos(len(text)))}
	}
	return a, err
}

// ParseHeaders parses a header block "{name=value; name2=value2}" on its own,
// as commands take it in --headers. A missing '}' is accepted, as in an
// operation request.
func ParseHeaders(text string, line int) ([]*Header, error) {
	s := &scanner{src: text, line: line, off: leadingBlanks(text)}
	if s.peek() != '{' {
		return nil, s.errAt(s.off, "The headers must start with '{'.")
	}
	s.emit(tLBrace, "{", s.off)
	s.off++
	if err := s.scanHeaders(); err != nil {
		return nil, err
	}
	if s.skipBlanks(); !s.eof() {
		return nil, s.errAt(s.off, "Unexpected text after the headers: '%s'", s.src[s.off:])
	}
	p, ok := s.walk().fastHeaders()
	if !ok {
		lex, err := s.lexer()
		if err != nil {
			return nil, s.errAt(0, "%v", err)
		}
		if p, err = headersParser().ParseFromLexer(lex); err != nil {
			return nil, s.participleError(err)
		}
	}
	return s.buildHeaders(p.Items)
}
