package server

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Keycloak 13's <theme> indents some children with tabs and others with
// spaces; new elements go before <dir> as the definition orders them, and no
// existing line changes.
func TestNewElementsAmongOddlyIndentedSiblings(t *testing.T) {
	s, data := embedCopy(t, "manishbelwa-keycloak__keycloak-13.0.0__standalone-ha.xml")
	const a = `"address" => [("subsystem" => "keycloak-server"), ("theme" => "defaults")]`
	mustSucceed(t, s, `{"operation" => "write-attribute", "name" => "welcomeTheme",
		"value" => "${env.KEYCLOAK_WELCOME_THEME:keycloak}", `+a+`}`)
	mustSucceed(t, s, `{"operation" => "write-attribute", "name" => "default",
		"value" => "${env.KEYCLOAK_DEFAULT_THEME:keycloak}", `+a+`}`)
	want := []string{
		"+                <welcomeTheme>${env.KEYCLOAK_WELCOME_THEME:keycloak}</welcomeTheme>",
		"+                <default>${env.KEYCLOAK_DEFAULT_THEME:keycloak}</default>",
	}
	if diff := cmp.Diff(want, lineDiff(string(data), string(fileOf(t, s)))); diff != "" {
		t.Errorf("line diff (-want +got):\n%s", diff)
	}
}
