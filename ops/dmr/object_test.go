package dmr

import (
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestObjectKeepsOrderPastTheIndexThreshold exercises objects large enough
// to be indexed, through setting, replacing, removing and adding again.
func TestObjectKeepsOrderPastTheIndexThreshold(t *testing.T) {
	for _, size := range []int{smallObject - 1, smallObject, smallObject + 1, 3 * smallObject} {
		t.Run(strconv.Itoa(size)+" keys", func(t *testing.T) {
			o := NewObject()
			var want []string
			for i := range size {
				k := "k" + strconv.Itoa(i)
				o.Set(k, NewInt(int32(i)))
				want = append(want, k)
			}
			o.Set("k0", NewString("replaced"))
			o.Remove("k1")
			o.Remove("missing")
			o.Set("k1", NewBool(true))
			want = append(append([]string{"k0"}, want[2:]...), "k1")

			if diff := cmp.Diff(want, o.Keys()); diff != "" {
				t.Errorf("Keys() (-want +got):\n%s", diff)
			}
			for i, k := range want {
				got, ok := o.Get(k)
				var exp Value
				switch {
				case k == "k0":
					exp = NewString("replaced")
				case k == "k1":
					exp = NewBool(true)
				default:
					n, _ := strconv.Atoi(k[1:])
					exp = NewInt(int32(n))
				}
				if !ok || !got.Equal(exp) {
					t.Errorf("Get(%q) (entry %d) = %s, %v; want %s", k, i, got, ok, exp)
				}
			}
			if o.Has("missing") || o.Len() != len(want) {
				t.Errorf("Len() = %d, Has(missing) = %v; want %d, false", o.Len(),
					o.Has("missing"), len(want))
			}
		})
	}
}
