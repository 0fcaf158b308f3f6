package grammar

import "strings"

// scanOperation scans an operation request starting at s.off.
func (s *scanner) scanOperation() error {
	if err := s.scanAddress(); err != nil {
		return err
	}
	if s.eof() {
		return nil
	}
	s.emit(tColon, ":", s.off)
	s.off++
	if err := s.scanOpName(); err != nil {
		return err
	}
	s.skipBlanks()
	if s.peek() == '(' {
		s.emit(tLParen, "(", s.off)
		s.off++
		if err := s.scanParams(); err != nil {
			return err
		}
	}
	s.skipBlanks()
	if s.peek() == '{' {
		s.emit(tLBrace, "{", s.off)
		s.off++
		if err := s.scanHeaders(); err != nil {
			return err
		}
	}
	return s.scanTail()
}

// scanTail scans what may follow a request: an output redirection, or text
// that jboss-cli ignores after the parameters.
func (s *scanner) scanTail() error {
	s.skipBlanks()
	switch {
	case s.eof():
		return nil
	case s.peek() == '>':
		return s.scanRedirect()
	case s.peek() == '|':
		return s.scanPipe()
	case s.peek() == ')':
		return s.errAt(s.off, "unexpected ')' after the operation request")
	}
	// jboss-cli ignores text after the parameters (":op(x=1)junk"); so do we,
	// but the tree keeps it (Operation.Ignored) so that a shell can warn.
	s.emit(tJunk, strings.TrimSpace(s.src[s.off:]), s.off)
	s.off = len(s.src)
	return nil
}

// scanRedirect scans "> target" or ">> target" to the end of the line.
func (s *scanner) scanRedirect() error {
	start := s.off
	op := ">"
	s.off++
	if s.peek() == '>' {
		op = ">>"
		s.off++
	}
	s.emit(tRedirect, op, start)
	s.skipBlanks()
	if s.eof() {
		return s.errAt(start, "the output target is missing after '%s'", op)
	}
	s.emit(tTarget, strings.TrimSpace(s.src[s.off:]), s.off)
	s.off = len(s.src)
	return nil
}

// scanPipe scans "| command" to the end of the line.
func (s *scanner) scanPipe() error {
	start := s.off
	s.emit(tPipe, "|", start)
	s.off++
	s.skipBlanks()
	if s.eof() {
		return s.errAt(start, "the command is missing after '|'")
	}
	s.emit(tTarget, strings.TrimSpace(s.src[s.off:]), s.off)
	s.off = len(s.src)
	return nil
}

// scanAddress scans the node path up to the ':' that starts the operation
// name (or to the end of the line).
func (s *scanner) scanAddress() error {
	for {
		s.skipBlanks()
		if s.eof() {
			return nil
		}
		switch s.peek() {
		case ':':
			return nil
		case '/':
			s.emit(tSlash, "/", s.off)
			s.off++
		case '=':
			s.emit(tEq, "=", s.off)
			s.off++
		default:
			if err := s.scanNodeWord(); err != nil {
				return err
			}
		}
	}
}

// scanNodeWord scans a node type or name: text up to '/', '=', ':' or a
// blank, where '\' takes the next character literally, "..." quotes, and
// ${...} is kept whole.
func (s *scanner) scanNodeWord() error {
	start := s.off
	var b strings.Builder
	plain := true
	for !s.eof() {
		c := s.peek()
		if c == '/' || c == '=' || c == ':' || isBlank(c) {
			break
		}
		switch {
		case c == '\\':
			plain = false
			s.off++
			if !s.eof() {
				b.WriteByte(s.peek())
				s.off++
			}
		case c == '"':
			plain = false
			text, err := s.quoted()
			if err != nil {
				return err
			}
			b.WriteString(text)
		case c == '$' && s.peekAt(1) == '{':
			if err := s.copyExpression(&b); err != nil {
				return err
			}
		default:
			b.WriteByte(c)
			s.off++
		}
	}
	word := b.String()
	switch {
	case plain && word == "..":
		s.emit(tDotDot, word, start)
	case plain && word == ".":
		s.emit(tDot, word, start)
	case plain && word == ".type":
		s.emit(tDotType, word, start)
	default:
		s.emit(tWord, word, start)
	}
	return nil
}

