package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// Legacy security realms (<management><security-realms>, Keycloak 15 and
// older) are modelled: a realm, its plug-ins, server identities,
// authentication and authorization, with the attributes WildFly Core's
// domain-legacy realms have. Each identity or mechanism is a resource named
// after its element (<server-identities><ssl> is server-identity=ssl, its
// keystore-* attributes held by <keystore>), so a script that reads one
// finds it where the file has it. Keycloak's migrate scripts add
// server-identity=ssl to ApplicationRealm when they cannot read it.
//
// Limitation: server-identity=kerberos, authentication=ldap, kerberos, users
// and plug-in, and authorization=ldap and plug-in are lenient: their
// contents are kept and written back but not validated.

// The positions of a realm's elements, in the order the schema enforces.
const (
	orderRealmPlugIns = iota + 1
	orderRealmIdentities
	orderRealmAuthentication
	orderRealmAuthorization
)

// securityRealm is core-service=management/security-realm=*.
func securityRealm() *ops.Definition {
	mapGroups := xmlAt(def(boolean("map-groups-to-roles"), dmr.NewBool(true)),
		ops.XMLAttribute{Path: "authorization", Attr: "map-groups-to-roles",
			Order: orderRealmAuthorization})
	mapGroups.Description = "Whether the groups loaded for a user are its roles."
	return &ops.Definition{
		Description: "A legacy security realm: the identity and the user store of " +
			"management and application interfaces.",
		Attributes: []*ops.Attribute{mapGroups},
		Children: []*ops.Child{
			{Type: "plug-in", Definition: realmPlugIn()},
			realmChild("server-identity", "server-identities", orderRealmIdentities,
				map[string]*ops.Definition{"ssl": realmSSL(), "secret": realmSecret()}),
			realmChild("authentication", "authentication", orderRealmAuthentication,
				map[string]*ops.Definition{"local": realmLocal(),
					"properties": realmProperties(true), "truststore": realmTruststore(),
					"jaas": realmJAAS()}),
			realmChild("authorization", "authorization", orderRealmAuthorization,
				map[string]*ops.Definition{"properties": realmProperties(false)}),
		},
		AddRestart: ops.AllServices, RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Wrapper: "security-realms", RemoveEmptyWrapper: true,
			Element: "security-realm", NameAttr: "name", Order: 1},
	}
}

// realmChild is a child type of a realm whose resources are the elements of
// one wrapper, each named as its resource (<server-identities><secret>):
// those realmNames lists for typ. own holds the modelled ones; the others
// are kept leniently.
func realmChild(typ, wrapper string, order int, own map[string]*ops.Definition) *ops.Child {
	c := &ops.Child{Type: typ, ByName: map[string]*ops.Definition{}}
	for _, n := range realmNames[typ] {
		d, ok := own[n]
		if !ok {
			d = Lenient()
		}
		d.XML = &ops.XMLResource{Element: n, NoName: true, Wrapper: wrapper,
			RemoveEmptyWrapper: true, Order: order}
		c.Names = append(c.Names, n)
		c.ByName[n] = d
	}
	return c
}

// realmNames are the resources of each child type of a realm, in the
// order the schema puts their elements.
var realmNames = map[string][]string{
	"server-identity": {"ssl", "secret", "kerberos"},
	"authentication": {"truststore", "local", "jaas", "kerberos", "ldap", "properties",
		"users", "plug-in"},
	"authorization": {"properties", "plug-in", "ldap"},
}

// realmResource is a realm resource with attrs that needs a reload when it
// is added, removed or changed.
func realmResource(desc string, attrs ...*ops.Attribute) *ops.Definition {
	return &ops.Definition{Description: desc, Attributes: attrs,
		AddRestart: ops.AllServices, RemoveRestart: ops.AllServices}
}

// described sets the attribute's description and returns it.
func described(a *ops.Attribute, desc string) *ops.Attribute {
	a.Description = desc
	return a
}

// realmPlugIn is plug-in=<module>: <plug-ins><plug-in module=".."/>.
func realmPlugIn() *ops.Definition {
	d := realmResource("A module that provides authentication or authorization plug-ins.")
	d.XML = &ops.XMLResource{Wrapper: "plug-ins", RemoveEmptyWrapper: true,
		Element: "plug-in", NameAttr: "module", Order: orderRealmPlugIns}
	return d
}

