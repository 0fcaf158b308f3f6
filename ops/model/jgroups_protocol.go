package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// A protocol's flavour, and with it its attributes and its XML element,
// follows from its type name (FD_SOCK, MPING: socket; TCPPING, TCPGOSSIP:
// socket discovery; JDBC_PING: jdbc; ...), not from how it was added. A
// protocol of a flavoured type added without the flavour's key attribute
// (JDBC_PING configured only through properties) is the deprecated generic
// flavour and is written as a plain <protocol>.

// jgProtocolElements are the elements a protocol may be written as, in every
// jgroups schema.
var jgProtocolElements = []string{"protocol", "socket-protocol",
	"socket-discovery-protocol", "jdbc-protocol", "encrypt-protocol", "auth-protocol"}

// jgFlavourKeys maps a flavoured protocol type to its element and the
// attribute whose presence selects that element.
var jgFlavourKeys = map[string]struct{ element, key string }{
	"FD_SOCK":      {"socket-protocol", "socket-binding"},
	"FD_SOCK2":     {"socket-protocol", "socket-binding"},
	"MPING":        {"socket-protocol", "socket-binding"},
	"TCPPING":      {"socket-discovery-protocol", "socket-bindings"},
	"TCPGOSSIP":    {"socket-discovery-protocol", "socket-bindings"},
	"JDBC_PING":    {"jdbc-protocol", "data-source"},
	"ASYM_ENCRYPT": {"encrypt-protocol", "key-store"},
	"SYM_ENCRYPT":  {"encrypt-protocol", "key-store"},
	"AUTH":         {"auth-protocol", ""},
}

// ProtocolElement returns the XML element a jgroups protocol of type name
// with attributes attrs (an OBJECT, or undefined) is written as: the
// flavour's element when the flavour's key attribute is defined, "protocol"
// otherwise. AUTH is always an auth-protocol, whose token is a child.
func ProtocolElement(name string, attrs dmr.Value) string {
	f, ok := jgFlavourKeys[name]
	if !ok {
		return "protocol"
	}
	if f.key == "" {
		return f.element
	}
	if v, ok := attrs.Get(f.key); ok && v.IsDefined() {
		return f.element
	}
	return "protocol"
}

// jgProtocolXML is shared by every protocol definition, so that the XML
// engine sees one element rule whichever definition a name selects.
var jgProtocolXML = &ops.XMLResource{
	ElementFor: ProtocolElement,
	Elements:   jgProtocolElements,
	NameAttr:   "type",
	Order:      2,
}

// jgProtocolChild is the ordered protocol=* child type of a stack or fork.
func jgProtocolChild() *ops.Child {
	socket := jgSocketProtocol()
	discovery := jgSocketDiscoveryProtocol()
	encrypt := jgEncryptProtocol()
	return &ops.Child{
		Type:       "protocol",
		Ordered:    true,
		Definition: jgGenericProtocol(),
		ByName: map[string]*ops.Definition{
			"FD_SOCK":      socket,
			"FD_SOCK2":     socket,
			"MPING":        socket,
			"TCPPING":      discovery,
			"TCPGOSSIP":    discovery,
			"JDBC_PING":    jgJDBCProtocol(),
			"ASYM_ENCRYPT": encrypt,
			"SYM_ENCRYPT":  encrypt,
			"AUTH":         jgAuthProtocol(),
		},
	}
}

// jgProtocolDefinition builds a protocol definition from the flavour's own
// attributes and the common ones.
func jgProtocolDefinition(description string, own ...*ops.Attribute) *ops.Definition {
	return &ops.Definition{
		Description: description,
		Attributes:  append(own, jgCommonProtocolAttributes()...),
		Children:    []*ops.Child{jgPropertyChild()},
		AddRestart:  ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: jgProtocolXML,
	}
}

// jgGenericProtocol is any protocol without a flavour (PING, MERGE3, FD_ALL,
// pbcast.NAKACK2, kubernetes.KUBE_PING, ...).
func jgGenericProtocol() *ops.Definition {
	return jgProtocolDefinition("A protocol of the stack, configured by its properties.",
		jgDeprecated(noExpr(str("socket-binding"))))
}

