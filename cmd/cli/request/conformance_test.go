package request

import (
	"bufio"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"wfcli/grammar"
	"wfcli/internal/corpus"
	"wfcli/ops/dmr"
)

// row is one conformance row: input line and expected form.
type row struct {
	num             int
	input, expected string
}

var tsvUnescaper = strings.NewReplacer(`\\`, `\`, `\n`, "\n", `\t`, "\t", `\r`, "\r")

var varLine = regexp.MustCompile(`^#\s+([A-Za-z_][A-Za-z0-9_]*)=(.*)$`)

// readTSV reads a conformance file: its rows and the CLI variables its
// header declares.
func readTSV(t *testing.T, path string) ([]row, map[string]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []row
	vars := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if m := varLine.FindStringSubmatch(line); m != nil {
			vars[m[1]] = m[2]
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		in, exp, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("%s:%d: no tab", path, n)
		}
		rows = append(rows, row{n, tsvUnescaper.Replace(in), tsvUnescaper.Replace(exp)})
	}
	return rows, vars
}

func TestConformance(t *testing.T) {
	dir := corpus.Dir(t, "conformance")
	for _, name := range []string{"echo-dmr.tsv", "echo-dmr-vars.tsv"} {
		rows, vars := readTSV(t, filepath.Join(dir, name))
		env := Env{
			Vars:  func(n string) (string, bool) { v, ok := vars[n]; return v, ok },
			Props: func(string) (string, bool) { return "", false },
		}
		for _, r := range rows {
			t.Run(name+":"+r.input, func(t *testing.T) {
				checkRow(t, r, env)
			})
		}
	}
}

func checkRow(t *testing.T, r row, env Env) {
	got, err := build(r.input, env)
	if msg, ok := strings.CutPrefix(r.expected, "ERROR: "); ok {
		if err == nil {
			t.Errorf("line %d: %q was accepted (%s); jboss-cli says %q", r.num, r.input, got, msg)
		}
		return
	}
	if err != nil {
		t.Fatalf("line %d: %q: %v", r.num, r.input, err)
	}
	switch {
	case strings.HasPrefix(r.expected, "IF "):
		gCond, gOp, _ := strings.Cut(got, " OF ")
		wCond, wOp, _ := strings.Cut(r.expected, " OF ")
		if gCond != wCond {
			t.Errorf("line %d: condition\n got %s\nwant %s", r.num, gCond, wCond)
		}
		compareOp(t, r.num, gOp, wOp)
	case strings.HasPrefix(r.expected, "CMD "):
		compareCmd(t, r, got)
	default:
		compareOp(t, r.num, got, r.expected)
	}
}

// build turns one input line into the expected form of the conformance
// files.
func build(input string, env Env) (string, error) {
	sub, err := Substitute(input, env)
	if err != nil {
		return "", err
	}
	l, err := grammar.ParseLine(sub, 1)
	if err != nil {
		return "", err
	}
	if l.Op != nil {
		return formatOp(l.Op, l.Redirect, env)
	}
	c := l.Cmd
	if c.Name == "if" {
		op, red, err := grammar.ParseOperation(c.Of, 1)
		if err != nil {
			return "", err
		}
		s, err := formatOp(op, red, env)
		return "IF " + formatCond(c.Cond) + " OF " + s, err
	}
	args := dmr.NewObject()
	var pos []dmr.Value
	for _, a := range c.Args {
		if a.Name == "" {
			pos = append(pos, dmr.NewString(a.Value))
			continue
		}
		args.Set("--"+a.Name, dmr.NewString(a.Value))
	}
	if len(pos) > 0 {
		args.Set("", dmr.NewList(pos...))
	}
	return "CMD " + c.Name + "|" + args.CompactString(), nil
}

func formatOp(op *grammar.Operation, red *grammar.Redirect, env Env) (string, error) {
	req, err := Operation(op, env)
	if err != nil {
		return "", err
	}
	addr, _ := req.Get("address")
	name, _ := req.Get("operation")
	params := dmr.NewObject()
	for _, k := range req.Keys() {
		if k != "address" && k != "operation" && k != "operation-headers" {
			v, _ := req.Get(k)
			params.Set(k, v)
		}
	}
	headers, ok := req.Get("operation-headers")
	if !ok {
		headers = dmr.NewObject()
	}
	target := ""
	if red != nil {
		target = red.Target
	}
	return strings.Join([]string{addr.CompactString(), name.AsString(),
		params.CompactString(), headers.CompactString(), target}, "|"), nil
}

func formatCond(c *grammar.Condition) string {
	if c.IsLogical() {
		return "(" + c.Op + " " + formatCond(c.Left) + " " + formatCond(c.Right) + ")"
	}
	return "(" + c.Op + " path:" + c.Path + " value:" + compactNoSpace(literal(c.Value)) + ")"
}

// compactNoSpace prints a value as the conformance files do: compact DMR
// without blanks around "=>".
func compactNoSpace(v dmr.Value) string {
	return strings.ReplaceAll(v.CompactString(), " => ", "=>")
}

func compareCmd(t *testing.T, r row, got string) {
	t.Helper()
	gName, gArgs, _ := strings.Cut(got, "|")
	wName, wArgs, _ := strings.Cut(r.expected, "|")
	if gName != wName {
		t.Errorf("line %d: command %q, want %q", r.num, gName, wName)
	}
	compareMap(t, r.num, "arguments", gArgs, wArgs)
}

func compareOp(t *testing.T, num int, got, want string) {
	t.Helper()
	g, w := strings.Split(got, "|"), strings.Split(want, "|")
	if len(g) != 5 || len(w) != 5 {
		t.Fatalf("line %d: malformed forms\n got %s\nwant %s", num, got, want)
	}
	wAddr, err := dmr.Parse(w[0])
	if err != nil {
		t.Fatalf("line %d: expected address %q: %v", num, w[0], err)
	}
	gAddr, _ := dmr.Parse(g[0])
	if !gAddr.Equal(wAddr) {
		t.Errorf("line %d: address %s, want %s", num, g[0], w[0])
	}
	if g[1] != w[1] {
		t.Errorf("line %d: operation %q, want %q", num, g[1], w[1])
	}
	compareMap(t, num, "parameters", g[2], w[2])
	compareMap(t, num, "headers", g[3], w[3])
	if g[4] != w[4] {
		t.Errorf("line %d: target %q, want %q", num, g[4], w[4])
	}
}

// compareMap compares two OBJECTs in DMR text key by key, ignoring order.
func compareMap(t *testing.T, num int, what, got, want string) {
	t.Helper()
	w, err := dmr.Parse(want)
	if err != nil {
		t.Fatalf("line %d: expected %s %q: %v", num, what, want, err)
	}
	g, err := dmr.Parse(got)
	if err != nil {
		t.Fatalf("line %d: our %s %q do not parse: %v", num, what, got, err)
	}
	same := g.Len() == w.Len()
	for _, k := range w.Keys() {
		wv, _ := w.Get(k)
		gv, ok := g.Get(k)
		same = same && ok && gv.Equal(wv)
	}
	if !same {
		t.Errorf("line %d: %s\n got %s\nwant %s", num, what, got, want)
	}
}
