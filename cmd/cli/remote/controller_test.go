package remote

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseController(t *testing.T) {
	tests := []struct {
		name, in string
		want     Controller
		wantErr  string
	}{
		{"nothing is the default controller", "",
			Controller{"remote+http", "localhost", 9990}, ""},
		{"a host alone takes the default protocol and port", "node2",
			Controller{"remote+http", "node2", 9990}, ""},
		{"a host and port", "node2:10090", Controller{"remote+http", "node2", 10090}, ""},
		{"a port alone keeps localhost", ":10090",
			Controller{"remote+http", "localhost", 10090}, ""},
		{"port 9999 without a protocol is remoting", "node2:9999",
			Controller{"remoting", "node2", 9999}, ""},
		{"https remoting defaults to 9993", "remote+https://node2",
			Controller{"remote+https", "node2", 9993}, ""},
		{"http-remoting with a port", "http-remoting://10.0.0.5:9991",
			Controller{"http-remoting", "10.0.0.5", 9991}, ""},
		{"an IPv6 address in brackets without a port", "[::1]",
			Controller{"remote+http", "::1", 9990}, ""},
		{"an IPv6 address in brackets with a port", "remote+http://[::1]:10090",
			Controller{"remote+http", "::1", 10090}, ""},
		{"a port that is not a number", "node2:abc", Controller{},
			"The port must be a valid non-negative integer: 'abc'"},
		{"an unknown protocol", "ftp://node2", Controller{}, "Unexpected protocol 'ftp'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseController(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("error = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("controller (-want +got):\n%s", diff)
			}
		})
	}
}

func TestControllerURL(t *testing.T) {
	tests := []struct {
		name    string
		in      Controller
		want    string
		wantErr bool
	}{
		{"remote+http is plain HTTP", Controller{"remote+http", "h", 9990},
			"http://h:9990/management", false},
		{"remote+https is HTTPS", Controller{"remote+https", "h", 9993},
			"https://h:9993/management", false},
		{"IPv6 is bracketed", Controller{"http", "::1", 10090},
			"http://[::1]:10090/management", false},
		{"native remoting is refused", Controller{"remoting", "h", 9999}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.url()
			if (err != nil) != tt.wantErr || got != tt.want {
				t.Errorf("url() = %q, %v; want %q, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}
