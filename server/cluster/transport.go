package cluster

import (
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/hashicorp/memberlist"
)

// Counters are a channel's message counters: every packet and stream the
// channel sends or receives counts as one message, and its bytes as bytes.
// The zero value counts from zero; safe for concurrent use.
type Counters struct {
	sentMessages, sentBytes         atomic.Int64
	receivedMessages, receivedBytes atomic.Int64
}

// Sent returns the messages and bytes sent so far.
func (c *Counters) Sent() (messages, bytes int64) {
	return c.sentMessages.Load(), c.sentBytes.Load()
}

// Received returns the messages and bytes received so far.
func (c *Counters) Received() (messages, bytes int64) {
	return c.receivedMessages.Load(), c.receivedBytes.Load()
}

func (c *Counters) send(n int) {
	c.sentMessages.Add(1)
	c.sentBytes.Add(int64(n))
}

func (c *Counters) receive(n int) {
	c.receivedMessages.Add(1)
	c.receivedBytes.Add(int64(n))
}

// countingTransport is memberlist's network transport with the channel's
// counters on every packet and stream; it relays the inner channels so
// that what arrives is counted before memberlist reads it.
type countingTransport struct {
	inner   *memberlist.NetTransport
	count   *Counters
	packets chan *memberlist.Packet
	streams chan net.Conn

	done     chan struct{}
	stopOnce sync.Once
}

func newCountingTransport(inner *memberlist.NetTransport, c *Counters) *countingTransport {
	t := &countingTransport{inner: inner, count: c, packets: make(chan *memberlist.Packet),
		streams: make(chan net.Conn), done: make(chan struct{})}
	go t.relayPackets()
	go t.relayStreams()
	return t
}

func (t *countingTransport) relayPackets() {
	for {
		select {
		case p := <-t.inner.PacketCh():
			t.count.receive(len(p.Buf))
			select {
			case t.packets <- p:
			case <-t.done:
				return
			}
		case <-t.done:
			return
		}
	}
}

func (t *countingTransport) relayStreams() {
	for {
		select {
		case c := <-t.inner.StreamCh():
			t.count.receivedMessages.Add(1)
			select {
			case t.streams <- &countingConn{Conn: c, count: t.count}:
			case <-t.done:
				c.Close()
				return
			}
		case <-t.done:
			return
		}
	}
}

// FinalAdvertiseAddr implements memberlist.Transport.
func (t *countingTransport) FinalAdvertiseAddr(ip string, port int) (net.IP, int, error) {
	return t.inner.FinalAdvertiseAddr(ip, port)
}

// WriteTo implements memberlist.Transport.
func (t *countingTransport) WriteTo(b []byte, addr string) (time.Time, error) {
	t.count.send(len(b))
	return t.inner.WriteTo(b, addr)
}

// WriteToAddress implements memberlist.NodeAwareTransport.
func (t *countingTransport) WriteToAddress(b []byte, a memberlist.Address) (time.Time, error) {
	t.count.send(len(b))
	return t.inner.WriteToAddress(b, a)
}

// PacketCh implements memberlist.Transport.
func (t *countingTransport) PacketCh() <-chan *memberlist.Packet { return t.packets }

// DialTimeout implements memberlist.Transport.
func (t *countingTransport) DialTimeout(addr string, d time.Duration) (net.Conn, error) {
	c, err := t.inner.DialTimeout(addr, d)
	if err != nil {
		return nil, err
	}
	t.count.sentMessages.Add(1)
	return &countingConn{Conn: c, count: t.count}, nil
}

// DialAddressTimeout implements memberlist.NodeAwareTransport.
func (t *countingTransport) DialAddressTimeout(a memberlist.Address,
	d time.Duration) (net.Conn, error) {
	return t.DialTimeout(a.Addr, d)
}

// StreamCh implements memberlist.Transport.
func (t *countingTransport) StreamCh() <-chan net.Conn { return t.streams }

// Shutdown implements memberlist.Transport.
func (t *countingTransport) Shutdown() error {
	t.stopOnce.Do(func() { close(t.done) })

	// The inner listeners may be blocked handing over a packet or stream
	// that the stopped relays no longer take; drain them until they end.
	drained := make(chan struct{})
	go func() {
		for {
			select {
			case <-t.inner.PacketCh():
			case c := <-t.inner.StreamCh():
				c.Close()
			case <-drained:
				return
			}
		}
	}()
	err := t.inner.Shutdown()
	close(drained)
	return err
}

// countingConn counts the bytes of a stream.
type countingConn struct {
	net.Conn
	count *Counters
}

func (c *countingConn) Read(b []byte) (int, error) {
	n, err := c.Conn.Read(b)
	c.count.receivedBytes.Add(int64(n))
	return n, err
}

func (c *countingConn) Write(b []byte) (int, error) {
	n, err := c.Conn.Write(b)
	c.count.sentBytes.Add(int64(n))
	return n, err
}
