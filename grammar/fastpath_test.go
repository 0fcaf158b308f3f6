package grammar

import (
	"strings"
	"testing"

	"github.com/alecthomas/participle/v2"
	"github.com/google/go-cmp/cmp"

	shared "wfcli/internal/corpus"
)

// grammarCase scans text for one of the grammars and runs both the fast
// walk and the participle parser over the tokens.
type grammarCase struct {
	name string
	scan func(s *scanner) error
	fast func(w *tokWalk) (any, bool)
	slow func(s *scanner) (any, error)
}

func slowParse[T any](p *participle.Parser[T], s *scanner) (any, error) {
	lex, err := s.lexer()
	if err != nil {
		return nil, err
	}
	return p.ParseFromLexer(lex)
}

var grammarCases = []grammarCase{
	{"operation request", func(s *scanner) error { return s.scanOperation() },
		func(w *tokWalk) (any, bool) { return w.fastOp() },
		func(s *scanner) (any, error) { return slowParse(opParser(), s) }},
	{"command", func(s *scanner) error { _, err := s.scanCommand(); return err },
		func(w *tokWalk) (any, bool) { return w.fastCmd() },
		func(s *scanner) (any, error) { return slowParse(cmdParser(), s) }},
	{"node path", func(s *scanner) error { return s.scanAddress() },
		func(w *tokWalk) (any, bool) { return w.fastPath() },
		func(s *scanner) (any, error) { return slowParse(pathParser(), s) }},
	{"headers", func(s *scanner) error {
		if s.peek() != '{' {
			return Errorf(s.src, 1, s.off, "no headers")
		}
		s.emit(tLBrace, "{", s.off)
		s.off++
		return s.scanHeaders()
	},
		func(w *tokWalk) (any, bool) { return w.fastHeaders() },
		func(s *scanner) (any, error) { return slowParse(headersParser(), s) }},
	{"condition", func(s *scanner) error { return s.scanCond() },
		func(w *tokWalk) (any, bool) { return w.fastCond() },
		func(s *scanner) (any, error) { return slowParse(condParser(), s) }},
}

// checkSame fails when the fast walk and participle disagree on text: the
// walk must accept exactly what participle accepts, with the same tree.
// It reports whether participle accepted the text.
func checkSame(t *testing.T, g grammarCase, text string) bool {
	t.Helper()
	s := &scanner{src: text, line: 3, off: leadingBlanks(text)}
	if err := g.scan(s); err != nil || len(s.toks) == 0 {
		return false
	}
	fast, ok := g.fast(s.walk())
	slow, err := g.slow(s)
	if ok != (err == nil) {
		t.Errorf("%s %q: fast path accepts=%v, participle error %v", g.name, text, ok, err)
		return false
	}
	if ok {
		if d := cmp.Diff(slow, fast); d != "" {
			t.Errorf("%s %q: fast path tree differs (-participle +fast):\n%s", g.name, text, d)
		}
	}
	return ok
}

func TestFastPathMatchesParticiple(t *testing.T) {
	texts := []string{
		`/subsystem=logging/logger="org.jboss.as":add(level=DEBUG, handlers=["A","B"])`,
		`:read-resource(recursive,!include-defaults){rollout a(x=1),b^c rollback-across-groups}`,
		`/a=b:op(p={a=[1,2],b=bytes{1,0x2}}) >> "x y"`,
		`../.type/x=${a:${b}}/:op(${p}=${q})`, `:op(!=x)`, `:op(!x=1)`, `:op(a=)`,
		`:op{a=}`, `:op{a}`, `:op{;;a=1;}`, `{a=1`, `{a=1 ;b=2} x`, `:op(x=1)junk > f`,
		`:op >`, `:op |`, `:op | grep x`, `/a=b//c=d:op`, `/a=b c:op`, `a b`, `/`, `..`,
		`.type`, `a=`, `a=b/`, `=b`, `deploy x.war --force -l --name= > out`,
		`echo "a b" \"c`, `batch`, `(result == 1 || a != b) && c ~= d`, `(a == b`,
		`a == b ||`, `a == `, `a ==b) `, `x=y/z=`, `:é(ä=ö)`, `/ä=ö:op(x="ü") > f`,
	}
	if shared.Find("corpus", "cli") != "" {
		for _, script := range corpus(t) {
			for _, l := range script {
				texts = append(texts, l.text)
				for k := 1; k < len(l.text); k += 29 {
					texts = append(texts, l.text[:k], l.text[k:])
				}
			}
		}
	}
	for _, g := range grammarCases {
		t.Run(g.name, func(t *testing.T) {
			accepted := 0
			for _, text := range texts {
				if checkSame(t, g, text) {
					accepted++
				}
				if g.name == "condition" {
					checkSame(t, g, conditionPart(text))
				}
			}
			if accepted == 0 {
				t.Errorf("no text was accepted: the comparison compared nothing")
			}
		})
	}
}

// conditionPart returns the condition of an if line, or text itself.
func conditionPart(text string) string {
	if !strings.HasPrefix(text, "if ") {
		return text
	}
	if kw, _ := splitKeyword(text, 2, "of"); kw > 0 {
		return text[2:kw]
	}
	return text
}

func TestScannerColumnCountsOnLikeColumn(t *testing.T) {
	for _, text := range []string{``, `/a=b:op`, `/ä=ö:op(x="ü€") > f`, "a\xffb\xe2\x82"} {
		t.Run(text, func(t *testing.T) {
			s := &scanner{src: text}
			// forward, then backward, then forward again over every offset
			var offs []int
			for off := -1; off <= len(text)+1; off++ {
				offs = append(offs, off)
			}
			for off := len(text); off >= 0; off-- {
				offs = append(offs, off)
			}
			offs = append(offs, offs[:len(text)+3]...)
			for _, off := range offs {
				if got, want := s.column(off), column(text, off); got != want {
					t.Errorf("column(%d) = %d, want %d", off, got, want)
				}
			}
		})
	}
}
