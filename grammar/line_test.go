package grammar

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// describe prints a parsed line in a compact, exact form for tests.
func describe(l *Line) string {
	var parts []string
	switch {
	case l.Comment:
		parts = append(parts, "comment")
	case l.Op != nil:
		parts = append(parts, describeOp(l.Op))
	case l.Cmd != nil:
		parts = append(parts, describeCmd(l.Cmd))
	default:
		parts = append(parts, "empty")
	}
	if r := l.Redirect; r != nil {
		parts = append(parts, fmt.Sprintf("redirect(%s,append=%v,pipe=%v)", r.Target, r.Append,
			r.Pipe))
	}
	if r := l.Pipe; r != nil {
		parts = append(parts, fmt.Sprintf("pipe(%s,%v)", r.Target, r.Pipe))
	}
	return strings.Join(parts, " ")
}

var kindNames = map[SegmentKind]string{NodeSegment: "node", TypeSegment: "word",
	OpenSegment: "open", ParentSegment: "..", SelfSegment: ".", TypeOfParent: ".type"}

func describeOp(op *Operation) string {
	var b strings.Builder
	if a := op.Address; a != nil {
		fmt.Fprintf(&b, "addr(abs=%v,trail=%v", a.Absolute, a.TrailingSlash)
		for _, s := range a.Segments {
			fmt.Fprintf(&b, " %s:%s=%s", kindNames[s.Kind], s.Type, s.Name)
		}
		b.WriteString(") ")
	}
	fmt.Fprintf(&b, "op(%s)", op.Name)
	if op.Ignored != "" {
		fmt.Fprintf(&b, " ignored(%s)", op.Ignored)
	}
	for _, p := range op.Params {
		fmt.Fprintf(&b, " param(%s=%s", p.Name, p.Value)
		if p.Bare {
			b.WriteString(",bare")
		}
		b.WriteString(")")
	}
	for _, h := range op.Headers {
		if h.Rollout != nil {
			b.WriteString(" " + describeRollout(h.Rollout))
			continue
		}
		fmt.Fprintf(&b, " header(%s=%s)", h.Name, h.Value)
	}
	return b.String()
}

func describeRollout(r *Rollout) string {
	var b strings.Builder
	b.WriteString("rollout(")
	for i, st := range r.Steps {
		if i > 0 {
			b.WriteString(",")
		}
		for j, g := range st.Groups {
			if j > 0 {
				b.WriteString("^")
			}
			b.WriteString(g.Name)
			for _, p := range g.Props {
				fmt.Fprintf(&b, "[%s=%s]", p.Name, p.Value)
			}
		}
	}
	fmt.Fprintf(&b, ";rag=%s)", r.RollbackAcrossGroups)
	return b.String()
}

func describeCmd(c *Command) string {
	var b strings.Builder
	fmt.Fprintf(&b, "cmd(%s)", c.Name)
	for _, a := range c.Args {
		if a.Name == "" {
			fmt.Fprintf(&b, " pos(%s)", a.Value)
		} else {
			fmt.Fprintf(&b, " arg(%s=%s)", a.Name, a.Value)
		}
	}
	fmt.Fprintf(&b, " rest(%s)", c.Rest)
	if c.Cond != nil {
		fmt.Fprintf(&b, " cond%s of(%s)", describeCond(c.Cond), c.Of)
	}
	if c.Var != "" {
		fmt.Fprintf(&b, " var(%s) in(%s)", c.Var, c.In)
	}
	return b.String()
}

func describeCond(c *Condition) string {
	if c.IsLogical() {
		return "(" + c.Op + " " + describeCond(c.Left) + " " + describeCond(c.Right) + ")"
	}
	return "(" + c.Path + " " + c.Op + " " + c.Value + ")"
}

