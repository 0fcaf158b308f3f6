package console

import (
	"os"
	"path/filepath"
	"strings"

	"wfcli/cmd/cli/shell"
	"wfcli/ops"
)

// commandOptions are the options each command takes, as jboss-cli names
// them. data-source and xa-data-source add the parameters of the
// resource's add operation, read from the model.
var commandOptions = map[string][]string{
	"cd": {"--no-validation"},
	"cn": {"--no-validation"},
	"ls": {"-l", "--resolve-expressions", "--access-type", "--default", "--description",
		"--expressions-allowed", "--nillable", "--required", "--restart-required",
		"--storage"},
	"read-attribute":  {"--node", "--include-defaults", "--resolve-expressions"},
	"read-operation":  {"--node"},
	"echo-dmr":        {"--compact"},
	"batch":           {"-l"},
	"run-batch":       {"--file", "--verbose", "--headers"},
	"history":         {"--clear", "--disable", "--enable"},
	"help":            {"--commands"},
	"connect":         {"--bind"},
	"command-timeout": {},
	"embed-server": {"--server-config", "--std-out", "--admin-only", "--empty-config",
		"--remove-existing", "--jboss-home", "--timeout"},
	"reload": {"--start-mode", "--use-current-server-config", "--server-config",
		"--admin-only", "--timeout"},
	"shutdown":       {"--restart", "--suspend-timeout"},
	"data-source":    {"--name"},
	"xa-data-source": {"--name"},
}

// optionValues are the values of options that take one of a few.
var optionValues = map[string][]string{
	"--std-out":                   {"discard", "echo"},
	"--start-mode":                {"admin-only", "normal", "suspend"},
	"--admin-only":                {"false", "true"},
	"--include-defaults":          {"false", "true"},
	"--empty-config":              {"false", "true"},
	"--remove-existing":           {"false", "true"},
	"--use-current-server-config": {"false", "true"},
	"--restart":                   {"false", "true"},
	"--resolve-expressions":       {"false", "true"},
}

// fileOptions take a file name.
var fileOptions = map[string]bool{
	"--file": true, "--server-config": true, "--jboss-home": true, "--properties": true,
}

// positional completes the arguments of the commands that take a node
// path, an attribute, an operation, a command or an action.
var positional = map[string]func(c *Completer, word string, wstart int) ([]string, int){
	"cd": pathArg, "cn": pathArg, "ls": pathArg,
	"read-attribute": func(c *Completer, word string, wstart int) ([]string, int) {
		addr, _ := c.s.Node()
		return filter(c.attributes(addr).Keys(), word), wstart
	},
	"read-operation": func(c *Completer, word string, wstart int) ([]string, int) {
		addr, _ := c.s.Node()
		return filter(c.operationNames(addr), word), wstart
	},
	"help": func(c *Completer, word string, wstart int) ([]string, int) {
		return filter(commandWords(), word), wstart
	},
	"command-timeout": func(c *Completer, word string, wstart int) ([]string, int) {
		return filter([]string{"get", "reset", "set"}, word), wstart
	},
}

// pathArg completes the node path of cd, cn and ls; Completer.command adds
// the command's options when the word is empty (see pathCommands).
func pathArg(c *Completer, word string, wstart int) ([]string, int) {
	return c.address(word, wstart, false)
}

// pathCommands are the commands whose one positional argument is a node
// path.
var pathCommands = map[string]bool{"cd": true, "cn": true, "ls": true}

// hasPositional reports whether the arguments typed after the command name
// (typed is the line up to the word being completed) hold a word that is
// not an option.
func hasPositional(typed string) bool {
	fields := strings.Fields(typed)
	for _, f := range fields[min(1, len(fields)):] {
		if !strings.HasPrefix(f, "-") {
			return true
		}
	}
	return false
}

// commandWords returns the names of the commands the shell runs.
func commandWords() []string { return shell.CommandNames() }

