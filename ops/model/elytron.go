package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The elytron subsystem, essentials: the TLS resources Keycloak's scripts
// create (key stores, key and trust managers, SSL contexts) are modelled in
// full; every other Elytron resource type is known by name and the wrapper
// element it lives in, and kept leniently. An unknown type fails as WildFly
// fails it.

func init() {
	registerSubsystem("elytron", buildElytron)
}

// elyNamespace is the namespace a new elytron subsystem element is written
// with: elytron 15.0, the version of WildFly 26.
const elyNamespace = "urn:wildfly:elytron:15.0"

// elyWrappers lists the wrapper elements of the elytron <subsystem> in the
// XSD's order, each with the resource types it holds. A type's Order is its
// wrapper's position.
var elyWrappers = []struct {
	wrapper string
	types   []string
}{
	{"authentication-client", []string{"authentication-configuration",
		"authentication-context"}},
	{"providers", []string{"aggregate-providers", "provider-loader"}},
	{"audit-logging", []string{"aggregate-security-event-listener",
		"custom-security-event-listener", "file-audit-log",
		"periodic-rotating-file-audit-log", "size-rotating-file-audit-log", "syslog-audit-log"}},
	{"security-domains", []string{"security-domain", "virtual-security-domain"}},
	{"security-realms", []string{"aggregate-realm", "caching-realm", "custom-realm",
		"custom-modifiable-realm", "distributed-realm", "failover-realm", "filesystem-realm",
		"identity-realm", "jaas-realm", "jdbc-realm", "key-store-realm", "ldap-realm",
		"properties-realm", "token-realm"}},
	{"credential-security-factories", []string{"custom-credential-security-factory",
		"kerberos-security-factory"}},
	{"mappers", []string{"add-prefix-role-mapper", "add-suffix-role-mapper",
		"aggregate-evidence-decoder", "aggregate-principal-decoder",
		"aggregate-principal-transformer", "aggregate-role-decoder", "aggregate-role-mapper",
		"case-principal-transformer", "chained-principal-transformer",
		"concatenating-principal-decoder", "constant-permission-mapper",
		"constant-principal-decoder", "constant-principal-transformer",
		"constant-realm-mapper", "constant-role-mapper", "custom-evidence-decoder",
		"custom-permission-mapper", "custom-principal-decoder",
		"custom-principal-transformer", "custom-realm-mapper", "custom-role-decoder",
		"custom-role-mapper", "logical-permission-mapper", "logical-role-mapper",
		"mapped-regex-realm-mapper", "mapped-role-mapper", "regex-principal-transformer",
		"regex-role-mapper", "regex-validating-principal-transformer",
		"simple-permission-mapper", "simple-regex-realm-mapper", "simple-role-decoder",
		"source-address-role-decoder", "x500-attribute-principal-decoder",
		"x500-subject-evidence-decoder", "x509-subject-alt-name-evidence-decoder"}},
	{"permission-sets", []string{"permission-set"}},
	{"http", []string{"aggregate-http-server-mechanism-factory",
		"configurable-http-server-mechanism-factory", "http-authentication-factory",
		"provider-http-server-mechanism-factory",
		"service-loader-http-server-mechanism-factory"}},
	{"sasl", []string{"aggregate-sasl-server-factory", "configurable-sasl-server-factory",
		"mechanism-provider-filtering-sasl-server-factory", "provider-sasl-server-factory",
		"sasl-authentication-factory", "service-loader-sasl-server-factory"}},
	{"tls", nil}, // modelled below
	{"credential-stores", []string{"credential-store", "secret-key-credential-store"}},
	{"expression-resolver", nil},
	{"dir-contexts", []string{"dir-context"}},
	{"jaspi", []string{"jaspi-configuration"}},
}

