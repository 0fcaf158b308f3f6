package request

import (
	"errors"
	"testing"

	"wfcli/grammar"
)

func testEnv(vars, props map[string]string) Env {
	return Env{
		Vars:  func(n string) (string, bool) { v, ok := vars[n]; return v, ok },
		Props: func(n string) (string, bool) { v, ok := props[n]; return v, ok },
	}
}

func TestSubstitute(t *testing.T) {
	env := testEnv(map[string]string{"v": "tcp", "myvar": "/subsystem=logging",
		"propName": "level", "x1": "X"}, nil)
	tests := []struct{ name, in, want string }{
		{"a variable in a parameter value", ":op(p=$v)", ":op(p=tcp)"},
		{"a variable inside a quoted parameter value stays", `:op(p="$v")`, `:op(p="$v")`},
		{"a variable glued to text", ":op(p=x$v)", ":op(p=xtcp)"},
		{"a variable holding an address", "$myvar:read-resource",
			"/subsystem=logging:read-resource"},
		{"parameter name and value", ":write-attribute($propName=$propName)",
			":write-attribute(level=level)"},
		{"a quoted command argument is substituted", `echo "$v"`, `echo "tcp"`},
		{"an escaped dollar stays with its backslash", `set v=\$opName`, `set v=\$opName`},
		{"an expression is left for Resolve", ":op(p=${v})", ":op(p=${v})"},
		{"a double dollar is left for Resolve", "$$${v}", "$$${v}"},
		{"a lone dollar is text", ":op(p=$)", ":op(p=$)"},
		{"digits end a name only after its start", "echo $x1 $1", "echo X $1"},
		{"a comment is unchanged", "# $unknown", "# $unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Substitute(tt.in, env)
			if err != nil {
				t.Fatalf("Substitute(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Substitute(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSubstituteUnknownVariable(t *testing.T) {
	env := testEnv(nil, nil)
	env.Line = 12
	_, err := Substitute(":op(p=a$b)", env)
	var e *grammar.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not a *grammar.Error", err)
	}
	want := grammar.Error{Line: 12, Col: 8, Msg: "Unrecognized variable b", Text: ":op(p=a$b)",
		Advice: `Set the variable first (set name=value), or write a literal '$' as \$.`}
	if *e != want {
		t.Errorf("error = %+v, want %+v", *e, want)
	}
}

func TestResolve(t *testing.T) {
	env := testEnv(nil, map[string]string{"test.p1": "test", "test.p2": "op-name",
		"test.op-name": "read", "empty": "", "type": "subsystem", "loop": "${loop}",
		"ref": "${test.p1}-x"})
	tests := []struct {
		name, in, want string
		strict         bool
	}{
		{"a plain key", "${test.p1}", "test", true},
		{"a default is used for an undefined key", "${nope:dflt}", "dflt", true},
		{"the first defined alternative wins", "${nope,test.p2:d}", "op-name", true},
		{"a nested key", "${${test.p1}.${test.p2}}", "read", true},
		{"a nested default", "${unknown:${test.op-name}}", "read", true},
		{"a double dollar is a dollar", "$$${test.p1}", "$test", true},
		{"an escaped dollar in a default", "${a:$$${test.p1}}", "$test", true},
		{"an empty property and text", "/prefix${empty}${type}=x", "/prefixsubsystem=x", true},
		{"a value holding an expression is resolved again", "${ref}", "test-x", true},
		{"separators", "a${/}b${:}c", "a/b:c", true},
		{"an empty default", "x${nope:}y", "xy", true},
		{"lenient keeps what it cannot resolve", "a${nope}b${test.p1}", "a${nope}btest", false},
		{"a colon first in the key is no separator", "${:x:d}", "d", true},
		{"text without expressions", "plain $ text", "plain $ text", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Resolve(tt.in, env, tt.strict)
			if err != nil {
				t.Fatalf("Resolve(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("Resolve(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestResolveErrors(t *testing.T) {
	env := testEnv(nil, map[string]string{"loop": "${loop}"})
	tests := []struct{ name, in, want string }{
		{"an undefined key in strict mode", "${undefined.prop.x}",
			"Unrecognized system property undefined.prop.x"},
		{"an unclosed expression", "${a", "Closing '}' is missing."},
		{"a value that refers to itself", "${loop}",
			"Property resolution is too deep in '${loop}'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Resolve(tt.in, env, true)
			if err == nil || err.Error() != tt.want {
				t.Errorf("Resolve(%q) error = %v, want %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestResolveEnvironmentWithoutProps(t *testing.T) {
	t.Setenv("WFCLI_REQUEST_TEST", "from-env")
	got, err := Resolve("${env.WFCLI_REQUEST_TEST}", Env{}, true)
	if err != nil || got != "from-env" {
		t.Errorf("Resolve = %q, %v; want from-env", got, err)
	}
}

func TestSplitCommands(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"three commands", "one,two,three", []string{"one", "two", "three"}},
		{"parentheses group", "(one,two),three", []string{"(one,two)", "three"}},
		{"braces group", "{one,two},three", []string{"{one,two}", "three"}},
		{"brackets group", "[one,two],three", []string{"[one,two]", "three"}},
		{"quotes group", `"one,two",three`, []string{`"one,two"`, "three"}},
		{"an escaped comma keeps its backslash", `one\,two,three`, []string{`one\,two`, "three"}},
		{"an operation with parameters", ":read-resource(recursive=false,include-defaults=true)",
			[]string{":read-resource(recursive=false,include-defaults=true)"}},
		{"a list value", "/a=b:write-attribute(name=h, value=[A,B]),:x",
			[]string{"/a=b:write-attribute(name=h, value=[A,B])", ":x"}},
		{"nothing", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitCommands(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("SplitCommands(%q) = %q, want %q", tt.in, got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("SplitCommands(%q) = %q, want %q", tt.in, got, tt.want)
				}
			}
		})
	}
}
