// Package secret finds the sensitive values in a line of the CLI
// (passwords, credential references, the attributes the model's definitions
// mark Sensitive) and masks them, so that the history file and every echo
// of a line hold no secret in clear. It parses lines only as far as it
// needs to find name=value pairs; the CLI's grammar belongs to package
// grammar.
package secret

import (
	"strings"
	"sync"

	"wfcli/grammar"
	"wfcli/ops"
	"wfcli/ops/model"
)

// Masked replaces a sensitive value in the history.
const Masked = "********"

var (
	sensitiveOnce  sync.Once
	sensitiveNames map[string]bool
)

// sensitive reports whether a parameter or attribute called name holds a
// secret: a name some definition of the model marks Sensitive (password,
// credential-reference, clear-text, key-password ...), or, for the
// subsystems the model does not describe, a name that says it is one.
//
// Limitation: in a subsystem the model does not describe, a secret under a
// name that does not say so (value, key) is written to the history in
// clear.
func sensitive(name string) bool {
	sensitiveOnce.Do(func() {
		sensitiveNames = map[string]bool{}
		collectSensitive(model.Root(), map[*ops.Definition]bool{})
	})
	name = strings.ToLower(name)
	if generic[name] {
		return false
	}
	return sensitiveNames[name] || strings.HasSuffix(name, "password") ||
		strings.Contains(name, "secret") || name == "credential-reference"
}

// generic are parameter names too common to mask everywhere because one
// resource has a sensitive attribute of that name (server-identity=secret's
// value): they are masked only at an address whose definition says so.
var generic = map[string]bool{"value": true, "name": true}

// absolute returns the address text addr typed at node as an absolute one.
func absolute(addr string, node ops.Address) string {
	if strings.HasPrefix(addr, "/") {
		return addr
	}
	return strings.TrimSuffix(node.CLI(), "/") + "/" + addr
}

// addressSensitive returns the names of the sensitive attributes of the
// resource an absolute operation address names (/type=name/...), from its
// definition; nil when the address is relative or unknown.
func addressSensitive(addr string) map[string]bool {
	if !strings.HasPrefix(addr, "/") {
		return nil
	}
	path := []*ops.Definition{model.Root()}
	for _, seg := range strings.Split(addr, "/") {
		seg = strings.TrimSpace(seg)
		switch {
		case seg == "" || seg == ".":
			continue
		case seg == "..":
			path = path[:max(1, len(path)-1)]
			continue
		}
		typ, name, _ := strings.Cut(seg, "=")
		c := path[len(path)-1].Child(strings.TrimSpace(typ))
		if c == nil || c.DefinitionFor(unquote(name)) == nil {
			return nil
		}
		path = append(path, c.DefinitionFor(unquote(name)))
	}
	d := path[len(path)-1]
	out := map[string]bool{}
	for _, a := range d.Attributes {
		if a.Sensitive {
			out[a.Name] = true
		}
	}
	return out
}

// collectSensitive adds the names of d's sensitive attributes, and of
// those of its fields and children, to sensitiveNames.
func collectSensitive(d *ops.Definition, seen map[*ops.Definition]bool) {
	if d == nil || seen[d] {
		return
	}
	seen[d] = true
	for _, a := range d.Attributes {
		collectAttribute(a)
	}
	for _, op := range d.Operations {
		for _, p := range op.Params {
			collectAttribute(p)
		}
	}
	for _, c := range d.Children {
		collectSensitive(c.Definition, seen)
		for _, byName := range c.ByName {
			collectSensitive(byName, seen)
		}
	}
}

func collectAttribute(a *ops.Attribute) {
	if a.Sensitive {
		sensitiveNames[a.Name] = true
	}
	for _, f := range a.Fields {
		collectAttribute(f)
	}
}

// Mask returns line with the value of every sensitive name=value pair
// replaced by Masked: operation parameters (password=x), command options
// (--password=x), keys of object values ({clear-text=x}, "clear-text" => x)
// and the value of a write-attribute whose name is sensitive
// (:write-attribute(name=password, value=x)).
func Mask(line string) string { return MaskAt(line, nil) }

// MaskAt is Mask for a line typed at node: the address of an operation is
// taken relative to it, so that the attributes its definition marks
// sensitive are masked too. The value of a write-attribute is masked
// whatever the order of its parameters, and an operation inside a command
// (echo-dmr, if ... of, try) is masked as an operation.
func MaskAt(line string, node ops.Address) string {
	i, local := operationAddress(line, node)
	if i == 0 {
		if k := embeddedOperation(line); k > 0 {
			return MaskAt(line[:k], node) + MaskAt(line[k:], node)
		}
	}
	secret := func(n string) bool { return local[n] || sensitive(n) }
	writeSensitive := false
	scanPairs(line, i, func(name string, vstart, vend int) {
		if name == "name" && secret(unquote(line[vstart:vend])) {
			writeSensitive = true
		}
	})
	var b strings.Builder
	last := 0
	scanPairs(line, i, func(name string, vstart, vend int) {
		value := line[vstart:vend]
		switch {
		case secret(name) || (name == "value" && writeSensitive):
			value = Masked
		case strings.HasPrefix(value, "{") || strings.HasPrefix(value, "["):
			value = Mask(value)
		default:
			return
		}
		b.WriteString(line[last:vstart])
		b.WriteString(value)
		last = vend
	})
	b.WriteString(line[last:])
	return b.String()
}