// command completes the arguments of command name; text is the line.
func (c *Completer) command(name, text string) ([]string, int) {
	if at, ok := embeddedOperation(name, text); ok {
		cands, start := c.operation(text[at:])
		return cands, at + start
	}
	wstart := lastSpace(text) + 1
	word := text[wstart:]
	if strings.HasPrefix(word, "-") {
		if eq := strings.IndexByte(word, '='); eq >= 0 {
			cands, start := c.optionValue(name, word[:eq], word[eq+1:])
			return cands, wstart + eq + 1 + start
		}
		return filter(c.options(name, text[:wstart]), word), wstart
	}
	if pathCommands[name] && word == "" {
		// After a whole path, only options may follow; before it, a path
		// or an option.
		opts := filter(c.options(name, text[:wstart]), word)
		if hasPositional(text[:wstart]) {
			return opts, wstart
		}
		paths, start := pathArg(c, word, wstart)
		return filter(append(paths, opts...), word), start
	}
	if f, ok := positional[name]; ok {
		return f(c, word, wstart)
	}
	if word == "" {
		return filter(c.options(name, text), word), wstart
	}
	return nil, len(text)
}

// embeddedOperation returns where the operation of an if, for or
// echo-dmr line starts (after "of", "in", or echo-dmr's options), once
// the user has begun typing it.
func embeddedOperation(name, text string) (int, bool) {
	sep := map[string]string{"if": " of ", "for": " in "}[name]
	if sep != "" {
		i := strings.LastIndex(text, sep)
		return i + len(sep), i >= 0
	}
	if name != "echo-dmr" {
		return 0, false
	}
	i := len(name)
	for {
		i = skipSpaces(text, i)
		if i >= len(text) || text[i] != '-' {
			break
		}
		for i < len(text) && text[i] != ' ' && text[i] != '\t' {
			i++
		}
	}
	return i, i < len(text) && isOperation(text[i:i+1])
}

// lastSpace returns the index of the last space or tab outside quotes and
// brackets, or -1.
func lastSpace(text string) int {
	return max(lastTopLevel(text, ' '), lastTopLevel(text, '\t'))
}

// options returns the options of command name not given yet in typed.
func (c *Completer) options(name, typed string) []string {
	opts := append([]string(nil), commandOptions[name]...)
	if base, ok := dataSourceBase(name); ok {
		for _, k := range c.requestProperties(base, "add").Keys() {
			opts = append(opts, "--"+k)
		}
	}
	var out []string
	for _, o := range opts {
		if !strings.Contains(typed, " "+o+"=") && !strings.Contains(typed, " "+o+" ") {
			out = append(out, o)
		}
	}
	return out
}

// dataSourceBase returns the address of any resource of the type a
// data-source command manages.
func dataSourceBase(name string) (ops.Address, bool) {
	typ := map[string]string{"data-source": "data-source", "xa-data-source": "xa-data-source"}
	t, ok := typ[name]
	if !ok {
		return nil, false
	}
	return ops.Address{}.Child("subsystem", "datasources").Child(t, "*"), true
}

// optionValue completes the value of option opt of command name.
func (c *Completer) optionValue(name, opt, value string) ([]string, int) {
	switch {
	case opt == "--node":
		return c.address(value, 0, false)
	case fileOptions[opt]:
		return files(c.s.Dir(), value), 0
	case opt == "--headers":
		return c.headers(value)
	case opt == "--name":
		if base, ok := dataSourceBase(name); ok {
			return filter(c.childNames(base.Parent(), base.Last().Type), value), 0
		}
	}
	if vals, ok := optionValues[opt]; ok {
		return filter(vals, value), 0
	}
	if base, ok := dataSourceBase(name); ok {
		attr := strings.TrimLeft(opt, "-")
		desc, _ := c.requestProperties(base, "add").Get(attr)
		return filter(orReferences(knownValues(desc), c, base, attr), value), 0
	}
	return nil, len(value)
}

// files completes a file name (relative to cwd): the entries of its directory that begin
// with its last element, directories with a trailing '/'.
func files(cwd, word string) []string {
	dir, base := filepath.Split(word)
	read := dir
	switch {
	case strings.HasPrefix(read, "~/"):
		if home, err := os.UserHomeDir(); err == nil {
			read = filepath.Join(home, read[2:])
		}
	case !filepath.IsAbs(read):
		read = filepath.Join(cwd, read)
	}
	entries, err := os.ReadDir(read)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), base) {
			continue
		}
		name := dir + e.Name()
		if e.IsDir() {
			name += "/"
		}
		out = append(out, name)
	}
	return filter(out, word)
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}
