package cluster

import (
	"encoding/binary"
	"sort"

	"github.com/hashicorp/memberlist"
)

// events keeps the channel's view from memberlist's notifications.
// memberlist calls them holding its own node lock, so they must not call
// back into memberlist; they only update the view under viewMu.
type events Channel

// NotifyJoin implements memberlist.EventDelegate.
func (e *events) NotifyJoin(n *memberlist.Node) { (*Channel)(e).upsert(n) }

// NotifyUpdate implements memberlist.EventDelegate.
func (e *events) NotifyUpdate(n *memberlist.Node) { (*Channel)(e).upsert(n) }

// NotifyLeave implements memberlist.EventDelegate.
func (e *events) NotifyLeave(n *memberlist.Node) {
	c := (*Channel)(e)
	c.viewMu.Lock()
	defer c.viewMu.Unlock()
	if _, ok := c.members[n.Name]; !ok {
		return
	}
	delete(c.members, n.Name)
	c.newViewLocked()
}

func (c *Channel) upsert(n *memberlist.Node) {
	m := Member{Name: n.Name, Addr: hostPort(n.Addr, n.Port)}
	if len(n.Meta) == 8 {
		m.since = int64(binary.BigEndian.Uint64(n.Meta))
	}
	c.viewMu.Lock()
	defer c.viewMu.Unlock()
	if old, ok := c.members[n.Name]; ok && old == m {
		return
	}
	c.members[n.Name] = m
	c.newViewLocked()
}

// newViewLocked installs a view of the members, oldest first, and queues
// it for the notifier. The caller holds viewMu.
func (c *Channel) newViewLocked() {
	ms := make([]Member, 0, len(c.members))
	for _, m := range c.members {
		ms = append(ms, m)
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].since != ms[j].since {
			return ms[i].since < ms[j].since
		}
		return ms[i].Name < ms[j].Name
	})
	c.view = View{ID: c.view.ID + 1, Members: ms}
	select {
	case c.views <- c.view:
	default:
		// Limitation: a notifier 64 views behind skips views; discovery
		// and listeners see a later one.
	}
}

// delegate gives memberlist the node's metadata and hands it messages.
type delegate Channel

// NodeMeta implements memberlist.Delegate: the start time that orders
// members.
func (d *delegate) NodeMeta(limit int) []byte { return sinceMeta(d.self.since) }

// NotifyMsg implements memberlist.Delegate.
func (d *delegate) NotifyMsg(b []byte) {
	if d.cfg.OnMessage == nil || len(b) < 1 {
		return
	}
	// The sender's name leads the message: one length byte, then the name.
	n := int(b[0])
	if len(b) < 1+n {
		return
	}
	d.cfg.OnMessage(string(b[1:1+n]), append([]byte(nil), b[1+n:]...))
}

// GetBroadcasts implements memberlist.Delegate; the channel has none.
func (d *delegate) GetBroadcasts(overhead, limit int) [][]byte { return nil }

// LocalState implements memberlist.Delegate; the channel has none.
func (d *delegate) LocalState(join bool) []byte { return nil }

// MergeRemoteState implements memberlist.Delegate.
func (d *delegate) MergeRemoteState(buf []byte, join bool) {}