// quoted reads a "..." section at s.off and returns its content, with '\'
// taking the next character literally.
func (s *scanner) quoted() (string, error) {
	start := s.off
	s.off++
	var b strings.Builder
	for !s.eof() {
		c := s.peek()
		s.off++
		switch c {
		case '"':
			return b.String(), nil
		case '\\':
			if !s.eof() {
				b.WriteByte(s.peek())
				s.off++
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", s.errAt(start, "The closing '\"' is missing.")
}

// expression reads a ${...} reference at s.off, nested braces included, and
// returns its text unchanged.
func (s *scanner) expression() (string, error) {
	start := s.off
	depth := 0
	for !s.eof() {
		c := s.peek()
		s.off++
		switch c {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return s.src[start:s.off], nil
			}
		}
	}
	return "", s.errAt(start, "Closing '}' is missing.")
}

// copyExpression reads a ${...} reference at s.off, as expression does, and
// writes its text to b.
func (s *scanner) copyExpression(b *strings.Builder) error {
	text, err := s.expression()
	if err != nil {
		return err
	}
	b.WriteString(text)
	return nil
}

// scanOpName scans the operation name after ':'.
func (s *scanner) scanOpName() error {
	s.skipBlanks()
	start := s.off
	var b strings.Builder
	for !s.eof() {
		c := s.peek()
		if isBlank(c) || c == '(' || c == '{' || c == '>' {
			break
		}
		if c == '$' && s.peekAt(1) == '{' {
			if err := s.copyExpression(&b); err != nil {
				return err
			}
			continue
		}
		if c == '\\' && s.off+1 < len(s.src) {
			s.off++
			c = s.peek()
		}
		b.WriteByte(c)
		s.off++
	}
	if b.Len() > 0 {
		s.emit(tOpName, b.String(), start)
	}
	return nil
}

// scanParams scans "name=value, name, !name" after '(' up to and including
// the closing ')'. A missing ')' at the end of the line is accepted.
func (s *scanner) scanParams() error {
	for {
		s.skipBlanks()
		if s.eof() {
			return nil
		}
		switch c := s.peek(); c {
		case ')':
			s.emit(tRParen, ")", s.off)
			s.off++
			return nil
		case ',':
			s.emit(tComma, ",", s.off)
			s.off++
		case '!':
			s.emit(tBang, "!", s.off)
			s.off++
		case '=':
			s.emit(tEq, "=", s.off)
			s.off++
			if err := s.scanParamValue(); err != nil {
				return err
			}
		default:
			if err := s.scanParamName(); err != nil {
				return err
			}
		}
	}
}

// scanParamName scans a parameter name; blanks inside it are dropped, as
// jboss-cli drops them.
func (s *scanner) scanParamName() error {
	start := s.off
	var b strings.Builder
	for !s.eof() {
		c := s.peek()
		if c == '=' || c == ',' || c == ')' || c == '!' {
			break
		}
		if c == '$' && s.peekAt(1) == '{' {
			if err := s.copyExpression(&b); err != nil {
				return err
			}
			continue
		}
		if !isBlank(c) {
			b.WriteByte(c)
		}
		s.off++
	}
	s.emit(tPName, b.String(), start)
	return nil
}

// scanParamValue captures a raw parameter value as the CLI's first stage
// does: up to a ',' or ')' outside brackets and quotes, brackets balanced,
// quotes and backslashes kept, blanks trimmed at both ends.
func (s *scanner) scanParamValue() error {
	s.skipBlanks()
	start := s.off
	end, err := s.rawValue(func(c byte) bool { return c == ',' || c == ')' }, true)
	if err != nil {
		return err
	}
	if raw := strings.TrimRight(s.src[start:end], " \t\r\n"); raw != "" {
		s.emit(tPValue, raw, start)
	}
	return nil
}

// rawValue advances over a raw value until stop reports a character at the
// top level, and returns the offset where the value ends. Quotes and
// backquotes must close, brackets must balance when strict is set, and '\'
// skips one character.
func (s *scanner) rawValue(stop func(byte) bool, strict bool) (int, error) {
	var open []int
	for !s.eof() {
		c := s.peek()
		if len(open) == 0 && stop(c) {
			return s.off, nil
		}
		switch c {
		case '\\':
			if s.off+1 < len(s.src) {
				s.off++
			}
		case '"', '`':
			if err := s.skipQuoted(c); err != nil {
				return 0, err
			}
			continue
		case '(', '[', '{':
			open = append(open, s.off)
		case ')', ']', '}':
			// Only the matching closer closes a bracket; others are text.
			if n := len(open); n > 0 && closer(s.src[open[n-1]]) == c {
				open = open[:n-1]
			}
		}
		s.off++
	}
	if len(open) > 0 && strict {
		o := open[len(open)-1]
		if s.src[o] == '{' && o > 0 && s.src[o-1] == '$' {
			return 0, s.errAt(o-1, "Closing '}' is missing.")
		}
		return 0, s.errAt(o, "The closing '%c' is missing.", closer(s.src[o]))
	}
	return s.off, nil
}

func closer(c byte) byte {
	switch c {
	case '(':
		return ')'
	case '[':
		return ']'
	}
	return '}'
}

// skipQuoted advances over a quoted section that starts at s.off with q.
func (s *scanner) skipQuoted(q byte) error {
	start := s.off
	s.off++
	for !s.eof() {
		c := s.peek()
		s.off++
		if c == '\\' && q == '"' && !s.eof() {
			s.off++
			continue
		}
		if c == q {
			return nil
		}
	}
	if q == '`' {
		return s.errAt(start, "The closing ` is missing.")
	}
	return s.errAt(start, "The closing '\"' is missing.")
}
