package grammar

import "testing"

func BenchmarkParseLine(b *testing.B) {
	line := `/subsystem=infinispan/cache-container=keycloak/distributed-cache=sessions: ` +
		`write-attribute(name=owners, value=${env.CACHE_OWNERS_COUNT:1})`
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := ParseLine(line, 1); err != nil {
			b.Fatal(err)
		}
	}
}