func TestParseLine(t *testing.T) {
	tests := []struct {
		name, line, want string
	}{
		{"a comment", "  # set up the caches", "comment"},
		{"an empty line", "   ", "empty"},
		{"an operation at the root", ":read-resource", "op(read-resource)"},
		{"blanks around every separator",
			`   / subsystem  =  logging  :  read-resource  ` +
				`( recursive = true , another = "   " )   `,
			`addr(abs=true,trail=false node:subsystem=logging) op(read-resource) ` +
				`param(recursive=true) param(another="   ")`},
		{"a quoted node name with a colon and a slash",
			`/subsystem=datasources/data-source="java:/H2DS":read-resource`,
			"addr(abs=true,trail=false node:subsystem=datasources node:data-source=java:/H2DS) " +
				"op(read-resource)"},
		{"escaped colon and slash in a node name", `/subsystem=mail/mail-session=java\:\/:remove`,
			"addr(abs=true,trail=false node:subsystem=mail node:mail-session=java:/) op(remove)"},
		{"navigation segments", `../.type/b/./c=d/:op`,
			"addr(abs=false,trail=true ..:= .type:= word:b= .:= node:c=d) op(op)"},
		{"an expression with a colon in a node name", `/system-property=${a.b:dflt}:add(value=1)`,
			"addr(abs=true,trail=false node:system-property=${a.b:dflt}) op(add) param(value=1)"},
		{"bare and negated parameters",
			`:read-resource(prop1,prop2,prop3=toto,prop4,!prop5,prop6=true,!prop7)`,
			"op(read-resource) param(prop1=true,bare) param(prop2=true,bare) param(prop3=toto) " +
				"param(prop4=true,bare) param(prop5=false,bare) param(prop6=true) " +
				"param(prop7=false,bare)"},
		{"a negation followed by a blank", `:read-resource( ! prop1 , ! prop2 `,
			"op(read-resource) param(prop1=false,bare) param(prop2=false,bare)"},
		{"a raw value keeps quotes, escapes and inner blanks",
			`:write-attribute(name=filter-spec, value="substituteAll(\"JBAS\",\"DUMMY\")")`,
			`op(write-attribute) param(name=filter-spec) ` +
				`param(value="substituteAll(\"JBAS\",\"DUMMY\")")`},
		{"a value with brackets holding commas",
			`:composite(steps=[{"operation"=>"a","name"=>"t"},{"operation"=>"b"}])`,
			`op(composite) param(steps=[{"operation"=>"a","name"=>"t"},{"operation"=>"b"}])`},
		{"headers and a redirect",
			`:  read-resource (recursive=true) {header_name=header_value} > cli.log`,
			"op(read-resource) param(recursive=true) header(header_name=header_value) " +
				"redirect(cli.log,append=false,pipe=false)"},
		{"headers separated by a blank and a quoted value",
			`:write-attribute{${p} ${op}; foo="1 2 3"}`,
			"op(write-attribute) header(${p}=${op}) header(foo=1 2 3)"},
		{"a rollout plan",
			`/a=b:op(){rollout g1(rolling-to-servers=true),g2 ^ g3 rollback-across-groups}`,
			"addr(abs=true,trail=false node:a=b) op(op) " +
				"rollout(g1[rolling-to-servers=true],g2^g3;rag=true)"},
		{"an appending redirect", `:read-resource >> "out file.txt"`,
			`op(read-resource) redirect("out file.txt",append=true,pipe=false)`},
		{"text after the parameters is kept aside", `/a=b:op(x=1)junk`,
			"addr(abs=true,trail=false node:a=b) op(op) ignored(junk) param(x=1)"},
		{"an operation piped to grep", `:read-resource(recursive) | grep -i name`,
			"op(read-resource) param(recursive=true,bare) pipe(grep -i name,true)"},
		{"command arguments",
			`deploy ../x.sar --name=my.sar --disabled --runtime-name=myrt.sar --force`,
			"cmd(deploy) pos(../x.sar) arg(name=my.sar) arg(disabled=true) " +
				"arg(runtime-name=myrt.sar) arg(force=true) " +
				"rest(../x.sar --name=my.sar --disabled --runtime-name=myrt.sar --force)"},
		{"a flag followed by a positional and a redirect",
			`cmd --name=value value1 --name1 > output.target`,
			"cmd(cmd) arg(name=value) pos(value1) arg(name1=true) " +
				"rest(--name=value value1 --name1) " +
				"redirect(output.target,append=false,pipe=false)"},
		{"a command piped to grep", `ls -l | grep jgroups`,
			"cmd(ls) arg(l=true) rest(-l) pipe(grep jgroups,true)"},
		{"a command name is lower-cased", `Echo "Hello, World" [a b]`,
			`cmd(echo) pos("Hello, World") pos([a b]) rest("Hello, World" [a b])`},
		{"a property key in a command name keeps its case", `CO${Op}É x`,
			"cmd(co${Op}é) pos(x) rest(x)"},
		{"an argument value with blanks inside braces",
			`read-attribute process-type --headers={rollout main-server-group; foo="1 2 3"`,
			`cmd(read-attribute) pos(process-type) ` +
				`arg(headers={rollout main-server-group; foo="1 2 3") ` +
				`rest(process-type --headers={rollout main-server-group; foo="1 2 3")`},
		{"if with || and &&",
			`if (outcome != success || result.value == "a b" && result == 1) of /a=b:op`,
			`cmd(if) ` +
				`rest((outcome != success || result.value == "a b" && result == 1) of /a=b:op) ` +
				`cond(|| (outcome != success) (&& (result.value == "a b") (result == 1))) ` +
				`of(/a=b:op)`},
		{"if with an expression literal and an escaped parenthesis",
			`if (result == expression "${x}" || result ~= "a\)b") of :read-attribute(name=x)`,
			`cmd(if) rest((result == expression "${x}" || result ~= "a\)b") of ` +
				`:read-attribute(name=x)) ` +
				`cond(|| (result == expression "${x}") (result ~= "a\)b")) ` +
				`of(:read-attribute(name=x))`},
		{"an unquoted escaped parenthesis in a literal", `if (result~=a\)b) of :op`,
			`cmd(if) rest((result~=a\)b) of :op) cond(result ~= a)b) of(:op)`},
		{"for over child names", `for cache in :read-children-names(child-type=distributed-cache)`,
			"cmd(for) rest(cache in :read-children-names(child-type=distributed-cache)) " +
				"var(cache) in(:read-children-names(child-type=distributed-cache))"},
		{"done with discard", `done --discard`, "cmd(done) arg(discard=true) rest(--discard)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseLine(tt.line, 1)
			if err != nil {
				t.Fatalf("ParseLine(%q): %v", tt.line, err)
			}
			if diff := cmp.Diff(tt.want, describe(l)); diff != "" {
				t.Errorf("ParseLine(%q) (-want +got):\n%s", tt.line, diff)
			}
		})
	}
}

