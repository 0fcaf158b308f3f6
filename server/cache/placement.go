package cache

import (
	"hash/fnv"
	"slices"
)

// Member is a member of the cache's view: its name in the channel and the
// base URL of its HTTP listener ("http://127.0.0.1:8080"), through which
// the other members reach its caches.
type Member struct {
	Name string
	URL  string
	// Token is the member's peer token, which calls to it carry (see
	// Manager.PeerToken).
	Token string
}

// Segment returns the segment of key among n segments (n < 1 counts as
// one). Infinispan, too, maps keys to segments and segments to owners, so
// that a view change moves whole segments.
func Segment(key string, n int) int {
	if n < 1 {
		return 0
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64() % uint64(n))
}

// Owners returns the names of the members that own segment seg: the
// first owners members ranked by rendezvous (highest random weight)
// hashing of the segment with each member's name. The ranking of two
// members never depends on a third, so a view change moves only the
// segments that the joining or leaving member owns or should own. With
// owners < 1 or at least len(members), every member owns the segment.
// The result is ordered by rank: the first is the primary owner.
func Owners(seg int, members []string, owners int) []string {
	ranked := slices.Clone(members)
	weight := func(m string) uint64 { return rendezvous(seg, m) }
	slices.SortFunc(ranked, func(a, b string) int {
		wa, wb := weight(a), weight(b)
		switch {
		case wa > wb:
			return -1
		case wa < wb:
			return 1
		}
		return compareStrings(a, b)
	})
	if owners < 1 || owners >= len(ranked) {
		return ranked
	}
	return ranked[:owners]
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// rendezvous is the weight of member m for segment seg.
func rendezvous(seg int, m string) uint64 {
	h := fnv.New64a()
	var b [8]byte
	for i := range b {
		b[i] = byte(uint64(seg) >> (8 * i))
	}
	h.Write(b[:])
	h.Write([]byte(m))
	return mix(h.Sum64())
}

// mix spreads the bits of FNV's output, whose high bits vary little
// between names that differ only in their last byte.
func mix(x uint64) uint64 {
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	return x
}
