package console

import (
	"sort"
	"strings"

	"wfcli/cmd/cli/shell"
	"wfcli/grammar"
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// Session is what completion needs of a shell session; *shell.Shell
// implements it.
type Session interface {
	// Node returns the current node and the type the current path ends on.
	Node() (ops.Address, string)
	// Client returns the connection, or nil when there is none.
	Client() shell.Client
	// VariableNames returns the names of the variables set.
	VariableNames() []string
	// Dir returns the directory relative file names are taken from.
	Dir() string
}

// Completer proposes the words that may complete a line, from the model
// itself: it asks the controller for child types, child names, operation
// names and descriptions relative to the session's current node, as
// jboss-cli does. It is not safe for concurrent use.
type Completer struct {
	s Session
}

// NewCompleter returns a Completer for the session s.
func NewCompleter(s Session) *Completer { return &Completer{s: s} }

// Complete returns the candidates for the word that ends text (the line up
// to the cursor), sorted and without duplicates, and where that word
// starts: a candidate replaces text[start:]. Every candidate begins with
// the word. Nothing matches: no candidates.
func (c *Completer) Complete(text string) ([]string, int) {
	if i := varStart(text); i >= 0 {
		return filter(dollar(c.s.VariableNames()), text[i:]), i
	}
	if strings.Count(text, "`")%2 == 1 {
		// Inside `...`, the line whose result set takes.
		i := strings.LastIndexByte(text, '`') + 1
		cands, start := c.Complete(text[i:])
		return cands, i + start
	}
	lead := len(text) - len(strings.TrimLeft(text, " \t"))
	body := text[lead:]
	first := body
	if i := strings.IndexAny(body, " \t"); i >= 0 {
		first = body[:i]
	}
	if isOperation(first) {
		cands, start := c.operation(body)
		return cands, lead + start
	}
	if first == body {
		// The first word is a command or the first step of a relative
		// address.
		addr, _ := c.s.Node()
		words := append(commandWords(), withEquals(c.childTypes(addr))...)
		return filter(words, body), lead
	}
	cands, start := c.command(first, body)
	return cands, lead + start
}

// isOperation reports whether a line that starts with word is an
// operation request rather than a command.
func isOperation(word string) bool {
	return word != "" && (strings.ContainsAny(word[:1], "/:.") ||
		strings.ContainsAny(word, "=:"))
}

// varStart returns where a $variable being typed at the end of text
// starts, or -1.
func varStart(text string) int {
	i := strings.LastIndexByte(text, '$')
	if i < 0 || strings.ContainsAny(text[i+1:], " \t,()[]{}=/:\"'") {
		return -1
	}
	return i
}

func dollar(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "$" + n
	}
	return out
}

// filter returns the words that begin with prefix, sorted, once each.
func filter(words []string, prefix string) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range words {
		if strings.HasPrefix(w, prefix) && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	sort.Strings(out)
	return out
}

// operation completes an operation request: its address, its name, its
// parameters or its headers.
func (c *Completer) operation(text string) ([]string, int) {
	colon := grammar.TopLevelIndex(text, ':')
	if colon < 0 {
		return c.address(text, 0, true)
	}
	addr, typ, ok := c.resolve(text[:colon])
	if !ok || typ != "" {
		return nil, len(text)
	}
	rest := text[colon+1:]
	open := strings.IndexByte(rest, '(')
	if brace := strings.IndexByte(rest, '{'); brace >= 0 && (open < 0 || brace < open) {
		cands, start := c.headers(rest)
		return cands, colon + 1 + start
	}
	if open < 0 {
		return filter(c.operationNames(addr), rest), colon + 1
	}
	name := rest[:open]
	params := rest[open+1:]
	if end := grammar.TopLevelIndex(params, ')'); end >= 0 {
		cands, start := c.headers(params[end+1:])
		return cands, colon + 1 + open + 1 + end + 1 + start
	}
	cands, start := c.parameters(addr, name, params)
	return cands, colon + 1 + open + 1 + start
}

// lastTopLevel returns the index of the last c outside quotes and
// brackets, or -1.
func lastTopLevel(text string, c byte) int {
	last := -1
	for {
		i := grammar.TopLevelIndex(text[last+1:], c)
		if i < 0 {
			return last
		}
		last += 1 + i
	}
}

// splitTop cuts text at every sep outside quotes and brackets.
func splitTop(text string, sep byte) []string {
	var parts []string
	for {
		i := grammar.TopLevelIndex(text, sep)
		if i < 0 {
			return append(parts, text)
		}
		parts = append(parts, text[:i])
		text = text[i+1:]
	}
}

