package endpoint

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestOperations(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, method, path, body string
		want                     reply
	}{
		{"GET reads an attribute and returns only the result", "GET",
			"/management/system-property/greeting?operation=attribute&name=value", "",
			reply{200, `"hello"`}},
		{"GET reads a resource by default", "GET", "/management/system-property/greeting",
			"", reply{200, `{"value":"hello"}`}},
		{"GET with json.pretty is multi-line", "GET",
			"/management/system-property/greeting?json.pretty=1", "",
			reply{200, "{\"value\" : \"hello\"}"}},
		{"GET of an unknown attribute is a 500 with the whole response", "GET",
			"/management/system-property/greeting?operation=attribute&name=nope", "",
			reply{500, "{\n    \"outcome\" : \"failed\",\n    \"failure-description\" : " +
				"\"WFLYCTL0201: Unknown attribute 'nope'\",\n    \"rolled-back\" : true\n}"}},
		{"GET with an odd path is a 400", "GET", "/management/system-property", "",
			reply{400, "{\n    \"outcome\" : \"failed\",\n    \"failure-description\" : " +
				"\"The address in the path must be pairs of <type>/<name>; " +
				"'system-property' has no name\",\n    \"rolled-back\" : true\n}"}},
		{"GET with an unknown operation is a 400", "GET", "/management?operation=add", "",
			reply{400, "{\n    \"outcome\" : \"failed\",\n    \"failure-description\" : " +
				"\"Unsupported GET operation 'add': use resource, attribute, " +
				"resource-description, operation-description, operation-names or " +
				"snapshots\",\n    \"rolled-back\" : true\n}"}},
		{"POST with json.pretty is multi-line", "POST", "/management",
			`{"operation":"read-children-names","child-type":"system-property",` +
				`"json.pretty":true}`,
			reply{200, "{\n    \"outcome\" : \"success\",\n    \"result\" : [\"greeting\"]\n}"}},
		{"POST of a failing operation is a 500", "POST", "/management",
			`{"operation":"remove","address":[{"system-property":"absent"}]}`,
			reply{500, "{\n    \"outcome\" : \"failed\",\n    \"failure-description\" : " +
				"\"WFLYCTL0216: Management resource '[(\\\"system-property\\\" => " +
				"\\\"absent\\\")]' not found\",\n    \"rolled-back\" : true\n}"}},
		{"a browser page of another origin is refused", "POST", "/management#evil",
			readGreeting, reply{403, "Forbidden: the Origin header does not match the host\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := local(t, f)
			path := tt.path
			if p, ok := strings.CutSuffix(path, "#evil"); ok {
				path, h["Origin"] = p, "http://evil.example"
			}
			got := send(t, nil, tt.method, f.url+path, "application/json", tt.body, h)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("reply (-want +got):\n%s", diff)
			}
		})
	}
}

func TestWriteIsPersisted(t *testing.T) {
	f := newFixture(t)
	body := `{"operation":"write-attribute","address":[{"system-property":"greeting"}],` +
		`"name":"value","value":"bonjour"}`
	got := send(t, nil, "POST", f.url+"/management", "application/json", body, local(t, f))
	if diff := cmp.Diff(reply{200, `{"outcome":"success"}`}, got); diff != "" {
		t.Errorf("reply (-want +got):\n%s", diff)
	}
	data, err := os.ReadFile(f.file)
	if err != nil {
		t.Fatal(err)
	}
	want := `<property name="greeting" value="bonjour"/>`
	if !strings.Contains(string(data), want) {
		t.Errorf("the file does not hold %s:\n%s", want, data)
	}
}

func TestAddUser(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mgmt-users.properties")
	steps := []struct{ user, pass string }{
		{"admin", "one"}, {"ops", "two"}, {"admin", "three"},
	}
	for _, s := range steps {
		if err := AddUser(path, s.user, s.pass); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := "#$REALM_NAME=ManagementRealm$ This line is used by the add-user utility " +
		"to identify the realm name already used in this file.\n" +
		"ops=" + HashMD5("ops", Realm, "two") + "\n" +
		"#sha-256:ops=" + HashSHA256("ops", Realm, "two") + "\n" +
		"admin=" + HashMD5("admin", Realm, "three") + "\n" +
		"#sha-256:admin=" + HashSHA256("admin", Realm, "three") + "\n"
	if diff := cmp.Diff(want, string(data)); diff != "" {
		t.Errorf("file (-want +got):\n%s", diff)
	}
	st, _ := os.Stat(path)
	if st.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want 0600", st.Mode().Perm())
	}
}

func TestHashMatchesWildFlysForm(t *testing.T) {
	// HEX(MD5("admin:ManagementRealm:admin")), as WildFly's add-user writes it.
	if got := HashMD5("admin", Realm, "admin"); got != "c22052286cd5d72239a90fe193737253" {
		t.Errorf("HashMD5 = %s", got)
	}
}

func TestUsersFileIsReadAgainWhenItChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mgmt-users.properties")
	u := NewUsers(path)
	if _, ok := u.lookup("late"); ok {
		t.Fatal("user found before the file exists")
	}
	if err := AddUser(path, "late", "pw"); err != nil {
		t.Fatal(err)
	}
	u.mu.Lock()
	u.checked = u.checked.Add(-time.Second)
	u.mu.Unlock()
	got, ok := u.lookup("late")
	if !ok || got.md5 != HashMD5("late", Realm, "pw") {
		t.Errorf("lookup after the change = %+v, %v", got, ok)
	}
}

func TestDescriptionsMayBeCached(t *testing.T) {
	f := newFixture(t)
	tests := []struct {
		name, path, want string
	}{
		{"a resource description", "/management?operation=resource-description",
			"max-age=604800, private, must-revalidate"},
		{"operation names", "/management?operation=operation-names",
			"max-age=604800, private, must-revalidate"},
		{"a resource is not cached", "/management/system-property/greeting", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", f.url+tt.path, nil)
			req.Header.Set("Authorization", "Local "+f.token(t))
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			got := resp.Header.Get("Cache-Control")
			if got != tt.want || resp.StatusCode != 200 {
				t.Errorf("status %d, Cache-Control %q; want 200, %q", resp.StatusCode, got,
					tt.want)
			}
			if hasETag := resp.Header.Get("ETag") != ""; hasETag != (tt.want != "") {
				t.Errorf("ETag %q", resp.Header.Get("ETag"))
			}
		})
	}
}
