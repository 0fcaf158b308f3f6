package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"wfcli/cmd/cli/request"
	"wfcli/cmd/cli/shell"
)

// config is what the command line asks for.
type config struct {
	file       string   // --file
	commands   []string // --command, --commands or bare arguments
	hasCmds    bool
	cmdsSource string // how the commands were given, for diagnostics
	props      map[string]string

	connect, help, version, errorOnInteract bool
	echo, resolve, json                     bool
	noColor                                 bool // --no-color-output
	commandTimeout                          int

	// The remote connection: --controller, --user, --password,
	// --no-local-auth, --timeout (ms, 0 for the default).
	controller, user, password string
	noLocalAuth                bool
	timeout                    int
}

// flagSet declares the launcher's options. jboss-cli's own rules (order,
// duplicates, bare forms such as file=x) are checked by checkArgs first;
// pflag then reads the normalized arguments.
func flagSet() *pflag.FlagSet {
	fs := pflag.NewFlagSet("cli", pflag.ContinueOnError)
	fs.SortFlags = false
	fs.String("file", "", "run the script `file` (non-interactive)")
	fs.String("command", "", "run one `line` (not split on commas)")
	fs.String("commands", "", "run `lines` separated by top-level commas")
	fs.StringArray("properties", nil, "load CLI system properties from a .properties `file`")
	fs.StringArrayP("D", "D", nil, "set a CLI system property (`name=value`, or name for true)")
	fs.Bool("echo-command", false, "print each command with the prompt before running it")
	fs.Bool("resolve-parameter-values", false, "resolve ${...} in parameter values on the client")
	fs.Bool("output-json", false, "print responses as JSON instead of DMR text")
	fs.Bool("error-on-interact", false, "fail instead of prompting (non-interactive only)")
	fs.Bool("no-color-output", false, "no ANSI colours (never used outside a terminal)")
	fs.Bool("no-output-paging", false, "no pager (interactive only)")
	fs.Bool("no-local-auth", false, "disable local authentication")
	fs.Bool("no-operation-validation", false, "skip client-side parameter name checks")
	fs.Int("timeout", 0, "connection timeout in `ms` (default 5000)")
	fs.Int("command-timeout", 0, "per-command timeout in `seconds` (0: none)")
	fs.BoolP("connect", "c", false, "connect to the controller at start-up")
	fs.String("controller", "", "default controller `[protocol://][host][:port]`")
	fs.StringP("user", "u", "", "user `name`")
	fs.StringP("password", "p", "", "`password`")
	fs.String("bind", "", "local bind `address` of the client socket")
	fs.Bool("version", false, "print the version and exit")
	fs.BoolP("help", "h", false, "print this help and exit")
	return fs
}

// valueFlags are the options that take a value after '='.
var valueFlags = []string{"file", "command", "commands", "properties", "timeout",
	"command-timeout", "controller", "user", "password", "bind"}

// boolFlags are the options that take no value.
var boolFlags = []string{"echo-command", "resolve-parameter-values", "output-json",
	"error-on-interact", "no-color-output", "no-output-paging", "no-local-auth",
	"no-operation-validation", "connect", "version", "help", "gui"}

// argChecker applies jboss-cli's launcher rules to the arguments in order.
type argChecker struct {
	out      []string // normalized arguments for pflag
	bare     []string // bare (command) arguments
	file     bool
	commands bool
	timeout  bool
	cmds     []string // the commands given so far, for the duplicate message
}

// checkArgs applies jboss-cli's launcher rules in argument order and stops
// at the first error, with jboss-cli's message. It returns the arguments in
// the --name=value form pflag reads and the bare arguments (commands).
func checkArgs(args []string) (normalized []string, bare []string, err error) {
	c := &argChecker{}
	for _, arg := range args {
		if err := c.check(arg); err != nil {
			return nil, nil, err
		}
	}
	return c.out, c.bare, nil
}

