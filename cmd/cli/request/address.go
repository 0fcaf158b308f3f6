package request

import (
	"regexp"

	"wfcli/grammar"
	"wfcli/ops"
)

// validName is the form jboss-cli requires of operation names, node types
// and (in general) parameter names.
var validName = regexp.MustCompile(`^[_a-zA-Z](?:[-_a-zA-Z0-9]*[_a-zA-Z0-9])?$`)

// Address resolves a node path against env.Node (and env.NodeType) as
// jboss-cli does: an absolute path starts at the root, ".." goes to the
// parent, "." stays, ".type" goes up to the type of the current node, and a
// bare word is a name when the path so far ends on a type, otherwise a type.
// It returns the address and, when the path ends on a type (cd subsystem),
// that type. ${...} in types and names is resolved strictly. A nil path is
// the current node. text is the line the path is in, for error positions.
func Address(a *grammar.Address, text string, env Env) (ops.Address, string, error) {
	addr := append(ops.Address{}, env.Node...)
	typ := env.NodeType
	if a == nil {
		return addr, typ, nil
	}
	if a.Absolute {
		addr, typ = ops.Address{}, ""
	}
	r := &addrResolver{text: text, env: env, addr: addr, typ: typ}
	for i, seg := range a.Segments {
		more := i < len(a.Segments)-1 || a.TrailingSlash
		if err := r.step(seg, more); err != nil {
			return nil, "", err
		}
	}
	return r.addr, r.typ, nil
}

type addrResolver struct {
	text string
	env  Env
	addr ops.Address
	typ  string
}

func (r *addrResolver) errAt(p grammar.Pos, format string, args ...any) error {
	return grammar.Errorf(r.text, p.Line, p.Off, format, args...)
}

// step applies one segment; more says whether anything follows it in the
// path (another segment or a trailing '/').
func (r *addrResolver) step(seg *grammar.Segment, more bool) error {
	switch seg.Kind {
	case grammar.ParentSegment:
		if r.typ != "" {
			r.typ = ""
		} else {
			r.addr = r.addr.Parent()
		}
	case grammar.SelfSegment:
	case grammar.TypeOfParent:
		if r.typ == "" && len(r.addr) > 0 {
			r.typ = r.addr.Last().Type
			r.addr = r.addr.Parent()
		}
	case grammar.OpenSegment:
		if r.typ != "" {
			return r.wrongFormat(seg, seg.Type)
		}
		if more {
			return r.errAt(seg.Pos, "Node type is not complete at index %d",
				seg.Off+len(seg.Type)+1)
		}
		t, err := r.typeName(seg)
		r.typ = t
		return err
	case grammar.TypeSegment:
		return r.word(seg, more)
	case grammar.NodeSegment:
		return r.node(seg)
	}
	return nil
}

// word applies a bare word: the name of the pending type, or a new type.
func (r *addrResolver) word(seg *grammar.Segment, more bool) error {
	if r.typ != "" {
		name, err := r.resolve(seg.Pos, seg.Type)
		if err != nil {
			return err
		}
		r.addr = r.addr.Child(r.typ, name)
		r.typ = ""
		return nil
	}
	if more {
		return r.wrongFormat(seg, seg.Type)
	}
	t, err := r.typeName(seg)
	r.typ = t
	return err
}

func (r *addrResolver) node(seg *grammar.Segment) error {
	if r.typ != "" {
		return r.wrongFormat(seg, seg.Type)
	}
	t, err := r.typeName(seg)
	if err != nil {
		return err
	}
	name, err := r.resolve(seg.NamePos, seg.Name)
	if err != nil {
		return err
	}
	r.addr = r.addr.Child(t, name)
	return nil
}

func (r *addrResolver) typeName(seg *grammar.Segment) (string, error) {
	t, err := r.resolve(seg.Pos, seg.Type)
	if err != nil {
		return "", err
	}
	if !validName.MatchString(t) {
		return "", r.errAt(seg.Pos, "'%s' is not a valid node type name.", t)
	}
	return t, nil
}

func (r *addrResolver) wrongFormat(seg *grammar.Segment, word string) error {
	return r.errAt(seg.Pos, "Node path format is wrong around '%s' (index=%d).", word, seg.Off)
}

func (r *addrResolver) resolve(p grammar.Pos, s string) (string, error) {
	v, err := Resolve(s, r.env, true)
	if err != nil {
		return "", r.errAt(p, "%s", err.Error())
	}
	return v, nil
}
