package dmr

import (
	"errors"
	"math"
	"math/big"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Value
	}{
		{"an int with a plus sign", "+5", NewInt(5)},
		{"hex bits shift in without a range check", "0xFFFFFFFF", NewInt(-1)},
		{"a hex long", "0x7fffffffffffffffL", NewLong(math.MaxInt64)},
		{"the smallest long", "-9223372036854775808L", NewLong(math.MinInt64)},
		{"a double in E notation", "1.5E-7", NewDouble(1.5e-7)},
		{"a double too large is infinite as in Java", "1.0e400", NewDouble(math.Inf(1))},
		{"a signed infinity", "+Infinity", NewDouble(math.Inf(1))},
		{"big decimal keeps its scale", "big decimal -0.50", NewBigDecimal("-0.50")},
		{"big integer beyond a long", "big integer 123456789012345678901234567890",
			NewBigInteger(mustBig("123456789012345678901234567890"))},
		{"decimal bytes keep their low 8 bits", "bytes {255, 256, -1}",
			NewBytes([]byte{0xff, 0x00, 0xff})},
		{"every type name", "[BIG_DECIMAL,BIG_INTEGER,BOOLEAN,BYTES,EXPRESSION,INT,LIST," +
			"LONG,OBJECT,PROPERTY,STRING,TYPE,UNDEFINED,DOUBLE]",
			NewList(NewType(BigDecimal), NewType(BigInteger), NewType(Boolean), NewType(Bytes),
				NewType(Expression), NewType(Int), NewType(List), NewType(Long),
				NewType(Object), NewType(Property), NewType(String), NewType(TypeType),
				NewType(Undefined), NewType(Double))},
		{"escapes for control characters", `"\b\f\n\r\t\"\\"`, NewString("\b\f\n\r" + `t"\`)},
		{"raw newlines and tabs inside a string", "\"a\n\tb\"", NewString("a\n\tb")},
		{"a repeated key keeps its first place and its last value",
			`{"a" => 1, "b" => 2, "a" => 3}`, object("a", NewInt(3), "b", NewInt(2))},
		{"a trailing comma in a list", "[1,2,]", NewList(NewInt(1), NewInt(2))},
		{"an address as the CLI sends it",
			`[("subsystem"=>"jgroups"),("stack"=>"tcp"),("protocol"=>"MPING")]`,
			NewList(NewProperty("subsystem", NewString("jgroups")),
				NewProperty("stack", NewString("tcp")),
				NewProperty("protocol", NewString("MPING")))},
		{"an expression with a default", `expression "${env.DB:h2}"`,
			NewExpression("${env.DB:h2}")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tt.in, err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name, in, msg string
	}{
		{"an object key must be quoted", `{a => 1}`,
			"Unexpected character 'a' while reading DMR stream"},
		{"a property holds one entry", `("a" => 1, "b" => 2)`, "Expecting PROPERTY_END"},
		{"an empty property", `()`, "Expecting STRING"},
		{"two commas in a list", `[1,,2]`, msgValue},
		{"a comma first in a list", `[,1]`, msgFirstItem},
		{"a list item without a comma", `[1 2]`, msgListNext},
		{"an unclosed object", `{"a" => 1`, msgEOF},
		{"an unclosed string key", `{"a`, msgEOF},
		{"a long too large", "9223372036854775808L", "Incorrect long value"},
		{"a long with a point", "1.5L", "Incorrect long value"},
		{"a double with two points", "1.2.3", "Incorrect double value"},
		{"hex with too many digits", "0x123456789", "Incorrect integer value"},
		{"a bytes item in letters", "bytes {ab}", msgBytesItem},
		{"bytes without braces", "bytes 1", "Incorrect bytes value. It must start with: '{'"},
		{"big without a kind", "big number 1",
			"Unexpected first character 'n' while reading DMR decimal or integer token"},
		{"big decimal without digits", "big decimal", "Incorrect big decimal value"},
		{"a misspelt type", "LOST", "Unexpected character 'S' while reading DMR LONG token"},
		{"an unknown type initial", "LAST",
			"Unexpected second character 'A' while reading DMR LIST or LONG token"},
		{"a sign before a letter", "-x",
			"Unexpected first character 'x' while reading DMR Infinity or NaN or number token"},
		{"a lone arrow", "=>", msgValue},
		{"an arrow without its head", `{"a" = 1}`,
			"Unexpected character ' ' while reading DMR arrow"},
		{"an empty input", "", msgEOF},
		{"a second value", "1 2", msgTrailing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Parse(tt.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %s, want error %q", tt.in, v, tt.msg)
			}
			var se *SyntaxError
			if !errors.As(err, &se) || !errors.Is(err, ErrSyntax) {
				t.Errorf("Parse(%q) error %T is no *SyntaxError matching ErrSyntax", tt.in, err)
			}
			if err.Error() != tt.msg {
				t.Errorf("Parse(%q) error = %q, want %q", tt.in, err, tt.msg)
			}
		})
	}
}

func TestParseRejectsDeepNesting(t *testing.T) {
	deep := make([]byte, 0, 2*(maxDepth+1))
	for range maxDepth + 1 {
		deep = append(deep, '[')
	}
	for range maxDepth + 1 {
		deep = append(deep, ']')
	}
	if _, err := Parse(string(deep)); err == nil || err.Error() != msgTooDeep {
		t.Errorf("Parse(%d nested lists) error = %v, want %q", maxDepth+1, err, msgTooDeep)
	}
	if _, err := Parse(string(deep[1 : len(deep)-1])); err != nil {
		t.Errorf("Parse(%d nested lists): %v", maxDepth, err)
	}
}

func mustBig(s string) *big.Int {
	n, ok := new(big.Int).SetString(s, 10)
	if !ok {
		panic("bad test number " + s)
	}
	return n
}
