package datasource

import (
	"context"
	"database/sql"
	"time"
)

// idleCheck is how often the pool refills to its minimum size when no
// background validation sets a period.
const idleCheck = 30 * time.Second

// maintain runs until Close: it prefills the pool when asked, and then,
// every validation period, validates the idle connections (when background
// validation is on) and refills the pool to its minimum size once it has
// been used.
func (p *Pool) maintain() {
	defer close(p.done)
	if p.Config().Prefill {
		p.fill()
	}
	t := time.NewTimer(p.period())
	defer t.Stop()
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-t.C:
		}
		cfg := p.Config()
		if cfg.BackgroundValidation {
			p.FlushInvalid(p.ctx)
		}
		if cfg.Prefill || p.stats.snapshotCreated() > 0 {
			p.fill()
		}
		t.Reset(p.period())
	}
}

// period returns the time between two rounds of maintain.
func (p *Pool) period() time.Duration {
	cfg := p.Config()
	if cfg.BackgroundValidation && cfg.ValidationInterval > 0 {
		return cfg.ValidationInterval
	}
	return idleCheck
}

// fill opens connections until the pool holds its minimum size. A
// database that does not answer is logged, not retried until next round.
func (p *Pool) fill() {
	// Taking min-inUse connections at once reuses the idle ones and
	// creates the rest.
	st, minSize := p.db.Stats(), p.Config().MinPoolSize
	if st.OpenConnections >= minSize {
		return
	}
	want := minSize - st.InUse
	held := make([]*sql.Conn, 0, max(want, 0))
	for range want {
		ctx, cancel := context.WithTimeout(p.ctx, p.Config().BlockingTimeout)
		c, err := p.db.Conn(ctx)
		cancel()
		if err != nil {
			if p.ctx.Err() == nil {
				p.log.Warn("filling the pool to its minimum failed", "error", err)
			}
			break
		}
		held = append(held, c)
	}
	for _, c := range held {
		c.Close()
	}
}
