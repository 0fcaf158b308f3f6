package console

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"wfcli/cmd/cli/shell"
)

// placeholders are the option-like words of synopses that stand for many
// options (the model's parameters), not for one.
var placeholders = map[string]bool{"--param": true, "--attribute": true}

// TestHelpAndCompletionListTheSameOptions checks, for each command Tab
// completes options of, that its help synopsis names exactly those
// options: what Tab offers is documented, and what help documents Tab
// offers.
func TestHelpAndCompletionListTheSameOptions(t *testing.T) {
	option := regexp.MustCompile(`(?:^|[\s\[|])(--?[a-z][a-z-]*)`)
	names := make([]string, 0, len(commandOptions))
	for n := range commandOptions {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			sh := shell.New(shell.Options{Stdout: &out})
			if !sh.Run(shell.SplitScript("help", "help "+name)) {
				t.Fatalf("help %s failed: %s", name, out.String())
			}
			// SYNOPSIS, the synopsis lines, then the description.
			parts := strings.Split(out.String(), "\n\n")
			if len(parts) < 3 {
				t.Fatalf("help %s has no synopsis:\n%s", name, out.String())
			}
			synopsis := parts[1]
			seen := map[string]bool{}
			for _, m := range option.FindAllStringSubmatch(synopsis, -1) {
				o := m[1]
				if o == "-v" || o == "-c" || o == "-h" || placeholders[o] {
					continue // short forms Tab leaves out
				}
				seen[o] = true
			}
			got := make([]string, 0, len(seen))
			for o := range seen {
				got = append(got, o)
			}
			sort.Strings(got)
			want := append([]string(nil), commandOptions[name]...)
			sort.Strings(want)
			if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("options of %s: completion (-) and help synopsis (+) differ:\n%s\n%s",
					name, diff, synopsis)
			}
		})
	}
}
