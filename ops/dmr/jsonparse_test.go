package dmr

import (
	"math"
	"testing"
)

func TestParseJSON(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Value
	}{
		{"a small number is an INT", "42", NewInt(42)},
		{"the smallest int", "-2147483648", NewInt(math.MinInt32)},
		{"beyond an int is a LONG", "2147483648", NewLong(2147483648)},
		{"beyond a long is a BIG_INTEGER", "9223372036854775808",
			NewBigInteger(mustBig("9223372036854775808"))},
		{"a point makes a BIG_DECIMAL", "1.50", NewBigDecimal("1.50")},
		{"an exponent with a point", "1.0E10", NewBigDecimal("1.0E+10")},
		{"a leading zero means octal", "010", NewInt(8)},
		{"a signed octal", "-010", NewInt(-8)},
		{"hex", "0x1F", NewInt(31)},
		{"signed hex", "-0x10", NewInt(-16)},
		{"zero", "0", NewInt(0)},
		{"NaN and infinities are doubles", "[NaN,Infinity,-Infinity]",
			NewList(NewDouble(math.NaN()), NewDouble(math.Inf(1)), NewDouble(math.Inf(-1)))},
		{"null is undefined", "null", NewUndefined()},
		{"booleans", "[true,false]", NewList(NewBool(true), NewBool(false))},
		{"escapes", `"\"\\\/\b\f\n\r\t\u0041\u00e9"`, NewString("\"\\/\b\f\n\r\tAé")},
		{"a surrogate pair", `"\ud83d\ude00"`, NewString("😀")},
		{"raw whitespace inside a string", "\"a\tb\nc\"", NewString("a\tb\nc")},
		{"objects keep key order", `{"b" : 1, "a" : {"c" : [1,2]}}`,
			object("b", NewInt(1), "a", object("c", NewList(NewInt(1), NewInt(2))))},
		{"an empty object and list", `[{},[]]`, NewList(NewObject(), NewList())},
		{"an expression wrapper", `{ "EXPRESSION_VALUE" : "${a:b}" }`, NewExpression("${a:b}")},
		{"a type wrapper", `{"TYPE_MODEL_VALUE":"LONG"}`, NewType(Long)},
		{"a bytes wrapper with a line break", `{"BYTES_VALUE" : "AQ\nI="}`,
			NewBytes([]byte{1, 2})},
		{"an empty bytes wrapper", `{"BYTES_VALUE" : ""}`, NewBytes(nil)},
		{"a wrapper key second is an ordinary key", `{"a" : 1, "EXPRESSION_VALUE" : "x"}`,
			object("a", NewInt(1), "EXPRESSION_VALUE", NewString("x"))},
		{"an HTTP API request", `{"operation":"read-resource","address":[{"subsystem":` +
			`"undertow"}],"recursive":true,"json.pretty":1}`,
			object("operation", NewString("read-resource"),
				"address", NewList(object("subsystem", NewString("undertow"))),
				"recursive", NewBool(true), "json.pretty", NewInt(1))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseJSON(tt.in)
			if err != nil {
				t.Fatalf("ParseJSON(%q): %v", tt.in, err)
			}
			if !got.Equal(tt.want) {
				t.Errorf("ParseJSON(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseJSONRejects(t *testing.T) {
	tests := []struct {
		name, in, msg string
	}{
		{"a trailing comma in a list", "[1,]", msgValue},
		{"a trailing comma in an object", `{"a" : 1,}`, "Expecting STRING"},
		{"a missing colon", `{"a" 1}`, "Expecting ':'"},
		{"DMR arrows", `{"a" => 1}`, "Unexpected character '=' while reading DMR stream"},
		{"an exponent without a point", "1E10", "Incorrect integer value"},
		{"an octal digit out of range", "08", "Incorrect integer value"},
		{"a raw control character", "\"a\x01\"", "Unexpected control character '\x01' " +
			"while reading DMR string"},
		{"a short unicode escape", `"\u00"`, msgEOF},
		{"a bad unicode escape", `"\uzzzz"`, "Invalid DMR unicode sequence. Expecting 4 " +
			"hexadecimal digits but got 'zzzz'"},
		{"an unknown type", `{"TYPE_MODEL_VALUE" : "NUMBER"}`,
			"No enum constant org.jboss.dmr.ModelType.NUMBER"},
		{"a wrapper with a second key", `{"EXPRESSION_VALUE" : "x", "a" : 1}`,
			"Unexpected character ',' while reading DMR expression value"},
		{"base64 of a wrong length", `{"BYTES_VALUE" : "AQI"}`,
			"Encoded base64 value is not dividable by 4"},
		{"a property", `("a" : 1)`, "Unexpected character '(' while reading DMR stream"},
		{"two values", "1 2", msgTrailing},
		{"nothing", " ", msgEOF},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := ParseJSON(tt.in)
			if err == nil {
				t.Fatalf("ParseJSON(%q) = %s, want error %q", tt.in, v, tt.msg)
			}
			if err.Error() != tt.msg {
				t.Errorf("ParseJSON(%q) error = %q, want %q", tt.in, err, tt.msg)
			}
		})
	}
}
