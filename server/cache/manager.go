package cache

import (
	"crypto/rand"
	"log/slog"
	"sort"
	"sync"
)

// Manager holds the node's running cache containers. The zero value is
// not usable; call NewManager. Safe for concurrent use.
type Manager struct {
	log *slog.Logger
	// token is the secret the peer calls to this node carry (see Handler).
	token string

	// mu guards containers.
	mu         sync.RWMutex
	containers map[string]*Container
}

// NewManager returns a manager without containers; log may be nil.
func NewManager(log *slog.Logger) *Manager {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Manager{log: log, containers: map[string]*Container{}, token: rand.Text()}
}

// PeerToken returns the secret that the other members' peer calls to this
// node must carry: the node announces it with its URL over the channel
// (Member.Token).
func (m *Manager) PeerToken() string { return m.token }

// Add makes c a running container, replacing (and stopping) one of the
// same name.
func (m *Manager) Add(c *Container) {
	m.mu.Lock()
	old := m.containers[c.name]
	m.containers[c.name] = c
	m.mu.Unlock()
	if old != nil && old != c {
		old.Stop()
	}
}

// Container returns the running container named name; nil when none.
func (m *Manager) Container(name string) *Container {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return m.containers[name]
}

// Containers returns the names of the running containers, sorted.
func (m *Manager) Containers() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	out := make([]string, 0, len(m.containers))
	for n := range m.containers {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// ViewChanged rebalances the caches of every container.
func (m *Manager) ViewChanged() {
	for _, n := range m.Containers() {
		if c := m.Container(n); c != nil {
			c.ViewChanged()
		}
	}
}

// Stop stops every container and forgets it.
func (m *Manager) Stop() {
	m.mu.Lock()
	cs := m.containers
	m.containers = map[string]*Container{}
	m.mu.Unlock()
	for _, c := range cs {
		c.Stop()
	}
}
