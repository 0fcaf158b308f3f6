package model

import (
	"wfcli/ops"
)

// The ee subsystem is lenient: nothing in it is validated. Its definition
// declares service=default-bindings, the resource WildFly keeps for the
// unnamed <default-bindings datasource=".." jms-connection-factory=".."/>
// element, so that scripts that read it or set its bindings find it where
// the file has it instead of failing.
//
// Limitation: the managed executor services are read by the convention, so
// an attribute the file leaves out reads as undefined rather than as
// WildFly's default (hung-task-termination-period 0), and Keycloak's
// migrate steps guarded by it do not run on files that leave it out.

func init() { registerSubsystem("ee", ee) }

// ee is /subsystem=ee.
func ee() *ops.Definition {
	bindings := lenientAt(ops.XMLResource{Element: "default-bindings", NoName: true})
	bindings.Description = "The JNDI names of the resources Jakarta EE components get " +
		"by default."
	d := Lenient()
	d.Children = []*ops.Child{{Type: "service", Names: []string{"default-bindings"},
		ByName: map[string]*ops.Definition{"default-bindings": bindings}}}
	d.XML = &ops.XMLResource{Element: "subsystem", NoName: true,
		Namespace: "urn:jboss:domain:ee:6.0"}
	return d
}
