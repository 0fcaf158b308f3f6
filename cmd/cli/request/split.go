package request

// SplitCommands splits the value of --commands into commands, as jboss-cli
// does: at ',' outside groups, where '(', '[' and '{' open groups that their
// closers end, '"' toggles a quoted group, and '\' skips the next character
// (the backslash stays in the command). An empty string gives no commands.
func SplitCommands(s string) []string {
	var out []string
	depth, inQuote, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		case c == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
