package shell

import (
	"fmt"
	"sort"
	"strings"

	"wfcli/cmd/cli/request"
	"wfcli/grammar"
)

// cmdSet sets variables (name=value ...), or lists them sorted.
func cmdSet(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if len(a.named) > 0 {
		return a.only()
	}
	if len(a.pos) == 0 {
		names := make([]string, 0, len(s.vars))
		for n, v := range s.vars {
			names = append(names, n+"="+v)
		}
		sort.Strings(names)
		for _, p := range names {
			s.println(p)
		}
		return nil
	}
	for _, arg := range a.pos {
		if err := s.setVariable(l, arg); err != nil {
			return err
		}
	}
	return nil
}

// setVariable handles one name=value of set. The value is resolved
// leniently (an unresolvable ${...} stays as it is); `cmd` is replaced by
// the result of running cmd.
func (s *Shell) setVariable(l Line, arg string) error {
	arg, _ = request.Resolve(arg, s.env(l.Num), false)
	if rest, ok := strings.CutPrefix(arg, "$"); ok {
		if rest == "" {
			return fmt.Errorf("Variable name is missing after '$'")
		}
		arg = rest
	}
	eq := strings.IndexByte(arg, '=')
	if eq < 1 {
		return fmt.Errorf("'=' is missing for variable '%s'", arg)
	}
	name, value := arg[:eq], arg[eq+1:]
	if value == "" {
		delete(s.vars, name)
		return nil
	}
	if len(value) > 2 && value[0] == '`' && value[len(value)-1] == '`' {
		v, err := s.result(l, value[1:len(value)-1])
		if err != nil {
			return err
		}
		value = v
	}
	s.vars[name] = value
	return nil
}

// result runs an operation and returns its result as a string, for `cmd`.
func (s *Shell) result(l Line, text string) (string, error) {
	op, err := s.buildRequest(l, strings.TrimSpace(text))
	if err != nil {
		return "", err
	}
	resp, err := s.execute(l, op)
	if err != nil {
		return "", err
	}
	if !isSuccess(resp) {
		return "", fmt.Errorf("Failed to substitute %s: %s", text, failureDescription(resp))
	}
	r, _ := resp.Get("result")
	return r.AsString(), nil
}

func cmdUnset(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only(); err != nil {
		return err
	}
	for _, n := range a.pos {
		delete(s.vars, n)
	}
	return nil
}
