package e2e

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var distributedCaches = []string{"sessions", "authenticationSessions", "offlineSessions",
	"clientSessions", "offlineClientSessions", "loginFailures", "actionTokens"}

// A change rewrites only the lines it must: every comment and every other
// line of the file stays as it was, tabs and odd indentation included.
func TestChangesKeepUntouchedLines(t *testing.T) {
	sharedDir(t)
	const kc13 = "manishbelwa-keycloak__keycloak-13.0.0__standalone-ha.xml"

	t.Run("cache owners on Keycloak 13", func(t *testing.T) {
		config := string(corpusFile(t, "xml/"+kc13))
		var wantRemoved, wantAdded []string
		for _, l := range strings.Split(config, "\n") {
			for _, c := range distributedCaches {
				if strings.Contains(l, `<distributed-cache name="`+c+`"`) {
					wantRemoved = append(wantRemoved, l)
					wantAdded = append(wantAdded, ownersLine(l, c))
				}
			}
		}
		if len(wantRemoved) != len(distributedCaches) {
			t.Fatalf("found %d distributed cache lines, want %d",
				len(wantRemoved), len(distributedCaches))
		}
		removed, added := runForDiff(t, []byte(config), imageRunNamed(t, "infinispan-cache-owners"))
		if diff := cmp.Diff(wantRemoved, removed); diff != "" {
			t.Errorf("removed lines (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff(wantAdded, added); diff != "" {
			t.Errorf("added lines (-want +got):\n%s", diff)
		}
	})

	t.Run("log levels, proxy, hostname and theme on Keycloak 13", func(t *testing.T) {
		config := corpusFile(t, "xml/"+kc13)
		removed, _ := runForDiff(t, config, imageRunNamed(t, "standalone-ha-configuration"))
		want := []string{
			`<level name="INFO"/>`, // CONSOLE
			`<periodic-rotating-file-handler name="FILE" autoflush="true">`,
			`<formatter>`,
			`<named-formatter name="PATTERN"/>`,
			`</formatter>`,
			`<file relative-to="jboss.server.log.dir" path="server.log"/>`,
			`<suffix value=".yyyy-MM-dd"/>`,
			`<append value="true"/>`,
			`</periodic-rotating-file-handler>`,
			`<level name="INFO"/>`, // root logger
			`<handler name="FILE"/>`,
			`<default-provider>default</default-provider>`, // hostname
			`<http-listener name="default" socket-binding="http" redirect-socket="https"` +
				` enable-http2="true"/>`,
			`<https-listener name="https" socket-binding="https"` +
				` security-realm="ApplicationRealm" enable-http2="true"/>`,
		}
		got := trimAll(removed)
		slices.Sort(want)
		slices.Sort(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("removed lines, sorted (-want +got):\n%s", diff)
		}
	})

	t.Run("theme comments on Keycloak 13", func(t *testing.T) {
		config := corpusFile(t, "xml/"+kc13)
		h, res := runImageScript(t, config, imageRunNamed(t, "standalone-ha-configuration"))
		if res.code != 0 {
			t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
		}
		after := string(h.readConfig(t))
		if diff := cmp.Diff(commentLines(string(config)), commentLines(after)); diff != "" {
			t.Errorf("comment lines (-before +after):\n%s", diff)
		}
	})
}

// runForDiff runs one image script on a configuration and returns the
// lines it removed (as they were) and added (as they are).
func runForDiff(t *testing.T, config []byte, r imageRun) (removed, added []string) {
	t.Helper()
	h, res := runImageScript(t, config, r)
	if res.code != 0 {
		t.Fatalf("exit code %d, want 0\n%s", res.code, res.output())
	}
	return lineDiff(string(config), string(h.readConfig(t)))
}

// ownersAttr matches the owners attribute of a distributed cache line.
var ownersAttr = regexp.MustCompile(`owners="[^"]*"`)

// ownersLine is a distributed cache line with its owners attribute turned
// into the image's expression, the rest of the line untouched.
func ownersLine(line, cache string) string {
	v := "${env.CACHE_OWNERS_COUNT:1}"
	if cache == "authenticationSessions" {
		v = "${env.CACHE_OWNERS_AUTH_SESSIONS_COUNT:1}"
	}
	return ownersAttr.ReplaceAllLiteralString(line, `owners="`+v+`"`)
}
