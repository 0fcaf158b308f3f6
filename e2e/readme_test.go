package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The README's first command, run as a newcomer would run it, must apply
// the cache-owners script to a copy of the default and show the change.
func TestReadmeMainJobCommand(t *testing.T) {
	needCLI(t)
	readme, err := os.ReadFile(filepath.Join(repoRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(readme), "**Run the main job**")
	if !ok {
		t.Fatal("README.md has no **Run the main job** paragraph")
	}
	_, rest, ok = strings.Cut(rest, "```sh\n")
	command, _, ok2 := strings.Cut(rest, "```")
	if !ok || !ok2 {
		t.Fatal("README.md gives no sh block for the main job")
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-euo", "pipefail", "-c", command)
	cmd.Dir = repoRoot
	cmd.Env = append(cleanEnv(), "TMPDIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("the README command failed: %v\n%s", err, out)
	}
	for _, want := range []string{
		"The batch executed successfully",
		`-                <distributed-cache name="sessions" owners="1"/>`,
		`+                <distributed-cache name="sessions" owners="${env.CACHE_OWNERS:2}"/>`,
	} {
		if !strings.Contains(string(out), want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
