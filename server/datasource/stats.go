package datasource

import (
	"database/sql"
	"sync"
	"time"
)

// poolStats are the counters IronJacamar's pool statistics report that
// database/sql does not keep. Its methods are safe for concurrent use.
type poolStats struct {
	mu sync.Mutex // guards every field below
	// created and destroyed connections, and the time creating them took
	createdN, destroyedN       int64
	creationTotal, creationMax time.Duration
	// gets: connections handed out, the time it took, waits that timed out
	// and gets that failed for another reason
	gets             int64
	getTotal, getMax time.Duration
	timedOut, failed int64
	// waitMax is the longest get that waited for a connection to be freed
	waitMax time.Duration
	// uses: connections given back and how long they were held
	uses             int64
	useTotal, useMax time.Duration
	inUse, maxInUse  int64
}

func (s *poolStats) created(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.createdN++
	s.creationTotal += d
	s.creationMax = max(s.creationMax, d)
}

// snapshotCreated returns the number of connections created so far.
func (s *poolStats) snapshotCreated() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.createdN
}

func (s *poolStats) destroyed() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.destroyedN++
}

// got records a connection handed out after waiting d.
func (s *poolStats) got(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.gets++
	s.getTotal += d
	s.getMax = max(s.getMax, d)
	s.inUse++
	s.maxInUse = max(s.maxInUse, s.inUse)
}

// waited records a get that had to wait d for a connection to be freed.
func (s *poolStats) waited(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.waitMax = max(s.waitMax, d)
}

// released records a connection given back after being held for d.
func (s *poolStats) released(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.uses++
	s.useTotal += d
	s.useMax = max(s.useMax, d)
	s.inUse--
}

// failedGet records a get that failed: by timeout when timeout is set.
func (s *poolStats) failedGet(timeout bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if timeout {
		s.timedOut++
	} else {
		s.failed++
	}
}

// Statistics are a pool's metrics under IronJacamar's names
// (statistics=pool). Times are in milliseconds.
type Statistics map[string]int64

// snapshot returns the metrics of a pool of max connections whose
// database/sql statistics are db.
func (s *poolStats) snapshot(db sql.DBStats, maxSize int) Statistics {
	s.mu.Lock()
	defer s.mu.Unlock()
	ms := func(d time.Duration) int64 { return d.Milliseconds() }
	avg := func(total time.Duration, n int64) int64 {
		if n == 0 {
			return 0
		}
		return ms(total) / n
	}
	inUse := int64(db.InUse)
	return Statistics{
		"ActiveCount":          int64(db.OpenConnections),
		"AvailableCount":       int64(maxSize) - inUse,
		"InUseCount":           inUse,
		"IdleCount":            int64(db.Idle),
		"CreatedCount":         s.createdN,
		"DestroyedCount":       s.destroyedN,
		"MaxUsedCount":         max(s.maxInUse, inUse),
		"WaitCount":            db.WaitCount,
		"TimedOut":             s.timedOut,
		"BlockingFailureCount": s.failed,
		"TotalBlockingTime":    ms(db.WaitDuration),
		"AverageBlockingTime":  avg(db.WaitDuration, db.WaitCount),
		"MaxWaitTime":          ms(s.waitMax),
		"TotalGetTime":         ms(s.getTotal),
		"AverageGetTime":       avg(s.getTotal, s.gets),
		"MaxGetTime":           ms(s.getMax),
		"TotalCreationTime":    ms(s.creationTotal),
		"AverageCreationTime":  avg(s.creationTotal, s.createdN),
		"MaxCreationTime":      ms(s.creationMax),
		"TotalUsageTime":       ms(s.useTotal),
		"AverageUsageTime":     avg(s.useTotal, s.uses),
		"MaxUsageTime":         ms(s.useMax),
	}
}
