package main

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/cmd/cli/remote"
	"wfcli/cmd/cli/shell"
	"wfcli/ops/dmr"
)

func TestReloadModes(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		script   string
		wantMode string
	}{
		{"a plain reload after admin-only comes back normal", nil,
			"reload --start-mode=admin-only\nreload\n", "NORMAL"},
		{"a plain :reload after admin-only comes back normal", nil,
			":reload(admin-only=true)\n:reload\n", "NORMAL"},
		{"reload --start-mode=admin-only stays admin-only", nil,
			"reload --start-mode=admin-only\n", "ADMIN_ONLY"},
		{"a restart comes back in the mode given at start", []string{"--admin-only"},
			"reload --start-mode=normal\nshutdown --restart=true\n", "ADMIN_ONLY"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := install(t)
			port := freePorts(t)
			args := append([]string{"-c", "standalone-ha.xml", "-Djboss.home.dir=" + home,
				"-Djboss.management.http.port=" + strconv.Itoa(port)}, tt.args...)
			n := startNode(t, args...)
			sh, out := remoteShell(t, "127.0.0.1:"+strconv.Itoa(port), remote.Options{})
			if !sh.Run(shell.SplitScript("r.cli", tt.script)) {
				t.Fatalf("script failed:\n%s", out)
			}
			if diff := cmp.Diff(tt.wantMode, readAttr(t, n, "running-mode")); diff != "" {
				t.Errorf("running-mode (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReloadToSuspendIsRefused(t *testing.T) {
	home := install(t)
	port := freePorts(t)
	n := startNode(t, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
		"-Djboss.management.http.port="+strconv.Itoa(port))
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("reload"))
	op.Set("address", dmr.NewList())
	op.Set("start-mode", dmr.NewString("suspend"))
	got := n.Execute(op)
	desc, _ := got.Get("failure-description")
	want := "start-mode suspend is not supported: this server cannot start suspended; " +
		"reload with start-mode normal or admin-only"
	if diff := cmp.Diff(want, desc.AsString()); diff != "" {
		t.Errorf("failure-description (-want +got):\n%s", diff)
	}
}
