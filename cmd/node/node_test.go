package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"wfcli/cmd/cli/remote"
	"wfcli/cmd/cli/shell"
	"wfcli/ops/dmr"
	"wfcli/server/defaultconfig"
	"wfcli/server/endpoint"
)

// install makes a WildFly-like install in a temp directory: standalone/
// configuration/standalone-ha.xml (the default HA configuration) and a
// management user admin.
func install(t testing.TB) string {
	t.Helper()
	home := t.TempDir()
	conf := filepath.Join(home, "standalone", "configuration")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(conf, "standalone-ha.xml"),
		defaultconfig.StandaloneHA(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := endpoint.AddUser(filepath.Join(conf, "mgmt-users.properties"), "admin",
		"secret-1"); err != nil {
		t.Fatal(err)
	}
	return home
}

// freePorts returns a port p such that p and p+100 are free on loopback.
func freePorts(t testing.TB) int {
	t.Helper()
	for range 20 {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		p := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		if p+100 > 65535 {
			continue
		}
		if ln2, err := net.Listen("tcp", "127.0.0.1:"+strconv.Itoa(p+100)); err == nil {
			ln2.Close()
			return p
		}
	}
	t.Skip("no pair of free loopback ports p and p+100")
	return 0
}

// startNode boots a node from args as the command line gives them and
// stops it at the end of the test.
func startNode(t testing.TB, args ...string) *Node {
	t.Helper()
	cfg, err := parseArgs(args)
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	n, err := start(cfg, &log)
	if err != nil {
		t.Fatalf("starting the node: %v\n%s", err, log.String())
	}
	t.Cleanup(func() { n.Shutdown(context.Background()) })
	return n
}

// remoteShell is the CLI's engine connected to addr with o's credentials.
func remoteShell(t testing.TB, addr string, o remote.Options) (*shell.Shell, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	connect := func(c string) (shell.Remote, error) {
		ctrl, err := remote.ParseController(c)
		if err != nil {
			return nil, err
		}
		o.Controller = ctrl
		rc, err := remote.Connect(o)
		if err != nil {
			return nil, err
		}
		return testRemote{rc}, nil
	}
	sh := shell.New(shell.Options{Stdout: &out, Stderr: &out, Connect: connect})
	if err := sh.Connect(addr); err != nil {
		t.Fatal(err)
	}
	return sh, &out
}

type testRemote struct{ *remote.Client }

func (r testRemote) Address() string               { return r.Controller().HostPort() }
func (r testRemote) ConnectTimeout() time.Duration { return time.Second }

// readAttr reads an attribute through the node, as the endpoint would.
func readAttr(t testing.TB, n *Node, attr string, pairs ...string) string {
	t.Helper()
	return readString(n, "<undefined>", attr, pairs...)
}

func TestTwoNodesFromOneInstall(t *testing.T) {
	home := install(t)
	port := freePorts(t)
	node2Base := filepath.Join(home, "node2")
	if err := os.MkdirAll(filepath.Join(node2Base, "configuration"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"standalone-ha.xml", "mgmt-users.properties"} {
		data, _ := os.ReadFile(filepath.Join(home, "standalone", "configuration", f))
		os.WriteFile(filepath.Join(node2Base, "configuration", f), data, 0o600)
	}
	common := []string{"-c", "standalone-ha.xml", "-Djboss.home.dir=" + home,
		"-bmanagement=127.0.0.1", "-Djboss.management.http.port=" + strconv.Itoa(port)}
	n1 := startNode(t, append(common, "-Djboss.node.name=node1",
		"-Djboss.socket.binding.port-offset=0")...)
	n2 := startNode(t, append(common, "-Djboss.node.name=node2",
		"-Djboss.server.base.dir="+node2Base, "-Djboss.socket.binding.port-offset=100")...)

	wantAddrs := []string{"127.0.0.1:" + strconv.Itoa(port),
		"127.0.0.1:" + strconv.Itoa(port+100)}
	if diff := cmp.Diff(wantAddrs, []string{n1.Addr(), n2.Addr()}); diff != "" {
		t.Fatalf("management addresses (-want +got):\n%s", diff)
	}

	// Node 1 with local authentication, node 2 with a password.
	script := func(name string) string {
		return "/system-property=cluster.member:add(value=" + name + ")\n" +
			"/subsystem=jgroups/channel=ee:write-attribute(name=stack, value=tcp)\n" +
			"if (outcome == success) of /system-property=cluster.member:read-resource\n" +
			"    /system-property=checked:add(value=${jboss.node.name})\n" +
			"end-if\n"
	}
	sh1, out1 := remoteShell(t, "remote+http://"+wantAddrs[0], remote.Options{})
	sh2, out2 := remoteShell(t, wantAddrs[1], remote.Options{User: "admin",
		Password: "secret-1"})
	if !sh1.Run(shell.SplitScript("n1.cli", script("node1"))) {
		t.Fatalf("script on node 1 failed:\n%s", out1)
	}
	if !sh2.Run(shell.SplitScript("n2.cli", script("node2"))) {
		t.Fatalf("script on node 2 failed:\n%s", out2)
	}

	// Both models and both files hold each node's own change.
	for i, n := range []*Node{n1, n2} {
		name := "node" + strconv.Itoa(i+1)
		got := []string{
			readAttr(t, n, "value", "system-property", "cluster.member"),
			readAttr(t, n, "stack", "subsystem", "jgroups", "channel", "ee"),
			readAttr(t, n, "server-state"),
		}
		if diff := cmp.Diff([]string{name, "tcp", "reload-required"}, got); diff != "" {
			t.Errorf("%s model (-want +got):\n%s", name, diff)
		}
		xml, _ := os.ReadFile(n.opts.ConfigFile)
		for _, want := range []string{
			`<property name="cluster.member" value="` + name + `"/>`,
			`<channel name="ee" stack="tcp"`,
		} {
			if !strings.Contains(string(xml), want) {
				t.Errorf("%s: %s does not contain %s", name, n.opts.ConfigFile, want)
			}
		}
	}
	if a, b := n1.opts.ConfigFile, n2.opts.ConfigFile; a == b {
		t.Errorf("both nodes use %s", a)
	}

	// Each node logs to its own log/server.log, and never a password.
	for _, base := range []string{filepath.Join(home, "standalone"), node2Base} {
		log, err := os.ReadFile(filepath.Join(base, "log", "server.log"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(log), `msg="http management interface listening"`) {
			t.Errorf("%s/log/server.log has no listening line:\n%s", base, log)
		}
		if strings.Contains(string(log), "secret-1") {
			t.Errorf("%s/log/server.log shows the password", base)
		}
	}
}

func TestReloadClearsReloadRequired(t *testing.T) {
	home := install(t)
	port := freePorts(t)
	n := startNode(t, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
		"-Djboss.management.http.port="+strconv.Itoa(port))
	sh, out := remoteShell(t, "127.0.0.1:"+strconv.Itoa(port), remote.Options{})
	lines := "/subsystem=jgroups/channel=ee:write-attribute(name=stack, value=tcp)\n" +
		"reload\n"
	if !sh.Run(shell.SplitScript("r.cli", lines)) {
		t.Fatalf("script failed:\n%s", out)
	}
	got := []string{readAttr(t, n, "server-state"),
		readAttr(t, n, "stack", "subsystem", "jgroups", "channel", "ee")}
	if diff := cmp.Diff([]string{"running", "tcp"}, got); diff != "" {
		t.Errorf("after reload (-want +got):\n%s", diff)
	}
}

func TestShutdownOperationStopsTheNode(t *testing.T) {
	home := install(t)
	port := freePorts(t)
	n := startNode(t, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
		"-Djboss.management.http.port="+strconv.Itoa(port))
	token := n.auth.TokenFile()
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("shutdown"))
	if got := n.Execute(op).CompactString(); got != `{"outcome"=>"success"}` {
		t.Fatalf("shutdown = %s", got)
	}
	select {
	case <-n.Stopping():
	case <-time.After(time.Second):
		t.Fatal("the node was not asked to stop")
	}
	if err := n.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(token); !os.IsNotExist(err) {
		t.Errorf("the local token file is still there: %v", err)
	}
	if _, err := net.DialTimeout("tcp", n.Addr(), 200*time.Millisecond); err == nil {
		t.Error("the management interface still accepts connections")
	}
}

func TestParseArgs(t *testing.T) {
	props := filepath.Join(t.TempDir(), "node.properties")
	os.WriteFile(props, []byte("jboss.node.name=from-file\nother=1\n"), 0o644)
	tests := []struct {
		name    string
		args    []string
		want    config
		wantErr string
	}{
		{"the defaults", nil, config{serverConfig: "standalone.xml",
			props: map[string]string{}}, ""},
		{"standalone.sh's forms", []string{"-c", "standalone-ha.xml", "-b=0.0.0.0",
			"-bmanagement", "10.0.0.1", "-Djboss.node.name=n1", "-Dflag", "--admin-only"},
			config{serverConfig: "standalone-ha.xml", adminOnly: true,
				props: map[string]string{"jboss.bind.address": "0.0.0.0",
					"jboss.bind.address.management": "10.0.0.1",
					"jboss.node.name":               "n1", "flag": "true"}}, ""},
		{"the long form of the configuration", []string{"--server-config=x.xml",
			"-bprivate=10.0.0.2"}, config{serverConfig: "x.xml",
			props: map[string]string{"jboss.bind.address.private": "10.0.0.2"}}, ""},
		{"a properties file, where -D wins", []string{"-Djboss.node.name=n9",
			"--properties=" + props}, config{serverConfig: "standalone.xml",
			props: map[string]string{"jboss.node.name": "n9", "other": "1"}}, ""},
		{"a missing properties file", []string{"-P", props + ".none"}, config{},
			"Unable to load properties from " + props + ".none: open " + props +
				".none: no such file or directory"},
		{"an unknown option", []string{"--frobnicate"}, config{},
			"Invalid option '--frobnicate'"},
		{"a missing value", []string{"-c"}, config{}, "Argument expected for option -c"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseArgs(tt.args)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, *got, cmp.AllowUnexported(config{})); diff != "" {
				t.Errorf("config (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSIGTERMStopsGracefully(t *testing.T) {
	home := install(t)
	cfg, err := parseArgs([]string{"-c", "standalone-ha.xml", "-Djboss.home.dir=" + home,
		"-Djboss.management.http.port=0"})
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	n, err := start(cfg, &log)
	if err != nil {
		t.Fatal(err)
	}
	sig := make(chan os.Signal, 1)
	sig <- syscall.SIGTERM
	if code := serve(n, sig, &log); code != 0 {
		t.Fatalf("exit code %d:\n%s", code, log.String())
	}
	var msgs []string
	for _, line := range strings.Split(strings.TrimSpace(log.String()), "\n") {
		// The channel's lines depend on the network (multicast or not):
		// without it the channel fails and the node starts "with errors".
		if strings.Contains(line, `msg="channel`) ||
			strings.Contains(line, "service=jboss.jgroups.channel") {
			continue
		}
		if i := strings.Index(line, "msg="); i >= 0 {
			m := strings.Fields(line[i:])[0]
			if m == `msg="started` {
				m = "msg=started"
			}
			msgs = append(msgs, m)
		}
	}
	want := []string{"msg=starting", "msg=booted", `msg="http`, `msg="caches`, `msg="http`,
		"msg=started",
		`msg="signal`, "msg=stopping", "msg=stopped", "msg=stopped"}
	if diff := cmp.Diff(want, msgs); diff != "" {
		t.Errorf("log messages (-want +got):\n%s", diff)
	}
	if _, err := os.Stat(n.auth.TokenFile()); !os.IsNotExist(err) {
		t.Errorf("the local token file is still there: %v", err)
	}
}

func TestConcurrentClients(t *testing.T) {
	home := install(t)
	n := startNode(t, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
		"-Djboss.management.http.port=0")
	ctrl, _ := remote.ParseController(n.Addr())
	const clients, each = 8, 10
	errs := make(chan error, clients)
	for i := range clients {
		go func() {
			c, err := remote.Connect(remote.Options{Controller: ctrl})
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			for j := range each {
				op := dmr.NewObject()
				op.Set("operation", dmr.NewString("add"))
				op.Set("address", address([]string{"system-property",
					"p" + strconv.Itoa(i) + "-" + strconv.Itoa(j)}))
				op.Set("value", dmr.NewString("v"))
				if j%2 == 1 {
					op = dmr.NewObject()
					op.Set("operation", dmr.NewString("read-children-names"))
					op.Set("child-type", dmr.NewString("system-property"))
				}
				resp, err := c.Execute(op)
				if o, _ := resp.Get("outcome"); err != nil || o.AsString() != "success" {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range clients {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	want := clients * ((each + 1) / 2)
	xml, _ := os.ReadFile(n.opts.ConfigFile)
	if got := strings.Count(string(xml), `<property name="p`); got != want {
		t.Errorf("the file holds %d of the %d properties added", got, want)
	}
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("read-children-names"))
	op.Set("child-type", dmr.NewString("system-property"))
	names, _ := n.Execute(op).Get("result")
	if got := names.Len(); got != want {
		t.Errorf("the model holds %d of the %d properties added", got, want)
	}
}

func TestWhoamiNamesTheCaller(t *testing.T) {
	home := install(t)
	n := startNode(t, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
		"-Djboss.management.http.port=0")
	ctrl, _ := remote.ParseController(n.Addr())
	tests := []struct {
		name string
		opts remote.Options
		want string
	}{
		{"a local cli is $local", remote.Options{},
			`{"outcome"=>"success","result"=>{"identity"=>{"username"=>"$local"},` +
				`"mapped-roles"=>["SuperUser"]}}`},
		{"a user of the realm is named with the realm",
			remote.Options{User: "admin", Password: "secret-1"},
			`{"outcome"=>"success","result"=>{"identity"=>{"username"=>"admin",` +
				`"realm"=>"ManagementRealm"},"mapped-roles"=>["SuperUser"]}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.opts
			o.Controller = ctrl
			c, err := remote.Connect(o)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			op := dmr.NewObject()
			op.Set("operation", dmr.NewString("whoami"))
			op.Set("verbose", dmr.NewBool(true))
			resp, err := c.Execute(op)
			if err != nil {
				t.Fatal(err)
			}
			if got := resp.CompactString(); got != tt.want {
				t.Errorf("whoami = %s\nwant     %s", got, tt.want)
			}
		})
	}
}

func TestPortInUseFailsTheBoot(t *testing.T) {
	home := install(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	cfg, _ := parseArgs([]string{"-c", "standalone-ha.xml", "-Djboss.home.dir=" + home,
		"-Djboss.management.http.port=" + port})
	_, err = start(cfg, io.Discard)
	want := "management interface: listen tcp 127.0.0.1:" + port +
		": bind: address already in use"
	if err == nil || err.Error() != want {
		t.Errorf("error = %v, want %q", err, want)
	}
	left, _ := filepath.Glob(filepath.Join(home, "standalone", "tmp", "auth", "local-token*"))
	if len(left) != 0 {
		t.Errorf("the local token file was left behind: %v", left)
	}
}
