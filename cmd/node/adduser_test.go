package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/server/endpoint"
)

func TestAddUserCommand(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		stdin      string
		wantCode   int
		wantStdout string
		wantUser   string
	}{
		{"user and password as arguments", []string{"admin", "pw-1"}, "", 0,
			"Added user 'admin' to file '<conf>/mgmt-users.properties'\n", "admin"},
		{"WildFly's -u and -p options", []string{"-u", "ops", "-p=pw-1"}, "", 0,
			"Added user 'ops' to file '<conf>/mgmt-users.properties'\n", "ops"},
		{"the password from standard input", []string{"reader"}, "pw-1\n", 0,
			"Password : Added user 'reader' to file '<conf>/mgmt-users.properties'\n",
			"reader"},
		{"no user name", nil, "", 1, "", ""},
		{"a user name with a colon", []string{"a:b", "pw-1"}, "", 1, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			home := t.TempDir()
			conf := filepath.Join(home, "standalone", "configuration")
			os.MkdirAll(conf, 0o755)
			var stdout, stderr bytes.Buffer
			args := append([]string{"-Djboss.home.dir=" + home}, tt.args...)
			code := runAddUser(args, strings.NewReader(tt.stdin), &stdout, &stderr)
			want := strings.ReplaceAll(tt.wantStdout, "<conf>", conf)
			if diff := cmp.Diff([]any{tt.wantCode, want},
				[]any{code, stdout.String()}); diff != "" {
				t.Fatalf("exit code and stdout (-want +got):\n%s\nstderr: %s", diff,
					stderr.String())
			}
			if tt.wantUser == "" {
				return
			}
			data, _ := os.ReadFile(filepath.Join(conf, "mgmt-users.properties"))
			line := tt.wantUser + "=" + endpoint.HashMD5(tt.wantUser, endpoint.Realm, "pw-1")
			if !strings.Contains(string(data), line+"\n") {
				t.Errorf("the file has no line %s:\n%s", line, data)
			}
			if strings.Contains(stdout.String()+stderr.String(), "pw-1") {
				t.Error("the password was printed")
			}
		})
	}
}

func TestLayout(t *testing.T) {
	env := func(string) string { return "/opt/wf" }
	tests := []struct {
		name  string
		props map[string]string
		want  layout
	}{
		{"under JBOSS_HOME by default", map[string]string{},
			layout{"/opt/wf", "/opt/wf/standalone", "/opt/wf/standalone/configuration",
				"/opt/wf/standalone/data", "/opt/wf/standalone/log", "/opt/wf/standalone/tmp"}},
		{"a base directory of its own", map[string]string{"jboss.server.base.dir": "/n2"},
			layout{"/opt/wf", "/n2", "/n2/configuration", "/n2/data", "/n2/log", "/n2/tmp"}},
		{"a log directory elsewhere", map[string]string{"jboss.home.dir": "/h",
			"jboss.server.log.dir": "/var/log/n"},
			layout{"/h", "/h/standalone", "/h/standalone/configuration",
				"/h/standalone/data", "/var/log/n", "/h/standalone/tmp"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := newLayout(tt.props, env)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(layout{})); diff != "" {
				t.Errorf("layout (-want +got):\n%s", diff)
			}
		})
	}
}

func TestAddUserTwiceSaysUpdated(t *testing.T) {
	home := t.TempDir()
	conf := filepath.Join(home, "standalone", "configuration")
	if err := os.MkdirAll(conf, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(conf, "mgmt-users.properties")
	var got []string
	for _, pw := range []string{"pw-1", "pw-2"} {
		var stdout, stderr bytes.Buffer
		code := runAddUser([]string{"-Djboss.home.dir=" + home, "admin", pw},
			strings.NewReader(""), &stdout, &stderr)
		got = append(got, strings.TrimSuffix(stdout.String(), "\n"))
		if code != 0 {
			t.Fatalf("exit code %d: %s", code, stderr.String())
		}
	}
	want := []string{"Added user 'admin' to file '" + file + "'",
		"Updated user 'admin' to file '" + file + "'"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
}
