package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The positions of the root's children in <server>, in the order the
// schema enforces; subsystems sit in <profile> between management and
// interfaces.
const (
	orderExtensions = iota + 1
	orderSystemProperties
	orderPaths
	orderManagement
	orderProfile
	orderInterfaces
	orderSocketBindingGroup
)

// buildRoot assembles the root definition: the <server> element.
func buildRoot() *ops.Definition {
	return &ops.Definition{
		Description: "The root resource of a standalone server.",
		Attributes:  rootAttributes(),
		Children: []*ops.Child{
			{Type: "extension", Definition: extension()},
			{Type: "system-property", Definition: systemProperty()},
			{Type: "path", Definition: path()},
			coreServices(),
			subsystemChild(),
			{Type: "interface", Definition: networkInterface()},
			{Type: "socket-binding-group", Definition: socketBindingGroup(), Max: 1},
		},
		XML: &ops.XMLResource{Element: "server", NoName: true},
	}
}

// rootAttributes are name and organization (attributes of <server>) and the
// runtime attributes that describe the process.
func rootAttributes() []*ops.Attribute {
	return []*ops.Attribute{
		noExpr(str("name")),
		str("organization"),
		runtimeString("server-state", "running",
			"The process state: running, reload-required or restart-required."),
		runtimeString("runtime-configuration-state", "ok",
			"Whether the runtime matches the configuration."),
		runtimeString("process-type", "Server", "The type of the process."),
		runtimeString("launch-type", "EMBEDDED", "How the process was launched."),
		runtimeString("running-mode", "ADMIN_ONLY", "NORMAL or ADMIN_ONLY."),
		runtimeString("suspend-state", "RUNNING", "Whether the server is suspended."),
		runtimeString("product-name", "wfcli", "The product's name."),
		runtimeString("product-version", "0.1", "The product's version."),
		runtimeString("release-codename", "", "The release's code name."),
		runtimeString("release-version", "19.0.0", "The WildFly Core release modelled."),
		runtimeInt("management-major-version", 19),
		runtimeInt("management-minor-version", 0),
		runtimeInt("management-micro-version", 0),
	}
}

// runtimeString is a read-only runtime attribute with a fixed default; the
// server may set the real value in the model.
func runtimeString(name, value, desc string) *ops.Attribute {
	return &ops.Attribute{Name: name, Type: dmr.String, Description: desc,
		Default: dmr.NewString(value), Access: ops.ReadOnly, Storage: ops.Runtime,
		Restart: ops.NoServices, XML: &ops.XMLAttribute{Skip: true}}
}

func runtimeInt(name string, value int32) *ops.Attribute {
	return &ops.Attribute{Name: name, Type: dmr.Int, Description: "The management API version.",
		Default: dmr.NewInt(value), Access: ops.ReadOnly, Storage: ops.Runtime,
		Restart: ops.NoServices, XML: &ops.XMLAttribute{Skip: true}}
}

// extension is /extension=<module>: <extensions><extension module=".."/>.
func extension() *ops.Definition {
	module := noExpr(str("module"))
	module.Access = ops.ReadOnly
	module.Description = "The module of the extension; it equals the resource's name."
	module.XML = &ops.XMLAttribute{Skip: true}
	return &ops.Definition{
		Description: "An extension: a module that provides subsystems.",
		Attributes:  []*ops.Attribute{module},
		Operations: []*ops.Operation{{Name: "add",
			Description: "Adds the extension.", Handler: addExtension,
			Params: []*ops.Attribute{noExpr(str("module"))}}},
		XML: &ops.XMLResource{Wrapper: "extensions", RemoveEmptyWrapper: true, Element: "extension",
			NameAttr: "module", Order: orderExtensions},
	}
}

// addExtension adds the extension and sets module to its name.
func addExtension(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	name := ctx.Address.Last().Name
	if m, ok := op.Get("module"); ok && m.IsDefined() && m.AsString() != name {
		return dmr.Value{}, ctx.Fail("", "The module %s of extension %s must equal its name",
			m.AsString(), name)
	}
	req := op.Clone()
	req.Remove("module")
	if err := ctx.GenericAdd(req); err != nil {
		return dmr.Value{}, err
	}
	ctx.Resource.SetAttr("module", dmr.NewString(name))
	return dmr.Value{}, nil
}

// systemProperty is /system-property=<name>:
// <system-properties><property name=".." value=".."/>.
func systemProperty() *ops.Definition {
	value := restart(str("value"), ops.NoServices)
	value.Description = "The value of the system property."
	return &ops.Definition{
		Description: "A system property of the server's process.",
		Attributes:  []*ops.Attribute{value},
		AddRestart:  ops.NoServices, RemoveRestart: ops.NoServices,
		XML: &ops.XMLResource{Wrapper: "system-properties", RemoveEmptyWrapper: true,
			Element:  "property",
			NameAttr: "name", Order: orderSystemProperties},
	}
}

