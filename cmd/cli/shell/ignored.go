package shell

import (
	"fmt"
	"strings"

	"wfcli/grammar"
)

// warnIgnored tells the user, on stderr, about text after an operation's
// closing ')' that jboss-cli (and so this shell) ignores: a typo there would
// otherwise pass unseen. Stdout and the exit code stay as jboss-cli's.
func (s *Shell) warnIgnored(l Line, op *grammar.Operation) {
	if op == nil || op.Ignored == "" {
		return
	}
	where := l.Where()
	if op.IgnoredPos.Col > 0 {
		where = fmt.Sprintf("%s:%d", where, op.IgnoredPos.Col)
	}
	hint := ""
	if strings.HasPrefix(op.Ignored, "#") {
		hint = " (a comment must start its own line)"
	}
	fmt.Fprintf(s.errOut, "%s: warning: text after the operation request is ignored: %q%s\n",
		where, op.Ignored, hint)
}