// elyTLSWrappers lists the wrappers inside <tls> in the XSD's order with the
// types they hold; key-store, key-manager, trust-manager and the two SSL
// contexts are modelled, the others lenient.
var elyTLSWrappers = []struct {
	wrapper string
	types   []string
}{
	{"key-stores", []string{"key-store", "ldap-key-store", "filtering-key-store"}},
	{"key-managers", []string{"key-manager"}},
	{"trust-managers", []string{"trust-manager"}},
	{"server-ssl-contexts", []string{"server-ssl-context"}},
	{"client-ssl-contexts", []string{"client-ssl-context"}},
	{"certificate-authorities", []string{"certificate-authority"}},
	{"certificate-authority-accounts", []string{"certificate-authority-account"}},
	{"server-ssl-sni-contexts", []string{"server-ssl-sni-context"}},
}

// buildElytron returns the definition of /subsystem=elytron.
func buildElytron() *ops.Definition {
	return describe(&ops.Definition{
		Description: "The Elytron security subsystem.",
		Attributes: []*ops.Attribute{
			noExpr(str("default-authentication-context")),
			noExpr(str("default-ssl-context")),
			noExpr(str("initial-providers")),
			noExpr(str("final-providers")),
			xmlAt(listOf("disallowed-providers", dmr.String), ops.XMLAttribute{
				Attr: "disallowed-providers", Form: ops.SpaceList}),
			def(boolean("register-jaspi-factory"), dmr.NewBool(true)),
			xmlAt(mapOf("security-properties", dmr.String), ops.XMLAttribute{
				Path: "security-properties", Form: ops.PropertyMap, Item: "security-property",
				KeyAttr: "name", ItemAttr: "value", Order: nestedOrder(1)}),
		},
		Children:      elyChildren(),
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{Element: "subsystem", NoName: true, Namespace: elyNamespace},
	}, elyTexts)
}

// elyChildren returns the child types of the subsystem: the modelled TLS
// types and a lenient definition, with its wrapper, for every other type.
func elyChildren() []*ops.Child {
	var cs []*ops.Child
	for i, w := range elyWrappers {
		// Position 1 is <security-properties>; the wrappers follow.
		for _, typ := range w.types {
			d := Lenient()
			d.XML = &ops.XMLResource{NameAttr: "name", Wrapper: w.wrapper,
				Order: nestedOrder(i + 2)}
			if elyModifiableRealms[typ] {
				d.Operations = elyIdentityOperations()
			}
			cs = append(cs, &ops.Child{Type: typ, Definition: d})
		}
		if w.wrapper == "tls" {
			cs = append(cs, elyTLSChildren(i+2)...)
		}
	}
	encryption := Lenient()
	encryption.XML = &ops.XMLResource{Element: "expression-resolver", NoName: true,
		Order: nestedOrder(elyWrapperPos("expression-resolver"))}
	cs = append(cs, &ops.Child{Type: "expression", Names: []string{"encryption"}, Max: 1,
		Definition: encryption})
	policy := Lenient()
	policy.XML = &ops.XMLResource{Element: "policy", NameAttr: "name",
		Order: nestedOrder(elyWrapperPos("dir-contexts") + 1)}
	return append(cs, &ops.Child{Type: "policy", Definition: policy, Max: 1})
}

// elyModifiableRealms are the realm types whose identities can be changed
// through management operations.
var elyModifiableRealms = map[string]bool{"filesystem-realm": true, "ldap-realm": true,
	"custom-modifiable-realm": true}

// elyIdentityOperations returns the identity operations of a modifiable
// realm. They change the realm's store (files, a directory), not the
// configuration, so they need the realm running.
//
// Limitation: this server runs no Elytron realm, so the identity operations
// fail with a message that says so; identities must be managed on a WildFly
// server or with its elytron-tool.
func elyIdentityOperations() []*ops.Operation {
	names := []string{"add-identity", "remove-identity", "read-identity", "set-password",
		"add-identity-attribute", "remove-identity-attribute"}
	list := make([]*ops.Operation, len(names))
	for i, n := range names {
		identity := required(noExpr(str("identity")))
		identity.Description = "The name of the identity."
		list[i] = &ops.Operation{Name: n, Params: []*ops.Attribute{identity},
			ReadOnly: n == "read-identity", Handler: elyNeedsRealm(n),
			Description: "Changes or reads an identity of the realm's store."}
	}
	return list
}

