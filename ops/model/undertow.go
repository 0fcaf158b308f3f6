package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The undertow subsystem (essentials): the root attributes, servers with
// their listeners and hosts, buffer caches and the handler and filter
// configuration. Servlet containers, byte buffer pools and application
// security domains are kept leniently. Listener definitions live in
// undertow_listeners.go.

func init() {
	registerSubsystem("undertow", buildUndertow)
}

// utNamespace is the namespace a new undertow subsystem element is written
// with: undertow 12.0, the version of WildFly 23 to 26.
const utNamespace = "urn:jboss:domain:undertow:12.0"

// The positions of the children of the undertow <subsystem> element.
const (
	utPosByteBufferPool = iota + 1
	utPosBufferCache
	utPosServer
	utPosServletContainer
	utPosHandlers
	utPosFilters
	utPosAppSecurityDomains
)

// buildUndertow returns the definition of /subsystem=undertow.
func buildUndertow() *ops.Definition {
	stats := def(boolean("statistics-enabled"), dmr.NewBool(false))
	stats.Restart = ops.NoServices // the only root attribute applied live
	return describe(&ops.Definition{
		Description: "The Undertow web server.",
		Attributes: []*ops.Attribute{
			def(str("default-server"), dmr.NewString("default-server")),
			def(str("default-virtual-host"), dmr.NewString("default-host")),
			def(str("default-servlet-container"), dmr.NewString("default")),
			def(str("default-security-domain"), dmr.NewString("other")),
			def(str("instance-id"), dmr.NewExpression("${jboss.node.name}")),
			def(boolean("obfuscate-session-route"), dmr.NewBool(false)),
			stats,
		},
		Children: []*ops.Child{
			{Type: "byte-buffer-pool", Definition: utLenient(
				&ops.XMLResource{NameAttr: "name", Order: nestedOrder(utPosByteBufferPool)})},
			{Type: "buffer-cache", Definition: utBufferCache()},
			{Type: "server", Definition: utServer()},
			{Type: "servlet-container", Definition: utLenient(
				&ops.XMLResource{NameAttr: "name", Order: nestedOrder(utPosServletContainer)})},
			{Type: "configuration", Names: []string{"handler", "filter"},
				Definition: utHandlers(), ByName: map[string]*ops.Definition{
					"handler": utHandlers(), "filter": utFilters()}},
			{Type: "application-security-domain", Definition: utLenient(&ops.XMLResource{NameAttr: "name",
				Wrapper: "application-security-domains",
				Order:   nestedOrder(utPosAppSecurityDomains)})},
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{Element: "subsystem", NoName: true, Namespace: utNamespace},
	}, utTexts)
}

// utLenient returns a lenient definition written with the XML hints x.
func utLenient(x *ops.XMLResource) *ops.Definition {
	d := Lenient()
	d.XML = x
	return d
}

// utBufferCache returns the definition of buffer-cache=*.
func utBufferCache() *ops.Definition {
	return &ops.Definition{
		Description: "A cache of static resources.",
		Attributes: []*ops.Attribute{
			def(integer("buffer-size"), dmr.NewInt(1024)),
			def(integer("buffers-per-region"), dmr.NewInt(1024)),
			def(integer("max-regions"), dmr.NewInt(10)),
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{NameAttr: "name", Order: nestedOrder(utPosBufferCache)},
	}
}

// utServer returns the definition of server=*: listeners first, then hosts.
func utServer() *ops.Definition {
	return &ops.Definition{
		Description: "A web server: listeners and virtual hosts.",
		Attributes: []*ops.Attribute{
			def(str("default-host"), dmr.NewString("default-host")),
			def(str("servlet-container"), dmr.NewString("default")),
		},
		Children: []*ops.Child{
			{Type: "ajp-listener", Definition: utListener("ajp-listener", 1)},
			{Type: "http-listener", Definition: utListener("http-listener", 2)},
			{Type: "https-listener", Definition: utListener("https-listener", 3)},
			{Type: "host", Definition: utHost()},
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{NameAttr: "name", Order: nestedOrder(utPosServer)},
	}
}

// utHost returns the definition of server=*/host=*: aliases (a comma list in
// the XML), locations, filter references and the settings.
func utHost() *ops.Definition {
	alias := xmlAt(listOf("alias", dmr.String), ops.XMLAttribute{Attr: "alias",
		Form: ops.CommaList})
	settings := map[string]*ops.Definition{
		"http-invoker": utSetting("http-invoker", 3,
			utDescribed(str("security-realm"), "The legacy realm that authenticates calls."),
			utDescribed(str("http-authentication-factory"),
				"The Elytron factory that authenticates calls."),
			utDescribed(def(str("path"), dmr.NewString("wildfly-services")),
				"The path the invoker serves.")),
	}
	for i, elem := range []string{"access-log", "single-sign-on", "console-access-log"} {
		settings[elem] = utLenient(&ops.XMLResource{Element: elem, NoName: true,
			Order: nestedOrder(4 + i)})
	}
	return &ops.Definition{
		Description: "A virtual host.",
		Attributes: []*ops.Attribute{
			alias,
			def(str("default-web-module"), dmr.NewString("ROOT.war")),
			def(integer("default-response-code"), dmr.NewInt(404)),
			def(boolean("disable-console-redirect"), dmr.NewBool(false)),
			def(boolean("queue-requests-on-start"), dmr.NewBool(true)),
		},
		Children: []*ops.Child{
			{Type: "location", Definition: utLocation()},
			{Type: "filter-ref", Definition: utFilterRef(2)},
			{Type: "setting", Names: []string{"http-invoker", "access-log", "single-sign-on",
				"console-access-log"}, Definition: settings["http-invoker"], ByName: settings},
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{NameAttr: "name", Order: nestedOrder(4)},
	}
}

// utDescribed sets a's description and returns it.
func utDescribed(a *ops.Attribute, text string) *ops.Attribute {
	a.Description = text
	return a
}

// utSetting returns the definition of a host setting written as an element
// without a name (<http-invoker security-realm="..."/>).
func utSetting(elem string, pos int, attrs ...*ops.Attribute) *ops.Definition {
	return &ops.Definition{
		Description:   "A setting of the host (" + elem + ").",
		Attributes:    attrs,
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{Element: elem, NoName: true, Order: nestedOrder(pos)},
	}
}

// utLocation returns the definition of host=*/location=*, whose name is the
// path it serves.
func utLocation() *ops.Definition {
	return &ops.Definition{
		Description:   "A path of the host and the handler that serves it.",
		Attributes:    []*ops.Attribute{str("handler")},
		Children:      []*ops.Child{{Type: "filter-ref", Definition: utFilterRef(1)}},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{NameAttr: "name", Order: nestedOrder(1)},
	}
}

// utFilterRef returns the definition of a filter-ref=*, written at pos.
func utFilterRef(pos int) *ops.Definition {
	return &ops.Definition{
		Description: "A reference to a filter, applied when its predicate matches.",
		Attributes: []*ops.Attribute{
			str("predicate"),
			def(integer("priority"), dmr.NewInt(1)),
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{NameAttr: "name", Order: nestedOrder(pos)},
	}
}

// utHandlers returns the definition of configuration=handler, written as
// <handlers>: file handlers modelled, reverse proxies kept leniently.
func utHandlers() *ops.Definition {
	file := &ops.Definition{
		Description: "A handler serving files of a directory.",
		Attributes: []*ops.Attribute{
			required(str("path")),
			def(integer("cache-buffer-size"), dmr.NewInt(1024)),
			def(integer("cache-buffers"), dmr.NewInt(1024)),
			def(boolean("directory-listing"), dmr.NewBool(false)),
			def(boolean("follow-symlink"), dmr.NewBool(false)),
			def(boolean("case-sensitive"), dmr.NewBool(true)),
			listOf("safe-symlink-paths", dmr.String),
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
	}
	return &ops.Definition{
		Description: "The handlers locations may use.",
		Children: []*ops.Child{
			{Type: "file", Definition: file},
			{Type: "reverse-proxy", Definition: utLenient(nil)},
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Element: "handlers", NoName: true,
			Order: nestedOrder(utPosHandlers)},
	}
}

// utFilters returns the definition of configuration=filter, written as
// <filters>: response headers modelled, the other filter kinds leniently.
func utFilters() *ops.Definition {
	header := &ops.Definition{
		Description: "A filter that adds a header to every response.",
		Attributes: []*ops.Attribute{
			required(str("header-name")),
			required(str("header-value")),
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
	}
	children := []*ops.Child{{Type: "response-header", Definition: header}}
	for _, typ := range []string{"request-limit", "gzip", "error-page", "custom-filter",
		"expression-filter", "mod-cluster", "rewrite"} {
		children = append(children, &ops.Child{Type: typ, Definition: utLenient(nil)})
	}
	return &ops.Definition{
		Description:   "The filters hosts and locations may refer to.",
		Children:      children,
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Element: "filters", NoName: true,
			Order: nestedOrder(utPosFilters)},
	}
}
