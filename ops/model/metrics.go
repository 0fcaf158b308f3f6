package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The metrics and health subsystems (WildFly's own and the MicroProfile
// ones Keycloak 10 to 12 ship) and the other subsystems the corpus scripts
// add are lenient: nothing in them is validated.
// Their definitions declare the namespace a new subsystem is written with
// (urn:wildfly:..., which the server cannot guess from the name) and the
// attributes Keycloak's migrate scripts set, so that exposed-subsystems, a
// list, is written as WildFly writes it: names separated by spaces
// (exposed-subsystems="*").

func init() {
	registerSubsystem("metrics", func() *ops.Definition {
		return observability("urn:wildfly:metrics:1.0", metricsAttributes()...)
	})
	registerSubsystem("microprofile-metrics-smallrye", func() *ops.Definition {
		return observability("urn:wildfly:microprofile-metrics-smallrye:2.0",
			metricsAttributes()...)
	})
	registerSubsystem("health", func() *ops.Definition {
		return observability("urn:wildfly:health:1.0", securityEnabled())
	})
	registerSubsystem("microprofile-health-smallrye", func() *ops.Definition {
		return observability("urn:wildfly:microprofile-health-smallrye:2.0",
			securityEnabled(), checksStatus("liveness"), checksStatus("readiness"))
	})
	for name, ns := range namespaceOnly {
		registerSubsystem(name, func() *ops.Definition { return observability(ns) })
	}
}

// namespaceOnly are lenient subsystems the corpus scripts add whose
// namespace the server cannot guess from the name: WildFly's own schemas
// under urn:wildfly:, and weld, whose version 1.0 WildFly 10 and later no
// longer write.
var namespaceOnly = map[string]string{
	"microprofile-config-smallrye":          "urn:wildfly:microprofile-config-smallrye:1.0",
	"microprofile-fault-tolerance-smallrye": "urn:wildfly:microprofile-fault-tolerance-smallrye:1.0",
	"microprofile-jwt-smallrye":             "urn:wildfly:microprofile-jwt-smallrye:1.0",
	"microprofile-openapi-smallrye":         "urn:wildfly:microprofile-openapi-smallrye:1.0",
	"microprofile-telemetry":                "urn:wildfly:microprofile-telemetry:1.0",
	"opentelemetry":                         "urn:wildfly:opentelemetry:1.0",
	"weld":                                  "urn:jboss:domain:weld:4.0",
}

// observability is a lenient subsystem written with namespace ns whose
// declared attributes are attrs.
func observability(ns string, attrs ...*ops.Attribute) *ops.Definition {
	d := Lenient()
	d.Attributes = attrs
	d.XML = &ops.XMLResource{Element: "subsystem", NoName: true, Namespace: ns}
	return d
}

// securityEnabled is whether the HTTP context needs authentication.
func securityEnabled() *ops.Attribute {
	return described(def(boolean("security-enabled"), dmr.NewBool(true)),
		"Whether the HTTP context requires authentication.")
}

// metricsAttributes are the attributes of a metrics subsystem.
func metricsAttributes() []*ops.Attribute {
	exposed := described(xmlAt(listOf("exposed-subsystems", dmr.String),
		ops.XMLAttribute{Attr: "exposed-subsystems", Form: ops.SpaceList}),
		"The subsystems whose metrics are exposed; * means all.")
	prefix := described(str("prefix"), "The prefix of the exposed metrics' names.")
	return []*ops.Attribute{securityEnabled(), exposed, prefix}
}

// checksStatus is the status reported for kind (liveness, readiness) when
// no check of that kind is deployed.
func checksStatus(kind string) *ops.Attribute {
	return described(oneOf(def(str("empty-"+kind+"-checks-status"), dmr.NewString("DOWN")),
		"UP", "DOWN"), "The "+kind+" status when no "+kind+" check is deployed.")
}
