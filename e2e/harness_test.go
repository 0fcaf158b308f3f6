package e2e

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// home is one JBOSS_HOME laid out for a test: the configuration file sits
// in standalone/configuration, scripts and .jbossclirc in the home itself,
// which is also the working directory of the cli.
type home struct {
	dir    string
	config string   // path of standalone/configuration/standalone-ha.xml
	env    []string // extra NAME=value pairs for the cli's environment
}

// newHome lays out a fresh JBOSS_HOME in a temp dir with xml as its
// standalone-ha.xml.
func newHome(t testing.TB, xml []byte) home {
	t.Helper()
	dir := t.TempDir()
	cfgDir := filepath.Join(dir, "standalone", "configuration")
	if err := os.MkdirAll(cfgDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "bin"), 0o755); err != nil {
		t.Fatal(err)
	}
	h := home{dir: dir, config: filepath.Join(cfgDir, "standalone-ha.xml")}
	if err := os.WriteFile(h.config, xml, 0o644); err != nil {
		t.Fatal(err)
	}
	return h
}

// readConfig returns the current bytes of the home's configuration file.
func (h home) readConfig(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(h.config)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// write puts a file into the home and returns its path.
func (h home) write(t testing.TB, name, text string) string {
	t.Helper()
	path := filepath.Join(h.dir, name)
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// result is what one run of the cli produced.
type result struct {
	code   int
	stdout string
	stderr string
	cpu    time.Duration // user and system time of the process
}

// output is stdout and stderr together, for messages whose stream is not
// the point of the test.
func (r result) output() string { return r.stdout + r.stderr }

// run executes the cli binary in the home with JBOSS_HOME set, no stdin,
// and CI-like surroundings. A run that takes over a minute fails the test.
func (h home) run(t testing.TB, args ...string) result {
	t.Helper()
	return h.runIn(t, h.dir, args...)
}

// runIn is run with another working directory.
func (h home) runIn(t testing.TB, dir string, args ...string) result {
	t.Helper()
	needCLI(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	cmd := exec.CommandContext(ctx, cliPath, args...)
	cmd.Dir = dir
	cmd.Env = append(append(cleanEnv(), "JBOSS_HOME="+h.dir), h.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()

	r := result{stdout: stdout.String(), stderr: stderr.String()}
	if ps := cmd.ProcessState; ps != nil {
		r.cpu = ps.UserTime() + ps.SystemTime()
	}
	var exit *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &exit):
		r.code = exit.ExitCode()
	default:
		t.Fatalf("running %s %v: %v", cliPath, args, err)
	}
	if ctx.Err() != nil {
		t.Fatalf("cli %v did not finish within a minute\n%s", args, r.output())
	}
	return r
}

// cleanEnv is the test's environment without the variables that would steer
// the cli or the scripts' expressions elsewhere.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case name == "JBOSS_HOME", name == "JAVA_OPTS":
		case strings.HasPrefix(name, "DB_"), strings.HasPrefix(name, "CACHE_OWNERS"),
			strings.HasPrefix(name, "JGROUPS_"):
		default:
			env = append(env, kv)
		}
	}
	return env
}

// corpusFile returns the bytes of a file of ../shared/corpus.
func corpusFile(t testing.TB, rel string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(sharedDir(t), "corpus", rel))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// imageTool matches the absolute paths the Keycloak image gives run-batch.
var imageTool = regexp.MustCompile(`/opt/jboss/tools/cli/(\S+\.cli)`)

// imageScript copies the corpus script kc-containers__<name>.cli into the
// home, pointing its run-batch --file targets at the corpus copies
// (/opt/jboss/tools/cli/databases/postgres/change-database.cli becomes
// corpus/cli/kc-containers__databases-postgres-change-database.cli), and
// returns the copy's path.
func (h home) imageScript(t testing.TB, name string) string {
	t.Helper()
	cliDir := filepath.Join(sharedDir(t), "corpus", "cli")
	text := string(corpusFile(t, "cli/kc-containers__"+name+".cli"))
	text = imageTool.ReplaceAllStringFunc(text, func(m string) string {
		rel := imageTool.FindStringSubmatch(m)[1]
		return filepath.Join(cliDir, "kc-containers__"+strings.ReplaceAll(rel, "/", "-"))
	})
	return h.write(t, "kc-containers__"+name+".cli", text)
}

// Values the image's shell scripts (jgroups.sh, x509.sh, vault.sh) append to
// .jbossclirc before running the CLI scripts.
const (
	jdbcPingProperties = "{datasource_jndi_name=>java:jboss/datasources/KeycloakDS," +
		"info_writer_sleep_time=>500}"
	keystoreFile       = "/opt/jboss/keycloak/standalone/configuration/keystores/https-keystore.jks"
	keystorePassword   = "kc-keystore-secret"
	truststoreFile     = "/opt/jboss/keycloak/standalone/configuration/keystores/truststore.jks"
	truststorePassword = "kc-truststore-secret"
	vaultDir           = "/secrets"
)

// imageRC writes the .jbossclirc the image's shell scripts leave behind for
// the given discovery protocol and its properties, in the working directory.
func (h home) imageRC(t testing.TB, protocol, properties string) {
	t.Helper()
	h.write(t, ".jbossclirc", imageRCText(protocol, properties))
}

// imageRCText is the text of the image's .jbossclirc.
func imageRCText(protocol, properties string) string {
	lines := []string{
		"set keycloak_jgroups_discovery_protocol=" + protocol,
		"set keycloak_jgroups_discovery_protocol_properties=" + properties,
		"set keycloak_jgroups_transport_stack=tcp",
		"set configuration_file=standalone-ha.xml",
		"set keycloak_tls_keystore_file=" + keystoreFile,
		"set keycloak_tls_keystore_password=" + keystorePassword,
		"set keycloak_tls_truststore_file=" + truststoreFile,
		"set keycloak_tls_truststore_password=" + truststorePassword,
		"set plaintext_vault_provider_dir=" + vaultDir,
	}
	return strings.Join(lines, "\n") + "\n"
}
