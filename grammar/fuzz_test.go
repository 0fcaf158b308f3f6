package grammar

import (
	"errors"
	"testing"
)

// FuzzParseLine checks that no input makes ParseLine panic, and that every
// failure is an *Error whose column lies within the line (or just after it).
func FuzzParseLine(f *testing.F) {
	for _, s := range []string{
		`/subsystem=logging/logger="org.jboss.as":add(level=DEBUG, handlers=["A","B"])`,
		`:read-resource(recursive,!include-defaults){rollout a(x=1),b^c rollback-across-groups}`,
		`/a=b:op(p={a=[1,2],b=bytes{1,0x2}}) >> "x y"`,
		`if (outcome != success && (result == "x" || result ~= a\)b)) of /a=b:op`,
		`for v in :read-children-names(child-type=x)`,
		`embed-server --server-config=$cfg --std-out=discard`,
		`../.type/x=${a:${b}}/:op(${p}=${q})`, `# comment`, `echo "a`, `:op(p=${`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseLine(s, 1)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseLine(%q) error %v is not an *Error", s, err)
			}
			if e.Col < 1 || e.Col > len([]rune(s))+1 {
				t.Fatalf("ParseLine(%q) error column %d out of range", s, e.Col)
			}
			return
		}
		if l.Cmd != nil && l.Cmd.Of != "" {
			ParseOperation(l.Cmd.Of, 1)
		}
	})
}
