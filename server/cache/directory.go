package cache

import (
	"bytes"
	"slices"
	"strings"
	"sync"
)

// Sender sends a message to a member of a channel; *cluster.Channel is one.
type Sender interface {
	Send(to string, msg []byte) error
}

// helloPrefix starts the message by which a member tells the others the
// URL of its HTTP listener and, after a space, its peer token; queryPrefix
// starts the same message when the sender also asks for the receiver's
// URL (it has just started, and may have missed or forgotten it).
var (
	helloPrefix = []byte("wfcli-cache-url ")
	queryPrefix = []byte("wfcli-cache-url? ")
)

// Directory is the View of a channel: it keeps the channel's members and
// the HTTP URL each announced, and calls onChange (on a goroutine of its
// own, one call at a time, coalescing bursts) when the members whose
// caches can be reached change. Safe for concurrent use.
//
// The channel owner passes each view to ViewChanged and each message to
// Message, and calls Attach once the channel runs.
type Directory struct {
	self     Member
	cluster  string
	onChange func()
	changed  chan struct{}
	done     chan struct{}
	stop     sync.Once
	wg       sync.WaitGroup

	// mu guards ch, members and urls.
	mu      sync.Mutex
	ch      Sender
	members []string
	// urls holds, by member, what it announced: "URL" or "URL TOKEN".
	urls map[string]string
}

// NewDirectory returns the directory of the member self (name and URL)
// in cluster; onChange may be nil. Close stops it.
func NewDirectory(self Member, cluster string, onChange func()) *Directory {
	d := &Directory{self: self, cluster: cluster, onChange: onChange,
		changed: make(chan struct{}, 1), done: make(chan struct{}),
		urls: map[string]string{self.Name: self.URL}, members: []string{self.Name}}
	d.wg.Add(1)
	go d.notify()
	return d
}

// Attach makes ch the channel the directory announces this member on.
func (d *Directory) Attach(ch Sender) {
	d.mu.Lock()
	d.ch = ch
	members := slices.Clone(d.members)
	d.mu.Unlock()
	d.announce(members, queryPrefix)
}

// ViewChanged records the channel's members (coordinator first), tells
// them this member's URL, and signals a change.
func (d *Directory) ViewChanged(members []string) {
	d.mu.Lock()
	d.members = slices.Clone(members)
	var known, unknown []string
	for _, m := range members {
		if d.urls[m] != "" {
			known = append(known, m)
		} else {
			unknown = append(unknown, m)
		}
	}
	d.mu.Unlock()
	d.announce(known, helloPrefix)
	d.announce(unknown, queryPrefix)
	d.signal()
}

// Message handles msg from the member from; false when it is not a
// directory message, for the channel owner to pass on.
func (d *Directory) Message(from string, msg []byte) bool {
	url, query := bytes.CutPrefix(msg, queryPrefix)
	if !query {
		var ok bool
		if url, ok = bytes.CutPrefix(msg, helloPrefix); !ok {
			return false
		}
	}
	d.mu.Lock()
	old, known := d.urls[from]
	d.urls[from] = string(url)
	d.mu.Unlock()
	changed := !known || old != string(url)
	if query || changed {
		// The sender may be new and not know this member yet.
		d.announce([]string{from}, helloPrefix)
	}
	if changed {
		d.signal()
	}
	return true
}

// announce sends this member's URL, after prefix, to each of members but
// itself.
func (d *Directory) announce(members []string, prefix []byte) {
	d.mu.Lock()
	ch := d.ch
	d.mu.Unlock()
	if ch == nil {
		return
	}
	msg := append(slices.Clone(prefix), d.self.URL...)
	if d.self.URL != "" && d.self.Token != "" {
		msg = append(append(msg, ' '), d.self.Token...)
	}
	for _, m := range members {
		if m != d.self.Name {
			_ = ch.Send(m, msg) // a member that missed it asks again by its own hello
		}
	}
}

func (d *Directory) signal() {
	select {
	case d.changed <- struct{}{}:
	default:
	}
}

func (d *Directory) notify() {
	defer d.wg.Done()
	for {
		select {
		case <-d.done:
			return
		case <-d.changed:
			if d.onChange != nil {
				d.onChange()
			}
		}
	}
}

// Close stops the directory's goroutine; it waits for a running onChange.
// Closing twice is no error.
func (d *Directory) Close() {
	d.stop.Do(func() { close(d.done) })
	d.wg.Wait()
}

// Local returns this member.
func (d *Directory) Local() Member { return d.self }

// Members returns the channel's members whose URL is known, this member
// included.
func (d *Directory) Members() []Member {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := []Member{d.self}
	for _, n := range d.members {
		if u := d.urls[n]; u != "" && n != d.self.Name {
			url, token, _ := strings.Cut(u, " ")
			out = append(out, Member{Name: n, URL: url, Token: token})
		}
	}
	return out
}

// Cluster returns the cluster's name.
func (d *Directory) Cluster() string { return d.cluster }

// Coordinator returns the first member of the channel's view.
func (d *Directory) Coordinator() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.members) == 0 {
		return d.self.Name
	}
	return d.members[0]
}