// elyNeedsRealm returns the handler of identity operation name.
func elyNeedsRealm(name string) func(*ops.Context, dmr.Value) (dmr.Value, error) {
	return func(ctx *ops.Context, _ dmr.Value) (dmr.Value, error) {
		return dmr.NewUndefined(), &ops.Failure{Msg: "Operation " + name + " works on the " +
			"realm's identity store, not on the configuration, and needs the running realm; " +
			"this server runs no Elytron realm. Run it against a WildFly server, or use " +
			"elytron-tool for a filesystem realm"}
	}
}

// elyWrapperPos returns the Order position of a subsystem-level wrapper.
func elyWrapperPos(wrapper string) int {
	for i, w := range elyWrappers {
		if w.wrapper == wrapper {
			return i + 2
		}
	}
	return 0
}

// elyTLSChildren returns the child types kept under <tls>, which sits at
// position pos of the subsystem.
func elyTLSChildren(pos int) []*ops.Child {
	modelled := map[string]*ops.Definition{
		"key-store":          elyKeyStore(),
		"key-manager":        elyKeyManager(),
		"trust-manager":      elyTrustManager(),
		"server-ssl-context": elySSLContext(true),
		"client-ssl-context": elySSLContext(false),
	}
	var cs []*ops.Child
	for i, w := range elyTLSWrappers {
		for _, typ := range w.types {
			d, ok := modelled[typ]
			if !ok {
				d = Lenient()
			}
			d.XML = &ops.XMLResource{NameAttr: "name", Wrapper: "tls/" + w.wrapper,
				Order: nestedOrder(pos, i+1)}
			cs = append(cs, &ops.Child{Type: typ, Definition: d})
		}
	}
	return cs
}

// elyCredentialReference returns a credential-reference attribute written as
// a <credential-reference .../> child element at position pos.
func elyCredentialReference(pos int) *ops.Attribute {
	a := dsCredentialReference("credential-reference")
	return xmlAt(a, ops.XMLAttribute{Path: "credential-reference", Form: ops.FieldObject,
		Order: nestedOrder(pos)})
}

// elyProviders are the provider attributes of the TLS resources.
func elyProviders() []*ops.Attribute {
	return []*ops.Attribute{noExpr(str("providers")), str("provider-name")}
}

// elyKeyStore returns the definition of key-store=*: <key-store name>
// holding <credential-reference/>, <implementation type provider-name/> and
// <file path relative-to required/>.
func elyKeyStore() *ops.Definition {
	at := func(a *ops.Attribute, elem string, pos int) *ops.Attribute {
		return xmlAt(a, ops.XMLAttribute{Path: elem, Attr: a.Name, Order: nestedOrder(pos)})
	}
	relativeTo := at(noExpr(str("relative-to")), "file", 3)
	relativeTo.XML.Attr = "relative-to"
	return &ops.Definition{
		Description: "A key store: a file of keys and certificates, or a provider's store.",
		Attributes: []*ops.Attribute{
			required(elyCredentialReference(1)),
			at(str("type"), "implementation", 2),
			at(str("provider-name"), "implementation", 2),
			noExpr(str("providers")),
			str("alias-filter"),
			at(str("path"), "file", 3),
			relativeTo,
			at(def(boolean("required"), dmr.NewBool(false)), "file", 3),
		},
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.AllServices,
	}
}

// elyKeyManager returns the definition of key-manager=*.
func elyKeyManager() *ops.Definition {
	return &ops.Definition{
		Description: "A key manager over a key store.",
		Attributes: append([]*ops.Attribute{
			str("algorithm"),
			elyKeyStoreRef(),
			str("alias-filter"),
			str("generate-self-signed-certificate-host"),
			elyCredentialReference(1),
		}, elyProviders()...),
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.AllServices,
	}
}

