package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The jpa subsystem is lenient: nothing in it is validated. Its definition
// declares the subsystem's two attributes, which the XML keeps in the
// unnamed <jpa> element; Keycloak's migrate scripts undefine
// default-datasource when it reads as "".

func init() { registerSubsystem("jpa", jpa) }

// jpa is /subsystem=jpa.
func jpa() *ops.Definition {
	ds := xmlAt(str("default-datasource"),
		ops.XMLAttribute{Path: "jpa", Attr: "default-datasource", Order: 1})
	ds.Description = "The data source of persistence units that name none."
	inherit := xmlAt(oneOf(def(str("default-extended-persistence-inheritance"),
		dmr.NewString("DEEP")), "DEEP", "SHALLOW"),
		ops.XMLAttribute{Path: "jpa", Attr: "default-extended-persistence-inheritance",
			Order: 1})
	inherit.Description = "How extended persistence contexts are inherited."
	d := Lenient()
	d.Attributes = []*ops.Attribute{ds, inherit}
	d.XML = &ops.XMLResource{Element: "subsystem", NoName: true,
		Namespace: "urn:jboss:domain:jpa:1.1"}
	return d
}
