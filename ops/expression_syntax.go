package ops

import "strings"

// ExpressionSyntax resolves the ${...} expression syntax that the server
// and the CLI client share, and holds what differs between the two: where
// names are looked up and how found values, misses and unclosed braces are
// treated. The syntax: "$$" is a literal '$'; "${a,b:default}" tries the
// names a then b (each trimmed of spaces), then the default; the part before
// the first top-level ':' (a leading ':' belongs to the name) and the
// default may themselves hold ${...}; "${/}" and "${:}" are the separators.
// A zero field must not be used; the value is safe for concurrent use when
// its functions are.
type ExpressionSyntax struct {
	// PathSeparator and ListSeparator are what "${/}" and "${:}" become.
	PathSeparator, ListSeparator string
	// Lookup returns the value of one name, or false.
	Lookup func(name string) (string, bool)
	// Found resolves a value Lookup returned (it may be an expression).
	Found func(value string) (string, error)
	// Nested resolves the names part and the default of a ${...}.
	Nested func(s string) (string, error)
	// Missing gives the result of a ${body} none of whose names is defined
	// and that has no default; keys is the names part after resolution.
	Missing func(body, keys string) (string, error)
	// Unclosed handles a "${" whose brace is never closed; rest is the
	// text from its '$' on. It returns the text to write in place of the
	// '$' and whether to stop (the written text then stands for all of rest).
	Unclosed func(rest string) (text string, stop bool, err error)
}

// Expand returns s with "$$" as '$' and every top-level ${...} resolved.
func (x ExpressionSyntax) Expand(s string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '$' || i+1 >= len(s) {
			b.WriteByte(s[i])
			continue
		}
		if s[i+1] == '$' {
			b.WriteByte('$')
			i++
			continue
		}
		if s[i+1] != '{' {
			b.WriteByte(s[i])
			continue
		}
		end := ClosingBrace(s, i+1)
		if end < 0 {
			text, stop, err := x.Unclosed(s[i:])
			if err != nil {
				return "", err
			}
			b.WriteString(text)
			if stop {
				break
			}
			continue
		}
		v, err := x.body(s[i+2 : end])
		if err != nil {
			return "", err
		}
		b.WriteString(v)
		i = end
	}
	return b.String(), nil
}

// body resolves the inside of one ${...}.
func (x ExpressionSyntax) body(body string) (string, error) {
	switch body {
	case "/":
		return x.PathSeparator, nil
	case ":":
		return x.ListSeparator, nil
	}
	keyPart, def, hasDef := splitDefault(body)
	keys, err := x.Nested(keyPart)
	if err != nil {
		return "", err
	}
	for _, name := range strings.Split(keys, ",") {
		if v, ok := x.Lookup(strings.TrimSpace(name)); ok {
			return x.Found(v)
		}
	}
	if hasDef {
		return x.Nested(def)
	}
	return x.Missing(body, keys)
}

// ClosingBrace returns the index of the '}' that closes the '{' at open,
// counting nested braces, or -1 (also when s has no '{' at open).
func ClosingBrace(s string, open int) int {
	if open >= len(s) || s[open] != '{' {
		return -1
	}
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitDefault splits the inside of a ${...} at the first ':' outside
// nested braces; a leading ':' is part of the name.
func splitDefault(body string) (key, def string, ok bool) {
	depth := 0
	for i := 0; i < len(body); i++ {
		switch body[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ':':
			if depth == 0 && i > 0 {
				return body[:i], body[i+1:], true
			}
		}
	}
	return body, "", false
}
