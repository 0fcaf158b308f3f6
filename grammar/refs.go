package grammar

// RefKind says what a reference in a line is.
type RefKind int

// The kinds of reference.
const (
	VarRef  RefKind = iota // $name, a CLI variable
	PropRef                // ${...}, a system property expression
)

// Ref is a $name or ${...} reference in a line, found by Refs.
type Ref struct {
	Pos
	Kind RefKind
	// Name is the variable name of a VarRef, or the text between the
	// braces of a PropRef.
	Name string
	// Text is the reference as written ("$name", "${a:b}").
	Text string
	// Quoted is set for a reference inside double quotes within parentheses,
	// that is inside a quoted parameter value, where jboss-cli does not
	// substitute variables.
	Quoted bool
}

// Refs returns the references of text in order. "\$" escapes a '$', "$$" is
// an escaped '$' (for ${...} resolution), and a '$' followed by anything but
// '{' or a Java identifier start is text. An unclosed ${ runs to the end of
// the line. A comment line has no references.
func Refs(text string, line int) []Ref {
	start := leadingBlanks(text)
	if start < len(text) && text[start] == '#' {
		return nil
	}
	s := &scanner{src: text, line: line}
	var out []Ref
	depth, inQuote := 0, false
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\\':
			i++
			continue
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		}
		if c != '$' || i+1 >= len(text) {
			continue
		}
		r := Ref{Pos: posOf(s.pos(i)), Quoted: inQuote && depth > 0}
		switch next := text[i+1]; {
		case next == '$':
			i++
			continue
		case next == '{':
			end := matchBrace(text, i+1)
			r.Kind, r.Text = PropRef, text[i:end]
			r.Name = text[i+2 : end]
			if text[end-1] == '}' && end-1 >= i+2 {
				r.Name = text[i+2 : end-1]
			}
			i = end - 1
		default:
			n := identLen(text[i+1:])
			if n == 0 {
				continue
			}
			r.Kind, r.Name, r.Text = VarRef, text[i+1:i+1+n], text[i:i+1+n]
			i += n
		}
		out = append(out, r)
	}
	return out
}

// matchBrace returns the offset just after the '}' that closes the '{' at
// open, or len(s) when it is not closed.
func matchBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(s)
}

// identLen returns the length of the Java identifier (without '$') at the
// start of s.
func identLen(s string) int {
	n := 0
	for n < len(s) {
		c := s[n]
		letter := c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80
		if !letter && !(n > 0 && c >= '0' && c <= '9') {
			break
		}
		n++
	}
	return n
}
