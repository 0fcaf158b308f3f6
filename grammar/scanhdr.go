package grammar

import "strings"

// scanHeaders scans "name=value; name value; rollout plan" after '{' up to and
// including the closing '}'. A missing '}' at the end of the line is accepted,
// as jboss-cli accepts it.
func (s *scanner) scanHeaders() error {
	for {
		s.skipBlanks()
		if s.eof() {
			return nil
		}
		switch s.peek() {
		case '}':
			s.emit(tRBrace, "}", s.off)
			s.off++
			return nil
		case ';':
			s.emit(tSemi, ";", s.off)
			s.off++
		default:
			if err := s.scanHeader(); err != nil {
				return err
			}
		}
	}
}

// scanHeader scans one header. The value may follow '=' or a blank.
func (s *scanner) scanHeader() error {
	start := s.off
	var b strings.Builder
	for !s.eof() {
		c := s.peek()
		if c == '=' || c == ';' || c == '}' || isBlank(c) {
			break
		}
		if c == '$' && s.peekAt(1) == '{' {
			if err := s.copyExpression(&b); err != nil {
				return err
			}
			continue
		}
		b.WriteByte(c)
		s.off++
	}
	name := b.String()
	s.skipBlanks()
	if name == "rollout" && s.peek() != '=' {
		return s.scanPlan(start)
	}
	s.emit(tHName, name, start)
	if s.eof() || s.peek() == ';' || s.peek() == '}' {
		return nil
	}
	s.emit(tEq, "=", s.off)
	if s.peek() == '=' {
		s.off++
	}
	return s.scanHeaderValue()
}

// scanHeaderValue scans a header value up to ';' or '}', removing quotes and
// backslashes.
func (s *scanner) scanHeaderValue() error {
	s.skipBlanks()
	start := s.off
	var b strings.Builder
	for !s.eof() {
		c := s.peek()
		if c == ';' || c == '}' {
			break
		}
		switch c {
		case '"':
			text, err := s.quoted()
			if err != nil {
				return err
			}
			b.WriteString(text)
			continue
		case '\\':
			s.off++
			if !s.eof() {
				b.WriteByte(s.peek())
			}
		case '$':
			if s.peekAt(1) == '{' {
				if err := s.copyExpression(&b); err != nil {
					return err
				}
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
		s.off++
	}
	v := strings.TrimRight(b.String(), " \t")
	s.emit(tHValue, v, start)
	return nil
}

// scanPlan scans the text of a rollout plan up to ';' or '}' outside
// parentheses.
func (s *scanner) scanPlan(start int) error {
	s.emit(tRollout, "rollout", start)
	s.skipBlanks()
	from := s.off
	end, err := s.rawValue(func(c byte) bool { return c == ';' || c == '}' }, true)
	if err != nil {
		return err
	}
	if text := strings.TrimSpace(s.src[from:end]); text != "" {
		s.emit(tPlan, text, from)
	}
	return nil
}
