package request

import "wfcli/grammar"

// SplitCommands splits the value of --commands into commands, as jboss-cli
// does: at ',' outside groups, where '(', '[' and '{' open groups that their
// closers end, '"' toggles a quoted group, and '\' skips the next character
// (the backslash stays in the command). An empty string gives no commands.
func SplitCommands(s string) []string {
	var out []string
	start := 0
	grammar.ScanTopLevel(s, true, func(i, depth int) bool {
		if s[i] == ',' && depth == 0 {
			out = append(out, s[start:i])
			start = i + 1
		}
		return false
	})
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
