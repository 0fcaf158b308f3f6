package ops

import (
	"os"
	"strings"

	"wfcli/ops/dmr"
)

// maxExpressionRounds bounds the re-resolution of property values that are
// expressions, so that a property that refers to itself fails instead of
// looping.
const maxExpressionRounds = 20

// ResolveExpression resolves every ${...} in s as the server does: system
// property, then the environment variable named by mapping the name to
// upper case with every non-alphanumeric character as '_', then env.X as
// the environment variable X; "${a,b:default}" tries a then b, then the
// default, which may itself hold expressions; "${/}" and "${:}" are the
// file and path separators; "$$" is a literal "$". A property whose value
// holds an expression is resolved in turn. An unresolvable name without a
// default fails with WFLYCTL0211. System properties are Options.Properties,
// then the committed model's /system-property resources. Safe for
// concurrent use.
func (c *Controller) ResolveExpression(s string) (string, error) {
	return resolver{c: c, root: c.Model()}.resolve(s)
}

// resolver resolves expressions against the controller's properties and
// the system-property resources of one model (the request's, so that a
// composite sees the properties its earlier steps added).
type resolver struct {
	c    *Controller
	root *Resource
}

func (c resolver) resolve(s string) (string, error) {
	out, err := c.resolveOnce(s, 0)
	if err != nil {
		return "", errUnresolved(s)
	}
	return out, nil
}

// resolveOnce replaces every top-level ${...} of s; depth counts the
// property values that were themselves expressions.
func (c resolver) resolveOnce(s string, depth int) (string, error) {
	if depth > maxExpressionRounds {
		return "", errUnresolved(s)
	}
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
		end := closingBrace(s, i+1)
		if s[i+1] != '{' || end < 0 {
			b.WriteByte(s[i])
			continue
		}
		v, err := c.resolveBody(s[i+2:end], depth)
		if err != nil {
			return "", err
		}
		b.WriteString(v)
		i = end
	}
	return b.String(), nil
}

// closingBrace returns the index of the "}" that closes the "{" at open,
// counting nested braces, or -1.
func closingBrace(s string, open int) int {
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

// resolveBody resolves the inside of one ${...}.
func (c resolver) resolveBody(body string, depth int) (string, error) {
	switch body {
	case "/":
		return string(os.PathSeparator), nil
	case ":":
		return string(os.PathListSeparator), nil
	}
	key, def, hasDef := splitDefault(body)
	key, err := c.resolveOnce(key, depth)
	if err != nil {
		return "", err
	}
	for _, name := range strings.Split(key, ",") {
		if v, ok := c.lookup(strings.TrimSpace(name)); ok {
			if IsExpression(v) {
				// A property whose value is an expression is resolved again.
				return c.resolveOnce(v, depth+1)
			}
			return v, nil
		}
	}
	if hasDef {
		return c.resolveOnce(def, depth)
	}
	return "", errUnresolved(body)
}

// splitDefault splits at the first ':' outside nested ${...}; a leading
// ':' is part of the name.
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

func (c resolver) lookup(name string) (string, bool) {
	if name == "" {
		return "", false
	}
	if p := c.c.opts.Properties; p != nil {
		if v, ok := p(name); ok {
			return v, true
		}
	}
	if c.root != nil {
		if sp := c.root.Child("system-property", name); sp != nil {
			if v := sp.Attr("value"); v.IsDefined() {
				return v.AsString(), true
			}
		}
	}
	env := c.c.opts.Env
	if env == nil {
		env = os.LookupEnv
	}
	if v, ok := env(envName(name)); ok {
		return v, true
	}
	if rest, ok := strings.CutPrefix(name, "env."); ok {
		return env(rest)
	}
	return "", false
}

// envName maps a property name to the environment variable WildFly tries
// for it: upper case, every non-alphanumeric character as '_'.
func envName(name string) string {
	b := []byte(strings.ToUpper(name))
	for i, ch := range b {
		if !(ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9') {
			b[i] = '_'
		}
	}
	return string(b)
}

// resolveValue returns v with every EXPRESSION, at any depth, replaced by
// the STRING it resolves to.
func (c resolver) resolveValue(v dmr.Value) (dmr.Value, error) {
	switch v.Type() {
	case dmr.Expression:
		s, err := c.resolve(v.Str())
		if err != nil {
			return dmr.Value{}, err
		}
		return dmr.NewString(s), nil
	case dmr.List:
		out := dmr.NewList()
		for _, it := range v.Items() {
			x, err := c.resolveValue(it)
			if err != nil {
				return dmr.Value{}, err
			}
			out.Append(x)
		}
		return out, nil
	case dmr.Object:
		out := dmr.NewObject()
		for _, k := range v.Keys() {
			x, _ := v.Get(k)
			x, err := c.resolveValue(x)
			if err != nil {
				return dmr.Value{}, err
			}
			out.Set(k, x)
		}
		return out, nil
	}
	return v, nil
}
