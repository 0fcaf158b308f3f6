// Package xmlmodel binds a WildFly configuration document (standalone.xml,
// standalone-ha.xml) to the management model: it reads the model out of a
// parsed etree document, following the XML hints of the resource definitions
// and the naming convention for subsystems this project does not model, and
// it applies a change of the model back to the same document as a minimal
// edit, so that comments, formatting and every untouched byte survive.
//
// It leaves reading and writing files, history and the management
// operations to others (package server and its persist package, package ops).
package xmlmodel

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/beevik/etree"

	"wfcli/ops"
)

// Binding is a configuration document together with the map from each
// resource of the model read from it to the element that holds it. Apply
// keeps the map up to date as it edits the document.
//
// A Binding is not safe for concurrent use; the server calls it under its
// management lock.
type Binding struct {
	doc  *etree.Document
	root *ops.Definition
	// elems maps an address key (see key) to the resource's element. A
	// resource whose definition says Skip maps to its parent's element.
	elems map[string]*etree.Element
	lay   *layout
}

// key returns the map key of address a. It cannot collide, since "\x00"
// never occurs in a type or a name the XML can hold.
func key(a ops.Address) string {
	var b strings.Builder
	for _, e := range a {
		b.WriteString(e.Type)
		b.WriteByte(0)
		b.WriteString(e.Name)
		b.WriteByte(0)
	}
	return b.String()
}

// Document returns the bound document. Callers must not edit it.
func (b *Binding) Document() *etree.Document { return b.doc }

// Element returns the element of the resource at a, or nil when the
// resource has none.
func (b *Binding) Element(a ops.Address) *etree.Element { return b.elems[key(a)] }

// Load reads the model out of doc, whose root element is <server>, using the
// definitions below root. Elements the definitions do not describe are left
// alone: they stay in the document and round-trip untouched. Values that do
// not parse as their attribute's type are kept as STRING, so that any file
// WildFly accepts loads.
func Load(doc *etree.Document, root *ops.Definition) (*ops.Resource, *Binding, error) {
	el := doc.Root()
	if el == nil {
		return nil, nil, fmt.Errorf("the document has no root element")
	}
	if el.Tag != "server" {
		return nil, nil, fmt.Errorf("the root element is <%s>, want <server>", el.FullTag())
	}
	b := &Binding{doc: doc, root: root, elems: map[string]*etree.Element{}}
	res := ops.NewResource()
	b.loadResource(el, root, res, ops.Address{})
	return res, b, nil
}

// Rebind rebuilds the element map of b from its document; the server uses
// it after it restores a document whose write failed.
func (b *Binding) Rebind(doc *etree.Document) error {
	_, nb, err := Load(doc, b.root)
	if err != nil {
		return err
	}
	*b = *nb
	return nil
}

// Serialize returns the document's bytes as they go to the file: attribute
// values and text are escaped as WildFly files spell them, so that an
// unchanged document is written back byte for byte.
func (b *Binding) Serialize() ([]byte, error) {
	out, err := b.doc.WriteToBytes()
	if err != nil {
		return nil, err
	}
	// etree escapes a tab, line feed or carriage return in an attribute
	// value (which a reader would turn into a space) in hex; WildFly's
	// files spell character references in decimal. A CDATA section may
	// hold the same text literally, so a file with one keeps etree's form.
	if bytes.Contains(out, []byte("&#x")) && !bytes.Contains(out, []byte("<![CDATA[")) {
		out = []byte(charRefs.Replace(string(out)))
	}
	return out, nil
}

// charRefs respells etree's hex character references in decimal.
var charRefs = strings.NewReplacer("&#x9;", "&#9;", "&#xA;", "&#10;", "&#xD;", "&#13;")

// Parse reads a configuration document from data with the settings of
// NewDocument. It keeps CDATA sections only when data has one, since
// keeping them doubles etree's reading time.
func Parse(data []byte) (*etree.Document, error) {
	d := NewDocument()
	d.ReadSettings.PreserveCData = bytes.Contains(data, []byte("<![CDATA["))
	if err := d.ReadFromBytes(data); err != nil {
		return nil, err
	}
	return d, nil
}

// NewDocument returns an etree document with the write settings that keep an
// unchanged file byte-identical: only &, < and " are escaped in attribute
// values and only &, < and > in text, and CDATA sections are kept as CDATA.
func NewDocument() *etree.Document {
	d := etree.NewDocument()
	d.ReadSettings.PreserveCData = true
	d.WriteSettings.CanonicalAttrVal = true
	d.WriteSettings.CanonicalText = true
	return d
}
