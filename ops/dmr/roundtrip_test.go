package dmr

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
)

// valueGen builds random values for round-trip tests. jsonSafe limits it to
// values whose JSON form reads back as the same value (see ParseJSON).
type valueGen struct {
	r        *rand.Rand
	jsonSafe bool
}

func (g valueGen) value(depth int) Value {
	kinds := 14
	if depth <= 0 {
		kinds = 10 // scalars only
	}
	switch g.r.IntN(kinds) {
	case 0:
		return NewUndefined()
	case 1:
		return NewBool(g.r.IntN(2) == 0)
	case 2:
		return NewInt(int32(g.r.Uint32()))
	case 3:
		return g.long()
	case 4:
		return g.number()
	case 5:
		return NewString(g.text())
	case 6:
		return NewExpression("${" + g.text() + ":x}")
	case 7:
		return NewType(Type(g.r.IntN(14)))
	case 8:
		return NewBytes(byteRange(g.r.IntN(70)))
	case 9:
		return g.bigInteger()
	case 10, 11:
		return g.list(depth)
	case 12:
		return g.object(depth)
	}
	if g.jsonSafe {
		return g.object(depth)
	}
	return NewProperty(g.text(), g.value(depth-1))
}

func (g valueGen) long() Value {
	n := int64(g.r.Uint64())
	if g.jsonSafe && n >= math.MinInt32 && n <= math.MaxInt32 {
		n += math.MaxInt32 + 1 // JSON reads a small LONG back as an INT
	}
	return NewLong(n)
}

func (g valueGen) number() Value {
	specials := []float64{math.NaN(), math.Inf(1), math.Inf(-1)}
	if g.jsonSafe {
		// JSON reads a number with a point as a BIG_DECIMAL.
		if g.r.IntN(2) == 0 {
			return NewDouble(specials[g.r.IntN(3)])
		}
		return NewBigDecimal(big.NewInt(g.r.Int64()).String() + ".5e-3")
	}
	switch g.r.IntN(3) {
	case 0:
		return NewDouble(specials[g.r.IntN(3)])
	case 1:
		return NewDouble(math.Float64frombits(g.r.Uint64()))
	}
	exp := big.NewInt(g.r.Int64N(40) - 20).String()
	return NewBigDecimal(big.NewInt(g.r.Int64()).String() + "e" + exp)
}

func (g valueGen) bigInteger() Value {
	n := new(big.Int).Lsh(big.NewInt(g.r.Int64()), 70)
	return NewBigInteger(n.Add(n, big.NewInt(g.r.Int64())))
}

// text returns a string with the characters that need care: quotes,
// backslashes, control characters, non-ASCII.
func (g valueGen) text() string {
	const pieces = "ab\"\\\n\t\x01é😀 =>{}[](),"
	var b strings.Builder
	runes := []rune(pieces)
	for range g.r.IntN(8) {
		b.WriteRune(runes[g.r.IntN(len(runes))])
	}
	return b.String()
}

func (g valueGen) key() string {
	// Keys are not JSON-escaped by jboss-dmr, so a control character in a
	// key does not survive JSON; nor does a wrapper name as the first key.
	return strings.ReplaceAll(g.text(), "\x01", "k") + "k"
}

func (g valueGen) list(depth int) Value {
	l := NewList()
	for range g.r.IntN(4) {
		l.Append(g.value(depth - 1))
	}
	return l
}

func (g valueGen) object(depth int) Value {
	o := NewObject()
	for range g.r.IntN(4) {
		o.Set(g.key(), g.value(depth-1))
	}
	return o
}

func TestRoundTripText(t *testing.T) {
	g := valueGen{r: rand.New(rand.NewPCG(1, 2))}
	for i := range 2000 {
		v := g.value(4)
		for form, text := range map[string]string{
			"String": v.String(), "CompactString": v.CompactString(),
		} {
			got, err := Parse(text)
			if err != nil {
				t.Fatalf("value %d: Parse(v.%s()) of %q: %v", i, form, text, err)
			}
			if !got.Equal(v) {
				t.Fatalf("value %d: Parse(v.%s()) = %s, want %s", i, form, got, v)
			}
		}
	}
}

func TestRoundTripJSON(t *testing.T) {
	g := valueGen{r: rand.New(rand.NewPCG(3, 4)), jsonSafe: true}
	for i := range 2000 {
		v := g.value(4)
		for form, text := range map[string]string{
			"JSONString(true)": v.JSONString(true), "JSONString(false)": v.JSONString(false),
			"JSONWire()": v.JSONWire(),
		} {
			got, err := ParseJSON(text)
			if err != nil {
				t.Fatalf("value %d: ParseJSON(v.%s) of %q: %v", i, form, text, err)
			}
			if !got.Equal(v) {
				t.Fatalf("value %d: ParseJSON(v.%s) = %s, want %s", i, form, got, v)
			}
		}
	}
}

func TestCloneSharesNothing(t *testing.T) {
	orig := object("l", NewList(NewInt(1)), "o", object("k", NewString("v")),
		"p", NewProperty("n", NewList(NewInt(2))), "b", NewBytes([]byte{1}))
	c := orig.Clone()
	if !c.Equal(orig) {
		t.Fatalf("Clone() = %s, want %s", c, orig)
	}
	l, _ := c.Get("l")
	l.Append(NewInt(9))
	o, _ := c.Get("o")
	o.Set("k2", NewInt(1))
	p, _ := c.Get("p")
	p.PropertyValue().Append(NewInt(3))
	b, _ := c.Get("b")
	b.RawBytes()[0] = 7
	want := `{"l"=>[1],"o"=>{"k"=>"v"},"p"=>("n"=>[2]),"b"=>bytes {0x01}}`
	if got := orig.CompactString(); got != want {
		t.Errorf("original after changing the clone = %s, want %s", got, want)
	}
	if c.Equal(orig) {
		t.Errorf("the changed clone still equals the original")
	}
}
