package request

import (
	"fmt"
	"strings"

	"wfcli/ops"
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
	return clientSyntax(env, strict, depth).Expand(expr)
}

// clientSyntax is the client's side of the expression syntax shared with
// the server: literal separators, names looked up with env, every value,
// key and default resolved again, and in lenient mode whatever cannot be
// resolved kept as written.
func clientSyntax(env Env, strict bool, depth int) ops.ExpressionSyntax {
	again := func(s string) (string, error) { return resolve(s, env, strict, depth+1) }
	return ops.ExpressionSyntax{
		PathSeparator: "/",
		ListSeparator: ":",
		Lookup:        env.property,
		Found:         again,
		Nested:        again,
		Missing: func(body, keys string) (string, error) {
			if strict {
				return "", fmt.Errorf("Unrecognized system property %s", keys)
			}
			return "${" + body + "}", nil
		},
		Unclosed: func(rest string) (string, bool, error) {
			if strict {
				return "", false, fmt.Errorf("Closing '}' is missing.")
			}
			return rest, true, nil
		},
	}
}
