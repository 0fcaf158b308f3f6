package cluster

import (
	"context"
	"strconv"
	"testing"
	"time"
)

// BenchmarkJoin measures the time for a new node to join a cluster of two
// by TCPPING and see the full view, and for the others to see it too.
func BenchmarkJoin(b *testing.B) {
	ports := freePorts(b, 2)
	a := startTCPPing(b, "a", ports[0], ports)
	c := startTCPPing(b, "b", ports[1], ports)
	waitFor(b, 5*time.Second, "a two-node view", func() bool {
		return len(a.View().Members) == 2 && len(c.View().Members) == 2
	})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		port := freePorts(b, 1)[0]
		b.StartTimer()
		n := startTCPPing(b, "new"+strconv.Itoa(i), port, ports)
		waitFor(b, 5*time.Second, "the full view", func() bool {
			return len(n.View().Members) == 3 && len(a.View().Members) == 3 &&
				len(c.View().Members) == 3
		})
		b.StopTimer()
		n.Leave(context.Background())
		waitFor(b, 5*time.Second, "the leave", func() bool {
			return len(a.View().Members) == 2 && len(c.View().Members) == 2
		})
		b.StartTimer()
	}
}
