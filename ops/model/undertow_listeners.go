package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// utListener returns the definition of a listener of type typ
// (ajp-listener, http-listener, https-listener) written at position pos
// among the server's children. Every attribute is an XML attribute of the
// listener's element; every write needs a reload.
func utListener(typ string, pos int) *ops.Definition {
	as := utCommonListenerAttributes()
	switch typ {
	case "ajp-listener":
		as = append(as,
			str("scheme"),
			noExpr(str("redirect-socket")),
			def(integer("max-ajp-packet-size"), dmr.NewInt(8192)),
			str("allowed-request-attributes-pattern"))
	case "http-listener":
		as = append(as, noExpr(str("redirect-socket")))
		as = append(as, utHTTPAttributes()...)
	case "https-listener":
		as = append(as, utHTTPAttributes()...)
		as = append(as, utTLSAttributes()...)
	}
	return &ops.Definition{
		Description:   "A listener of the web server (" + typ + ").",
		Attributes:    as,
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{NameAttr: "name", Order: nestedOrder(pos)},
	}
}

// utCommonListenerAttributes are the attributes every listener has.
func utCommonListenerAttributes() []*ops.Attribute {
	enabled := def(boolean("enabled"), dmr.NewBool(true))
	enabled.Deprecated = true
	disallowed := listOf("disallowed-methods", dmr.String)
	disallowed.Default = dmr.NewList(dmr.NewString("TRACE"))
	disallowed.XML = &ops.XMLAttribute{Attr: "disallowed-methods", Form: ops.SpaceList}
	return []*ops.Attribute{
		required(noExpr(str("socket-binding"))),
		def(noExpr(str("worker")), dmr.NewString("default")),
		def(noExpr(str("buffer-pool")), dmr.NewString("default")),
		enabled,
		def(boolean("resolve-peer-address"), dmr.NewBool(false)),
		disallowed,
		def(boolean("secure"), dmr.NewBool(false)),
		def(long("max-post-size"), dmr.NewLong(10485760)),
		def(boolean("buffer-pipelined-data"), dmr.NewBool(false)),
		def(integer("max-header-size"), dmr.NewInt(1048576)),
		def(integer("max-parameters"), dmr.NewInt(1000)),
		def(integer("max-headers"), dmr.NewInt(200)),
		def(integer("max-cookies"), dmr.NewInt(200)),
		def(boolean("allow-encoded-slash"), dmr.NewBool(false)),
		def(boolean("decode-url"), dmr.NewBool(true)),
		def(str("url-charset"), dmr.NewString("UTF-8")),
		def(boolean("always-set-keep-alive"), dmr.NewBool(true)),
		def(integer("max-buffered-request-size"), dmr.NewInt(16384)),
		def(boolean("record-request-start-time"), dmr.NewBool(false)),
		def(boolean("allow-equals-in-cookie-value"), dmr.NewBool(false)),
		def(integer("no-request-timeout"), dmr.NewInt(60000)),
		integer("request-parse-timeout"),
		def(boolean("rfc6265-cookie-validation"), dmr.NewBool(false)),
		def(boolean("allow-unescaped-characters-in-url"), dmr.NewBool(false)),
		integer("read-timeout"),
		integer("write-timeout"),
		integer("max-connections"),
		integer("tcp-backlog"),
		integer("receive-buffer"),
		integer("send-buffer"),
		boolean("tcp-keep-alive"),
	}
}

// utHTTPAttributes are the attributes the HTTP and HTTPS listeners share:
// forwarding, proxy protocol and HTTP/2. proxy-address-forwarding restarts
// only the listener's services.
func utHTTPAttributes() []*ops.Attribute {
	return []*ops.Attribute{
		def(boolean("certificate-forwarding"), dmr.NewBool(false)),
		restart(def(boolean("proxy-address-forwarding"), dmr.NewBool(false)),
			ops.ResourceServices),
		def(boolean("proxy-protocol"), dmr.NewBool(false)),
		def(boolean("require-host-http11"), dmr.NewBool(false)),
		def(boolean("enable-http2"), dmr.NewBool(false)),
		def(boolean("http2-enable-push"), dmr.NewBool(true)),
		def(integer("http2-header-table-size"), dmr.NewInt(4096)),
		def(integer("http2-initial-window-size"), dmr.NewInt(65535)),
		integer("http2-max-concurrent-streams"),
		def(integer("http2-max-frame-size"), dmr.NewInt(16384)),
		integer("http2-max-header-list-size"),
	}
}

// utTLSAttributes are the attributes of the HTTPS listener: an Elytron
// ssl-context or, before WildFly 25, a legacy security-realm, which
// exclude each other.
func utTLSAttributes() []*ops.Attribute {
	ssl := refs(noExpr(str("ssl-context")), "org.wildfly.security.ssl-context",
		"/subsystem=elytron/server-ssl-context", "/subsystem=elytron/client-ssl-context")
	ssl.Alternatives = []string{"security-realm"}
	realm := noExpr(str("security-realm"))
	realm.Alternatives = []string{"ssl-context"}
	realm.Deprecated = true
	spdy := def(boolean("enable-spdy"), dmr.NewBool(false))
	spdy.Deprecated = true
	return []*ops.Attribute{
		ssl,
		realm,
		def(oneOf(str("verify-client"), "NOT_REQUESTED", "REQUESTED", "REQUIRED"),
			dmr.NewString("NOT_REQUESTED")),
		str("enabled-cipher-suites"),
		str("enabled-protocols"),
		spdy,
		integer("ssl-session-cache-size"),
		integer("ssl-session-timeout"),
	}
}