// scanPairs calls fn with the name and the value's bounds of each
// name=value pair of line from i on, not entering the values.
func scanPairs(line string, i int, fn func(name string, vstart, vend int)) {
	for i < len(line) {
		name, end, ok := nameAt(line, i)
		if !ok {
			i++
			continue
		}
		vstart, isAssign := assignment(line, end)
		if !isAssign {
			i = end
			continue
		}
		vend := valueEnd(line, vstart)
		fn(name, vstart, vend)
		i = vend
	}
}

// embeddedOperation returns where the operation inside a command line
// starts (the first later word that begins with '/' or ':' outside quotes
// and brackets), or 0 when the line holds none.
func embeddedOperation(line string) int {
	first, _, _ := strings.Cut(strings.TrimSpace(line), " ")
	if isOperation(first) {
		return 0
	}
	if line == "" {
		return 0
	}
	// The scan starts after the first character, which never starts it.
	at := 0
	grammar.ScanTopLevel(line[1:], false, func(i, depth int) bool {
		c, before := line[i+1], line[i]
		if depth == 0 && (c == '/' || c == ':') && (before == ' ' || before == '\t') {
			at = i + 1
			return true
		}
		return false
	})
	return at
}

// isOperation reports whether a line that starts with word is an
// operation request rather than a command.
func isOperation(word string) bool {
	return word != "" && (strings.ContainsAny(word[:1], "/:.") ||
		strings.ContainsAny(word, "=:"))
}

// operationAddress returns where the address of an operation line ends
// (0 for a command) and the names its definition marks sensitive. The
// address names resources, not values, so it is never masked.
func operationAddress(line string, node ops.Address) (int, map[string]bool) {
	first, _, _ := strings.Cut(strings.TrimSpace(line), " ")
	if !isOperation(first) {
		return 0, nil
	}
	colon := grammar.TopLevelIndex(line, ':')
	if colon < 0 {
		return 0, nil
	}
	return colon, addressSensitive(absolute(strings.TrimSpace(line[:colon]), node))
}

// nameAt reads a parameter name (letters, digits, '-', '_', '.', quoted or
// not, after optional dashes) starting at i, when i begins a word.
func nameAt(s string, i int) (string, int, bool) {
	if i > 0 && isNameByte(s[i-1]) {
		return "", i, false
	}
	j := i
	for j < len(s) && s[j] == '-' {
		j++
	}
	quoted := j < len(s) && s[j] == '"'
	if quoted {
		j++
	}
	start := j
	for j < len(s) && isNameByte(s[j]) {
		j++
	}
	if j == start {
		return "", i, false
	}
	name := s[start:j]
	if quoted {
		if j >= len(s) || s[j] != '"' {
			return "", i, false
		}
		j++
	}
	return name, j, true
}

func isNameByte(c byte) bool {
	return c == '-' || c == '_' || c == '.' || c >= 'a' && c <= 'z' ||
		c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// assignment reports whether '=' or '=>' follows at i (spaces allowed)
// and returns where the value starts.
func assignment(s string, i int) (int, bool) {
	j := skipSpaces(s, i)
	if j >= len(s) || s[j] != '=' {
		return i, false
	}
	j++
	if j < len(s) && s[j] == '>' {
		j++
	}
	return skipSpaces(s, j), true
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

// valueEnd returns where the value starting at i ends: after its closing
// quote or bracket when it starts with one, else at the first ',', ')',
// '}', ']', ';' or space.
func valueEnd(s string, i int) int {
	if i < len(s) && strings.IndexByte("\"{[(", s[i]) >= 0 {
		return closing(s, i)
	}
	for j := i; j < len(s); j++ {
		switch c := s[j]; {
		case c == '\\':
			j++
		case strings.IndexByte(",)}]; \t", c) >= 0:
			return j
		}
	}
	return len(s)
}

// closing returns the index after the quote or bracket that closes the one
// at i, or len(s) when it is not closed.
func closing(s string, i int) int {
	depth, quoted := 0, false
	for j := i; j < len(s); j++ {
		switch c := s[j]; {
		case c == '\\':
			j++
		case c == '"':
			quoted = !quoted
			if !quoted && depth == 0 {
				return j + 1
			}
		case quoted:
		case c == '{' || c == '[' || c == '(':
			depth++
		case c == '}' || c == ']' || c == ')':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return len(s)
}

func unquote(v string) string {
	return strings.Trim(strings.TrimSpace(v), `"`)
}
