package request

import (
	"fmt"
	"regexp"
	"strings"

	"wfcli/grammar"
	"wfcli/ops/dmr"
)

// EvalCondition evaluates an if condition against a response, as jboss-cli
// does: a comparison walks its dotted path through the response's OBJECT
// keys (a missing key makes the comparison false, for != as well) and
// compares with the literal, parsed as DMR text or else taken as a STRING.
// ==, >, <, >=, <= and ~= are false when the two DMR types differ, != is then
// true; > and < compare the text forms; ~= is a whole-string regular
// expression match of the text form. && binds tighter than ||. A nil
// condition is an error.
func EvalCondition(c *grammar.Condition, response dmr.Value) (bool, error) {
	if c == nil {
		return false, fmt.Errorf("the condition is missing")
	}
	switch c.Op {
	case "&&", "||":
		l, err := EvalCondition(c.Left, response)
		if err != nil {
			return false, err
		}
		if (c.Op == "&&") != l {
			return l, nil
		}
		return EvalCondition(c.Right, response)
	}
	v, ok := lookupPath(response, c.Path)
	if !ok {
		return false, nil
	}
	return compare(v, c.Op, literal(c.Value))
}

// lookupPath walks a dotted path through object keys.
func lookupPath(v dmr.Value, path string) (dmr.Value, bool) {
	for _, k := range strings.Split(path, ".") {
		next, ok := v.Get(k)
		if !ok {
			return dmr.Value{}, false
		}
		v = next
	}
	return v, true
}

// literal types the literal of a comparison: DMR text, else a STRING.
func literal(raw string) dmr.Value {
	if v, err := dmr.Parse(raw); err == nil {
		return v
	}
	return dmr.NewString(raw)
}

func compare(v dmr.Value, op string, lit dmr.Value) (bool, error) {
	same := v.Type() == lit.Type()
	switch op {
	case "==":
		return same && v.Equal(lit), nil
	case "!=":
		return !same || !v.Equal(lit), nil
	case ">":
		return same && v.AsString() > lit.AsString(), nil
	case "<":
		return same && v.AsString() < lit.AsString(), nil
	case ">=":
		return same && v.AsString() >= lit.AsString(), nil
	case "<=":
		return same && v.AsString() <= lit.AsString(), nil
	case "~=":
		if !same {
			return false, nil
		}
		// Limitation: ~= uses Go's RE2 syntax, not Java's: a pattern with
		// back-references or look-around is rejected as invalid.
		re, err := regexp.Compile(`^(?:` + lit.AsString() + `)$`)
		if err != nil {
			return false, fmt.Errorf("invalid regular expression '%s': %w", lit.AsString(), err)
		}
		return re.MatchString(v.AsString()), nil
	}
	return false, fmt.Errorf("unknown comparison operator '%s'", op)
}
