package ops

import (
	"fmt"
	"testing"

	"wfcli/ops/dmr"
)

// configSizedController returns a controller whose model is about as large
// as a 37 KB standalone-ha.xml: some 500 resources with 3 attributes each,
// in 25 subsystems of 20 children.
func configSizedController(b *testing.B) *Controller {
	c := newTestController(b, Options{AdminOnly: true})
	root := c.Model().Clone()
	for s := range 25 {
		sub := NewResource()
		sub.SetAttr("statistics-enabled", dmr.NewExpression("${wildfly.statistics-enabled:false}"))
		for i := range 20 {
			r := NewResource()
			r.SetAttr("name", dmr.NewString(fmt.Sprintf("child-%d", i)))
			r.SetAttr("port", dmr.NewInt(int32(7600+i)))
			r.SetAttr("path", dmr.NewString("/opt/jboss/keycloak/standalone/data"))
			sub.AddChild("item", fmt.Sprintf("i%d", i), r, -1)
		}
		root.AddChild("subsystem", fmt.Sprintf("s%d", s), sub, -1)
	}
	return NewController(root, testDefinition(), Options{AdminOnly: true})
}

func BenchmarkWriteAttribute(b *testing.B) {
	c := configSizedController(b)
	op := parse(b, `{"operation" => "write-attribute", "address" => [("subsystem" => "test")],
		"name" => "port", "value" => "${jboss.port:8080}"}`)
	b.ReportAllocs()
	for b.Loop() {
		if r := c.Execute(op); !r.Has("outcome") {
			b.Fatal("no outcome")
		}
	}
}

func BenchmarkReadResourceRecursive(b *testing.B) {
	c := configSizedController(b)
	op := parse(b, `{"operation" => "read-resource", "recursive" => true}`)
	b.ReportAllocs()
	for b.Loop() {
		if r := c.Execute(op); !r.Has("result") {
			b.Fatal("no result")
		}
	}
}
