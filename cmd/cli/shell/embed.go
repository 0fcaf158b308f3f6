package shell

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"wfcli/cmd/cli/request"
	"wfcli/grammar"
)

// cmdEmbedServer starts a standalone server inside the CLI's process from
// <home>/standalone/configuration/<server-config>, admin-only by default.
func cmdEmbedServer(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	err := a.only("server-config", "c", "std-out", "admin-only", "empty-config",
		"remove-existing", "jboss-home", "timeout", "stability")
	if err != nil {
		return err
	}
	if len(a.pos) > 0 {
		return fmt.Errorf("The command accepts 0 unnamed argument(s) but received: [%s]",
			strings.Join(a.pos, ", "))
	}
	if s.client != nil {
		return fmt.Errorf("The embedded server is already running: stop it first " +
			"with stop-embedded-server.")
	}
	o, err := s.embedOptions(l, a)
	if err != nil {
		return err
	}
	if s.opts.Embed == nil {
		return fmt.Errorf("Cannot start embedded server: this CLI was built without one.")
	}
	srv, err := s.opts.Embed(o)
	if err != nil {
		return fmt.Errorf("Cannot start embedded server: %w", err)
	}
	s.embedded, s.client, s.embedOpts = srv, srv, o
	return nil
}

// embedOptions reads embed-server's arguments; values are resolved leniently
// against the CLI's system properties, as jboss-cli does for them.
func (s *Shell) embedOptions(l Line, a args) (EmbedOptions, error) {
	get := func(names ...string) (string, bool) {
		v, ok := a.get(names...)
		if ok {
			v, _ = request.Resolve(v, s.env(l.Num), false)
		}
		return v, ok
	}
	o := EmbedOptions{AdminOnly: true, Properties: s.props, Stdout: io.Discard}
	if v, ok := get("admin-only"); ok && strings.EqualFold(v, "false") {
		o.AdminOnly = false
	}
	o.EmptyConfig = has(a, "empty-config")
	o.RemoveExisting = o.EmptyConfig && has(a, "remove-existing")
	if v, ok := get("timeout"); ok {
		n, err := strconv.ParseInt(v, 10, 64)
		switch {
		case v == "":
			return o, fmt.Errorf("The --timeout parameter requires a value.")
		case err != nil:
			return o, fmt.Errorf("The --timeout value '%s' is not a valid integer "+
				"(seconds to wait for the server).", v)
		}
		o.Timeout = time.Duration(n) * time.Second
	}
	if v, ok := get("std-out"); ok {
		switch v {
		case "echo":
			o.Stdout = s.out
		case "discard":
		case "":
			return o, fmt.Errorf("The --std-out parameter requires a value { echo, discard }.")
		default:
			return o, fmt.Errorf("The --std-out parameter should be one of { echo, discard }.")
		}
	}
	file, err := s.configFile(l, a, get)
	o.ConfigFile = file
	return o, err
}

// configFile finds the configuration: <config dir>/<server-config>, the
// config dir being jboss.server.config.dir, else <home>/standalone/
// configuration, home being --jboss-home, else $JBOSS_HOME, else the
// current directory.
func (s *Shell) configFile(l Line, a args, get func(...string) (string, bool)) (string, error) {
	name := "standalone.xml"
	if v, ok := get("server-config", "c"); ok {
		v = strings.TrimSpace(v)
		if v == "" {
			return "", fmt.Errorf("The --server-config (or -c) parameter requires a value.")
		}
		if !strings.HasSuffix(v, ".xml") {
			return "", fmt.Errorf("The --server-config filename must end with .xml.")
		}
		name = v
	}
	dir, err := s.configDir(get)
	if err != nil {
		return "", err
	}
	path := configPath(dir, name)
	if path == filepath.Clean(name) {
		fmt.Fprintf(s.errOut, "%s: warning: WildFly refuses an absolute --server-config "+
			"(WFLYCTL0214: files must be relative to the configuration dir %s); "+
			"this CLI reads %s as given\n", l.Where(), dir, path)
	}
	_, statErr := os.Stat(path)
	switch {
	case has(a, "empty-config") && !has(a, "remove-existing") && statErr == nil:
		return "", fmt.Errorf("The configuration file %s already exists, please use "+
			"--remove-existing if you wish to overwrite.", name)
	case !has(a, "empty-config") && errors.Is(statErr, fs.ErrNotExist):
		return "", fmt.Errorf("Cannot start embedded server: the configuration file %s "+
			"does not exist.", path)
	}
	return path, nil
}

// configPath is the file a --server-config name stands for: the name in
// the configuration directory, or, for an absolute name not found there,
// the name itself.
//
// WildFly's ConfigurationFile joins even an absolute name to the
// configuration directory and fails with WFLYCTL0214 (only a read-only
// configuration may be absolute); this CLI reads it, and configFile warns.
func configPath(dir, name string) string {
	path := filepath.Join(dir, name)
	if !filepath.IsAbs(name) {
		return path
	}
	if _, err := os.Stat(path); err == nil {
		return path
	}
	return filepath.Clean(name)
}

