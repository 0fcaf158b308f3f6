package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"wfcli/internal/corpus"
)

// The binary under test and what went wrong building it. Every test that
// needs the binary fails with buildErr rather than skipping: a missing cli
// is a failure of the project, not of the environment.
var (
	cliPath  string
	buildErr error
	repoRoot string
)

func TestMain(m *testing.M) {
	os.Exit(runMain(m))
}

func runMain(m *testing.M) int {
	root, err := corpus.ModuleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	repoRoot = root

	dir, err := os.MkdirTemp("", "wfcli-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)

	cliPath = filepath.Join(dir, "cli")
	cmd := exec.Command("go", "build", "-o", cliPath, "./cmd/cli")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		buildErr = fmt.Errorf("go build ./cmd/cli: %v\n%s", err, out)
	}
	return m.Run()
}

// needCLI stops the test when the binary could not be built.
func needCLI(t testing.TB) {
	t.Helper()
	if buildErr != nil {
		t.Fatalf("the cli binary is not available: %v", buildErr)
	}
}

// sharedDir returns ../shared beside the module root, or skips the test when
// it is absent (a fresh clone has no corpus). WFCLI_SHARED overrides it.
func sharedDir(t testing.TB) string {
	t.Helper()
	dir := os.Getenv("WFCLI_SHARED")
	if dir == "" {
		dir = filepath.Join(repoRoot, "..", "shared")
	}
	if _, err := os.Stat(filepath.Join(dir, "corpus")); err != nil {
		t.Skipf("skipping: the shared corpus is absent (%s)", dir)
	}
	return dir
}
