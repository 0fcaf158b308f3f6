package cache

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRestartAndRemove(t *testing.T) {
	tests := []struct {
		name       string
		start      bool
		restart    *Config
		remove     bool
		wantCaches []string
		wantLen    int
		wantOwners int
	}{
		{"a restart keeps this member's entries under the new configuration", true,
			&Config{Mode: Local, Owners: 3}, false, []string{"c"}, 3, 3},
		{"a restart of a cache that does not run starts it", false,
			&Config{Mode: Local, Owners: 3}, false, []string{"c"}, 0, 3},
		{"a remove stops the cache", true, nil, true, []string{}, -1, 0},
		{"a remove of a cache that does not run changes nothing", false, nil, true,
			[]string{}, -1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			c := NewContainer("k", Alone("node0"), nil)
			defer c.Stop()
			if tt.start {
				ca, err := c.Start("c", Config{Mode: Local, Owners: 1})
				if err != nil {
					t.Fatal(err)
				}
				for _, k := range []string{"a", "b", "c"} {
					if err := ca.Put(ctx, k, []byte(k)); err != nil {
						t.Fatal(err)
					}
				}
			}
			if tt.restart != nil {
				if _, err := c.Restart(ctx, "c", *tt.restart); err != nil {
					t.Fatal(err)
				}
			}
			if tt.remove {
				if got := c.Remove("c"); got != tt.start {
					t.Errorf("Remove = %v, want %v", got, tt.start)
				}
			}
			if diff := cmp.Diff(tt.wantCaches, c.Caches()); diff != "" {
				t.Errorf("caches (-want +got):\n%s", diff)
			}
			ca := c.Cache("c")
			if ca == nil {
				return
			}
			if got := ca.Len(); got != tt.wantLen {
				t.Errorf("Len = %d, want %d", got, tt.wantLen)
			}
			if got := ca.Config().Owners; got != tt.wantOwners {
				t.Errorf("owners = %d, want %d", got, tt.wantOwners)
			}
		})
	}
}
