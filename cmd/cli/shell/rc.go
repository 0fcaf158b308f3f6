package shell

import (
	"fmt"
	"os"
	"path/filepath"
)

// FindRC finds the .jbossclirc file that runs before anything else, as
// jboss-cli looks for it: the file named by the system property
// jboss.cli.rc (which must exist), else .jbossclirc in dir (the working
// directory), else $JBOSS_HOME/bin/.jbossclirc. It returns "" when there is
// none.
func FindRC(props map[string]string, dir string, getenv func(string) (string, bool)) (string,
	error) {
	if p, ok := props["jboss.cli.rc"]; ok {
		abs, _ := filepath.Abs(p)
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("Property jboss.cli.rc points to a file that doesn't "+
				"exist: %s", abs)
		}
		return p, nil
	}
	local := filepath.Join(dir, ".jbossclirc")
	if _, err := os.Stat(local); err == nil {
		return local, nil
	}
	if home, ok := getenv("JBOSS_HOME"); ok && home != "" {
		p := filepath.Join(home, "bin", ".jbossclirc")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", nil
}
