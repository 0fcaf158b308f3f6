package cache

import (
	"context"
	"strconv"
	"testing"
)

func BenchmarkPut(b *testing.B) {
	for _, bc := range benchCases() {
		b.Run(bc.name, func(b *testing.B) {
			ca := bc.cache(b)
			ctx, v := context.Background(), []byte("value")
			for i := 0; b.Loop(); i++ {
				if err := ca.Put(ctx, strconv.Itoa(i%10000), v); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkGet(b *testing.B) {
	for _, bc := range benchCases() {
		b.Run(bc.name, func(b *testing.B) {
			ca := bc.cache(b)
			ctx := context.Background()
			for i := range 1000 {
				ca.Put(ctx, strconv.Itoa(i), []byte("value"))
			}
			for i := 0; b.Loop(); i++ {
				if _, ok, err := ca.Get(ctx, strconv.Itoa(i%1000)); !ok || err != nil {
					b.Fatal(ok, err)
				}
			}
		})
	}
}

type benchCase struct {
	name  string
	cache func(testing.TB) *Cache
}

func benchCases() []benchCase {
	return []benchCase{
		{"local", func(tb testing.TB) *Cache {
			c := NewContainer("c", Alone("n"), nil)
			tb.Cleanup(c.Stop)
			ca, err := c.Start("x", Config{})
			if err != nil {
				tb.Fatal(err)
			}
			return ca
		}},
		{"distributed 3 members owners=2", func(tb testing.TB) *Cache {
			return startGroup(tb, 3, Config{Mode: Distributed, Owners: 2}).nodes[0].cache()
		}},
	}
}
