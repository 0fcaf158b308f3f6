package dmr

import (
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAsBool(t *testing.T) {
	tests := []struct {
		name    string
		in      Value
		want    bool
		wantErr bool
	}{
		{"a boolean", NewBool(true), true, false},
		{"a non-zero int", NewInt(-1), true, false},
		{"a zero long", NewLong(0), false, false},
		{"a zero double", NewDouble(0), false, false},
		{"a big integer", NewBigInteger(big.NewInt(2)), true, false},
		{"a zero big decimal with scale", NewBigDecimal("0.00"), false, false},
		{"the string TRUE in any case", NewString("TRUE"), true, false},
		{"the string false", NewString("false"), false, false},
		{"another string", NewString("yes"), false, true},
		{"undefined", NewUndefined(), false, true},
		{"a list", NewList(NewBool(true)), false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.AsBool()
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("AsBool(%s) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestAsInt64(t *testing.T) {
	tests := []struct {
		name    string
		in      Value
		want    int64
		wantErr bool
	}{
		{"an int", NewInt(8080), 8080, false},
		{"a long", NewLong(-5), -5, false},
		{"a double is truncated", NewDouble(2.9), 2, false},
		{"a big decimal is truncated", NewBigDecimal("-2.9"), -2, false},
		{"a big decimal in E notation", NewBigDecimal("1E+3"), 1000, false},
		{"a big integer that fits", NewBigInteger(big.NewInt(7)), 7, false},
		{"a big integer too large", NewBigInteger(mustBig("99999999999999999999")), 0, true},
		{"a string of digits", NewString("8080"), 8080, false},
		{"a string with spaces", NewString(" 8080"), 0, true},
		{"an expression", NewExpression("${x:1}"), 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.in.AsInt64()
			if got != tt.want || (err != nil) != tt.wantErr {
				t.Errorf("AsInt64(%s) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
			}
		})
	}
}

func TestAsList(t *testing.T) {
	tests := []struct {
		name    string
		in      Value
		want    []string
		wantErr bool
	}{
		{"a list gives its items", NewList(NewInt(1), NewString("a")), []string{"1", `"a"`}, false},
		{"an object gives one property per key",
			object("a", NewInt(1), "b", NewInt(2)), []string{`("a"=>1)`, `("b"=>2)`}, false},
		{"a property gives itself", NewProperty("p", NewBool(true)), []string{`("p"=>true)`}, false},
		{"a string is no list", NewString("a,b"), nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := tt.in.AsList()
			if (err != nil) != tt.wantErr {
				t.Fatalf("AsList(%s) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			var got []string
			for _, it := range items {
				got = append(got, it.CompactString())
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("AsList(%s) (-want +got):\n%s", tt.in, diff)
			}
		})
	}
}