// path is /path=<name>: <paths><path name path relative-to/>.
func path() *ops.Definition {
	p := required(str("path"))
	p.Description = "The path, absolute or relative to relative-to."
	rel := str("relative-to")
	rel.Description = "The name of the path this one is relative to."
	ro := &ops.Attribute{Name: "read-only", Type: dmr.Boolean, Default: dmr.NewBool(false),
		Description: "Whether the path is one of the server's own, which cannot change.",
		Access:      ops.ReadOnly, Storage: ops.Runtime, XML: &ops.XMLAttribute{Skip: true}}
	return &ops.Definition{
		Description: "A named filesystem path.",
		Attributes:  []*ops.Attribute{p, rel, ro},
		AddRestart:  ops.NoServices, RemoveRestart: ops.NoServices,
		XML: &ops.XMLResource{Wrapper: "paths", RemoveEmptyWrapper: true, Element: "path",
			NameAttr: "name",
			Order:    orderPaths},
	}
}

// coreServices is core-service=management, which holds <management>. The
// other core services of WildFly exist only in a running process and are
// not modelled.
func coreServices() *ops.Child {
	return &ops.Child{Type: "core-service", Names: []string{"management"},
		ByName: map[string]*ops.Definition{"management": management()}}
}

// Lenient returns the definition of a resource this project does not model:
// any attribute, child and operation is accepted, and the controller warns
// that nothing was validated. Each call returns a new definition.
func Lenient() *ops.Definition {
	return &ops.Definition{Lenient: true,
		Description: "A resource this server does not model: any attribute, child and " +
			"operation is accepted without validation."}
}

// lenientAt returns a lenient definition written as x says.
func lenientAt(x ops.XMLResource) *ops.Definition {
	d := Lenient()
	d.XML = &x
	return d
}

// interfaceFlags are the criteria of an interface that are empty elements
// (<loopback/>): BOOLEAN attributes, true when the element is present.
var interfaceFlags = []string{"any-address", "any-ipv4-address", "any-ipv6-address",
	"link-local-address", "loopback", "multicast", "point-to-point", "public-address",
	"site-local-address", "up", "virtual"}

// interfaceValues are the criteria with a value: attribute, element and the
// element's XML attribute.
var interfaceValues = []struct{ name, attr string }{
	{"inet-address", "value"}, {"loopback-address", "value"}, {"nic", "name"},
	{"nic-match", "pattern"}, {"subnet-match", "value"},
}

// networkInterface is /interface=<name>: <interfaces><interface name>, each
// selection criterion a child element.
func networkInterface() *ops.Definition {
	var attrs []*ops.Attribute
	for _, v := range interfaceValues {
		a := xmlAt(str(v.name), ops.XMLAttribute{Path: v.name, Attr: v.attr})
		a.Description = "Selects the address by " + v.name + "."
		attrs = append(attrs, a)
	}
	for _, f := range interfaceFlags {
		a := xmlAt(noExpr(boolean(f)), ops.XMLAttribute{Path: f, Form: ops.Presence})
		a.Description = "Selects an address that is " + f + "."
		if f == "any-ipv4-address" || f == "any-ipv6-address" {
			a.Deprecated = true
		}
		attrs = append(attrs, a)
	}
	// Limitation: the compound criteria <any> and <not> are kept in the model
	// but not written back to the XML by their attributes.
	for _, name := range []string{"any", "not"} {
		a := xmlAt(attr(name, dmr.Object), ops.XMLAttribute{Skip: true})
		a.Description = "A compound criterion."
		attrs = append(attrs, a)
	}
	attrs = append(attrs, &ops.Attribute{Name: "resolved-address", Type: dmr.String,
		Description: "The address the criteria select.", Access: ops.Metric,
		Storage: ops.Runtime, XML: &ops.XMLAttribute{Skip: true}})
	return &ops.Definition{
		Description: "A named network interface: criteria that select an IP address.",
		Attributes:  attrs,
		AddRestart:  ops.AllServices, RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Wrapper: "interfaces", RemoveEmptyWrapper: true,
			Element: "interface", NameAttr: "name",
			Order: orderInterfaces},
	}
}

