package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"wfcli/cmd/cli/shell"
)

// config is what the node's command line asks for.
type config struct {
	serverConfig string            // -c / --server-config, relative to the config dir
	props        map[string]string // -D, --properties, -b...
	adminOnly    bool
	help         bool
	version      bool
}

// bindOptions maps standalone.sh's bind address options to the system
// properties they set.
var bindOptions = map[string]string{
	"-b":           "jboss.bind.address",
	"-bmanagement": "jboss.bind.address.management",
	"-bprivate":    "jboss.bind.address.private",
	"-bunsecure":   "jboss.bind.address.unsecure",
}

// errUsage is returned for --help.
var errUsage = errors.New("usage")

// parseArgs reads standalone.sh's options. Each option takes its value
// after '=' or as the next argument, as standalone.sh accepts both.
func parseArgs(args []string) (*config, error) {
	cfg := &config{serverConfig: "standalone.xml", props: map[string]string{}}
	var propFiles []string
	defs := map[string]string{}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, value, hasValue := strings.Cut(arg, "=")
		next := func() (string, error) {
			if hasValue {
				return value, nil
			}
			if i+1 >= len(args) {
				return "", fmt.Errorf("Argument expected for option %s", name)
			}
			i++
			return args[i], nil
		}
		var err error
		switch {
		case strings.HasPrefix(arg, "-D"):
			k, v, ok := strings.Cut(arg[2:], "=")
			if !ok {
				v = "true"
			}
			if k == "" {
				return nil, fmt.Errorf("Invalid system property: %s", arg)
			}
			defs[k] = v
		case name == "-c" || name == "--server-config":
			cfg.serverConfig, err = next()
		case name == "-P" || name == "--properties":
			var f string
			f, err = next()
			propFiles = append(propFiles, f)
		case bindOptions[name] != "":
			var v string
			v, err = next()
			defs[bindOptions[name]] = v
		case arg == "--admin-only":
			cfg.adminOnly = true
		case arg == "-h" || arg == "--help":
			cfg.help = true
		case arg == "-v" || arg == "-V" || arg == "--version":
			cfg.version = true
		default:
			return nil, fmt.Errorf("Invalid option '%s'", arg)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := loadProperties(cfg.props, propFiles); err != nil {
		return nil, err
	}
	for k, v := range defs {
		cfg.props[k] = v
	}
	if cfg.serverConfig == "" {
		return nil, errors.New("The --server-config (or -c) option requires a value")
	}
	return cfg, nil
}

// loadProperties reads --properties files into props, a later file winning.
func loadProperties(props map[string]string, files []string) error {
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			abs, _ := filepath.Abs(f)
			return fmt.Errorf("Unable to load properties from %s: %w", abs, err)
		}
		list, err := shell.ParseProperties(string(src))
		if err != nil {
			return fmt.Errorf("Unable to load properties from %s: %w", f, err)
		}
		for _, p := range list {
			props[p.Key] = p.Value
		}
	}
	return nil
}

// layout is the node's directories, as WildFly lays out a server base
// directory, each overridable by its system property.
type layout struct {
	home, base, config, data, log, tmp string
}

// newLayout derives the directories from the system properties:
// jboss.home.dir (else $JBOSS_HOME, else the working directory),
// jboss.server.base.dir (else <home>/standalone), and the config, data,
// log and temp directories under the base.
func newLayout(props map[string]string, getenv func(string) string) (layout, error) {
	var l layout
	pick := func(key, def string) string {
		if v := props[key]; v != "" {
			return v
		}
		return def
	}
	home := pick("jboss.home.dir", getenv("JBOSS_HOME"))
	if home == "" {
		wd, err := os.Getwd()
		if err != nil {
			return l, err
		}
		home = wd
	}
	var err error
	if l.home, err = filepath.Abs(home); err != nil {
		return l, err
	}
	l.base, _ = filepath.Abs(pick("jboss.server.base.dir", filepath.Join(l.home, "standalone")))
	l.config, _ = filepath.Abs(pick("jboss.server.config.dir", filepath.Join(l.base,
		"configuration")))
	l.data, _ = filepath.Abs(pick("jboss.server.data.dir", filepath.Join(l.base, "data")))
	l.log, _ = filepath.Abs(pick("jboss.server.log.dir", filepath.Join(l.base, "log")))
	l.tmp, _ = filepath.Abs(pick("jboss.server.temp.dir", filepath.Join(l.base, "tmp")))
	return l, nil
}

// properties returns the layout as the system properties WildFly defines.
func (l layout) properties() map[string]string {
	return map[string]string{
		"jboss.home.dir":          l.home,
		"jboss.server.base.dir":   l.base,
		"jboss.server.config.dir": l.config,
		"jboss.server.data.dir":   l.data,
		"jboss.server.deploy.dir": filepath.Join(l.data, "content"),
		"jboss.server.log.dir":    l.log,
		"jboss.server.temp.dir":   l.tmp,
	}
}

// create makes the directories a running node writes to.
func (l layout) create() error {
	if st, err := os.Stat(l.config); err != nil || !st.IsDir() {
		return fmt.Errorf("the configuration directory %s does not exist: copy the "+
			"install's standalone/configuration there, or set -Djboss.server.base.dir",
			l.config)
	}
	for _, d := range []string{l.data, l.log, l.tmp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return fmt.Errorf("creating %s: %w", d, err)
		}
	}
	return nil
}

// configFile returns the configuration file: name as given when absolute,
// else under the config directory.
func (l layout) configFile(name string) string {
	if filepath.IsAbs(name) {
		return name
	}
	return filepath.Join(l.config, name)
}
