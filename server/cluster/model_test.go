package cluster

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/internal/corpus"
	"wfcli/server"
	"wfcli/server/defaultconfig"
)

// boot loads xml into a model through an admin-only embedded server with
// the system properties props.
func boot(t testing.TB, xml string, props map[string]string) *server.Server {
	t.Helper()
	file := filepath.Join(t.TempDir(), "standalone-ha.xml")
	if err := os.WriteFile(file, []byte(xml), 0o644); err != nil {
		t.Fatal(err)
	}
	srv, err := server.Embed(server.Options{ConfigFile: file, AdminOnly: true,
		Properties: props})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop() })
	return srv
}

// describe is a channel configuration in one line.
func describe(cfg Config) string {
	s := fmt.Sprintf("%s %s %s:%d ", cfg.Name, cfg.Cluster, cfg.BindAddr, cfg.BindPort)
	switch d := cfg.Discovery.(type) {
	case *TCPPing:
		return s + "TCPPING " + strings.Join(d.Hosts, ",")
	case *MPing:
		return s + "MPING " + d.Group + " on " + d.Interface
	case *JDBCPing:
		return s + "JDBC_PING " + d.Cluster + " " + d.InitializeSQL
	}
	return s + fmt.Sprintf("%T", cfg.Discovery)
}

func TestConfigFromTheModel(t *testing.T) {
	ha := string(defaultconfig.StandaloneHA())
	tcp := strings.Replace(ha, `stack="udp" cluster="ejb"`, `stack="tcp" cluster="ejb"`, 1)
	mping := `<socket-protocol type="MPING" socket-binding="jgroups-mping"/>`
	tests := []struct {
		name, xml string
		props     map[string]string
		want, err string
	}{
		{"the default channel runs udp with PING on the private interface", ha, nil,
			"n1 ejb 127.0.0.1:55200 MPING 230.0.0.4:45688 on 127.0.0.1", ""},
		{"the port offset and the private address come from properties", ha,
			map[string]string{"jboss.socket.binding.port-offset": "100",
				"jboss.bind.address.private": "127.0.0.2"},
			"n1 ejb 127.0.0.2:55300 MPING 230.0.0.4:45688 on 127.0.0.2", ""},
		{"the tcp stack discovers by MPING on its own binding", tcp, nil,
			"n1 ejb 127.0.0.1:7600 MPING 230.0.0.4:45700 on 127.0.0.1", ""},
		{"TCPPING reads initial_hosts and port_range",
			strings.Replace(tcp, mping, `<protocol type="TCPPING">`+
				`<property name="initial_hosts">a[7600],b[7700]</property>`+
				`<property name="port_range">1</property></protocol>`, 1), nil,
			"n1 ejb 127.0.0.1:7600 TCPPING a:7600,a:7601,b:7700,b:7701", ""},
		{"JDBC_PING opens its data source",
			strings.Replace(tcp, mping, `<protocol type="JDBC_PING">`+
				`<property name="datasource_jndi_name">java:jboss/datasources/KeycloakDS`+
				`</property><property name="initialize_sql">CREATE X</property>`+
				`</protocol>`, 1), nil,
			"n1 ejb 127.0.0.1:7600 JDBC_PING ejb CREATE X", ""},
		{"a stack without discovery fails",
			strings.Replace(tcp, mping, "", 1), nil, "",
			"stack tcp: " + ErrNoDiscovery.Error()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := boot(t, tt.xml, tt.props)
			ctrl := srv.Controller()
			name, ok := DefaultChannel(ctrl.Model())
			if !ok || name != "ee" {
				t.Fatalf("DefaultChannel = %q, %v; want ee, true", name, ok)
			}
			m := Model{Root: ctrl.Model(), Resolve: ctrl.ResolveExpression, NodeName: "n1",
				OpenDataSource: func(string) (*sql.DB, error) { return &sql.DB{}, nil }}
			cfg, err := m.Config(name)
			if fmt.Sprint(err) != tt.err && !(err == nil && tt.err == "") {
				t.Fatalf("error = %v, want %q", err, tt.err)
			}
			if err != nil {
				return
			}
			if got := describe(cfg); got != tt.want {
				t.Errorf("config = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestJDBCPingWithoutDataSourcesFails(t *testing.T) {
	tcp := strings.Replace(string(defaultconfig.StandaloneHA()), `stack="udp" cluster="ejb"`,
		`stack="tcp" cluster="ejb"`, 1)
	xml := strings.Replace(tcp, `<socket-protocol type="MPING" socket-binding="jgroups-mping"/>`,
		`<protocol type="JDBC_PING"><property name="datasource_jndi_name">java:/DS`+
			`</property></protocol>`, 1)
	ctrl := boot(t, xml, nil).Controller()
	_, err := Model{Root: ctrl.Model(), Resolve: ctrl.ResolveExpression}.Config("ee")
	want := "stack tcp: JDBC_PING: data source java:/DS is not running"
	if fmt.Sprint(err) != want {
		t.Errorf("error = %v, want %q", err, want)
	}
}

// TestCorpusChannels reads the default channel of every real clustered
// configuration: each gives a configuration, or fails for a named reason.
func TestCorpusChannels(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpus.XMLDir(t), "*-ha.xml"))
	if len(files) == 0 {
		t.Skip("no corpus: ../shared/corpus/xml is absent")
	}
	got := map[string]int{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srv := boot(t, string(data), nil)
		ctrl := srv.Controller()
		name, ok := DefaultChannel(ctrl.Model())
		if !ok {
			got["no channel"]++
			continue
		}
		cfg, err := Model{Root: ctrl.Model(), Resolve: ctrl.ResolveExpression,
			NodeName: "n"}.Config(name)
		switch {
		case errors.Is(err, ErrNoDiscovery):
			got["unsupported discovery"]++
		case err != nil && strings.Contains(err.Error(), "nic ens4"):
			// Whether the nic exists depends on the machine.
			got["nic ens4"]++
		case err != nil:
			got["error: "+err.Error()]++
		default:
			got[describe(cfg)]++
		}
	}
	want := map[string]int{
		"no channel": 2, // AS 7.1 and EAP 6.4 name no channels
		"nic ens4":   1,
		// its datasource_jndi_name names the data source KeycloakDS
		"error: stack tcp-ping: JDBC_PING: data source KeycloakDS is not running": 1,
		"n ejb 0.0.0.0:55200 MPING 230.0.0.4:45688 on 0.0.0.0":                    1,
		"n ee 127.0.0.1:55200 MPING 230.0.0.4:45688 on 127.0.0.1":                 3,
		"n ejb 127.0.0.1:55200 MPING 230.0.0.4:45688 on 127.0.0.1":                8,
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("default channels of the corpus (-want +got):\n%s", diff)
	}
}