func (c *argChecker) check(arg string) error {
	for _, bareName := range []string{"controller", "file", "commands", "command"} {
		if strings.HasPrefix(arg, bareName+"=") {
			arg = "--" + arg
		}
	}
	switch {
	case arg == "-D" || strings.HasPrefix(arg, "-D="):
		// jboss-cli fails here too (a system property needs a name); the
		// usual cause is a space after -D.
		return fmt.Errorf("'%s' names no system property: write -Dname=value as one "+
			"argument, without a space after -D.", arg)
	case arg == "-c" || arg == "-h" || strings.HasPrefix(arg, "-D"):
		c.out = append(c.out, arg)
	case strings.HasPrefix(arg, "--file="):
		return c.checkFile(arg)
	case strings.HasPrefix(arg, "--commands=") || strings.HasPrefix(arg, "--command="):
		return c.checkCommands(arg)
	case strings.HasPrefix(arg, "--timeout"):
		return c.checkTimeout(arg)
	case strings.HasPrefix(arg, "-u") && !strings.HasPrefix(arg, "-u="),
		strings.HasPrefix(arg, "-p") && !strings.HasPrefix(arg, "-p="):
		return fmt.Errorf("'=' is missing after %s", arg[:2])
	case strings.HasPrefix(arg, "-u=") || strings.HasPrefix(arg, "-p="):
		c.out = append(c.out, arg)
	case strings.HasPrefix(arg, "-XX"):
	case strings.HasPrefix(arg, "-"):
		return c.checkNamed(arg)
	default:
		return c.checkBare(arg)
	}
	return nil
}

func (c *argChecker) checkFile(arg string) error {
	if c.file {
		return fmt.Errorf("Duplicate argument '--file'.")
	}
	if c.commands {
		return fmt.Errorf("Only one of '--file', '--commands' or '--command' can appear " +
			"as the argument at a time.")
	}
	if arg == "--file=" {
		return fmt.Errorf("Argument '--file' is missing value.")
	}
	c.file = true
	c.out = append(c.out, arg)
	return nil
}

func (c *argChecker) checkCommands(arg string) error {
	if c.file {
		return fmt.Errorf("Only one of '--file', '--commands' or '--command' can appear " +
			"as the argument at a time.")
	}
	if c.commands {
		if strings.HasPrefix(arg, "--commands=") {
			return fmt.Errorf("Duplicate argument '--command'/'--commands'.")
		}
		return c.assumedCommands(arg)
	}
	c.commands = true
	if v, ok := strings.CutPrefix(arg, "--commands="); ok {
		c.cmds = request.SplitCommands(v)
	} else {
		c.cmds = []string{strings.TrimPrefix(arg, "--command=")}
	}
	c.out = append(c.out, arg)
	return nil
}

// assumedCommands is jboss-cli's error for a command argument (--command or
// a bare one) after the commands were given: it ends with the commands
// already given, as a Java list prints.
func (c *argChecker) assumedCommands(arg string) error {
	return fmt.Errorf("'%s' is assumed to be a command(s) but the commands to execute "+
		"have been specified by another argument: [%s]", arg, strings.Join(c.cmds, ", "))
}

func (c *argChecker) checkTimeout(arg string) error {
	if c.timeout {
		return fmt.Errorf("Duplicate argument '--timeout'")
	}
	value, ok := strings.CutPrefix(arg, "--timeout=")
	if !ok {
		return fmt.Errorf("'=' is missing after --timeout")
	}
	if n, err := strconv.Atoi(value); err != nil || n <= 0 {
		return fmt.Errorf("The timeout must be a valid positive integer: '%s'", value)
	}
	c.timeout = true
	c.out = append(c.out, arg)
	return nil
}

// checkNamed accepts a known --name or --name=value option.
func (c *argChecker) checkNamed(arg string) error {
	name, _, hasValue := strings.Cut(strings.TrimPrefix(arg, "--"), "=")
	if !strings.HasPrefix(arg, "--") {
		return fmt.Errorf("Unknown argument: %s", arg)
	}
	switch {
	case contains(boolFlags, name) && !hasValue:
	case contains(valueFlags, name) && hasValue:
	case name == "user" || name == "password":
		return fmt.Errorf("'=' is missing after --%s", name)
	default:
		return fmt.Errorf("Unknown argument: %s", arg)
	}
	if name != "gui" {
		c.out = append(c.out, arg)
	}
	return nil
}

