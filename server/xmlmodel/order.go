package xmlmodel

import (
	"strings"

	"github.com/beevik/etree"

	"wfcli/ops"
)

// rootOrder is the order the <server> schema imposes on its children, used
// when the root definition gives no Order: WildFly refuses a file whose
// <system-properties> come after <profile>.
var rootOrder = map[string]int{
	"extensions": 1, "system-properties": 2, "paths": 3, "vault": 4, "management": 5,
	"profile": 6, "interfaces": 7, "socket-binding-group": 8, "deployments": 9,
	"deployment-overlays": 10,
}

// placement finds where a new element goes among the children of one
// element: box, at the "/"-separated path boxPath below the element of a
// resource whose definition is def.
type placement struct {
	def     *ops.Definition
	boxPath []string
	isRoot  bool
}

func newPlacement(def *ops.Definition, boxPath string, isRoot bool) placement {
	var segs []string
	if boxPath != "" {
		segs = strings.Split(boxPath, "/")
	}
	return placement{def: def, boxPath: segs, isRoot: isRoot}
}

// orderOf returns the Order of an element of local name local among the
// children of the box: the smallest Order of the attributes and child types
// whose XML path goes through it, and 0 when none says.
func (p placement) orderOf(local string) int {
	best := 0
	take := func(o int) {
		if o > 0 && (best == 0 || o < best) {
			best = o
		}
	}
	if p.def != nil {
		for _, a := range p.def.Attributes {
			if a.XML != nil && a.XML.Order > 0 && p.through(a.XML.Path, nil, local) {
				take(a.XML.Order)
			}
		}
		for _, c := range p.def.Children {
			for _, x := range xmlForms(c) {
				if x.Order > 0 && p.through(x.Wrapper, elementNames(c.Type, x), local) {
					take(x.Order)
				}
			}
		}
	}
	if best == 0 && p.isRoot && len(p.boxPath) == 0 {
		best = rootOrder[local]
	}
	return best
}

// through reports whether the path (followed by one of leaves, when given)
// passes through an element local right below the box.
func (p placement) through(path string, leaves []string, local string) bool {
	var segs []string
	if path != "" {
		segs = strings.Split(path, "/")
	}
	if len(segs) < len(p.boxPath) {
		return false
	}
	for i, s := range p.boxPath {
		if segs[i] != s {
			return false
		}
	}
	if len(segs) > len(p.boxPath) {
		return segs[len(p.boxPath)] == local
	}
	for _, l := range leaves {
		if l == local {
			return true
		}
	}
	return false
}

// place inserts el into box: after the last child element sameType accepts,
// else before the first child element whose Order is greater than order,
// else last.
func (l layout) place(box, el *etree.Element, p placement, order int,
	sameType func(*etree.Element) bool) {
	var last *etree.Element
	for _, c := range box.ChildElements() {
		if c != el && sameType(c) {
			last = c
		}
	}
	if last != nil {
		l.insertAfter(last, el)
		return
	}
	if order > 0 {
		for _, c := range box.ChildElements() {
			if o := p.orderOf(c.Tag); o > order {
				l.insertBefore(c, el)
				return
			}
		}
	}
	l.appendChild(box, el)
}

// ensurePath returns the element at path below el, creating the missing
// steps where their Order says, indented as their siblings.
func (l layout) ensurePath(el *etree.Element, def *ops.Definition, path string,
	isRoot bool) *etree.Element {
	if path == "" {
		return el
	}
	cur := el
	segs := strings.Split(path, "/")
	for i, s := range segs {
		next := childNamed(cur, s)
		if next == nil {
			p := newPlacement(def, strings.Join(segs[:i], "/"), isRoot)
			next = etree.NewElement(s)
			l.place(cur, next, p, p.orderOf(s), func(c *etree.Element) bool {
				return c.Tag == s
			})
		}
		cur = next
	}
	return cur
}

// attrRank returns the rank function of setAttr for a resource of
// definition def: the name attribute first (or right after the attribute
// its XMLResource.NameAfter names), then the attributes in the order the
// definition lists them.
func attrRank(def *ops.Definition) func(string) int {
	nameAttr, after := "name", ""
	if def != nil && def.XML != nil {
		nameAttr, after = nameAttrOf(def.XML), def.XML.NameAfter
	}
	var rank func(string) int
	rank = func(name string) int {
		if name == nameAttr {
			if after != "" && after != nameAttr {
				if r := rank(after); r > 0 {
					return r + 1
				}
			}
			return 0
		}
		if def == nil {
			return -1
		}
		for i, a := range def.Attributes {
			if xmlAttrName(a) == name {
				return 2 * (i + 1)
			}
		}
		return -1
	}
	return rank
}

// nameAttrOf returns the XML attribute that holds the name of a resource
// written as x, or "" when the name is not an attribute.
func nameAttrOf(x *ops.XMLResource) string {
	if x.NoName || x.NameIsText {
		return ""
	}
	return nameAttr(x)
}

// xmlAttrName returns the XML attribute on the resource's own element that
// holds a, or "" when a lives elsewhere.
func xmlAttrName(a *ops.Attribute) string {
	x := a.XML
	switch {
	case x == nil:
		return a.Name
	case x.Path != "" || x.Skip:
		return ""
	}
	return x.Attr
}