// elyKeyStoreRef is the key-store attribute of a key or trust manager.
func elyKeyStoreRef() *ops.Attribute {
	return refs(noExpr(str("key-store")), "org.wildfly.security.key-store",
		"/subsystem=elytron/key-store", "/subsystem=elytron/ldap-key-store",
		"/subsystem=elytron/filtering-key-store")
}

// elyTrustManager returns the definition of trust-manager=*.
//
// Limitation: the certificate-revocation-list and ocsp settings, child
// elements of <trust-manager>, are not modelled; a file holding them keeps
// them, but they cannot be changed through the model.
func elyTrustManager() *ops.Definition {
	return &ops.Definition{
		Description: "A trust manager over a key store of trusted certificates.",
		Attributes: append([]*ops.Attribute{
			str("algorithm"),
			elyKeyStoreRef(),
			str("alias-filter"),
		}, elyProviders()...),
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.AllServices,
	}
}

// elySSLContext returns the definition of server-ssl-context=* (server) or
// client-ssl-context=*.
func elySSLContext(server bool) *ops.Definition {
	protocols := xmlAt(listOf("protocols", dmr.String), ops.XMLAttribute{Attr: "protocols",
		Form: ops.SpaceList})
	protocols.Expressions = false
	as := []*ops.Attribute{
		refs(noExpr(str("key-manager")), "org.wildfly.security.key-manager",
			"/subsystem=elytron/key-manager"),
		refs(noExpr(str("trust-manager")), "org.wildfly.security.trust-manager",
			"/subsystem=elytron/trust-manager"),
		str("cipher-suite-filter"),
		str("cipher-suite-names"),
		protocols,
	}
	as = append(as, elyProviders()...)
	desc := "An SSL context for outbound connections."
	if server {
		desc = "An SSL context for inbound connections (listeners)."
		as = append(as,
			noExpr(str("security-domain")),
			def(boolean("want-client-auth"), dmr.NewBool(false)),
			def(boolean("need-client-auth"), dmr.NewBool(false)),
			def(boolean("authentication-optional"), dmr.NewBool(false)),
			def(boolean("use-cipher-suites-order"), dmr.NewBool(true)),
			def(integer("maximum-session-cache-size"), dmr.NewInt(-1)),
			def(integer("session-timeout"), dmr.NewInt(-1)),
			def(boolean("wrap"), dmr.NewBool(false)),
			noExpr(str("pre-realm-principal-transformer")),
			noExpr(str("post-realm-principal-transformer")),
			noExpr(str("final-principal-transformer")),
			noExpr(str("realm-mapper")))
	}
	return &ops.Definition{
		Description:   desc,
		Attributes:    as,
		AddRestart:    ops.NoServices,
		RemoveRestart: ops.AllServices,
	}
}

// elyTexts describes the attributes of the modelled elytron resources.
var elyTexts = [][2]string{
	{"path", "The path of the key store file."},
	{"relative-to", "The named path path is relative to."},
	{"type", "The key store type (JKS, PKCS12, ...)."},
	{"required", "Whether the file must exist when the key store starts."},
	{"key-store", "The key store the manager uses."},
	{"algorithm", "The algorithm of the manager factory."},
	{"alias-filter", "Which aliases of the key store are used."},
	{"generate-self-signed-certificate-host", "The host of a self-signed certificate made on demand."},
	{"key-manager", "The key manager of the SSL context."},
	{"trust-manager", "The trust manager of the SSL context."},
	{"want-client-auth", "Whether the server asks clients for a certificate."},
	{"need-client-auth", "Whether the server requires clients to present a certificate."},
	{"protocols", "The TLS protocols enabled."},
	{"cipher-suite-filter", "A filter on the cipher suites of TLS 1.2 and earlier."},
	{"cipher-suite-names", "The cipher suites of TLS 1.3."},
	{"providers", "The providers the resource takes its implementations from."},
	{"provider-name", "The name of the provider to use."},
}