// socketBindingGroup is /socket-binding-group=<name>.
func socketBindingGroup() *ops.Definition {
	iface := noExpr(required(str("default-interface")))
	iface.Description = "The interface of bindings that name none."
	offset := bounds(def(integer("port-offset"), dmr.NewInt(0)), -65535, 65535)
	offset.Description = "The offset added to every port that is not fixed."
	return &ops.Definition{
		Description: "The group of socket bindings of the server.",
		Attributes:  []*ops.Attribute{iface, offset},
		Children: []*ops.Child{
			{Type: "socket-binding", Definition: socketBinding()},
			{Type: "remote-destination-outbound-socket-binding",
				Definition: outboundBinding("remote-destination")},
			{Type: "local-destination-outbound-socket-binding",
				Definition: outboundBinding("local-destination")},
		},
		XML: &ops.XMLResource{Element: "socket-binding-group", NameAttr: "name",
			Order: orderSocketBindingGroup},
	}
}

func socketBinding() *ops.Definition {
	iface := noExpr(str("interface"))
	iface.Description = "The interface; undefined means the group's default."
	port := bounds(def(integer("port"), dmr.NewInt(0)), 0, 65535)
	port.Description = "The port; 0 means any free port."
	fixed := def(boolean("fixed-port"), dmr.NewBool(false))
	fixed.Description = "Whether the group's port offset is ignored."
	maddr := str("multicast-address")
	maddr.Description = "The multicast address."
	mport := bounds(integer("multicast-port"), 1, 65535)
	mport.Description = "The multicast port (never offset)."
	// Limitation: client-mappings are kept in the model but not written back
	// to the XML.
	mappings := xmlAt(listOf("client-mappings", dmr.Object), ops.XMLAttribute{Skip: true})
	mappings.Description = "Destination addresses clients should use."
	attrs := []*ops.Attribute{iface, port, fixed, maddr, mport, mappings,
		metric("bound", dmr.Boolean), metric("bound-address", dmr.String),
		metric("bound-port", dmr.Int)}
	for _, a := range attrs[6:] {
		a.XML = &ops.XMLAttribute{Skip: true}
	}
	return &ops.Definition{
		Description: "A named socket: interface and port.",
		Attributes:  attrs,
		XML:         &ops.XMLResource{Element: "socket-binding", NameAttr: "name", Order: 1},
	}
}

// outboundBinding is an outbound socket binding: <outbound-socket-binding
// name><remote-destination host port/> or <local-destination
// socket-binding-ref/>.
func outboundBinding(dest string) *ops.Definition {
	var attrs []*ops.Attribute
	if dest == "remote-destination" {
		host := xmlAt(required(str("host")), ops.XMLAttribute{Path: dest, Attr: "host"})
		host.Description = "The remote host."
		port := xmlAt(required(bounds(integer("port"), 0, 65535)),
			ops.XMLAttribute{Path: dest, Attr: "port"})
		port.Description = "The remote port."
		attrs = append(attrs, host, port)
	} else {
		ref := xmlAt(noExpr(required(str("socket-binding-ref"))),
			ops.XMLAttribute{Path: dest, Attr: "socket-binding-ref"})
		ref.Description = "The local socket binding to connect to."
		attrs = append(attrs, ref)
	}
	src := noExpr(str("source-interface"))
	src.Description = "The interface to connect from."
	sport := bounds(integer("source-port"), 0, 65535)
	sport.Description = "The port to connect from."
	fixed := def(boolean("fixed-source-port"), dmr.NewBool(false))
	fixed.Description = "Whether the port offset is ignored for source-port."
	return &ops.Definition{
		Description: "An outbound socket binding to a " + dest + ".",
		Attributes:  append(attrs, src, sport, fixed),
		XML: &ops.XMLResource{Element: "outbound-socket-binding", NameAttr: "name",
			HasChild: dest, Order: 2},
	}
}

// management is /core-service=management: <management>. The HTTP
// management interface is modelled; security realms, audit logging, access
// control and outbound connections are lenient.
func management() *ops.Definition {
	return &ops.Definition{
		Description: "The management interfaces and their security.",
		Children: []*ops.Child{
			{Type: "security-realm", Definition: securityRealm()},
			{Type: "ldap-connection", Definition: lenientAt(ops.XMLResource{
				Wrapper: "outbound-connections", RemoveEmptyWrapper: true, Element: "ldap", NameAttr: "name",
				Order: 2})},
			{Type: "access", Names: []string{"audit", "identity", "authorization"},
				ByName: map[string]*ops.Definition{
					"audit": lenientAt(ops.XMLResource{Element: "audit-log", NoName: true,
						Order: 3}),
					"identity": lenientAt(ops.XMLResource{Element: "identity", NoName: true,
						Order: 4}),
					"authorization": lenientAt(ops.XMLResource{Element: "access-control",
						NoName: true, Order: 5}),
				}},
			{Type: "management-interface", Names: []string{"http-interface", "native-interface"},
				ByName: map[string]*ops.Definition{
					"http-interface":   httpInterface(),
					"native-interface": nativeInterface(),
				}},
		},
		XML: &ops.XMLResource{Element: "management", NoName: true, Order: orderManagement},
	}
}