// address completes a node path (absolute, or relative to the current
// node, with '..' for the parent): child types, or the names of a type
// after '='. After a whole name it proposes what may follow, as jboss-cli
// does: '/' and, in an operation (op set), ':'. Offset is where text starts
// in the line.
func (c *Completer) address(text string, offset int, op bool) ([]string, int) {
	cut := lastTopLevel(text, '/')
	parent, last := text[:cut+1], text[cut+1:]
	addr, typ, ok := c.resolve(parent)
	if !ok {
		return nil, offset + len(text)
	}
	if eq := strings.IndexByte(last, '='); eq >= 0 {
		typ = last[:eq]
		names := filter(c.childNames(addr, typ), last[eq+1:])
		return followers(names, last[eq+1:], op), offset + cut + 1 + eq + 1
	}
	if typ != "" {
		return filter(c.childNames(addr, typ), last), offset + cut + 1
	}
	return filter(withEquals(c.childTypes(addr)), last), offset + cut + 1
}

// followers replaces the name typed whole, when it is the only candidate,
// by that name followed by each separator that may come next.
func followers(names []string, typed string, op bool) []string {
	if len(names) != 1 || names[0] != typed {
		return names
	}
	if op {
		return []string{typed + "/", typed + ":"}
	}
	return []string{typed + "/"}
}

func withEquals(types []string) []string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = t + "="
	}
	return out
}

// resolve turns a node path into an address from the current node. A path
// that ends on a type (cd subsystem, or subsystem without a name) returns
// that type. It fails on text it cannot read.
func (c *Completer) resolve(path string) (ops.Address, string, bool) {
	addr, typ := c.s.Node()
	addr = append(ops.Address(nil), addr...)
	if strings.HasPrefix(path, "/") {
		addr, typ = nil, ""
	}
	for _, seg := range splitTop(path, '/') {
		seg = strings.TrimSpace(seg)
		switch {
		case seg == "" || seg == ".":
		case seg == "..":
			if typ != "" {
				typ = ""
			} else {
				addr = addr.Parent()
			}
		case strings.Contains(seg, "="):
			t, n, _ := strings.Cut(seg, "=")
			addr, typ = addr.Child(t, unquoteName(n)), ""
		case typ != "":
			addr, typ = addr.Child(typ, unquoteName(seg)), ""
		default:
			typ = strings.TrimPrefix(seg, ".")
		}
	}
	return addr, typ, true
}

func unquoteName(n string) string {
	if len(n) >= 2 && n[0] == '"' && n[len(n)-1] == '"' {
		return n[1 : len(n)-1]
	}
	return n
}

// call runs op at addr and returns its result, or false when there is no
// connection or the operation failed.
func (c *Completer) call(addr ops.Address, name string, params ...string) (dmr.Value, bool) {
	client := c.s.Client()
	if client == nil {
		return dmr.Value{}, false
	}
	op := dmr.NewObject()
	op.Set("address", addr.Value())
	op.Set("operation", dmr.NewString(name))
	for i := 0; i+1 < len(params); i += 2 {
		op.Set(params[i], dmr.NewString(params[i+1]))
	}
	resp, err := client.Execute(op)
	if err != nil {
		return dmr.Value{}, false
	}
	if o, _ := resp.Get("outcome"); o.AsString() != "success" {
		return dmr.Value{}, false
	}
	result, _ := resp.Get("result")
	return result, true
}

// strings returns the items of a LIST result as strings.
func listStrings(v dmr.Value) []string {
	var out []string
	for _, it := range v.Items() {
		out = append(out, it.AsString())
	}
	return out
}

func (c *Completer) childTypes(addr ops.Address) []string {
	r, _ := c.call(addr, "read-children-types")
	return listStrings(r)
}

// childNames returns the names of the children of type typ at addr, each
// quoted when the address syntax needs it (a '/', ':', '=' or space in it).
func (c *Completer) childNames(addr ops.Address, typ string) []string {
	r, _ := c.call(addr, "read-children-names", "child-type", typ)
	names := listStrings(r)
	for i, n := range names {
		if strings.ContainsAny(n, "/:=,()[]{} \"") {
			names[i] = `"` + strings.ReplaceAll(n, `"`, `\"`) + `"`
		}
	}
	return names
}

func (c *Completer) operationNames(addr ops.Address) []string {
	r, _ := c.call(addr, "read-operation-names")
	return listStrings(r)
}

// attributes returns the attribute descriptions of the resource at addr,
// an OBJECT keyed by attribute name (undefined when unknown).
func (c *Completer) attributes(addr ops.Address) dmr.Value {
	r, _ := c.call(addr, "read-resource-description")
	attrs, _ := r.Get("attributes")
	return attrs
}

// requestProperties returns the parameter descriptions of operation name
// at addr, keyed by parameter name.
func (c *Completer) requestProperties(addr ops.Address, name string) dmr.Value {
	r, _ := c.call(addr, "read-operation-description", "name", name)
	props, _ := r.Get("request-properties")
	return props
}
