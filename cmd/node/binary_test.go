package main

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// buildBinaries builds the node and cli commands into a temp directory.
func buildBinaries(t *testing.T) (node, cli string) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: this test builds and runs the node and cli binaries")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH: cannot build the binaries")
	}
	dir := t.TempDir()
	node, cli = filepath.Join(dir, "node"), filepath.Join(dir, "cli")
	for out, pkg := range map[string]string{node: "wfcli/cmd/node", cli: "wfcli/cmd/cli"} {
		cmd := exec.Command(goBin, "build", "-o", out, pkg)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("building %s: %v\n%s", pkg, err, b)
		}
	}
	return node, cli
}

// runNode starts the node binary and waits until addr accepts connections.
func runNode(t *testing.T, bin, addr string, args ...string) (*exec.Cmd, *bytes.Buffer) {
	t.Helper()
	var out bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return cmd, &out
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("the node did not listen on %s:\n%s", addr, out.String())
	return nil, nil
}

func TestBinariesTwoNodesAndTheCLI(t *testing.T) {
	nodeBin, cliBin := buildBinaries(t)
	home := install(t)
	port := freePorts(t)
	node2 := filepath.Join(home, "node2")
	os.MkdirAll(filepath.Join(node2, "configuration"), 0o755)
	for _, f := range []string{"standalone-ha.xml", "mgmt-users.properties"} {
		data, _ := os.ReadFile(filepath.Join(home, "standalone", "configuration", f))
		os.WriteFile(filepath.Join(node2, "configuration", f), data, 0o600)
	}
	common := []string{"-c", "standalone-ha.xml", "-Djboss.home.dir=" + home,
		"-Djboss.management.http.port=" + strconv.Itoa(port)}
	addr1 := "127.0.0.1:" + strconv.Itoa(port)
	addr2 := "127.0.0.1:" + strconv.Itoa(port+100)
	n1, log1 := runNode(t, nodeBin, addr1, append(common,
		"-Djboss.socket.binding.port-offset=0")...)
	n2, log2 := runNode(t, nodeBin, addr2, append(common, "-Djboss.server.base.dir="+node2,
		"-Djboss.socket.binding.port-offset=100")...)

	script := filepath.Join(t.TempDir(), "change.cli")
	os.WriteFile(script, []byte("/system-property=changed:add(value=yes)\n"+
		":read-attribute(name=server-state)\n"), 0o644)
	for _, args := range [][]string{
		{"--connect", "--controller=" + addr1, "--file=" + script},
		{"-c", "controller=remote+http://" + addr2, "--user=admin", "--password=secret-1",
			"--file=" + script},
	} {
		out, err := exec.Command(cliBin, args...).CombinedOutput()
		want := "{\"outcome\" => \"success\"}\n{\n    \"outcome\" => \"success\",\n" +
			"    \"result\" => \"running\"\n}\n"
		if err != nil || string(out) != want {
			t.Errorf("cli %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	for _, base := range []string{filepath.Join(home, "standalone"), node2} {
		xml, _ := os.ReadFile(filepath.Join(base, "configuration", "standalone-ha.xml"))
		if !strings.Contains(string(xml), `<property name="changed" value="yes"/>`) {
			t.Errorf("%s: the change is not in the file", base)
		}
	}

	for _, n := range []struct {
		cmd *exec.Cmd
		log *bytes.Buffer
	}{{n1, log1}, {n2, log2}} {
		n.cmd.Process.Signal(syscall.SIGTERM)
		if err := n.cmd.Wait(); err != nil {
			t.Errorf("the node exited with %v:\n%s", err, n.log)
		}
		if !strings.Contains(n.log.String(), "msg=stopped component=node") {
			t.Errorf("no stop line in the log:\n%s", n.log)
		}
	}
}
