package server

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestEditsOnEveryCorpusFile runs a write-attribute, an add, a remove and an
// add with add-index on every corpus configuration and checks that the file
// changes in the expected lines only.
func TestEditsOnEveryCorpusFile(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir(t), "*.xml"))
	const sbg = `("socket-binding-group" => "standard-sockets")`
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, data := embedCopy(t, filepath.Base(f))
			before := string(data)
			step := func(name, op string, check func(diff []string) bool) {
				t.Helper()
				mustSucceed(t, s, op)
				after := string(fileOf(t, s))
				if d := lineDiff(before, after); !check(d) {
					t.Errorf("%s: unexpected line diff:\n%s", name, strings.Join(d, "\n"))
				}
				before = after
			}
			step("write-attribute", `{"operation" => "write-attribute", "name" => "port",
				"value" => "${wfcli.port:8081}", "address" => [`+sbg+`,
				("socket-binding" => "http")]}`, func(d []string) bool {
				return len(d) == 2 && strings.Contains(d[0], `name="http"`) &&
					regexp.MustCompile(`port="[^"]*"`).ReplaceAllString(d[0][1:],
						`port="${wfcli.port:8081}"`) == d[1][1:]
			})
			step("add", `{"operation" => "add", "value" => "1",
				"address" => [("system-property" => "wfcli.test")]}`, func(d []string) bool {
				var trimmed []string
				for _, l := range d {
					trimmed = append(trimmed, strings.TrimSpace(l[1:])+l[:1])
				}
				one := []string{`<property name="wfcli.test" value="1"/>+`}
				three := []string{"<system-properties>+", one[0], "</system-properties>+"}
				return cmp.Equal(trimmed, one) || cmp.Equal(trimmed, three)
			})
			step("remove", `{"operation" => "remove", "address" => [`+sbg+`,
				("socket-binding" => "txn-status-manager")]}`, func(d []string) bool {
				return len(d) == 1 && strings.HasPrefix(d[0], "-") &&
					strings.Contains(d[0], `<socket-binding name="txn-status-manager"`)
			})
			subsystems := mustSucceed(t, s, `{"operation" => "read-children-names",
				"child-type" => "subsystem", "address" => []}`)
			if !strings.Contains(subsystems.CompactString(), `"jgroups"`) {
				return
			}
			stacks := mustSucceed(t, s, `{"operation" => "read-children-names",
				"child-type" => "stack", "address" => [("subsystem" => "jgroups")]}`)
			if len(stacks.Items()) == 0 {
				return
			}
			stack := stacks.Items()[0].AsString()
			step("add-index", `{"operation" => "add", "add-index" => 0,
				"address" => [("subsystem" => "jgroups"), ("stack" => "`+stack+`"),
				("protocol" => "MERGE9")]}`, func(d []string) bool {
				return len(d) == 1 && d[0][:1] == "+" &&
					strings.TrimSpace(d[0][1:]) == `<protocol type="MERGE9"/>`
			})
		})
	}
}
