package server

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/internal/corpus"
	"wfcli/internal/linediff"
	"wfcli/ops/dmr"
	"wfcli/server/xmlmodel"
)

const kc16 = "findynamics-sso__keycloak-16.1.0__standalone-ha.xml"

// corpusDir returns ../shared/corpus/xml, found by walking up from the
// test's directory, or skips the test when it is absent.
func corpusDir(t testing.TB) string {
	t.Helper()
	return corpus.XMLDir(t)
}

// embedCopy copies the corpus file name into a temp directory as
// standalone-ha.xml and embeds a server on it.
func embedCopy(t testing.TB, name string) (*Server, []byte) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(corpusDir(t), name))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "standalone-ha.xml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Embed(Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Stop() })
	return s, data
}

// request parses a request in DMR text form.
func request(t testing.TB, text string) dmr.Value {
	t.Helper()
	v, err := dmr.Parse(text)
	if err != nil {
		t.Fatalf("bad request %s: %v", text, err)
	}
	return v
}

// mustSucceed runs op and fails the test unless it succeeds.
func mustSucceed(t testing.TB, s *Server, op string) dmr.Value {
	t.Helper()
	r := s.Execute(request(t, op))
	if out, _ := r.Get("outcome"); out.AsString() != "success" {
		t.Fatalf("%s failed: %s", op, r.String())
	}
	res, _ := r.Get("result")
	return res
}

// fileOf returns the content of the server's configuration file.
func fileOf(t testing.TB, s *Server) []byte {
	t.Helper()
	b, err := os.ReadFile(s.ConfigFile())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEmbedBootsEveryCorpusFile(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir(t), "*.xml"))
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			s, data := embedCopy(t, filepath.Base(f))
			xml := mustSucceed(t, s, `{"operation" => "read-config-as-xml", "address" => []}`)
			if want := strings.ReplaceAll(string(data), `"`, "'"); xml.AsString() != want {
				t.Errorf("read-config-as-xml differs from the file")
			}
			m := s.Controller().Model()
			if err := s.Persist(m, m.Clone()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(fileOf(t, s), data) {
				t.Errorf("a no-op persist changed the file")
			}
			hist := s.HistoryDir()
			if _, err := os.Stat(filepath.Join(hist, "current",
				"standalone-ha.v1.xml")); err == nil {
				t.Errorf("a no-op persist made a history version")
			}
			for _, n := range []string{"standalone-ha.initial.xml", "standalone-ha.boot.xml",
				"standalone-ha.last.xml"} {
				b, err := os.ReadFile(filepath.Join(hist, n))
				if err != nil || !bytes.Equal(b, data) {
					t.Errorf("%s: %v, or not a copy of the file", n, err)
				}
			}
		})
	}
}

func TestModelValuesAfterBoot(t *testing.T) {
	s, _ := embedCopy(t, kc16)
	tests := []struct {
		name string
		op   string
		want string
	}{
		{"the tcp stack's protocols in order",
			`{"operation" => "read-children-names", "child-type" => "protocol",
			"address" => [("subsystem" => "jgroups"), ("stack" => "tcp")]}`,
			`["MPING","MERGE3","FD_SOCK","FD_ALL","VERIFY_SUSPECT","pbcast.NAKACK2",` +
				`"UNICAST3","pbcast.STABLE","pbcast.GMS","MFC","FRAG3"]`},
		{"the KeycloakDS connection URL, an expression",
			`{"operation" => "read-attribute", "name" => "connection-url",
			"address" => [("subsystem" => "datasources"), ("data-source" => "KeycloakDS")]}`,
			`expression "jdbc:h2:${jboss.server.data.dir}/keycloak;AUTO_SERVER=TRUE"`},
		{"a socket binding port, an INT",
			`{"operation" => "read-attribute", "name" => "port",
			"address" => [("socket-binding-group" => "standard-sockets"),
			("socket-binding" => "jgroups-tcp")]}`,
			`7600`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := mustSucceed(t, s, tc.op)
			if got.CompactString() != tc.want {
				t.Errorf("got %s, want %s", got.CompactString(), tc.want)
			}
		})
	}
}

