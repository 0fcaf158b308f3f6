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
	return c.syntax(depth).Expand(s)
}

// syntax is the server's side of the shared expression syntax: OS
// separators, a found value resolved again only when it is an expression,
// an unclosed "${" kept as written, and a miss failing with WFLYCTL0211.
func (c resolver) syntax(depth int) ExpressionSyntax {
	return ExpressionSyntax{
		PathSeparator: string(os.PathSeparator),
		ListSeparator: string(os.PathListSeparator),
		Lookup:        c.lookup,
		Found: func(v string) (string, error) {
			if IsExpression(v) {
				// A property whose value is an expression is resolved again.
				return c.resolveOnce(v, depth+1)
			}
			return v, nil
		},
		Nested: func(s string) (string, error) { return c.resolveOnce(s, depth) },
		Missing: func(body, _ string) (string, error) {
			return "", errUnresolved(body)
		},
		Unclosed: func(string) (string, bool, error) { return "$", false, nil },
	}
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