func TestParseLineRejects(t *testing.T) {
	tests := []struct{ name, line, msg string }{
		{"two negations", `:read-resource( !! prop1 )`,
			"'!' may appear only once before a parameter name"},
		{"an empty parameter name", `/a=b:op(=1)`, "'=1' is not a valid parameter name."},
		{"a negated parameter with a value", `/a=b:op(!x=1)`,
			"'!x' is not a valid parameter name."},
		{"a colon without a name", `./subsystem=logging:`,
			"The operation name is missing or the format of the operation request is wrong."},
		{"a colon and parameters without a name", `/a=b:(x=1)`,
			"The operation name is missing or the format of the operation request is wrong."},
		{"an equals sign without a type", `/=x:op`, "The node type is missing before '='."},
		{"a double slash", `/a=b//a=b:op`, "Can't reset to root in the middle of the path @5"},
		{"an unclosed quote", `./subsystem=logging:add(a="`, "The closing '\"' is missing."},
		{"an unclosed backquote", ":op(p=a`b)", "The closing ` is missing."},
		{"an unclosed bracket", `:op(p=[a,b)`, "The closing ']' is missing."},
		{"a stray parenthesis after the request", `/a=b:op(x=1))`,
			"unexpected ')' after the operation request"},
		{"a redirect without a target", `:read-resource >`,
			"the output target is missing after '>'"},
		{"a pipe without a command", `:read-resource |`, "the command is missing after '|'"},
		{"for without in", `for x :op`,
			"'in' is expected after the variable: 'for <variable> in <request>'."},
		{"if with an incomplete comparison", `if (outcome ==) of :op`,
			`unexpected token ")" (expected <operand>)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLine(tt.line, 1)
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("ParseLine(%q) = %v, want an *Error", tt.line, err)
			}
			if e.Msg != tt.msg {
				t.Errorf("ParseLine(%q) message %q, want %q", tt.line, e.Msg, tt.msg)
			}
		})
	}
}

func TestPositions(t *testing.T) {
	l, err := ParseLine(`  /a=b/c="d e":op(x= 1, !y){h=v} > f`, 4)
	if err != nil {
		t.Fatal(err)
	}
	op := l.Op
	got := []Pos{op.Pos, op.Address.Segments[0].Pos, op.Address.Segments[1].NamePos,
		op.NamePos, op.Params[0].Pos, op.Params[0].ValuePos, op.Params[1].Pos,
		op.Headers[0].Pos, op.Headers[0].ValuePos, l.Redirect.Pos}
	want := []Pos{{4, 3, 2}, {4, 4, 3}, {4, 10, 9}, {4, 16, 15}, {4, 19, 18}, {4, 22, 21},
		{4, 25, 24}, {4, 29, 28}, {4, 31, 30}, {4, 34, 33}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("positions (-want +got):\n%s", diff)
	}
	if op.Text != `/a=b/c="d e":op(x= 1, !y){h=v}` {
		t.Errorf("Text = %q", op.Text)
	}
}

func TestParsePath(t *testing.T) {
	tests := []struct{ path, want string }{
		{"subsystem", "addr(abs=false,trail=false word:subsystem=) op()"},
		{"/", "addr(abs=true,trail=false) op()"},
		{"", "addr(abs=false,trail=false) op()"},
		{"b/.type/c", "addr(abs=false,trail=false word:b= .type:= word:c=) op()"},
	}
	for _, tt := range tests {
		a, err := ParsePath(tt.path, 1)
		if err != nil {
			t.Fatalf("ParsePath(%q): %v", tt.path, err)
		}
		if got := describeOp(&Operation{Address: a}); got != tt.want {
			t.Errorf("ParsePath(%q) = %s, want %s", tt.path, got, tt.want)
		}
	}
	if _, err := ParsePath("/a=b:op", 1); err == nil {
		t.Error("ParsePath accepted an operation")
	}
}

func TestParseOperationAt(t *testing.T) {
	text := "if (outcome != success) of /a=b:op(x=1"
	l, err := ParseLine(text, 2)
	if err != nil {
		t.Fatal(err)
	}
	op, _, err := ParseOperationAt(text, 2, l.Cmd.OfPos.Off)
	if err != nil {
		t.Fatal(err)
	}
	if op.Pos != (Pos{2, 28, 27}) || op.Params[0].ValuePos != (Pos{2, 38, 37}) {
		t.Errorf("positions %v %v, want 2:28 and 2:38", op.Pos, op.Params[0].ValuePos)
	}
	_, _, err = ParseOperationAt("if (a == b) of /a=b//c=d:op", 2, 15)
	if e, ok := err.(*Error); !ok || e.Col != 21 {
		t.Errorf("error %v, want one at column 21", err)
	}
}