func (c *argChecker) checkBare(arg string) error {
	if c.file {
		return fmt.Errorf("Only one of '--file', '--commands' or '--command' can appear "+
			"as the argument at a time: %s", arg)
	}
	if c.commands {
		return c.assumedCommands(arg)
	}
	c.commands = true
	c.cmds = request.SplitCommands(arg)
	c.bare = append(c.bare, arg)
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// parseArgs reads the command line into a config.
func parseArgs(args []string) (*config, error) {
	normalized, bare, err := checkArgs(args)
	if err != nil {
		return nil, err
	}
	fs := flagSet()
	fs.SetOutput(io.Discard)
	if err := fs.Parse(normalized); err != nil {
		return nil, err
	}
	cfg := &config{props: map[string]string{}}
	cfg.help, _ = fs.GetBool("help")
	cfg.version, _ = fs.GetBool("version")
	cfg.connect, _ = fs.GetBool("connect")
	cfg.echo, _ = fs.GetBool("echo-command")
	cfg.resolve, _ = fs.GetBool("resolve-parameter-values")
	cfg.json, _ = fs.GetBool("output-json")
	cfg.noColor, _ = fs.GetBool("no-color-output")
	cfg.errorOnInteract, _ = fs.GetBool("error-on-interact")
	cfg.commandTimeout, _ = fs.GetInt("command-timeout")
	cfg.controller, _ = fs.GetString("controller")
	cfg.user, _ = fs.GetString("user")
	cfg.password, _ = fs.GetString("password")
	cfg.noLocalAuth, _ = fs.GetBool("no-local-auth")
	cfg.timeout, _ = fs.GetInt("timeout")
	if err := cfg.readScriptArgs(fs, bare); err != nil {
		return nil, err
	}
	if err := cfg.readProperties(fs); err != nil {
		return nil, err
	}
	if cfg.errorOnInteract && cfg.file == "" && !cfg.hasCmds {
		return nil, fmt.Errorf("--error-on-interact function is only available in " +
			"non-interactive mode, using --file or --command(s).")
	}
	return cfg, nil
}

func (cfg *config) readScriptArgs(fs *pflag.FlagSet, bare []string) error {
	if fs.Changed("file") {
		f, _ := fs.GetString("file")
		f = expandHome(f)
		if _, err := os.Stat(f); err != nil {
			abs, _ := filepath.Abs(f)
			return fmt.Errorf("File %s doesn't exist.", abs)
		}
		cfg.file = f
	}
	switch {
	case fs.Changed("command"):
		v, _ := fs.GetString("command")
		cfg.commands, cfg.hasCmds, cfg.cmdsSource = []string{v}, true, "--command"
	case fs.Changed("commands"):
		v, _ := fs.GetString("commands")
		cfg.commands, cfg.hasCmds = request.SplitCommands(v), true
		cfg.cmdsSource = "--commands"
	case len(bare) > 0:
		cfg.commands, cfg.hasCmds = request.SplitCommands(bare[0]), true
		cfg.cmdsSource = "<arguments>"
	}
	return nil
}

// readProperties loads --properties files (a later file overrides an
// earlier one) and then -D, which wins over any file.
func (cfg *config) readProperties(fs *pflag.FlagSet) error {
	files, _ := fs.GetStringArray("properties")
	for _, f := range files {
		f = expandHome(f)
		src, err := os.ReadFile(f)
		if err != nil {
			abs, _ := filepath.Abs(f)
			return fmt.Errorf("File doesn't exist: %s", abs)
		}
		props, err := shell.ParseProperties(string(src))
		if err != nil {
			abs, _ := filepath.Abs(f)
			return fmt.Errorf("Failed to load properties from %s: %v", abs, err)
		}
		for _, p := range props {
			cfg.props[p.Key] = p.Value
		}
	}
	defs, _ := fs.GetStringArray("D")
	for _, d := range defs {
		k, v, ok := strings.Cut(d, "=")
		if !ok || k == "" {
			k, v = d, "true"
		}
		cfg.props[k] = v
	}
	return nil
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}