func (s *Shell) configDir(get func(...string) (string, bool)) (string, error) {
	if d, ok := s.property("jboss.server.config.dir"); ok && d != "" {
		return s.path(d), nil
	}
	home, source := "", ""
	if v, ok := get("jboss-home"); ok && v != "" {
		home, source = s.path(v), "argument --jboss-home"
	} else if v, ok := s.getenv("JBOSS_HOME"); ok && v != "" {
		home, source = s.path(v), "environment variable JBOSS_HOME"
	} else {
		home = s.Dir()
	}
	if source != "" {
		st, err := os.Stat(home)
		if err != nil {
			return "", fmt.Errorf("File %s specified by %s does not exist", home, source)
		}
		if !st.IsDir() {
			return "", fmt.Errorf("File %s specified by %s is not a directory", home, source)
		}
	}
	return filepath.Join(home, "standalone", "configuration"), nil
}

func cmdStopEmbeddedServer(s *Shell, l Line, pl *grammar.Line) error {
	if err := argsOf(pl.Cmd).only(); err != nil {
		return err
	}
	if s.embedded == nil {
		return nil
	}
	s.node, s.nodeType = nil, ""
	return s.Close()
}

// cmdReload reloads the server and, as jboss-cli does, prints nothing on
// success. For the embedded server a reload is a new boot from the
// configuration file as persisted, which rebuilds the model and clears any
// reload-required state. It stays in admin-only mode unless
// --start-mode=normal is given (jboss-cli would switch an embedded server to
// normal mode; admin-only is what offline scripts want).
func cmdReload(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only("start-mode", "use-current-server-config", "server-config",
		"admin-only", "timeout"); err != nil {
		return err
	}
	if s.batch != nil {
		return fmt.Errorf("The command is not allowed in a batch.")
	}
	if r, ok := s.client.(Remote); ok {
		return s.reloadRemote(a, r)
	}
	if s.embedded == nil {
		return noConnection()
	}
	o := s.embedOpts
	o.EmptyConfig, o.RemoveExisting = false, false
	switch mode, _ := a.get("start-mode"); mode {
	case "", "admin-only":
		o.AdminOnly = true
	case "normal":
		o.AdminOnly = false
	case "suspend":
		return fmt.Errorf("reload --start-mode=suspend is not supported: this server " +
			"cannot start suspended; use --start-mode=normal or --start-mode=admin-only")
	default:
		return fmt.Errorf("Invalid start mode '%s': expected admin-only or normal.", mode)
	}
	if err := s.Close(); err != nil {
		return fmt.Errorf("Failed to stop the embedded server for the reload: %w", err)
	}
	srv, err := s.opts.Embed(o)
	if err != nil {
		return fmt.Errorf("Failed to reload the embedded server: %w", err)
	}
	s.embedded, s.client, s.embedOpts = srv, srv, o
	return nil
}

func cmdShutdown(s *Shell, l Line, pl *grammar.Line) error {
	if s.batch != nil {
		return fmt.Errorf("The command is not allowed in a batch.")
	}
	if s.client == nil {
		return noConnection()
	}
	if s.embedded != nil {
		s.node, s.nodeType = nil, ""
		return s.Close()
	}
	if r, ok := s.client.(Remote); ok {
		return s.shutdownRemote(argsOf(pl.Cmd), r)
	}
	return nil
}

// cmdCommandTimeout gets, sets or resets the per-command timeout, which
// executeTimed applies to every request.
func cmdCommandTimeout(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if len(a.pos) == 0 {
		return fmt.Errorf("Action is missing: get, set or reset.")
	}
	switch a.pos[0] {
	case "get":
		s.println(strconv.Itoa(s.cmdTimeout))
	case "set":
		if len(a.pos) != 2 {
			return fmt.Errorf("The timeout value is missing.")
		}
		n, err := strconv.Atoi(a.pos[1])
		if err != nil || n < 0 {
			return fmt.Errorf("Invalid timeout value %s", a.pos[1])
		}
		s.cmdTimeout = n
	case "reset":
		s.cmdTimeout = s.opts.CommandTimeout
	default:
		return fmt.Errorf("Unknown action %s: expected get, set or reset.", a.pos[0])
	}
	return nil
}

// Version is the release printed by the version command and --version.
var Version = "0.1.0"

func cmdVersion(s *Shell, l Line, pl *grammar.Line) error {
	home, _ := s.getenv("JBOSS_HOME")
	if home == "" {
		home = "undefined"
	}
	s.println("JBoss Admin Command-line Interface (wfcli, a Go analogue)")
	s.println("JBOSS_HOME: " + home)
	s.println("Release: " + Version)
	s.println("os.name: " + runtime.GOOS)
	return nil
}
