package grammar

// ScanTopLevel walks text as the CLI reads quotes and brackets in a line: a
// backslash skips the character after it, '"' opens or closes a quoted
// part, and outside quotes '(', '[' and '{' open a bracket that ')', ']'
// and '}' close. It calls visit, when not nil, with the index of every
// other character outside quotes and the number of brackets open before it
// (a closing bracket sees the depth it closes), and stops when visit
// returns true. With clamp, a closer with no bracket open is ignored;
// without, the depth goes below zero. It returns the depth and whether a
// quote is open where it stopped.
func ScanTopLevel(text string, clamp bool, visit func(i, depth int) bool) (int, bool) {
	depth, quoted := 0, false
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\\':
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		default:
			if visit != nil && visit(i, depth) {
				return depth, quoted
			}
			switch c {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				if !clamp || depth > 0 {
					depth--
				}
			}
		}
	}
	return depth, quoted
}

// TopLevelIndex returns the index of the first c outside quotes and
// brackets (as ScanTopLevel reads them, without clamp), or -1.
func TopLevelIndex(text string, c byte) int {
	at := -1
	ScanTopLevel(text, false, func(i, depth int) bool {
		if text[i] == c && depth == 0 {
			at = i
			return true
		}
		return false
	})
	return at
}
