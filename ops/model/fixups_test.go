package model

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestLoggerAddTakesItsCategory(t *testing.T) {
	const logger = "subsystem=logging/logger=org.keycloak"
	tests := []struct {
		name    string
		params  string
		failure string
		want    string // compact DMR text of category afterwards, when it succeeds
	}{
		{"a category equal to the name is accepted", `{"category" => "org.keycloak"}`, "",
			`"org.keycloak"`},
		{"no category makes the name the category", `{"level" => "INFO"}`, "",
			`"org.keycloak"`},
		{"another category is refused", `{"category" => "org.other"}`,
			"WFLYCTL0248: Invalid value org.other for category; legal values are " +
				"[org.keycloak]", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := essController(t, essLoggingSetup)
			essRun(t, c, []essStep{{logger, "add", tc.params, tc.failure}})
			if tc.failure != "" {
				r := c.Execute(essReq(t, logger, "read-resource", ""))
				if o, _ := r.Get("outcome"); o.AsString() != "failed" {
					t.Errorf("the refused logger exists: %s", r.CompactString())
				}
				return
			}
			if got := essAttrOf(t, c, logger, "category").CompactString(); got != tc.want {
				t.Errorf("category = %s, want %s", got, tc.want)
			}
		})
	}
}

func TestElytronTypesOfTheMigrateScripts(t *testing.T) {
	tests := []struct {
		typ, wrapper string
	}{
		{"simple-permission-mapper", "mappers"},
		{"permission-set", "permission-sets"},
		{"constant-realm-mapper", "mappers"},
		{"mechanism-provider-filtering-sasl-server-factory", "sasl"},
		{"service-loader-http-server-mechanism-factory", "http"},
		{"authentication-configuration", "authentication-client"},
	}
	for _, tc := range tests {
		t.Run(tc.typ, func(t *testing.T) {
			d := essDefAt(t, essEly+"/"+tc.typ+"=x")
			if d.XML == nil || d.XML.Wrapper != tc.wrapper {
				t.Errorf("XML %+v, want wrapper %q", d.XML, tc.wrapper)
			}
		})
	}
}

// elytronTypeRE finds the elytron resource types a script addresses.
var elytronTypeRE = regexp.MustCompile(`subsystem=elytron/([a-z0-9-]+)=`)

func TestElytronKnowsEveryTypeTheCorpusScriptsUse(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join(essShared(t), "corpus", "cli", "*.cli"))
	if err != nil || len(scripts) == 0 {
		t.Skipf("no corpus scripts under ../shared/corpus/cli (%v)", err)
	}
	ely := essDefAt(t, essEly)
	seen := map[string]bool{}
	var missing []string
	for _, p := range scripts {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range elytronTypeRE.FindAllStringSubmatch(string(data), -1) {
			if !seen[m[1]] && ely.Child(m[1]) == nil {
				missing = append(missing, m[1])
			}
			seen[m[1]] = true
		}
	}
	sort.Strings(missing)
	if len(seen) == 0 {
		t.Fatalf("the scripts address no elytron type; the pattern is wrong")
	}
	if diff := cmp.Diff([]string(nil), missing); diff != "" {
		t.Errorf("unknown elytron types (-want +got):\n%s", diff)
	}
}
