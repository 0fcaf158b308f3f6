package request

import (
	"testing"

	"wfcli/grammar"
)

// FuzzRequest checks that no line makes substitution, parsing, request
// building or value typing panic.
func FuzzRequest(f *testing.F) {
	for _, s := range []string{
		`/subsystem=elytron/key-store=ks:add(path=$f,credential-reference={clear-text=$p})`,
		`:op(p={a=bytes{31,0x32,-99}, b=[x=y,{c=d}], e=>"f g"},q=a\,b)`,
		`../.type/x=${a:${b}}/:op(${p}=${q}){rollout a(x=1),b^c rollback-across-groups}`,
		`if (result == [expression "${x}"] && outcome ~= "s.*") of :op`,
		`:op(p=\)`, `:op(p=>{password=1234test,url=/x.jks})`,
	} {
		f.Add(s)
	}
	env := testEnv(map[string]string{"f": "/x", "p": "{a=b"}, map[string]string{"a": "${a}"})
	f.Fuzz(func(t *testing.T, s string) {
		sub, err := Substitute(s, env)
		if err != nil {
			return
		}
		l, err := grammar.ParseLine(sub, 1)
		if err != nil {
			return
		}
		if l.Op != nil {
			Operation(l.Op, env)
		}
		if l.Cmd != nil {
			for _, a := range l.Cmd.Args {
				Value(a.Value, env)
			}
			if l.Cmd.Cond != nil {
				EvalCondition(l.Cmd.Cond, mustParse(t, `{"outcome"=>"success"}`))
			}
		}
	})
}
