package endpoint

import "net/http"

// Require returns h behind the same authentication as the management
// endpoint: HTTP Digest against the management realm's users, or the
// local token. An unauthenticated request gets the 401 challenge and never
// reaches h. The node guards its caches' REST interface with it.
func (a *Auth) Require(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := a.check(w, r); ok {
			h.ServeHTTP(w, r)
		}
	})
}
