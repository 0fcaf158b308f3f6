package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseArgs(t *testing.T) {
	dir := t.TempDir()
	script := filepath.Join(dir, "s.cli")
	props := filepath.Join(dir, "p.properties")
	os.WriteFile(script, []byte("echo x\n"), 0o644)
	os.WriteFile(props, []byte("a=file\nb=file\n"), 0o644)

	tests := []struct {
		name string
		args []string
		want config
	}{
		{"a file", []string{"--file=" + script},
			config{file: script, props: map[string]string{}}},
		{"the bare file= form", []string{"file=" + script},
			config{file: script, props: map[string]string{}}},
		{"commands are split at top-level commas", []string{"--commands=echo a,echo (b,c)"},
			config{commands: []string{"echo a", "echo (b,c)"}, hasCmds: true,
				cmdsSource: "--commands", props: map[string]string{}}},
		{"one command is not split", []string{"--command=echo a,b"},
			config{commands: []string{"echo a,b"}, hasCmds: true, cmdsSource: "--command",
				props: map[string]string{}}},
		{"bare arguments are commands", []string{"echo a,echo b"},
			config{commands: []string{"echo a", "echo b"}, hasCmds: true,
				cmdsSource: "<arguments>", props: map[string]string{}}},
		{"-D wins over --properties wherever it stands",
			[]string{"-Da=d", "--properties=" + props, "-Dflag", "--command=x"},
			config{commands: []string{"x"}, hasCmds: true, cmdsSource: "--command",
				props: map[string]string{"a": "d", "b": "file", "flag": "true"}}},
		{"switches", []string{"--echo-command", "--output-json", "--resolve-parameter-values",
			"--error-on-interact", "--command-timeout=7", "--timeout=100", "-XX:+X", "--command=x"},
			config{commands: []string{"x"}, hasCmds: true, cmdsSource: "--command",
				echo: true, json: true, resolve: true, errorOnInteract: true,
				commandTimeout: 7, timeout: 100, props: map[string]string{}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := parseArgs(tc.args)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, *got, cmp.AllowUnexported(config{})); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestParseArgsErrors(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"an unknown option", []string{"--nope"}, "Unknown argument: --nope"},
		{"an unknown short option", []string{"-z"}, "Unknown argument: -z"},
		{"a value flag without a value", []string{"--controller"},
			"Unknown argument: --controller"},
		{"the first error wins", []string{"--file=", "--nope"},
			"Argument '--file' is missing value."},
		{"two commands options", []string{"--commands=a", "--commands=b"},
			"Duplicate argument '--command'/'--commands'."},
		{"commands after a command", []string{"--command=a", "--command=b"},
			"'--command=b' is assumed to be a command(s) but the commands to execute have " +
				"been specified by another argument: [a]"},
		{"a space after -D", []string{"-D", "a=b"},
			"'-D' names no system property: write -Dname=value as one argument, " +
				"without a space after -D."},
		{"a bare command after a file", []string{"--file=x", "echo"},
			"Only one of '--file', '--commands' or '--command' can appear as the argument " +
				"at a time: echo"},
		{"a timeout without =", []string{"--timeout"}, "'=' is missing after --timeout"},
		{"a negative timeout", []string{"--timeout=-3"},
			"The timeout must be a valid positive integer: '-3'"},
		{"two timeouts", []string{"--timeout=1", "--timeout=2"},
			"Duplicate argument '--timeout'"},
		{"a user without =", []string{"--user"}, "'=' is missing after --user"},
		{"-u without =", []string{"-uadmin"}, "'=' is missing after -u"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseArgs(tc.args)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if err.Error() != tc.want {
				t.Errorf("got %q, want %q", err.Error(), tc.want)
			}
		})
	}
}
