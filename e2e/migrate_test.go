package e2e

import (
	"bytes"
	"testing"
)

// Keycloak ships bin/migrate-standalone-ha.cli to bring an older
// configuration up to its own version; every step is guarded by an if on
// what the file already holds. On the configuration of the same version
// there is nothing to migrate: the script must run through and leave the
// file as it was. (One guard leans on WildFly refusing a second cache of the
// same name in a container whatever its type: the cache capability is named
// container.cache, so distributed-cache=authorization:add next to
// local-cache=authorization fails with WFLYCTL0436 and its try swallows it.)
func TestKeycloakMigrateScriptsOnTheirOwnVersion(t *testing.T) {
	sharedDir(t)
	tests := []struct{ name, script, config string }{
		{"Keycloak 3.3.0.CR2", "keycloak-3.3.0.CR2-dist__migrate-standalone-ha.cli",
			"keycloak330cr2__keycloak-3.3.0.CR2__standalone-ha.xml"},
		{"Keycloak 10.0.1", "keycloak-10.0.1-dist__migrate-standalone-ha.cli",
			"ganeshpahade-keyclock__keycloak-10.0.1__standalone-ha.xml"},
		{"Keycloak 14.0.0", "keycloak-14.0.0-dist__migrate-standalone-ha.cli",
			"rodryz-keycloak__keycloak-14.0.0__standalone-ha.xml"},
		{"RH-SSO 7.6", "rh-sso-7.6-dist__migrate-standalone-ha.cli",
			"ravi-pmp-rhsso__rh-sso-7.6-18.0.0.redhat__standalone-ha.xml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := corpusFile(t, "xml/"+tt.config)
			h := newHome(t, config)
			script := h.write(t, tt.script, string(corpusFile(t, "cli/"+tt.script)))
			res := h.run(t, "--file="+script)
			if res.code != 0 {
				t.Errorf("exit code %d, want 0\n%s", res.code, tail(res.output(), 12))
			}
			if after := h.readConfig(t); !bytes.Equal(config, after) {
				removed, added := lineDiff(string(config), string(after))
				t.Errorf("nothing to migrate, yet the file changed; removed %q, added %q",
					removed, added)
			}
		})
	}
}

// tail returns the last n lines of a text.
func tail(text string, n int) string {
	lines := bytes.Split([]byte(text), []byte("\n"))
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return string(bytes.Join(lines, []byte("\n")))
}
