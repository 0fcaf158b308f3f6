// Package request turns the syntax trees of package grammar into what the
// CLI sends and decides: DMR operation requests built exactly as jboss-cli
// builds them (address resolved against the current node, parameter values
// typed in two stages, headers), $name variable substitution, client-side
// ${...} resolution, if-condition evaluation and --commands splitting.
//
// It never runs anything: executing requests, keeping variables and the
// current node, and printing are the shell's job. All functions are pure
// given their Env and safe for concurrent use.
package request

import (
	"os"
	"strings"

	"wfcli/grammar"
	"wfcli/ops"
)

// Env is what a conversion needs to know of the CLI session.
type Env struct {
	// Vars looks up a CLI variable (set x=...). Nil means there are none.
	Vars func(name string) (string, bool)
	// Props looks up a CLI system property (-D, --properties). When Props is
	// nil, env.X is looked up in the process environment and nothing else is
	// defined; a non-nil Props is expected to answer env.X itself.
	Props func(name string) (string, bool)
	// Node is the current node (cd); NodeType is set when the cd path ends
	// on a type (cd subsystem), Node then being the node above that type.
	Node     ops.Address
	NodeType string
	// ResolveParams is --resolve-parameter-values: ${...} in parameter
	// values is resolved on the client (leniently) before typing.
	ResolveParams bool
	// Line is the line number used in the positions of errors; 0 when
	// unknown.
	Line int
}

func (e Env) variable(name string) (string, bool) {
	if e.Vars == nil {
		return "", false
	}
	return e.Vars(name)
}

func (e Env) property(name string) (string, bool) {
	if e.Props != nil {
		return e.Props(name)
	}
	if v, ok := strings.CutPrefix(name, "env."); ok {
		return os.LookupEnv(v)
	}
	return "", false
}

// Substitute replaces $name by the value of CLI variable name everywhere in
// text, as jboss-cli does before parsing a line, except inside double quotes
// within parentheses (a quoted parameter value keeps "$name" literally). The
// references are those grammar.Refs finds: "\$" is left as it is (the escape
// is removed later, with the other escapes), "$$" and "${...}" are left for
// Resolve, and a '$' followed by anything else is text. An unknown variable
// is an error "Unrecognized variable <name>" (a *grammar.Error). A comment
// line is returned unchanged.
func Substitute(text string, env Env) (string, error) {
	if !strings.Contains(text, "$") {
		return text, nil
	}
	var b strings.Builder
	last := 0
	for _, r := range grammar.Refs(text, env.Line) {
		if r.Kind != grammar.VarRef || r.Quoted {
			continue
		}
		v, ok := env.variable(r.Name)
		if !ok {
			return "", grammar.Errorf(text, env.Line, r.Off, "Unrecognized variable %s", r.Name)
		}
		b.WriteString(text[last:r.Off])
		b.WriteString(v)
		last = r.Off + len(r.Text)
	}
	b.WriteString(text[last:])
	return b.String(), nil
}