// jgSocketProtocol is FD_SOCK, FD_SOCK2 and MPING: a protocol with sockets
// of its own.
func jgSocketProtocol() *ops.Definition {
	return jgProtocolDefinition("A protocol that opens sockets of its own.",
		noExpr(str("socket-binding")),
		noExpr(str("client-socket-binding")))
}

// jgSocketDiscoveryProtocol is TCPPING and TCPGOSSIP: discovery of members
// at fixed outbound socket bindings.
func jgSocketDiscoveryProtocol() *ops.Definition {
	b := xmlAt(noExpr(listOf("socket-bindings", dmr.String)), ops.XMLAttribute{
		Attr: "socket-bindings", Form: ops.SpaceList})
	one := int64(1)
	b.Min = &one
	return jgProtocolDefinition("A discovery protocol that contacts fixed members.", b)
}

// jgJDBCProtocol is JDBC_PING: discovery through a table of a data source.
// The data source must exist when the request ends (a batch may add it
// after the protocol), as WildFly's capability check at the end of the
// model stage requires.
func jgJDBCProtocol() *ops.Definition {
	return jgProtocolDefinition("A discovery protocol that keeps members in a database table.",
		refs(noExpr(str("data-source")), "org.wildfly.data-source",
			"/subsystem=datasources/data-source", "/subsystem=datasources/xa-data-source"))
}

// jgEncryptProtocol is SYM_ENCRYPT and ASYM_ENCRYPT with a key store.
func jgEncryptProtocol() *ops.Definition {
	return jgProtocolDefinition("An encryption protocol whose key comes from a key store.",
		noExpr(str("key-store")),
		noExpr(str("key-alias")),
		jgCredentialReference("key-credential-reference"))
}

// jgAuthProtocol is AUTH: member authentication by a token child.
func jgAuthProtocol() *ops.Definition {
	d := jgProtocolDefinition("An authentication protocol; its token is a child resource.")
	token := func(elem, description string, extra ...*ops.Attribute) *ops.Definition {
		attrs := append([]*ops.Attribute{
			jgCredentialReference("shared-secret-reference")}, extra...)
		return &ops.Definition{Description: description, Attributes: attrs,
			AddRestart: ops.ResourceServices, RemoveRestart: ops.ResourceServices,
			XML: &ops.XMLResource{Element: elem, NoName: true}}
	}
	d.Children = append(d.Children, &ops.Child{
		Type: "token", Names: []string{"plain", "digest", "cipher"}, Max: 1,
		ByName: map[string]*ops.Definition{
			"plain": token("plain-token", "A shared secret sent in clear text."),
			"digest": token("digest-token", "A digest of a shared secret.",
				def(str("algorithm"), dmr.NewString("SHA-256"))),
			"cipher": token("cipher-token", "A shared secret encrypted with a key.",
				noExpr(str("key-store")), noExpr(str("key-alias")),
				jgCredentialReference("key-credential-reference"),
				def(str("algorithm"), dmr.NewString("RSA"))),
		},
	})
	return d
}

// jgCredentialReference is an elytron credential-reference OBJECT written as
// the attributes of a child element of the same name.
func jgCredentialReference(name string) *ops.Attribute {
	a := attr(name, dmr.Object)
	a.Fields = []*ops.Attribute{str("store"), str("alias"), str("type"),
		sensitive(str("clear-text"))}
	a.XML = &ops.XMLAttribute{Path: name, Form: ops.FieldObject}
	return a
}

// jgAddParams are the request properties of a custom add of d: its
// configuration attributes, with copies that are not required for the names
// in optional (the handler fills them in), and add-index for an ordered
// child.
func jgAddParams(d *ops.Definition, ordered bool, optional ...string) []*ops.Attribute {
	var ps []*ops.Attribute
	for _, a := range d.Attributes {
		if a.Storage != ops.Configuration {
			continue
		}
		for _, o := range optional {
			if a.Name == o {
				c := *a
				c.Required = false
				a = &c
			}
		}
		ps = append(ps, a)
	}
	if ordered {
		index := noExpr(integer("add-index"))
		index.Description = "The position among the stack's protocols (0 is first); " +
			"undefined appends."
		ps = append(ps, index)
	}
	return ps
}
