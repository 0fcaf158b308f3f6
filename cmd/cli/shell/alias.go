package shell

import (
	"fmt"
	"sort"
	"strings"

	"wfcli/grammar"
)

// cmdAlias lists the aliases, or defines one: alias name='text'. A line
// typed in the interactive shell whose first word is an alias runs with
// that word replaced by the text.
//
// Limitation: aliases last for the session; they are not saved to a file
// as aesh saves them to ~/.aesh_aliases.
func cmdAlias(s *Shell, l Line, pl *grammar.Line) error {
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(l.Text), "alias"))
	if rest == "" {
		names := make([]string, 0, len(s.aliases))
		for n := range s.aliases {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			s.println("alias " + n + "='" + s.aliases[n] + "'")
		}
		return nil
	}
	name, value, ok := strings.Cut(rest, "=")
	name = strings.TrimSpace(name)
	if !ok || name == "" || strings.ContainsAny(name, " \t") {
		return fmt.Errorf("alias: usage: alias name='command line'")
	}
	value = strings.TrimSpace(value)
	if len(value) >= 2 && (value[0] == '\'' || value[0] == '"') && value[len(value)-1] == value[0] {
		value = value[1 : len(value)-1]
	}
	if s.aliases == nil {
		s.aliases = map[string]string{}
	}
	s.aliases[name] = value
	return nil
}

// cmdUnalias removes aliases.
func cmdUnalias(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if len(a.pos) == 0 {
		return fmt.Errorf("unalias: usage: unalias name ...")
	}
	for _, n := range a.pos {
		if _, ok := s.aliases[n]; !ok {
			return fmt.Errorf("unalias: %s: not found", n)
		}
		delete(s.aliases, n)
	}
	return nil
}

// expandAlias replaces the first word of text by its alias, if it has one.
func (s *Shell) expandAlias(text string) string {
	trimmed := strings.TrimSpace(text)
	word, rest, _ := strings.Cut(trimmed, " ")
	if v, ok := s.aliases[word]; ok {
		return strings.TrimSpace(v + " " + rest)
	}
	return text
}

// cmdClear clears the terminal (clear, cls).
func cmdClear(s *Shell, l Line, pl *grammar.Line) error {
	// ANSI: cursor home, erase the screen. Outside a terminal it is inert.
	fmt.Fprint(s.out, "\x1b[H\x1b[2J")
	return nil
}

// cmdConnectionInfo prints what the session is connected to.
func cmdConnectionInfo(s *Shell, l Line, pl *grammar.Line) error {
	if s.client == nil {
		s.println("<connect to the controller and re-run the connection-info command to " +
			"see the connection information>")
		return nil
	}
	controller := strings.TrimPrefix(strings.Fields(s.Prompt())[0], "[")
	t := newTable(2)
	t.add("Controller", controller)
	if s.embedded != nil {
		t.add("Server", "embedded in this process ("+s.embedOpts.ConfigFile+")")
		t.add("Username", "none: an embedded server needs no login")
	}
	s.println(trimLines(t.String(false)))
	return nil
}
