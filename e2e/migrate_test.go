package e2e

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Keycloak ships bin/migrate-standalone-ha.cli to bring an older
// configuration up to its own version, each step guarded by an if on what
// the file holds. Run on the configuration of its own version, the 10, 14
// and RH-SSO 7.6 scripts still churn one thing: they remove FD_SOCK and add
// it back (so it moves to the end of each stack), then give it its socket
// binding again. The 3.3 script adds distributed-cache=authorization where
// a local-cache of that name exists, which WildFly refuses (the cache
// capability is named container.cache, WFLYCTL0436); later versions wrap
// that step in try. The home carries bin/product.conf, so that the steps
// that branch on product-name take the distribution's branch.
func TestKeycloakMigrateScriptsOnTheirOwnVersion(t *testing.T) {
	sharedDir(t)
	tests := []struct {
		name, script, config string
		slot                 string   // bin/product.conf, as the distribution has it
		failure              []string // nil: the script succeeds
	}{
		{"Keycloak 3.3.0.CR2", "keycloak-3.3.0.CR2-dist__migrate-standalone-ha.cli",
			"keycloak330cr2__keycloak-3.3.0.CR2__standalone-ha.xml", "keycloak",
			[]string{"keycloak-3.3.0.CR2-dist__migrate-standalone-ha.cli:65", "WFLYCTL0436"}},
		{"Keycloak 10.0.1", "keycloak-10.0.1-dist__migrate-standalone-ha.cli",
			"ganeshpahade-keyclock__keycloak-10.0.1__standalone-ha.xml", "keycloak", nil},
		{"Keycloak 14.0.0", "keycloak-14.0.0-dist__migrate-standalone-ha.cli",
			"rodryz-keycloak__keycloak-14.0.0__standalone-ha.xml", "keycloak", nil},
		{"RH-SSO 7.6", "rh-sso-7.6-dist__migrate-standalone-ha.cli",
			"ravi-pmp-rhsso__rh-sso-7.6-18.0.0.redhat__standalone-ha.xml", "rh-sso", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			config := corpusFile(t, "xml/"+tt.config)
			h := newHome(t, config)
			h.write(t, filepath.Join("bin", "product.conf"), "slot="+tt.slot+"\n")
			script := h.write(t, tt.script, string(corpusFile(t, "cli/"+tt.script)))
			res := h.run(t, "--file="+script)
			if tt.failure != nil {
				if res.code != 1 {
					t.Errorf("exit code %d, want 1\n%s", res.code, res.output())
				}
				for _, w := range tt.failure {
					if !strings.Contains(res.output(), w) {
						t.Errorf("output lacks %q:\n%s", w, res.output())
					}
				}
				return
			}
			if res.code != 0 {
				t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
			}
			after := string(h.readConfig(t))
			if diff := cmp.Diff(commentLines(string(config)), commentLines(after)); diff != "" {
				t.Errorf("comment lines (-before +after):\n%s", diff)
			}
			checkFDSockMovedLast(t, config, []byte(after))

			// The metrics prefix step branches on product-name: Keycloak's
			// is wildfly, RH-SSO's jboss, as each file already has it.
			const metrics = "//subsystem[@prefix]"
			want := findOne(t, parseXML(t, config), metrics).SelectAttrValue("prefix", "")
			got := findOne(t, parseXML(t, []byte(after)), metrics).SelectAttrValue("prefix", "")
			if got != want {
				t.Errorf("metrics prefix = %s, want %s as before", got, want)
			}
		})
	}
}

// checkFDSockMovedLast checks both stacks: the same protocols as before
// with FD_SOCK last, on its own socket binding.
func checkFDSockMovedLast(t *testing.T, before, after []byte) {
	t.Helper()
	b, a := parseXML(t, before), parseXML(t, after)
	for _, stack := range []string{"udp", "tcp"} {
		sel := "//stacks/stack[@name='" + stack + "']"
		want := slices.DeleteFunc(childTypes(findOne(t, b, sel)),
			func(s string) bool { return s == "FD_SOCK" })
		want = append(want, "FD_SOCK")
		if diff := cmp.Diff(want, childTypes(findOne(t, a, sel))); diff != "" {
			t.Errorf("protocols of stack %s (-want +got):\n%s", stack, diff)
		}
		assertFragment(t, a, sel+"/socket-protocol[@type='FD_SOCK']",
			`<socket-protocol type="FD_SOCK" socket-binding="jgroups-`+stack+`-fd"/>`)
	}
}
