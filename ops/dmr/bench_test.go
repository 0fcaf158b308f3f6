package dmr

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

// bigResponse builds a read-resource(recursive) style response: an object of
// 200 resources with 20 attributes each, about 200 KB of DMR text.
func bigResponse() Value {
	g := valueGen{r: rand.New(rand.NewPCG(5, 6))}
	result := NewObject()
	for i := range 200 {
		res := NewObject()
		for j := range 20 {
			res.Set("attribute-"+strconv.Itoa(j), g.value(1))
		}
		res.Set("address", NewList(NewProperty("subsystem", NewString("infinispan")),
			NewProperty("cache", NewString("c"+strconv.Itoa(i)))))
		result.Set("resource-"+strconv.Itoa(i), res)
	}
	return object("outcome", NewString("success"), "result", result)
}

func BenchmarkParseAndPrint(b *testing.B) {
	text := bigResponse().String()
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		v, err := Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		_ = v.String()
	}
}

func BenchmarkParseJSONAndPrint(b *testing.B) {
	text := bigResponse().JSONString(true)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		v, err := ParseJSON(text)
		if err != nil {
			b.Fatal(err)
		}
		_ = v.JSONString(true)
	}
}

// BenchmarkParseRequest parses and prints one request of the size a CLI
// line sends.
func BenchmarkParseRequest(b *testing.B) {
	const text = `{"operation" => "write-attribute","address" => [("subsystem" => "infinispan"),` +
		`("cache-container" => "keycloak"),("distributed-cache" => "sessions")],` +
		`"name" => "owners","value" => expression "${env.CACHE_OWNERS:2}"}`
	for b.Loop() {
		v, err := Parse(text)
		if err != nil {
			b.Fatal(err)
		}
		_ = v.CompactString()
	}
}
