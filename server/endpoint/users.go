package endpoint

import (
	"bufio"
	"bytes"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// Realm is the realm of the management users, as WildFly names it.
const Realm = "ManagementRealm"

// sha256Prefix starts the comment line add-user writes beside a user's
// MD5 line to hold the SHA-256 digest of the same secret. WildFly reads
// the line as a comment, so the file stays a valid mgmt-users.properties.
const sha256Prefix = "#sha-256:"

// secrets are one management user's stored secrets: the hex digests of
// user:realm:password, MD5 always, SHA-256 when add-user wrote it.
type secrets struct {
	md5, sha256 string
}

// Users is the user store of the management realm, read from a
// mgmt-users.properties file and re-read when the file changes. It is safe
// for concurrent use.
type Users struct {
	path string

	// mu guards the cached users and the file state they were read from.
	mu      sync.Mutex
	users   map[string]secrets
	modTime time.Time
	size    int64
	checked time.Time
}

// NewUsers returns the store of the file at path. The file may not exist
// yet (then there are no users); it is read on first use.
func NewUsers(path string) *Users { return &Users{path: path} }

// Path returns the file the store reads.
func (u *Users) Path() string { return u.path }

// Has reports whether the file has a user called name; false when the
// file does not exist or cannot be read.
func (u *Users) Has(name string) bool {
	_, ok := u.lookup(name)
	return ok
}

// lookup returns the secrets of name, re-reading the file when its size or
// time changed (checked at most every 500 ms).
func (u *Users) lookup(name string) (secrets, bool) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if now := time.Now(); now.Sub(u.checked) > 500*time.Millisecond || u.users == nil {
		u.checked = now
		u.reloadLocked()
	}
	x, ok := u.users[name]
	return x, ok
}

// reloadLocked re-reads the file if it changed. The caller holds mu.
func (u *Users) reloadLocked() {
	st, err := os.Stat(u.path)
	if err != nil {
		u.users = map[string]secrets{}
		return
	}
	if u.users != nil && st.ModTime().Equal(u.modTime) && st.Size() == u.size {
		return
	}
	data, err := os.ReadFile(u.path)
	if err != nil {
		u.users = map[string]secrets{}
		return
	}
	u.users, u.modTime, u.size = parseUsers(data), st.ModTime(), st.Size()
}

// parseUsers reads the user=HEX lines of a properties file and the
// #sha-256:user=HEX lines add-user adds.
func parseUsers(data []byte) map[string]secrets {
	users := map[string]secrets{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, sha256Prefix); ok {
			if name, h, ok := strings.Cut(rest, "="); ok {
				x := users[name]
				x.sha256 = strings.ToLower(strings.TrimSpace(h))
				users[name] = x
			}
			continue
		}
		if line == "" || line[0] == '#' || line[0] == '!' {
			continue
		}
		name, h, ok := cutProperty(line)
		if !ok {
			continue
		}
		x := users[name]
		x.md5 = strings.ToLower(h)
		users[name] = x
	}
	return users
}

// cutProperty splits key=value or key:value, trimming both sides.
func cutProperty(line string) (string, string, bool) {
	i := strings.IndexAny(line, "=:")
	if i < 0 {
		return "", "", false
	}
	return strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+1:]), true
}

// HashMD5 returns HEX(MD5(user:realm:password)), the form of
// mgmt-users.properties.
func HashMD5(name, realm, password string) string {
	sum := md5.Sum([]byte(name + ":" + realm + ":" + password))
	return hex.EncodeToString(sum[:])
}

// HashSHA256 returns HEX(SHA-256(user:realm:password)).
func HashSHA256(name, realm, password string) string {
	sum := sha256.Sum256([]byte(name + ":" + realm + ":" + password))
	return hex.EncodeToString(sum[:])
}

// AddUser adds name to the properties file at path, or replaces its
// password, as WildFly's add-user does: user=HEX(MD5(user:realm:password)),
// plus a #sha-256: comment line for SHA-256 digest authentication. A new
// file starts with the #$REALM_NAME=ManagementRealm$ header. Other lines
// are kept. The file is written with mode 0600.
func AddUser(path, name, password string) error {
	if name == "" || strings.ContainsAny(name, "=:# \t\r\n") {
		return fmt.Errorf("invalid user name %q: it must be non-empty and contain no "+
			"'=', ':', '#' or white space", name)
	}
	data, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	var b strings.Builder
	if len(data) == 0 {
		b.WriteString("#$REALM_NAME=" + Realm + "$ This line is used by the add-user " +
			"utility to identify the realm name already used in this file.\n")
	}
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if line == "" || isLineOf(line, name) {
			continue
		}
		b.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			b.WriteString("\n")
		}
	}
	b.WriteString(name + "=" + HashMD5(name, Realm, password) + "\n")
	b.WriteString(sha256Prefix + name + "=" + HashSHA256(name, Realm, password) + "\n")
	return writeFile(path, []byte(b.String()))
}

// isLineOf reports whether line holds a secret of user name.
func isLineOf(line, name string) bool {
	t := strings.TrimSpace(line)
	t = strings.TrimPrefix(t, sha256Prefix)
	k, _, ok := cutProperty(t)
	return ok && k == name && !strings.HasPrefix(strings.TrimSpace(line), "#$")
}

// writeFile writes data to path through a temporary file and a rename, so
// that a reader sees the old file or the new one.
func writeFile(path string, data []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("writing %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
