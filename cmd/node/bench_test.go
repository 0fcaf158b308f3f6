package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"wfcli/cmd/cli/remote"
	"wfcli/internal/corpus"
	"wfcli/ops/dmr"
)

// benchNode starts a node of the default HA configuration on a free port
// (port 0: the system picks it) and returns its controller.
func benchNode(b *testing.B) (*Node, remote.Controller) {
	b.Helper()
	tuneGC() // as main does
	home := install(b)
	n := startNode(b, "-c", "standalone-ha.xml", "-Djboss.home.dir="+home,
		"-Djboss.management.http.port=0")
	ctrl, err := remote.ParseController(n.Addr())
	if err != nil {
		b.Fatal(err)
	}
	return n, ctrl
}

// BenchmarkReads runs read-attribute over HTTP from 32 clients at once,
// each on its own keep-alive connection, with local authentication.
func BenchmarkReads(b *testing.B) {
	_, ctrl := benchNode(b)
	const clients = 32
	cs := make([]*remote.Client, clients)
	for i := range cs {
		c, err := remote.Connect(remote.Options{Controller: ctrl})
		if err != nil {
			b.Fatal(err)
		}
		defer c.Close()
		cs[i] = c
	}
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("read-attribute"))
	op.Set("address", mustAddr("subsystem", "jgroups"))
	op.Set("name", dmr.NewString("default-channel"))
	var next atomic.Int64
	var failed atomic.Int64
	b.ResetTimer()
	start, cpu0 := time.Now(), cpuTime()
	var wg sync.WaitGroup
	for _, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for next.Add(1) <= int64(b.N) {
				if _, err := c.Execute(op); err != nil {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "reads/s")
	// The CPU time per read (client and node together) tells what the
	// machine sustains when no other process competes for it.
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(b.N), "cpu-µs/read")
	if f := failed.Load(); f > 0 {
		b.Fatalf("%d reads failed", f)
	}
}

// BenchmarkPersistedWrites writes a system property over HTTP, one write
// at a time; each is in the file (written atomically, with history) when
// its response arrives.
func BenchmarkPersistedWrites(b *testing.B) {
	_, ctrl := benchNode(b)
	c, err := remote.Connect(remote.Options{Controller: ctrl})
	if err != nil {
		b.Fatal(err)
	}
	defer c.Close()
	add := dmr.NewObject()
	add.Set("operation", dmr.NewString("add"))
	add.Set("address", mustAddr("system-property", "bench"))
	add.Set("value", dmr.NewString("0"))
	if _, err := c.Execute(add); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		op := dmr.NewObject()
		op.Set("operation", dmr.NewString("write-attribute"))
		op.Set("address", mustAddr("system-property", "bench"))
		op.Set("name", dmr.NewString("value"))
		op.Set("value", dmr.NewString(strconv.Itoa(i+1)))
		resp, err := c.Execute(op)
		if o, _ := resp.Get("outcome"); err != nil || o.AsString() != "success" {
			b.Fatalf("write %d: %v %s", i, err, resp.String())
		}
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "writes/s")
}

// BenchmarkBootLargestCorpusConfig boots a node, listening, on the largest
// configuration of the corpus, and stops it.
func BenchmarkBootLargestCorpusConfig(b *testing.B) {
	file := largestCorpusConfig(b)
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	home := b.TempDir()
	conf := filepath.Join(home, "standalone", "configuration")
	os.MkdirAll(conf, 0o755)
	if err := os.WriteFile(filepath.Join(conf, "standalone-ha.xml"), data, 0o644); err != nil {
		b.Fatal(err)
	}
	cfg, err := parseArgs([]string{"-c", "standalone-ha.xml", "-Djboss.home.dir=" + home,
		"-Djboss.management.http.port=0", "-bmanagement=127.0.0.1"})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var total time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		n, err := start(cfg, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		total += time.Since(t0)
		b.StopTimer()
		n.Shutdown(context.Background())
		b.StartTimer()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "boot-ms")
}

// largestCorpusConfig returns the largest XML file of ../shared/corpus/xml,
// or skips when the corpus is absent.
func largestCorpusConfig(b *testing.B) string {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join(corpus.XMLDir(b), "*.xml"))
	if len(files) == 0 {
		b.Skip("../shared/corpus/xml holds no configuration: the boot benchmark needs one")
	}
	sort.Slice(files, func(i, j int) bool { return size(files[i]) > size(files[j]) })
	return files[0]
}

func size(path string) int64 {
	st, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return st.Size()
}

func mustAddr(pairs ...string) dmr.Value { return address(pairs) }

// cpuTime returns the CPU time this process has used (user and system).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
