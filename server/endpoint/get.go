package endpoint

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"wfcli/ops/dmr"
)

// getOperations maps the operation query parameter of the GET form to the
// operation it runs, as WildFly's HTTP API does.
var getOperations = map[string]string{
	"resource":              "read-resource",
	"attribute":             "read-attribute",
	"resource-description":  "read-resource-description",
	"operation-description": "read-operation-description",
	"operation-names":       "read-operation-names",
	"snapshots":             "list-snapshots",
}

// get runs the read operation a GET /management/<type>/<name>/... names
// and writes only its result.
func (h *Handler) get(w http.ResponseWriter, r *http.Request, user string) {
	op, pretty, err := getOperation(r.URL)
	if err != nil {
		writeFailure(w, http.StatusBadRequest, err.Error())
		return
	}
	resp := h.execute(user, op)
	name, _ := op.Get("operation")
	if outcome, _ := resp.Get("outcome"); outcome.AsString() == "success" &&
		cachedOperations[name.AsString()] {
		// Descriptions change only with the software, so browsers may keep
		// them, as WildFly lets them.
		result, _ := resp.Get("result")
		sum := sha256.Sum256([]byte(result.JSONWire()))
		w.Header().Set("Cache-Control", "max-age=604800, private, must-revalidate")
		w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:16])+`"`)
	}
	writeResponse(w, resp, pretty, true)
}

// cachedOperations are the GET operations whose results a client may cache.
var cachedOperations = map[string]bool{
	"read-resource-description":  true,
	"read-operation-description": true,
	"read-operation-names":       true,
}

// getOperation builds the operation of a GET request: the address from the
// path, the operation from ?operation= (read-resource by default), every
// other query parameter as a STRING parameter ("true" when empty), and
// operation-header-<h> as operation headers.
func getOperation(u *url.URL) (dmr.Value, bool, error) {
	addr, err := pathAddress(u.EscapedPath())
	if err != nil {
		return dmr.Value{}, false, err
	}
	q := u.Query()
	name := "read-resource"
	if v := q.Get("operation"); v != "" {
		n, ok := getOperations[strings.ToLower(strings.ReplaceAll(v, "_", "-"))]
		if !ok {
			return dmr.Value{}, false, errors.New("Unsupported GET operation '" + v +
				"': use resource, attribute, resource-description, " +
				"operation-description, operation-names or snapshots")
		}
		name = n
	}
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString(name))
	op.Set("address", addr)
	pretty := false
	headers := dmr.NewObject()
	for _, k := range sortedKeys(q) {
		v := q.Get(k)
		if v == "" {
			v = "true"
		}
		switch {
		case k == "operation":
		case k == "json.pretty":
			pretty = v == "true" || v == "1"
		case strings.HasPrefix(k, "operation-header-"):
			headers.Set(strings.TrimPrefix(k, "operation-header-"), dmr.NewString(v))
		default:
			op.Set(k, dmr.NewString(v))
		}
	}
	op.Set("operation-headers", headers)
	markHTTP(op)
	return op, pretty, nil
}

// pathAddress reads /management/<type>/<name>/... into an address list.
func pathAddress(escaped string) (dmr.Value, error) {
	rest := strings.Trim(strings.TrimPrefix(escaped, "/management"), "/")
	addr := dmr.NewList()
	if rest == "" {
		return addr, nil
	}
	parts := strings.Split(rest, "/")
	if len(parts)%2 != 0 {
		return dmr.Value{}, errors.New("The address in the path must be pairs of " +
			"<type>/<name>; '" + parts[len(parts)-1] + "' has no name")
	}
	for i := 0; i < len(parts); i += 2 {
		t, err1 := url.PathUnescape(parts[i])
		n, err2 := url.PathUnescape(parts[i+1])
		if err1 != nil || err2 != nil || t == "" || n == "" {
			return dmr.Value{}, errors.New("Invalid address element in the path: " +
				parts[i] + "/" + parts[i+1])
		}
		addr.Append(dmr.NewProperty(t, dmr.NewString(n)))
	}
	return addr, nil
}

func sortedKeys(q url.Values) []string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
