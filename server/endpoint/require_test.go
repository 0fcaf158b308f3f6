package endpoint

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestRequireGuardsAnotherHandler(t *testing.T) {
	f := newFixture(t)
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("cache entry"))
	})
	hs := httptest.NewServer(f.auth.Require(inner))
	defer hs.Close()
	url := hs.URL + "/cache/web/sessions/k"
	tests := []struct {
		name   string
		client *http.Client
		header map[string]string
		want   int
	}{
		{"no credentials are challenged", nil, nil, http.StatusUnauthorized},
		{"a wrong password is challenged", digestClient("admin", "wrong", "MD5"), nil,
			http.StatusUnauthorized},
		{"a management user is served", digestClient("admin", "secret-1", "SHA-256"), nil,
			http.StatusOK},
		{"the local token is served", nil,
			map[string]string{"Authorization": LocalScheme + " " + f.token(t)}, http.StatusOK},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := send(t, tc.client, "GET", url, "", "", tc.header)
			if got.Status != tc.want {
				t.Errorf("status = %d (%q), want %d", got.Status, got.Body, tc.want)
			}
			if tc.want == http.StatusOK && got.Body != "cache entry" {
				t.Errorf("body = %q", got.Body)
			}
		})
	}
}
