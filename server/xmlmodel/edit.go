package xmlmodel

import (
	"strings"

	"github.com/beevik/etree"
)

// layout is how a document lays out its elements: the line break and the
// indentation of one level, both learnt from the document itself.
type layout struct {
	nl   string
	unit string
}

// learnLayout reads the line break and the indentation unit from doc: the
// whitespace before the root's first child element (4 spaces in WildFly's
// files), with a line feed and 4 spaces as the fallback.
func learnLayout(doc *etree.Document) layout {
	l := layout{nl: "\n", unit: "    "}
	root := doc.Root()
	if root == nil {
		return l
	}
	for _, t := range root.Child {
		cd, ok := t.(*etree.CharData)
		if !ok || !isBlank(cd) {
			continue
		}
		if strings.Contains(cd.Data, "\r\n") {
			l.nl = "\r\n"
		}
		if ind := lastLine(cd.Data); ind != "" && strings.Contains(cd.Data, "\n") {
			l.unit = ind
			return l
		}
	}
	return l
}

// lastLine returns what follows the last line break of s.
func lastLine(s string) string {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}

// indentOf returns the indentation of el: the whitespace after the last line
// break before it. An element with no whitespace before it (the root) has
// none.
func indentOf(el *etree.Element) string {
	p := el.Parent()
	if p == nil {
		return ""
	}
	i := el.Index()
	if i > 0 {
		if cd, ok := p.Child[i-1].(*etree.CharData); ok && isBlank(cd) &&
			strings.Contains(cd.Data, "\n") {
			return lastLine(cd.Data)
		}
	}
	if p.Parent() == nil {
		return ""
	}
	return indentOf(p) + "    "
}

// childIndent returns the indentation of el's child elements: that of its
// first child element, or one level below el when it has none.
func (l layout) childIndent(el *etree.Element) string {
	for _, t := range el.Child {
		if c, ok := t.(*etree.Element); ok {
			return indentOf(c)
		}
	}
	return indentOf(el) + l.unit
}

// insertAfter places el after prev, on a line of its own, indented as prev.
// The whitespace that followed prev now follows el, so no existing line
// changes.
func (l layout) insertAfter(prev, el *etree.Element) {
	p := prev.Parent()
	ws := newSpace(l.nl + indentOf(prev))
	i := prev.Index() + 1
	p.InsertChildAt(i, ws)
	p.InsertChildAt(i+1, el)
}

// insertBefore places el before next, on a line of its own indented as
// next, and before the comments on the lines right above next, which belong
// to next. No existing line changes.
func (l layout) insertBefore(next, el *etree.Element) {
	p := next.Parent()
	ws := newSpace(l.nl + indentOf(next))
	i := next.Index()
	for i >= 2 && isBlankToken(p.Child[i-1]) {
		if _, comment := p.Child[i-2].(*etree.Comment); !comment {
			break
		}
		i -= 2
	}
	if i >= 1 && isBlankToken(p.Child[i-1]) {
		p.InsertChildAt(i-1, ws)
		p.InsertChildAt(i, el)
		return
	}
	p.InsertChildAt(i, el)
	p.InsertChildAt(i+1, ws)
}

// isBlankToken reports whether t is whitespace character data.
func isBlankToken(t etree.Token) bool {
	cd, ok := t.(*etree.CharData)
	return ok && isBlank(cd)
}

// appendChild places el last in p, on a line of its own, before the line
// break that precedes p's end tag (made when p was an empty element).
func (l layout) appendChild(p, el *etree.Element) {
	ws := newSpace(l.nl + l.childIndent(p))
	n := len(p.Child)
	if n > 0 {
		if cd, ok := p.Child[n-1].(*etree.CharData); ok && isBlank(cd) {
			p.InsertChildAt(n-1, ws)
			p.InsertChildAt(n, el)
			return
		}
	}
	p.AddChild(ws)
	p.AddChild(el)
	p.AddChild(newSpace(l.nl + indentOf(p)))
}

// newSpace returns a whitespace token (etree's NewText does not mark it as
// whitespace, which its own IsWhitespace then misses).
func newSpace(s string) *etree.CharData {
	cd := etree.NewText("")
	cd.SetData(s)
	return cd
}

// isBlank reports whether cd is whitespace only (and no CDATA section).
func isBlank(cd *etree.CharData) bool {
	return !cd.IsCData() && strings.Trim(cd.Data, " \t\r\n") == ""
}

// hasOnlyWhitespace reports whether every child token of el is whitespace.
func hasOnlyWhitespace(el *etree.Element) bool {
	for _, t := range el.Child {
		if cd, ok := t.(*etree.CharData); !ok || !isBlank(cd) {
			return false
		}
	}
	return true
}

// removeElement removes el and the whitespace before it (the line it stood
// on). A parent left with nothing but whitespace becomes an empty element.
func removeElement(el *etree.Element) {
	p := el.Parent()
	if p == nil {
		return
	}
	i := el.Index()
	p.RemoveChildAt(i)
	if i > 0 {
		if cd, ok := p.Child[i-1].(*etree.CharData); ok && isBlank(cd) {
			p.RemoveChildAt(i - 1)
		}
	} else if len(p.Child) > 0 {
		if cd, ok := p.Child[0].(*etree.CharData); ok && isBlank(cd) {
			p.RemoveChildAt(0)
		}
	}
	if hasOnlyWhitespace(p) {
		p.Child = nil
	}
}

// isEmpty reports whether el has no attributes and nothing but whitespace
// inside.
func isEmpty(el *etree.Element) bool {
	return len(el.Attr) == 0 && hasOnlyWhitespace(el)
}

// setAttr sets XML attribute name of el to value. A new attribute goes
// before the first existing one that rank puts after it (rank returns -1
// for attributes it does not know), or last.
func setAttr(el *etree.Element, name, value string, rank func(string) int) {
	for i := range el.Attr {
		if el.Attr[i].Space == "" && el.Attr[i].Key == name {
			el.Attr[i].Value = value
			return
		}
	}
	el.CreateAttr(name, value)
	mine := rank(name)
	if mine < 0 {
		return
	}
	last := len(el.Attr) - 1
	for i := 0; i < last; i++ {
		if r := rank(el.Attr[i].Key); r > mine && el.Attr[i].Space == "" {
			a := el.Attr[last]
			copy(el.Attr[i+1:], el.Attr[i:last])
			el.Attr[i] = a
			return
		}
	}
}

// removeAttr removes XML attribute name of el, if it has one.
func removeAttr(el *etree.Element, name string) {
	for i := range el.Attr {
		if el.Attr[i].Space == "" && el.Attr[i].Key == name {
			el.Attr = append(el.Attr[:i], el.Attr[i+1:]...)
			return
		}
	}
}
