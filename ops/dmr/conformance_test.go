package dmr

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wfcli/internal/corpus"
)

// sharedDir finds ../shared beside the module root by walking up from the
// test's directory, and skips the test when it is absent.
func sharedDir(t testing.TB) string {
	t.Helper()
	return corpus.Dir(t)
}

// unescapeTSV undoes the escaping of the conformance files: \\ \n \t \r.
func unescapeTSV(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		switch s[i] {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

type conformanceRow struct {
	line              int
	input, text, json string
}

func readDMRConformance(t *testing.T) []conformanceRow {
	t.Helper()
	f, err := os.Open(filepath.Join(sharedDir(t), "conformance", "dmr-text.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []conformanceRow
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || line == "" {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != 3 {
			t.Fatalf("dmr-text.tsv:%d: %d fields, want 3", n, len(fields))
		}
		rows = append(rows, conformanceRow{n, unescapeTSV(fields[0]),
			unescapeTSV(fields[1]), unescapeTSV(fields[2])})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(rows) == 0 {
		t.Fatal("dmr-text.tsv holds no rows")
	}
	return rows
}

func TestConformanceDMRText(t *testing.T) {
	for _, row := range readDMRConformance(t) {
		v, err := Parse(row.input)
		if want, isErr := strings.CutPrefix(row.text, "ERROR: "); isErr {
			if err == nil {
				t.Errorf("line %d: Parse(%q) = %s, want error %q", row.line, row.input, v, want)
			}
			continue
		}
		if err != nil {
			t.Errorf("line %d: Parse(%q): %v", row.line, row.input, err)
			continue
		}
		if got := v.String(); got != row.text {
			t.Errorf("line %d: Parse(%q).String() =\n%s\nwant\n%s", row.line, row.input, got, row.text)
		}
		if got := v.JSONString(true); got != row.json {
			t.Errorf("line %d: Parse(%q).JSONString(true) = %s, want %s",
				row.line, row.input, got, row.json)
		}
	}
}

// TestConformanceErrorWording checks that rejected inputs fail with
// jboss-dmr's own message, which the tsv records after the exception name.
func TestConformanceErrorWording(t *testing.T) {
	for _, row := range readDMRConformance(t) {
		want, isErr := strings.CutPrefix(row.text, "ERROR: java.lang.IllegalArgumentException: ")
		if !isErr {
			continue
		}
		_, err := Parse(row.input)
		if err == nil || err.Error() != want {
			t.Errorf("line %d: Parse(%q) error = %v, want %q", row.line, row.input, err, want)
		}
	}
}

// TestConformanceEchoCompact reads the compact DMR of every request in the
// echo-dmr tables (address, parameters, headers, command arguments, as
// jboss-cli printed them) and checks that CompactString prints each back
// byte for byte.
func TestConformanceEchoCompact(t *testing.T) {
	checked := 0
	for _, name := range []string{"echo-dmr.tsv", "echo-dmr-vars.tsv"} {
		data, err := os.ReadFile(filepath.Join(sharedDir(t), "conformance", name))
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range strings.Split(string(data), "\n") {
			if line == "" || line[0] == '#' {
				continue
			}
			cols := strings.Split(line, "\t")
			for _, text := range compactFields(unescapeTSV(cols[len(cols)-1])) {
				v, err := Parse(text)
				if err != nil {
					t.Errorf("%s:%d: Parse(%q): %v", name, n+1, text, err)
					continue
				}
				if got := v.CompactString(); got != text {
					t.Errorf("%s:%d: CompactString() = %s, want %s", name, n+1, got, text)
				}
				checked++
			}
		}
	}
	if checked < 100 {
		t.Errorf("checked only %d DMR fields of the echo-dmr tables", checked)
	}
}

// compactFields picks the DMR fields out of an echo-dmr expectation:
// 'address|operation|parameters|headers|target' or 'CMD name|arguments'.
func compactFields(expected string) []string {
	if name, args, ok := strings.Cut(expected, "|"); ok && strings.HasPrefix(name, "CMD ") {
		return []string{args}
	}
	parts := strings.Split(expected, "|")
	if len(parts) != 5 || strings.HasPrefix(expected, "ERROR") || strings.HasPrefix(expected, "IF ") {
		return nil
	}
	return []string{parts[0], parts[2], parts[3]}
}
