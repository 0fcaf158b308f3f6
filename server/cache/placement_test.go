package cache

import (
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestOwners(t *testing.T) {
	three := []string{"node-a", "node-b", "node-c"}
	tests := []struct {
		name    string
		members []string
		owners  int
		want    int
	}{
		{"one owner of three members", three, 1, 1},
		{"two owners of three members", three, 2, 2},
		{"more owners than members gives every member", three, 5, 3},
		{"zero owners gives every member", three, 0, 3},
		{"a lone member owns everything", []string{"node-a"}, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seg := range 256 {
				got := Owners(seg, tt.members, tt.owners)
				if len(got) != tt.want {
					t.Fatalf("segment %d: %d owners %v, want %d", seg, len(got), got, tt.want)
				}
				for _, o := range got {
					if !slices.Contains(tt.members, o) {
						t.Fatalf("segment %d: owner %s is not a member", seg, o)
					}
				}
			}
		})
	}
}

func TestOwnersDoNotDependOnMemberOrder(t *testing.T) {
	a := []string{"node-a", "node-b", "node-c", "node-d"}
	b := []string{"node-d", "node-b", "node-a", "node-c"}
	for seg := range 256 {
		if diff := cmp.Diff(Owners(seg, a, 2), Owners(seg, b, 2)); diff != "" {
			t.Fatalf("segment %d: owners differ by member order (-a +b):\n%s", seg, diff)
		}
	}
}

func TestOwnersSpreadSegmentsEvenly(t *testing.T) {
	members := []string{"node-a", "node-b", "node-c"}
	primaries := map[string]int{}
	for seg := range 256 {
		primaries[Owners(seg, members, 1)[0]]++
	}
	for _, m := range members {
		// 256/3 is about 85; rendezvous hashing keeps each within a third of it.
		if n := primaries[m]; n < 57 || n > 114 {
			t.Errorf("%s is primary owner of %d of 256 segments, want 57 to 114", m, n)
		}
	}
}

func TestOwnersMoveOnlyWhatTheViewChangeConcerns(t *testing.T) {
	before := []string{"node-a", "node-b", "node-c"}
	tests := []struct {
		name     string
		after    []string
		newcomer string
	}{
		{"a member leaves", []string{"node-a", "node-c"}, ""},
		{"a member joins", []string{"node-a", "node-b", "node-c", "node-d"}, "node-d"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for seg := range 256 {
				was, is := Owners(seg, before, 2), Owners(seg, tt.after, 2)
				for _, o := range was {
					// A surviving owner is outranked only by a newcomer.
					if slices.Contains(tt.after, o) && !slices.Contains(is, o) &&
						!slices.Contains(is, tt.newcomer) {
						t.Fatalf("segment %d: %s lost it: %v -> %v", seg, o, was, is)
					}
				}
				for _, o := range is {
					if !slices.Contains(was, o) && o != tt.newcomer &&
						len(tt.after) > len(before) {
						t.Fatalf("segment %d: %s gained it: %v -> %v", seg, o, was, is)
					}
				}
			}
		})
	}
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name string
		key  string
		n    int
		want int
	}{
		{"no segments is segment zero", "k", 0, 0},
		{"one segment is segment zero", "k", 1, 0},
		{"a key falls in its hashed segment", "session-42", 256, 52},
		{"the empty key has a segment too", "", 256, 37},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Segment(tt.key, tt.n); got != tt.want {
				t.Errorf("Segment(%q, %d) = %d, want %d", tt.key, tt.n, got, tt.want)
			}
		})
	}
	seen := map[int]bool{}
	for i := range 1000 {
		seen[Segment(fmt.Sprint("key-", i), 256)] = true
	}
	if len(seen) < 240 {
		t.Errorf("1,000 keys fall in %d of 256 segments, want at least 240", len(seen))
	}
}
