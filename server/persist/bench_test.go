package persist

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkCommit37KB commits a 37 KB configuration again and again, as
// the node does on each persisted write: history copy, atomic replace,
// last copy.
func BenchmarkCommit37KB(b *testing.B) {
	file := filepath.Join(b.TempDir(), "standalone-ha.xml")
	data := bytes.Repeat([]byte("<property name=\"x\" value=\"y\"/>\n"), 37*1024/32)
	if err := os.WriteFile(file, data, 0o644); err != nil {
		b.Fatal(err)
	}
	h := NewHistory(file)
	if err := h.Boot(data, time.Now()); err != nil {
		b.Fatal(err)
	}
	old := data
	i := 0
	for b.Loop() {
		i++
		next := append(fmt.Appendf(nil, "<!-- %d -->\n", i), data...)
		if err := h.Commit(old, next); err != nil {
			b.Fatal(err)
		}
		old = next
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "commits/s")
}
