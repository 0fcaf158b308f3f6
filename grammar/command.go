package grammar

import (
	"strings"

	"github.com/alecthomas/participle/v2/lexer"
)

// The participle grammar of a command line, over the tokens of scanCommand:
//
//	command = CmdName arg* redirect?
//	arg     = ArgName ("=" ArgValue?)? | Positional
type pCmd struct {
	Name     *pCmdName  `parser:"@@"`
	Args     []*pArg    `parser:"@@*"`
	Redirect *pRedirect `parser:"@@?"`
}

type pCmdName struct {
	Pos   lexer.Position
	Value string `parser:"@CmdName"`
}

type pArg struct {
	Pos        lexer.Position
	Name       string `parser:"(  @ArgName"`
	Eq         bool   `parser:"   ( @Eq"`
	Value      string `parser:"     @ArgValue? )?"`
	Positional string `parser:"| @Positional )"`
}

var cmdParser = lazyParser[pCmd]()

// parseCommand parses a command line whose name starts at byte offset start.
func parseCommand(text string, line, start int) (*Command, *Redirect, error) {
	s := &scanner{src: text, line: line, off: start}
	restEnd, err := s.scanCommand()
	if err != nil {
		return nil, nil, err
	}
	p, ok := s.walk().fastCmd()
	if !ok {
		lex, err := s.lexer()
		if err != nil {
			return nil, nil, s.errAt(start, "%v", err)
		}
		if p, err = cmdParser().ParseFromLexer(lex); err != nil {
			return nil, nil, s.participleError(err)
		}
	}
	c := &Command{Pos: posOf(p.Name.Pos), Name: commandName(p.Name.Value)}
	restStart := p.Name.Pos.Offset + len(p.Name.Value)
	c.Rest = strings.TrimSpace(text[restStart:restEnd])
	c.RestPos = posOf(s.pos(restStart + leadingBlanks(text[restStart:restEnd])))
	for _, a := range p.Args {
		c.Args = append(c.Args, buildArg(a))
	}
	var red *Redirect
	if p.Redirect != nil {
		red = p.Redirect.build()
	}
	return c, red, nil
}

// commandName lower-cases a command name as typed, except inside ${...},
// whose property keys are case-sensitive.
func commandName(s string) string {
	if !strings.Contains(s, "${") {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(strings.ToLower(s))
			return b.String()
		}
		end := matchBrace(s, i+1)
		b.WriteString(strings.ToLower(s[:i]))
		b.WriteString(s[i:end])
		s = s[end:]
	}
}

func leadingBlanks(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t\r\n"))
}

func buildArg(a *pArg) *Arg {
	arg := &Arg{Pos: posOf(a.Pos)}
	if a.Name == "" {
		arg.Value = a.Positional
		return arg
	}
	arg.Name = strings.TrimPrefix(a.Name, "--")
	if !strings.HasPrefix(a.Name, "--") {
		arg.Name, arg.Dash1 = strings.TrimPrefix(a.Name, "-"), true
	}
	arg.Value = a.Value
	if !a.Eq {
		arg.Value = "true"
	}
	return arg
}

// scanCommand scans a command name and its arguments. Arguments are separated
// by blanks outside quotes and brackets; '\' keeps the next character in the
// argument. It returns the offset where the arguments end (the start of an
// output redirection, or the end of the line).
func (s *scanner) scanCommand() (int, error) {
	start := s.off
	for !s.eof() && !isBlank(s.peek()) {
		s.off++
	}
	s.emit(tCmdName, s.src[start:s.off], start)
	for {
		s.skipBlanks()
		if s.eof() {
			return len(s.src), nil
		}
		at := s.off
		switch s.peek() {
		case '>':
			return at, s.scanRedirect()
		case '|':
			return at, s.scanPipe()
		}
		if err := s.scanArg(); err != nil {
			return 0, err
		}
	}
}

// scanArg scans one argument: --name[=value], -n, or a positional word.
func (s *scanner) scanArg() error {
	start := s.off
	end, err := s.rawValue(isBlank, false)
	if err != nil {
		return err
	}
	word := s.src[start:end]
	if len(word) < 2 || word[0] != '-' {
		s.emit(tPositional, word, start)
		return nil
	}
	name, value, hasEq := strings.Cut(word, "=")
	s.emit(tArgName, name, start)
	if hasEq {
		s.emit(tEq, "=", start+len(name))
		if value != "" {
			s.emit(tArgValue, value, start+len(name)+1)
		}
	}
	return nil
}