// httpInterface is management-interface=http-interface:
// <management-interfaces><http-interface>.
func httpInterface() *ops.Definition {
	sb := xmlAt(noExpr(str("socket-binding")),
		ops.XMLAttribute{Path: "socket-binding", Attr: "http"})
	sb.Description = "The socket binding of the HTTP interface."
	ssb := xmlAt(noExpr(str("secure-socket-binding")),
		ops.XMLAttribute{Path: "socket-binding", Attr: "https"})
	ssb.Description = "The socket binding of the HTTPS interface."
	upgrade := xmlAt(attr("http-upgrade", dmr.Object),
		ops.XMLAttribute{Path: "http-upgrade", Form: ops.FieldObject})
	upgrade.Description = "HTTP Upgrade to the native protocol (used by the CLI)."
	upgrade.Fields = []*ops.Attribute{
		def(boolean("enabled"), dmr.NewBool(false)),
		noExpr(str("sasl-authentication-factory")),
	}
	oldUpgrade := xmlAt(boolean("http-upgrade-enabled"), ops.XMLAttribute{Skip: true})
	oldUpgrade.Deprecated = true
	oldUpgrade.Description = "Replaced by http-upgrade.enabled."
	origins := xmlAt(listOf("allowed-origins", dmr.String),
		ops.XMLAttribute{Form: ops.SpaceList})
	origins.Description = "The origins allowed to send requests."
	console := def(boolean("console-enabled"), dmr.NewBool(true))
	console.Description = "Whether the web console is served."
	attrs := []*ops.Attribute{sb, ssb, upgrade, oldUpgrade, origins, console}
	for _, n := range []string{"security-realm", "http-authentication-factory",
		"ssl-context", "sasl-protocol", "server-name"} {
		a := noExpr(str(n))
		a.Description = "The " + n + " of the HTTP interface."
		attrs = append(attrs, a)
	}
	return &ops.Definition{
		Description: "The HTTP management interface.",
		Attributes:  attrs,
		XML: &ops.XMLResource{Wrapper: "management-interfaces", RemoveEmptyWrapper: true,
			Element: "http-interface",
			NoName:  true, Order: 6},
	}
}

// nativeInterface is management-interface=native-interface (legacy remoting).
func nativeInterface() *ops.Definition {
	return lenientAt(ops.XMLResource{Wrapper: "management-interfaces", RemoveEmptyWrapper: true,
		Element: "native-interface", NoName: true, Order: 6})
}

func init() { registerSubsystem("deployment-scanner", deploymentScanner) }

// deploymentScanner is /subsystem=deployment-scanner, which every
// configuration of the corpus holds with one unnamed <deployment-scanner>:
// the resource scanner=default.
//
// Limitation: only the scanner named default is modelled; a script that adds
// a second scanner gets WFLYCTL0030.
func deploymentScanner() *ops.Definition {
	path := required(str("path"))
	path.Description = "The directory scanned for deployments."
	rel := str("relative-to")
	rel.Description = "The name of the path the directory is relative to."
	attrs := []*ops.Attribute{path, rel,
		def(boolean("scan-enabled"), dmr.NewBool(true)),
		integer("scan-interval"),
		def(boolean("auto-deploy-zipped"), dmr.NewBool(true)),
		def(boolean("auto-deploy-exploded"), dmr.NewBool(false)),
		def(boolean("auto-deploy-xml"), dmr.NewBool(true)),
		def(long("deployment-timeout"), dmr.NewLong(600)),
		def(boolean("runtime-failure-causes-rollback"), dmr.NewBool(false)),
	}
	for _, a := range attrs[2:] {
		a.Restart = ops.NoServices
		a.Description = "The scanner's " + a.Name + "."
	}
	scanner := &ops.Definition{
		Description: "A scanner that deploys what appears in a directory.",
		Attributes:  attrs,
		AddRestart:  ops.NoServices, RemoveRestart: ops.NoServices,
		XML: &ops.XMLResource{Element: "deployment-scanner", NoName: true},
	}
	return &ops.Definition{
		Description: "The deployment scanners.",
		Children: []*ops.Child{{Type: "scanner", Names: []string{"default"},
			ByName: map[string]*ops.Definition{"default": scanner}}},
		XML: &ops.XMLResource{Element: "subsystem", NoName: true,
			Namespace: "urn:jboss:domain:deployment-scanner:2.0"},
	}
}
