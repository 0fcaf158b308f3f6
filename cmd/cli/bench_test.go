package main

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// smallConfig is a minimal configuration of our own for the benchmarks.
const smallConfig = `<?xml version='1.0' encoding='UTF-8'?>

<server xmlns="urn:jboss:domain:20.0">
    <system-properties>
        <property name="existing" value="one"/>
    </system-properties>
</server>
`

const smallScript = `embed-server --std-out=discard
set v=two
batch
/system-property=added:add(value=$v)
/system-property=existing:write-attribute(name=value, value=three)
run-batch
if (outcome == success) of /system-property=added:read-resource
    echo added
end-if
stop-embedded-server
`

// benchRun runs cli --file=script b.N times in-process, each time on a
// fresh copy of config, and counts only run itself.
func benchRun(b *testing.B, config []byte, script string) {
	home := b.TempDir()
	cfgDir := filepath.Join(home, "standalone", "configuration")
	if err := os.MkdirAll(cfgDir, 0o755); err != nil {
		b.Fatal(err)
	}
	b.Setenv("JBOSS_HOME", home)
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		os.RemoveAll(filepath.Join(cfgDir, "standalone_xml_history"))
		os.RemoveAll(filepath.Join(cfgDir, "standalone-ha_xml_history"))
		for _, name := range []string{"standalone.xml", "standalone-ha.xml"} {
			if err := os.WriteFile(filepath.Join(cfgDir, name), config, 0o644); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		if code := run([]string{"--file=" + script}, nil, io.Discard, io.Discard); code != 0 {
			b.Fatalf("exit %d", code)
		}
	}
}

// BenchmarkSmallScript is the whole cli --file for a small script on a
// small configuration: boot, a batch, an if, persistence.
func BenchmarkSmallScript(b *testing.B) {
	script := filepath.Join(b.TempDir(), "small.cli")
	if err := os.WriteFile(script, []byte(smallScript), 0o644); err != nil {
		b.Fatal(err)
	}
	benchRun(b, []byte(smallConfig), script)
}

// BenchmarkCacheOwners is the whole cli --file for the Keycloak image's
// cache-owners script on the Keycloak 16.1 configuration (the goal:
// under 30 ms of wall time for the whole process).
func BenchmarkCacheOwners(b *testing.B) {
	shared := sharedDir(b)
	config, err := os.ReadFile(filepath.Join(shared, "corpus", "xml",
		"findynamics-sso__keycloak-16.1.0__standalone-ha.xml"))
	if err != nil {
		b.Fatal(err)
	}
	benchRun(b, config, filepath.Join(shared, "corpus", "cli",
		"kc-containers__infinispan-cache-owners.cli"))
}
