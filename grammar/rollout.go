package grammar

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// parsePlan reads a rollout plan:
//
//	plan  = "id=" name | step ("," step)* ["rollback-across-groups" ["=" value]]
//	step  = group ("^" group)*
//	group = name ["(" name=value ("," name=value)* ")"]
func (s *scanner) parsePlan(at lexer.Position, plan lexer.Token) (*Rollout, error) {
	r := &Rollout{Pos: posOf(at)}
	if plan.Type != tPlan {
		return nil, s.errAt(at.Offset, "The rollout plan is missing after 'rollout'.")
	}
	text, base := plan.Value, plan.Pos.Offset
	if id, ok := strings.CutPrefix(text, "id="); ok {
		r.ID = strings.TrimSpace(id)
		return r, nil
	}
	ps := &planScanner{s: s, text: text, base: base}
	return r, ps.plan(r)
}

type planScanner struct {
	s    *scanner
	text string
	base int
	i    int
}

func (ps *planScanner) skipBlanks() {
	for ps.i < len(ps.text) && isBlank(ps.text[ps.i]) {
		ps.i++
	}
}

func (ps *planScanner) word() (string, int) {
	start := ps.i
	for ps.i < len(ps.text) && !strings.ContainsRune(" \t(),^=", rune(ps.text[ps.i])) {
		ps.i++
	}
	return ps.text[start:ps.i], start
}

func (ps *planScanner) plan(r *Rollout) error {
	step := &RolloutStep{}
	for {
		ps.skipBlanks()
		name, at := ps.word()
		if name == "" {
			return ps.s.errAt(ps.base+at, "A server group name is expected in the rollout plan.")
		}
		if name == "rollback-across-groups" && len(step.Groups) == 0 && len(r.Steps) > 0 {
			return ps.rollback(r)
		}
		g := &RolloutGroup{Pos: posOf(ps.s.pos(ps.base + at)), Name: name}
		if ps.i < len(ps.text) && ps.text[ps.i] == '(' {
			if err := ps.props(g); err != nil {
				return err
			}
		}
		if len(step.Groups) == 0 {
			step.Pos = g.Pos
		}
		step.Groups = append(step.Groups, g)
		ps.skipBlanks()
		if ps.i >= len(ps.text) {
			r.Steps = append(r.Steps, step)
			return nil
		}
		switch ps.text[ps.i] {
		case '^':
			ps.i++
		case ',':
			ps.i++
			r.Steps = append(r.Steps, step)
			step = &RolloutStep{}
		default:
			r.Steps = append(r.Steps, step)
			step = &RolloutStep{}
		}
	}
}

func (ps *planScanner) rollback(r *Rollout) error {
	ps.skipBlanks()
	r.RollbackAcrossGroups = "true"
	if ps.i < len(ps.text) && ps.text[ps.i] == '=' {
		ps.i++
		ps.skipBlanks()
		v, _ := ps.word()
		r.RollbackAcrossGroups = v
	}
	ps.skipBlanks()
	if ps.i < len(ps.text) {
		return ps.s.errAt(ps.base+ps.i, "Unexpected text after the rollout plan: '%s'",
			ps.text[ps.i:])
	}
	return nil
}

// props reads "(name=value, ...)" after a group name.
func (ps *planScanner) props(g *RolloutGroup) error {
	open := ps.i
	end := strings.IndexByte(ps.text[ps.i:], ')')
	if end < 0 {
		return ps.s.errAt(ps.base+open, "The closing ')' is missing.")
	}
	inner := ps.text[ps.i+1 : ps.i+end]
	off := ps.base + ps.i + 1
	for _, item := range strings.Split(inner, ",") {
		name, value, ok := strings.Cut(item, "=")
		name = strings.TrimSpace(name)
		if name != "" {
			p := &Param{Pos: posOf(ps.s.pos(off)), Name: name, Value: strings.TrimSpace(value)}
			if !ok {
				p.Bare, p.Value = true, "true"
			}
			g.Props = append(g.Props, p)
		}
		off += len(item) + 1
	}
	ps.i += end + 1
	return nil
}
