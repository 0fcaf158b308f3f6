package model

import (
	"wfcli/ops"
)

// The remoting subsystem is lenient: nothing in it is validated. Its
// definition declares configuration=endpoint, the resource WildFly keeps
// for the unnamed <endpoint worker=".."/> element of older files, so that
// Keycloak's migrate scripts, which remove it when they can read it, find
// it where the file has it.

func init() { registerSubsystem("remoting", remoting) }

// remoting is /subsystem=remoting.
func remoting() *ops.Definition {
	endpoint := lenientAt(ops.XMLResource{Element: "endpoint", NoName: true, Order: 1})
	endpoint.Description = "The remoting endpoint's settings (deprecated in WildFly)."
	d := Lenient()
	d.Children = []*ops.Child{{Type: "configuration", Names: []string{"endpoint"},
		ByName: map[string]*ops.Definition{"endpoint": endpoint}}}
	d.XML = &ops.XMLResource{Element: "subsystem", NoName: true,
		Namespace: "urn:jboss:domain:remoting:4.0"}
	return d
}
