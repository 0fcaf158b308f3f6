package xmlmodel

import (
	"strings"

	"github.com/beevik/etree"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// attrWriter writes one attribute whose definition places it in the XML
// (a non-nil XMLAttribute) into the element el of its resource.
type attrWriter struct {
	l      layout
	el     *etree.Element
	def    *ops.Definition
	a      *ops.Attribute
	x      *ops.XMLAttribute
	isRoot bool
}

// write changes the XML from old to nw.
func (w attrWriter) write(old, nw dmr.Value) {
	switch w.x.Form {
	case ops.Presence:
		w.writePresence(nw)
	case ops.SpaceList, ops.CommaList:
		w.writeScalar(joinList(nw, w.x.Form))
	case ops.ItemList:
		w.writeItems(nw)
	case ops.PropertyMap:
		w.writeMap(old, nw)
	case ops.FieldObject:
		w.writeFields(old, nw)
	default:
		w.writeScalar(nw)
	}
}

// target returns the element at the attribute's Path, created when create
// is set, and nil when it does not exist.
func (w attrWriter) target(create bool) *etree.Element {
	if create {
		return w.l.ensurePath(w.el, w.def, w.x.Path, w.isRoot)
	}
	return findPath(w.el, w.x.Path)
}

// writeScalar writes a value held by an XML attribute or by the text of the
// element at Path (the resource's own element when Path is "").
func (w attrWriter) writeScalar(v dmr.Value) {
	attr := w.x.Attr
	if !v.IsDefined() {
		t := w.target(false)
		switch {
		case t == nil:
		case attr != "":
			removeAttr(t, attr)
			w.prune(t, false)
		case w.x.Path != "":
			w.prune(t, true)
		default:
			t.SetText("")
		}
		return
	}
	t := w.target(true)
	if attr == "" {
		t.SetText(xmlText(v, w.x))
		return
	}
	setAttr(t, attr, xmlText(v, w.x), w.rank())
}

// rank orders a new XML attribute among its element's attributes.
func (w attrWriter) rank() func(string) int {
	if w.x.Path != "" {
		return func(string) int { return -1 }
	}
	return attrRank(w.def)
}

// prune removes t when it is the element at the attribute's Path and holds
// nothing any more (or always, when force is set), and then every empty
// element above it up to the resource's element.
func (w attrWriter) prune(t *etree.Element, force bool) {
	for t != nil && t != w.el && (force || isEmpty(t)) {
		up := t.Parent()
		removeElement(t)
		t, force = up, false
	}
}

// writePresence writes a BOOLEAN held by the presence of an element.
func (w attrWriter) writePresence(v dmr.Value) {
	on, _ := v.AsBool()
	if v.Type() == dmr.Expression {
		w.writeScalar(v)
		return
	}
	if on {
		w.target(true)
		return
	}
	if t := w.target(false); t != nil {
		w.prune(t, true)
	}
}

// joinList returns the text of a LIST written joined by spaces or commas.
func joinList(v dmr.Value, form ops.XMLForm) dmr.Value {
	if !v.IsDefined() {
		return v
	}
	sep := " "
	if form == ops.CommaList {
		sep = ","
	}
	items, err := v.AsList()
	if err != nil {
		return dmr.NewString(valueText(v))
	}
	parts := make([]string, len(items))
	for i, it := range items {
		parts[i] = valueText(it)
	}
	return dmr.NewString(strings.Join(parts, sep))
}

// writeItems writes a LIST held as one element per item: items no longer in
// the list lose their element, new ones get one after the last item; when
// the items that stay change their order, every item is written again.
func (w attrWriter) writeItems(v dmr.Value) {
	if !v.IsDefined() {
		if t := w.target(false); t != nil {
			w.removeItems(t, nil)
			if w.x.Path != "" {
				w.prune(t, true)
			}
		}
		return
	}
	var want []string
	for _, it := range v.Items() {
		want = append(want, valueText(it))
	}
	t := w.target(true)
	have := w.removeItems(t, want)
	if !w.inOrder(t, want) {
		have = w.removeItems(t, nil)
	}
	for _, s := range want {
		if have[s] {
			continue
		}
		it := etree.NewElement(w.x.Item)
		if w.x.ItemAttr != "" {
			it.CreateAttr(w.x.ItemAttr, s)
		} else {
			it.SetText(s)
		}
		w.appendItem(t, it)
	}
}

// inOrder reports whether the item elements of t hold their values in the
// order of want.
func (w attrWriter) inOrder(t *etree.Element, want []string) bool {
	i := 0
	for _, it := range t.ChildElements() {
		if it.Tag != w.x.Item {
			continue
		}
		s, _ := itemText(it, w.x.ItemAttr)
		for i < len(want) && want[i] != s {
			i++
		}
		if i == len(want) {
			return false
		}
		i++
	}
	return true
}

// removeItems removes the item elements of t whose value is not in keep and
// returns the values that remain.
func (w attrWriter) removeItems(t *etree.Element, keep []string) map[string]bool {
	wanted := map[string]bool{}
	for _, s := range keep {
		wanted[s] = true
	}
	have := map[string]bool{}
	for _, it := range t.ChildElements() {
		if it.Tag != w.x.Item {
			continue
		}
		s, _ := itemText(it, w.x.ItemAttr)
		if wanted[s] && !have[s] {
			have[s] = true
			continue
		}
		removeElement(it)
	}
	return have
}

// appendItem places a new item element after the last item of t, or where
// the attribute's Order puts it when Path is "" (items straight in the
// resource's element).
func (w attrWriter) appendItem(t, it *etree.Element) {
	p := newPlacement(w.def, w.x.Path, w.isRoot)
	order := w.x.Order
	if w.x.Path != "" {
		order = 0
	}
	w.l.place(t, it, p, order, func(e *etree.Element) bool { return e.Tag == w.x.Item })
}

// writeMap writes an OBJECT held as one element per key, touching only the
// keys whose value changed.
func (w attrWriter) writeMap(old, nw dmr.Value) {
	if !nw.IsDefined() || (nw.Len() == 0 && w.x.Path != "") {
		if t := w.target(false); t != nil {
			w.syncMap(t, old, dmr.NewObject())
			if w.x.Path != "" {
				w.prune(t, true)
			}
		}
		return
	}
	w.syncMap(w.target(true), old, nw)
}

// syncMap edits the key elements of t from old to nw.
func (w attrWriter) syncMap(t *etree.Element, old, nw dmr.Value) {
	ka := keyAttr(w.x)
	byKey := map[string]*etree.Element{}
	for _, it := range t.ChildElements() {
		if k, ok := attrText(it, ka); ok && it.Tag == w.x.Item {
			if _, dup := byKey[k]; !dup {
				byKey[k] = it
			}
		}
	}
	for k, it := range byKey {
		if !nw.Has(k) {
			removeElement(it)
		}
	}
	for _, k := range nw.Keys() {
		v, _ := nw.Get(k)
		if ov, ok := old.Get(k); ok && ov.Equal(v) && byKey[k] != nil {
			continue
		}
		it := byKey[k]
		if it == nil {
			it = etree.NewElement(w.x.Item)
			it.CreateAttr(ka, k)
			w.appendItem(t, it)
		}
		if w.x.ItemAttr != "" {
			setAttr(it, w.x.ItemAttr, valueText(v), func(string) int { return -1 })
		} else {
			it.SetText(valueText(v))
		}
	}
}

// writeFields writes an OBJECT whose keys are XML attributes of the element
// at Path.
func (w attrWriter) writeFields(old, nw dmr.Value) {
	if !nw.IsDefined() {
		t := w.target(false)
		if t != nil && w.x.Path != "" {
			w.prune(t, true)
		} else if t != nil {
			for _, k := range old.Keys() {
				removeAttr(t, w.fieldXMLName(k))
			}
		}
		return
	}
	t := w.target(true)
	for _, k := range unionKeys(old, nw) {
		ov, _ := old.Get(k)
		v, _ := nw.Get(k)
		switch {
		case ov.Equal(v):
		case v.IsDefined():
			setAttr(t, w.fieldXMLName(k), xmlText(v, w.fieldXML(k)), w.fieldRank)
		default:
			removeAttr(t, w.fieldXMLName(k))
		}
	}
}

// fieldXMLName returns the XML attribute of field k.
func (w attrWriter) fieldXMLName(k string) string {
	for _, f := range w.a.Fields {
		if f.Name == k {
			return fieldAttr(f)
		}
	}
	return k
}

// fieldXML returns the XML hint of field k; nil when it has none.
func (w attrWriter) fieldXML(k string) *ops.XMLAttribute {
	for _, f := range w.a.Fields {
		if f.Name == k {
			return f.XML
		}
	}
	return nil
}

// fieldRank orders field attributes as the definition lists the fields.
func (w attrWriter) fieldRank(name string) int {
	for i, f := range w.a.Fields {
		if fieldAttr(f) == name {
			return i
		}
	}
	return -1
}
