package e2e

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"wfcli/server/defaultconfig"
)

// benchmarkScript measures the whole cli process, start to exit, running
// script on a fresh copy of config each time. The goal for the cache-owners
// script on the Keycloak 16 configuration is under 30 ms of wall time. The
// process's CPU time is reported too (cpu-ms/op): on a busy machine the wall
// time mostly measures waiting for a core.
func benchmarkScript(b *testing.B, config []byte, script func(h home) string) {
	h := newHome(b, config)
	path := script(h)
	var cpu time.Duration
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		if err := os.WriteFile(h.config, config, 0o644); err != nil {
			b.Fatal(err)
		}
		os.RemoveAll(filepath.Join(filepath.Dir(h.config), "standalone_xml_history"))
		b.StartTimer()

		res := h.run(b, "--file="+path)
		if res.code != 0 {
			b.Fatalf("exit code %d\n%s", res.code, res.output())
		}
		cpu += res.cpu
	}
	b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
}

func BenchmarkImageCacheOwnersOnKeycloak16(b *testing.B) {
	config := corpusFile(b, "xml/findynamics-sso__keycloak-16.1.0__standalone-ha.xml")
	benchmarkScript(b, config, func(h home) string {
		h.imageRC(b, "JDBC_PING", jdbcPingProperties)
		return h.imageScript(b, "infinispan-cache-owners")
	})
}

func BenchmarkOwnCacheOwnersOnTheDefault(b *testing.B) {
	benchmarkScript(b, defaultconfig.StandaloneHA(), func(home) string {
		return filepath.Join(repoRoot, "scripts", "cache-owners.cli")
	})
}
