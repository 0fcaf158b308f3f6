package request

import (
	"wfcli/grammar"
)

// Command returns a copy of c with ${...} resolved strictly in the command
// name and in argument names, as jboss-cli resolves them; argument values
// and positional arguments stay as written (the handlers decide), and so do
// Rest, Of and In. text is the line c was parsed from, for error positions.
// The copy shares c's condition.
func Command(c *grammar.Command, text string, env Env) (*grammar.Command, error) {
	out := *c
	name, err := Resolve(c.Name, env, true)
	if err != nil {
		return nil, grammar.Errorf(text, c.Line, c.Off, "%s", err.Error())
	}
	out.Name = name
	out.Args = make([]*grammar.Arg, len(c.Args))
	for i, a := range c.Args {
		arg := *a
		if a.Name != "" {
			if arg.Name, err = Resolve(a.Name, env, true); err != nil {
				return nil, grammar.Errorf(text, a.Line, a.Off, "%s", err.Error())
			}
		}
		out.Args[i] = &arg
	}
	return &out, nil
}
