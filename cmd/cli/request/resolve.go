package request

import (
	"fmt"
	"strings"
)

// Resolve resolves the ${...} expressions in expr on the client, as
// jboss-cli's CLIExpressionResolver does: ${key}, ${key:default},
// ${k1,k2:default} (the first key that is defined wins), ${/} and ${:} (the
// file and path separators), nesting in keys and defaults, and a value that
// itself holds ${...} is resolved again. "$$" is a literal '$'. Keys are
// looked up with env.Props. In strict mode an undefined key without a default
// is the error "Unrecognized system property <key>"; otherwise the expression
// is kept as written.
func Resolve(expr string, env Env, strict bool) (string, error) {
	return resolve(expr, env, strict, 0)
}

// maxDepth bounds the re-resolution of values that refer to themselves.
const maxDepth = 32

func resolve(expr string, env Env, strict bool, depth int) (string, error) {
	if !strings.Contains(expr, "$") {
		return expr, nil
	}
	if depth > maxDepth {
		return "", fmt.Errorf("Property resolution is too deep in '%s'", expr)
	}
	var b strings.Builder
	for i := 0; i < len(expr); i++ {
		c := expr[i]
		if c != '$' || i+1 >= len(expr) {
			b.WriteByte(c)
			continue
		}
		switch expr[i+1] {
		case '$':
			b.WriteByte('$')
			i++
			continue
		case '{':
		default:
			b.WriteByte(c)
			continue
		}
		end := closingBrace(expr, i+1)
		if end < 0 {
			if strict {
				return "", fmt.Errorf("Closing '}' is missing.")
			}
			b.WriteString(expr[i:])
			break
		}
		v, err := resolveOne(expr[i:end+1], env, strict, depth)
		if err != nil {
			return "", err
		}
		b.WriteString(v)
		i = end
	}
	return b.String(), nil
}

// closingBrace returns the index of the '}' that closes the '{' at open, or
// -1.
func closingBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// resolveOne resolves one whole "${...}".
func resolveOne(ref string, env Env, strict bool, depth int) (string, error) {
	body := ref[2 : len(ref)-1]
	switch body {
	case "/":
		return "/", nil
	case ":":
		return ":", nil
	}
	keyPart, def, hasDef := splitDefault(body)
	keys, err := resolve(keyPart, env, strict, depth+1)
	if err != nil {
		return "", err
	}
	for _, k := range strings.Split(keys, ",") {
		if v, ok := env.property(strings.TrimSpace(k)); ok {
			return resolve(v, env, strict, depth+1)
		}
	}
	if hasDef {
		return resolve(def, env, strict, depth+1)
	}
	if strict {
		return "", fmt.Errorf("Unrecognized system property %s", keys)
	}
	return ref, nil
}

// splitDefault splits the body of ${...} at the first ':' outside nested
// ${...}; a leading ':' is not a separator.
func splitDefault(body string) (string, string, bool) {
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