// realmSSL is server-identity=ssl: <ssl protocol> holding <engine
// enabled-cipher-suites enabled-protocols> and <keystore path relative-to
// keystore-password alias key-password ...>.
func realmSSL() *ops.Definition {
	keystore := func(a *ops.Attribute, attr, desc string) *ops.Attribute {
		return described(xmlAt(a, ops.XMLAttribute{Path: "keystore", Attr: attr, Order: 2}),
			desc)
	}
	engine := func(name string) *ops.Attribute {
		return described(xmlAt(listOf(name, dmr.String),
			ops.XMLAttribute{Path: "engine", Attr: name, Form: ops.SpaceList, Order: 1}),
			"The "+name+" of the SSL engine; undefined means the JVM's.")
	}
	protocol := described(def(str("protocol"), dmr.NewString("TLS")),
		"The protocol of the SSLContext.")
	return realmResource("The SSL identity of the realm: its keystore and protocols.",
		protocol, engine("enabled-cipher-suites"), engine("enabled-protocols"),
		keystore(str("keystore-path"), "path", "The path of the keystore."),
		keystore(str("keystore-relative-to"), "relative-to",
			"The name of the path the keystore's path is relative to."),
		keystore(def(str("keystore-provider"), dmr.NewString("JKS")), "provider",
			"The provider (type) of the keystore."),
		keystore(sensitive(str("keystore-password")), "keystore-password",
			"The password of the keystore."),
		keystore(str("alias"), "alias", "The alias of the key to use."),
		keystore(sensitive(str("key-password")), "key-password",
			"The password of the key."),
		keystore(str("generate-self-signed-certificate-host"),
			"generate-self-signed-certificate-host",
			"The host name of a self-signed certificate generated when the keystore "+
				"does not exist."))
}

// realmSecret is server-identity=secret: <secret value="base64"/>.
func realmSecret() *ops.Definition {
	value := described(sensitive(required(str("value"))),
		"The password this server presents to a remote server, base64 encoded.")
	return realmResource("The secret this server presents to other servers.", value)
}

// realmLocal is authentication=local: <local default-user allowed-users
// skip-group-loading/>, the silent authentication of local clients.
func realmLocal() *ops.Definition {
	return realmResource("Silent authentication of clients on the same machine.",
		described(str("default-user"), "The user a local client without a name becomes."),
		described(str("allowed-users"),
			"The users a local client may name, comma separated; * means any."),
		described(def(boolean("skip-group-loading"), dmr.NewBool(false)),
			"Whether a local user's groups are not loaded."))
}

// realmProperties is authentication=properties (<properties path
// relative-to plain-text/>) or, without plain-text, authorization=properties.
func realmProperties(authentication bool) *ops.Definition {
	p := described(required(str("path")), "The path of the properties file.")
	rel := described(str("relative-to"), "The name of the path the file is relative to.")
	if !authentication {
		return realmResource("A properties file that maps users to roles.", p, rel)
	}
	plain := described(def(boolean("plain-text"), dmr.NewBool(false)),
		"Whether the file holds passwords in plain text rather than digests.")
	return realmResource("A properties file of users and their passwords.", p, rel, plain)
}

// realmTruststore is authentication=truststore: <truststore path
// relative-to keystore-password provider/>, client certificate checking.
func realmTruststore() *ops.Definition {
	at := func(a *ops.Attribute, attr, desc string) *ops.Attribute {
		return described(xmlAt(a, ops.XMLAttribute{Attr: attr}), desc)
	}
	return realmResource("The truststore that client certificates are checked against.",
		at(str("keystore-path"), "path", "The path of the truststore."),
		at(str("keystore-relative-to"), "relative-to",
			"The name of the path the truststore's path is relative to."),
		at(sensitive(str("keystore-password")), "keystore-password",
			"The password of the truststore."),
		at(def(str("keystore-provider"), dmr.NewString("JKS")), "provider",
			"The provider (type) of the truststore."))
}

// realmJAAS is authentication=jaas: <jaas name assign-groups/>.
func realmJAAS() *ops.Definition {
	return realmResource("Authentication by a JAAS login module configuration.",
		described(required(str("name")), "The name of the JAAS configuration."),
		described(def(boolean("assign-groups"), dmr.NewBool(false)),
			"Whether the groups of the JAAS subject are the user's groups."))
}
