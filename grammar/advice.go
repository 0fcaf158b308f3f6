package grammar

import "strings"

// advice maps the start of an error message to a sentence that tells the
// user what to do about it.
var advice = []struct{ prefix, text string }{
	{"The operation name is missing",
		"An operation request reads [address]:operation[(name=value, ...)], " +
			"e.g. /subsystem=logging:read-resource."},
	{"The closing '\"' is missing",
		`Close the quote, or write a literal quote as \".`},
	{"The closing ` is missing", "Close the backquote, or write a literal one as \\`."},
	{"Closing '}' is missing", "Close the expression: ${name} or ${name:default}."},
	{"The closing '", "Close the bracket; brackets in a value must balance."},
	{"Can't reset to root", "Remove the extra '/': a path has one '/' between its steps."},
	{"Header '", "Give the header a value: {name=value; other=value}."},
	{"Node path format is wrong", "An operation needs a path that ends on a node: type=name."},
	{"Node type is not complete", "Give the node a name after '=', or use * for all of them."},
	{"Unrecognized variable",
		`Set the variable first (set name=value), or write a literal '$' as \$.`},
	{"Unrecognized system property",
		"Define it with -Dname=value or --properties, or give a default: ${name:default}."},
	{"The argument value is not specified",
		`Give the parameter a value, "" for an empty string, or leave out the '='.`},
}

// adviceFor returns the advice for an error message, or "".
func adviceFor(msg string) string {
	for _, a := range advice {
		if strings.HasPrefix(msg, a.prefix) {
			return a.text
		}
	}
	if strings.HasSuffix(msg, "is not a valid operation name.") ||
		strings.HasSuffix(msg, "is not a valid node type name.") {
		return "Names are letters, digits, '-' and '_'; they start with a letter or '_' " +
			"and do not end with '-'."
	}
	return ""
}
