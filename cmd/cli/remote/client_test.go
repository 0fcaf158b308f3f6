package remote

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"wfcli/server"
	"wfcli/server/endpoint"
)

// node serves a small configuration's endpoint on loopback with user
// admin; it returns the controller.
func node(t *testing.T) Controller {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone.xml")
	if err := os.WriteFile(file, []byte(server.EmptyConfiguration), 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := server.Embed(server.Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop() })
	users := filepath.Join(dir, "mgmt-users.properties")
	if err := endpoint.AddUser(users, "admin", "secret-1"); err != nil {
		t.Fatal(err)
	}
	auth, err := endpoint.NewAuth(endpoint.AuthOptions{Users: endpoint.NewUsers(users),
		TokenDir: filepath.Join(dir, "tmp", "auth")})
	if err != nil {
		t.Fatal(err)
	}
	h, err := endpoint.New(endpoint.Options{Executor: srv, Auth: auth})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(h)
	t.Cleanup(hs.Close)
	c, err := ParseController(strings.TrimPrefix(hs.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// prompter answers prompts from a list and records the labels asked.
type prompter struct {
	answers []string
	asked   []string
}

func (p *prompter) prompt(label string, secret bool) (string, error) {
	p.asked = append(p.asked, label)
	if len(p.answers) == 0 {
		return "", os.ErrClosed
	}
	a := p.answers[0]
	p.answers = p.answers[1:]
	return a, nil
}

func TestConnectAuthentication(t *testing.T) {
	ctrl := node(t)
	tests := []struct {
		name      string
		opts      Options
		answers   []string
		wantErr   string
		wantAsked []string
	}{
		{"local authentication needs nothing", Options{}, nil, "", nil},
		{"a right password gets in", Options{User: "admin", Password: "secret-1"}, nil, "",
			nil},
		{"a wrong password is refused", Options{User: "admin", Password: "bad"}, nil,
			"Unable to authenticate against controller at " + ctrl.HostPort() +
				": Authentication failed: the server presented no authentication " +
				"mechanism that accepted the credentials", nil},
		{"without local authentication the user and password are asked",
			Options{NoLocalAuth: true}, []string{"admin", "secret-1"}, "",
			[]string{"Authenticating against security realm: ManagementRealm\nUsername: ",
				"Password: "}},
		{"a user without a password gets only the password asked",
			Options{User: "admin"}, []string{"secret-1"}, "",
			[]string{"Authenticating against security realm: ManagementRealm\nPassword: "}},
		{"error-on-interact refuses to ask", Options{NoLocalAuth: true, Prompt: nil}, nil,
			"Unable to authenticate against controller at " + ctrl.HostPort() +
				": " + ErrInteraction.Error(), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &prompter{answers: tt.answers}
			o := tt.opts
			o.Controller, o.Timeout = ctrl, time.Second
			if tt.answers != nil {
				o.Prompt = p.prompt
			}
			c, err := Connect(o)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if strings.Join(p.asked, "|") != strings.Join(tt.wantAsked, "|") {
				t.Errorf("asked %q, want %q", p.asked, tt.wantAsked)
			}
			resp, err := c.Execute(operation("read-children-types"))
			if err != nil || !strings.Contains(resp.CompactString(), `"outcome"=>"success"`) {
				t.Errorf("a second request: %v, %v", resp.CompactString(), err)
			}
		})
	}
}

func TestFailedOperationIsAResponse(t *testing.T) {
	c, err := Connect(Options{Controller: node(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	op := operation("remove")
	op.Set("address", mustAddress("system-property", "absent"))
	resp, err := c.Execute(op)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"outcome"=>"failed","failure-description"=>"WFLYCTL0216: Management ` +
		`resource '[(\"system-property\" => \"absent\")]' not found","rolled-back"=>true}`
	if got := resp.CompactString(); got != want {
		t.Errorf("response = %s\nwant       %s", got, want)
	}
}

func TestNewLocalTokenIsReadAfterARestart(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "standalone.xml")
	if err := os.WriteFile(file, []byte(server.EmptyConfiguration), 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := server.Embed(server.Options{ConfigFile: file, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	// Each boot writes a new token to the same file.
	boot := func() http.Handler {
		auth, err := endpoint.NewAuth(endpoint.AuthOptions{TokenDir: filepath.Join(dir, "auth")})
		if err != nil {
			t.Fatal(err)
		}
		h, err := endpoint.New(endpoint.Options{Executor: srv, Auth: auth})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	var current atomic.Value
	current.Store(boot())
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		current.Load().(http.Handler).ServeHTTP(w, r)
	}))
	defer hs.Close()
	ctrl, _ := ParseController(strings.TrimPrefix(hs.URL, "http://"))
	c, err := Connect(Options{Controller: ctrl})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	current.Store(boot())
	resp, err := c.Execute(operation("read-children-types"))
	if err != nil || !strings.Contains(resp.CompactString(), `"outcome"=>"success"`) {
		t.Errorf("after the restart: %s, %v", resp.CompactString(), err)
	}
}