func TestChangesArePersistedAsMinimalEdits(t *testing.T) {
	s, data := embedCopy(t, kc16)
	const cache = `("subsystem" => "infinispan"), ("cache-container" => "keycloak")`
	mustSucceed(t, s, `{"operation" => "composite", "address" => [], "steps" => [
		{"operation" => "write-attribute", "name" => "owners",
		"value" => "${env.CACHE_OWNERS_COUNT:1}",
		"address" => [`+cache+`, ("distributed-cache" => "sessions")]},
		{"operation" => "write-attribute", "name" => "owners",
		"value" => "${env.CACHE_OWNERS_COUNT:1}",
		"address" => [`+cache+`, ("distributed-cache" => "actionTokens")]},
		{"operation" => "add", "add-index" => 0, "data-source" => "KeycloakDS",
		"address" => [("subsystem" => "jgroups"), ("stack" => "udp"),
		("protocol" => "JDBC_PING")]},
		{"operation" => "remove", "address" => [("subsystem" => "jgroups"),
		("stack" => "udp"), ("protocol" => "PING")]}
	]}`)
	const p16, p20 = "                ", "                    "
	want := []string{
		"-" + p16 + `<distributed-cache name="sessions" owners="1">`,
		"+" + p16 + `<distributed-cache name="sessions" owners="${env.CACHE_OWNERS_COUNT:1}">`,
		"-" + p16 + `<distributed-cache name="actionTokens" owners="2">`,
		"+" + p16 + `<distributed-cache name="actionTokens" owners="${env.CACHE_OWNERS_COUNT:1}">`,
		"-" + p20 + `<protocol type="PING"/>`,
		"+" + p20 + `<jdbc-protocol type="JDBC_PING" data-source="KeycloakDS"/>`,
	}
	if diff := cmp.Diff(want, lineDiff(string(data), string(fileOf(t, s)))); diff != "" {
		t.Errorf("line diff (-want +got):\n%s", diff)
	}
	v1, err := os.ReadFile(filepath.Join(s.HistoryDir(), "current", "standalone-ha.v1.xml"))
	if err != nil || !bytes.Equal(v1, data) {
		t.Errorf("current/standalone-ha.v1.xml: %v, or not the file before the change", err)
	}
	last, _ := os.ReadFile(filepath.Join(s.HistoryDir(), "standalone-ha.last.xml"))
	if !bytes.Equal(last, fileOf(t, s)) {
		t.Errorf("standalone-ha.last.xml is not the file after the change")
	}
}

func TestFailedPersistLeavesFileAndModel(t *testing.T) {
	s, data := embedCopy(t, kc16)
	// A regular file where current/ should be makes keeping the previous
	// version fail, before the configuration is touched.
	blocker := filepath.Join(s.HistoryDir(), "current")
	os.RemoveAll(blocker)
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	const write = `{"operation" => "write-attribute", "name" => "port", "value" => 7700,
		"address" => [("socket-binding-group" => "standard-sockets"),
		("socket-binding" => "jgroups-tcp")]}`
	const read = `{"operation" => "read-attribute", "name" => "port",
		"address" => [("socket-binding-group" => "standard-sockets"),
		("socket-binding" => "jgroups-tcp")]}`
	r := s.Execute(request(t, write))
	if out, _ := r.Get("outcome"); out.AsString() != "failed" {
		t.Fatalf("the write succeeded without its history: %s", r.String())
	}
	if !bytes.Equal(fileOf(t, s), data) {
		t.Errorf("the file changed after a failed write")
	}
	if got := mustSucceed(t, s, read); got.CompactString() != "7600" {
		t.Errorf("port after a failed write = %s, want 7600", got.CompactString())
	}

	os.Remove(blocker)
	mustSucceed(t, s, write)
	want := []string{
		`-        <socket-binding name="jgroups-tcp" interface="private" port="7600"/>`,
		`+        <socket-binding name="jgroups-tcp" interface="private" port="7700"/>`,
	}
	if diff := cmp.Diff(want, lineDiff(string(data), string(fileOf(t, s)))); diff != "" {
		t.Errorf("line diff after the retry (-want +got):\n%s", diff)
	}
}

func TestEmbedErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.xml")
	os.WriteFile(bad, []byte("<server xmlns=\"urn:jboss:domain:19.0\">\n  <profile>\n</server>\n"),
		0o644)
	full := filepath.Join(dir, "full.xml")
	os.WriteFile(full, []byte(EmptyConfiguration), 0o644)
	tests := []struct {
		name string
		opts Options
		want string
	}{
		{"a missing file", Options{ConfigFile: filepath.Join(dir, "none.xml")},
			"reading the configuration: open " + filepath.Join(dir, "none.xml") +
				": no such file or directory"},
		{"malformed XML names the file and the line", Options{ConfigFile: bad},
			bad + ": XML syntax error on line 3: element <profile> closed by </server>"},
		{"an empty config over an existing file", Options{ConfigFile: full, EmptyConfig: true},
			full + " exists and is not empty: --empty-config needs --remove-existing to " +
				"replace it"},
		{"a root that is no server", Options{ConfigFile: writeFile(t, dir, "host.xml",
			"<host/>")}, filepath.Join(dir, "host.xml") +
			": the root element is <host>, want <server>"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Embed(tc.opts)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEmptyConfig(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone.xml")
	os.WriteFile(file, []byte("<server/>"), 0o644)
	s, err := Embed(Options{ConfigFile: file, EmptyConfig: true, RemoveExisting: true,
		AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	mustSucceed(t, s, `{"operation" => "add", "value" => "1",
		"address" => [("system-property" => "a")]}`)
	want := "<?xml version='1.0' encoding='UTF-8'?>\n\n" +
		"<server xmlns=\"urn:jboss:domain:20.0\">\n" +
		"    <system-properties>\n" +
		"        <property name=\"a\" value=\"1\"/>\n" +
		"    </system-properties>\n" +
		"</server>\n"
	if got := string(fileOf(t, s)); got != want {
		t.Errorf("file:\n%s\nwant:\n%s", got, want)
	}
}

func TestSnapshotOperations(t *testing.T) {
	s, data := embedCopy(t, kc16)
	path := mustSucceed(t, s, `{"operation" => "take-snapshot", "name" => "savepoint",
		"address" => []}`)
	want := filepath.Join(s.HistoryDir(), "snapshot", "savepointstandalone-ha.xml")
	if path.AsString() != want {
		t.Errorf("take-snapshot = %s, want %s", path.AsString(), want)
	}
	if b, _ := os.ReadFile(want); !bytes.Equal(b, data) {
		t.Errorf("the snapshot is not a copy of the configuration")
	}
	list := mustSucceed(t, s, `{"operation" => "list-snapshots", "address" => []}`)
	names, _ := list.Get("names")
	if names.CompactString() != `["savepointstandalone-ha.xml"]` {
		t.Errorf("list-snapshots names = %s", names.CompactString())
	}
	mustSucceed(t, s, `{"operation" => "delete-snapshot", "name" => "save", "address" => []}`)
	r := s.Execute(request(t, `{"operation" => "delete-snapshot", "name" => "save",
		"address" => []}`))
	if d, _ := r.Get("failure-description"); d.AsString() !=
		"No snapshot found with name save" {
		t.Errorf("deleting a missing snapshot: %s", r.String())
	}
}

func TestStoppedServerFailsRequests(t *testing.T) {
	s, _ := embedCopy(t, kc16)
	if err := s.Stop(); err != nil {
		t.Fatal(err)
	}
	r := s.Execute(request(t, `{"operation" => "read-resource", "address" => []}`))
	if d, _ := r.Get("failure-description"); d.AsString() != ErrStopped.Error() {
		t.Errorf("after Stop: %s", r.String())
	}
}

// lineDiff returns the lines removed from a and added in b (see linediff).
func lineDiff(a, b string) []string { return linediff.Lines(a, b) }

func TestBootLogIsOneLine(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(corpusDir(t), kc16))
	if err != nil {
		t.Fatal(err)
	}
	file := writeFile(t, t.TempDir(), "standalone-ha.xml", string(data))
	var log bytes.Buffer
	s, err := Embed(Options{ConfigFile: file, AdminOnly: true, Stdout: &log})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 1 || !strings.Contains(lines[0], "msg=booted") ||
		!strings.Contains(lines[0], "file="+file) || !strings.Contains(lines[0], " ms=") {
		t.Errorf("boot log:\n%s", log.String())
	}
	s.Stop()
	if !strings.Contains(log.String(), "msg=stopped") {
		t.Errorf("no stop line in the log:\n%s", log.String())
	}
}

func TestUntouchedLinesKeepTheirSpelling(t *testing.T) {
	// etree would write &gt; as > and <a></a> as <a/>; the lines the change
	// does not touch must stay as they are spelled.
	const config = `<?xml version="1.0" encoding="UTF-8"?>
<server xmlns="urn:jboss:domain:20.0">
    <system-properties>
        <property name="pattern" value="a &gt; b &apos;c&apos;"/>
        <property name="x" value="1"></property>
    </system-properties>
</server>
`
	doc := xmlmodel.NewDocument()
	if err := doc.ReadFromString(config); err != nil {
		t.Fatal(err)
	}
	if out, _ := doc.WriteToString(); out == config {
		t.Fatal("etree writes this file back as it is; the test needs one it respells")
	}
	file := writeFile(t, t.TempDir(), "standalone.xml", config)
	s, err := Embed(Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	mustSucceed(t, s, `{"operation" => "add", "value" => "2",
		"address" => [("system-property" => "y")]}`)
	mustSucceed(t, s, `{"operation" => "write-attribute", "name" => "value", "value" => "3",
		"address" => [("system-property" => "y")]}`)
	want := []string{`+        <property name="y" value="3"/>`}
	if diff := cmp.Diff(want, lineDiff(config, string(fileOf(t, s)))); diff != "" {
		t.Errorf("line diff (-want +got):\n%s", diff)
	}
}

func TestReadsRunWhileWritesPersist(t *testing.T) {
	s, _ := embedCopy(t, kc16)
	done := make(chan bool)
	for r := 0; r < 3; r++ {
		go func() {
			defer func() { done <- true }()
			for i := 0; i < 20; i++ {
				for _, op := range []string{
					`{"operation" => "read-config-as-xml", "address" => []}`,
					`{"operation" => "read-resource", "recursive" => true, "address" => []}`,
				} {
					r := s.Execute(request(t, op))
					if out, _ := r.Get("outcome"); out.AsString() != "success" {
						t.Errorf("%s failed: %s", op, r.String())
						return
					}
				}
			}
		}()
	}
	for i := 0; i < 20; i++ {
		mustSucceed(t, s, `{"operation" => "write-attribute", "name" => "port",
			"value" => `+strings.Repeat("1", 1+i%4)+`, "address" => [
			("socket-binding-group" => "standard-sockets"), ("socket-binding" => "http")]}`)
	}
	for r := 0; r < 3; r++ {
		<-done
	}
	if !strings.Contains(string(fileOf(t, s)), `<socket-binding name="http" port="1111"/>`) {
		t.Errorf("the last write is not in the file")
	}
}

func TestServerDirectoriesResolve(t *testing.T) {
	home := t.TempDir()
	config := filepath.Join(home, "standalone", "configuration")
	os.MkdirAll(config, 0o755)
	file := writeFile(t, config, "standalone.xml", EmptyConfiguration)
	s, err := Embed(Options{ConfigFile: file, AdminOnly: true,
		Properties: map[string]string{"jboss.server.log.dir": "/var/log/kc"}})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ expr, want string }{
		{"${jboss.home.dir}/themes", home + "/themes"},
		{"${jboss.server.data.dir}", filepath.Join(home, "standalone", "data")},
		{"${jboss.server.config.dir}", config},
		{"${jboss.server.log.dir}", "/var/log/kc"},
	}
	for _, tc := range tests {
		got := mustSucceed(t, s, `{"operation" => "resolve-expression", "address" => [],
			"expression" => "`+tc.expr+`"}`)
		if got.AsString() != tc.want {
			t.Errorf("%s resolves to %s, want %s", tc.expr, got.AsString(), tc.want)
		}
	}
}

func TestCRLFFileKeepsItsLineEnds(t *testing.T) {
	config := strings.ReplaceAll(`<?xml version="1.0" encoding="UTF-8"?>
<server xmlns="urn:jboss:domain:20.0">
    <system-properties>
        <property name="x" value="1"/>
    </system-properties>
</server>
`, "\n", "\r\n")
	file := writeFile(t, t.TempDir(), "standalone.xml", config)
	s, err := Embed(Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	mustSucceed(t, s, `{"operation" => "add", "value" => "2",
		"address" => [("system-property" => "y")]}`)
	want := strings.Replace(config, `value="1"/>`+"\r\n",
		`value="1"/>`+"\r\n"+`        <property name="y" value="2"/>`+"\r\n", 1)
	if got := string(fileOf(t, s)); got != want {
		t.Errorf("file %q\nwant %q", got, want)
	}
}
