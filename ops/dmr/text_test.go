package dmr

import (
	"math/big"
	"strings"
	"testing"
)

func object(kv ...any) Value {
	o := NewObject()
	for i := 0; i < len(kv); i += 2 {
		o.Set(kv[i].(string), kv[i+1].(Value))
	}
	return o
}

func byteRange(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}

func TestTextForms(t *testing.T) {
	tests := []struct {
		name                    string
		in                      Value
		text, compact, asString string
	}{
		{
			name: "a response with a one-entry result stays on one line inside",
			in: object("outcome", NewString("success"),
				"result", object("value", NewString("b"))),
			text:     "{\n    \"outcome\" => \"success\",\n    \"result\" => {\"value\" => \"b\"}\n}",
			compact:  `{"outcome"=>"success","result"=>{"value"=>"b"}}`,
			asString: `{"outcome" => "success","result" => {"value" => "b"}}`,
		},
		{
			name: "an address of two elements",
			in: NewList(NewProperty("subsystem", NewString("datasources")),
				NewProperty("data-source", NewString("X"))),
			text: "[\n    (\"subsystem\" => \"datasources\"),\n" +
				"    (\"data-source\" => \"X\")\n]",
			compact:  `[("subsystem"=>"datasources"),("data-source"=>"X")]`,
			asString: `[("subsystem" => "datasources"),("data-source" => "X")]`,
		},
		{
			name: "bytes break after every eighth byte",
			in:   object("b", NewBytes(byteRange(10)), "n", NewLong(1)),
			text: "{\n    \"b\" => bytes {\n" +
				"        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,\n" +
				"        0x08, 0x09\n    },\n    \"n\" => 1L\n}",
			compact: `{"b"=>bytes {0x00,0x01,0x02,0x03,0x04,0x05,0x06,0x07,0x08,0x09},"n"=>1L}`,
			asString: `{"b" => bytes { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, ` +
				`0x08, 0x09 },"n" => 1L}`,
		},
		{
			name:     "a property value keeps its own multi-line form at level 0",
			in:       NewList(NewProperty("a", NewList(NewInt(1), NewInt(2))), NewInt(3)),
			text:     "[\n    (\"a\" => [\n    1,\n    2\n]),\n    3\n]",
			compact:  `[("a"=>[1,2]),3]`,
			asString: "[(\"a\" => [\n    1,\n    2\n]),3]",
		},
		{
			name: "nested objects indent by four spaces a level",
			in: object("a", object("x", NewInt(1), "y", NewList(NewInt(1), NewInt(2))),
				"b", NewInt(2)),
			text: "{\n    \"a\" => {\n        \"x\" => 1,\n        \"y\" => [\n" +
				"            1,\n            2\n        ]\n    },\n    \"b\" => 2\n}",
			compact:  `{"a"=>{"x"=>1,"y"=>[1,2]},"b"=>2}`,
			asString: `{"a" => {"x" => 1,"y" => [1,2]},"b" => 2}`,
		},
		{
			name: "every scalar type",
			in: NewList(NewExpression("${a:b}"), NewType(String),
				NewBigInteger(big.NewInt(5)), NewBigDecimal("1.50"), NewDouble(1e10),
				NewUndefined(), NewBool(false), NewLong(-7), NewInt(-7)),
			text: "[\n    expression \"${a:b}\",\n    STRING,\n    big integer 5,\n" +
				"    big decimal 1.50,\n    1.0E10,\n    undefined,\n    false,\n    -7L,\n    -7\n]",
			compact: `[expression "${a:b}",STRING,big integer 5,big decimal 1.50,1.0E10,` +
				`undefined,false,-7L,-7]`,
			asString: `[expression "${a:b}",STRING,big integer 5,big decimal 1.50,1.0E10,` +
				`undefined,false,-7L,-7]`,
		},
		{
			name:     "strings escape only quote and backslash",
			in:       NewString("a\"b\\c\nd\x01é"),
			text:     "\"a\\\"b\\\\c\nd\x01é\"",
			compact:  "\"a\\\"b\\\\c\nd\x01é\"",
			asString: "a\"b\\c\nd\x01é",
		},
		{
			name:     "empty containers and a single item stay on one line",
			in:       NewList(NewList(), NewObject(), NewList(NewInt(1)), NewBytes(nil)),
			text:     "[\n    [],\n    {},\n    [1],\n    bytes {\n        \n    }\n]",
			compact:  `[[],{},[1],bytes {}]`,
			asString: `[[],{},[1],bytes {  }]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.String(); got != tt.text {
				t.Errorf("String() =\n%s\nwant\n%s", got, tt.text)
			}
			if got := tt.in.CompactString(); got != tt.compact {
				t.Errorf("CompactString() = %s, want %s", got, tt.compact)
			}
			if got := tt.in.AsString(); got != tt.asString {
				t.Errorf("AsString() = %q, want %q", got, tt.asString)
			}
		})
	}
}

func TestJSONForms(t *testing.T) {
	tests := []struct {
		name            string
		in              Value
		pretty, compact string
	}{
		{
			name: "objects join with a comma and space when compact",
			in: object("outcome", NewString("success"),
				"result", object("value", NewString("b"))),
			pretty:  "{\n    \"outcome\" : \"success\",\n    \"result\" : {\"value\" : \"b\"}\n}",
			compact: `{"outcome" : "success", "result" : {"value" : "b"}}`,
		},
		{
			name: "properties become one-key objects",
			in: NewList(NewProperty("subsystem", NewString("datasources")),
				NewProperty("data-source", NewString("X"))),
			pretty: "[\n    {\n        \"subsystem\" : \"datasources\"\n    },\n" +
				"    {\n        \"data-source\" : \"X\"\n    }\n]",
			compact: `[{ "subsystem" : "datasources" },{ "data-source" : "X" }]`,
		},
		{
			name: "wrappers take three lines when pretty",
			in: object("e", NewExpression("${a:b}"), "t", NewType(String),
				"b", NewBytes([]byte{1, 2})),
			pretty: "{\n    \"e\" : {\n        \"EXPRESSION_VALUE\" : \"${a:b}\"\n    },\n" +
				"    \"t\" : {\n        \"TYPE_MODEL_VALUE\" : \"STRING\"\n    },\n" +
				"    \"b\" : {\n        \"BYTES_VALUE\" : \"AQI=\"\n    }\n}",
			compact: `{"e" : { "EXPRESSION_VALUE" : "${a:b}" }, "t" : { "TYPE_MODEL_VALUE" : ` +
				`"STRING" }, "b" : { "BYTES_VALUE" : "AQI=" }}`,
		},
		{
			name: "numbers are bare and undefined is null",
			in: NewList(NewLong(5), NewDouble(1e10), NewBigDecimal("1.50"),
				NewBigInteger(big.NewInt(-3)), NewUndefined(), NewBool(true)),
			pretty:  "[\n    5,\n    1.0E10,\n    1.50,\n    -3,\n    null,\n    true\n]",
			compact: `[5,1.0E10,1.50,-3,null,true]`,
		},
		{
			name:    "strings are JSON-escaped but keys are not",
			in:      object("k\"\t", NewString("a\"b\\c\n\t\r\b\f\x01é")),
			pretty:  "{\"k\\\"\t\" : \"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001é\"}",
			compact: "{\"k\\\"\t\" : \"a\\\"b\\\\c\\n\\t\\r\\b\\f\\u0001é\"}",
		},
		{
			name: "base64 breaks its line after 76 characters",
			in:   NewBytes(make([]byte, 60)),
			pretty: "{\n    \"BYTES_VALUE\" : \"" + strings.Repeat("A", 76) + "\\n" +
				"AAAA\"\n}",
			compact: `{ "BYTES_VALUE" : "` + strings.Repeat("A", 76) + `\nAAAA" }`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.JSONString(false); got != tt.pretty {
				t.Errorf("JSONString(false) =\n%s\nwant\n%s", got, tt.pretty)
			}
			if got := tt.in.JSONString(true); got != tt.compact {
				t.Errorf("JSONString(true) = %s, want %s", got, tt.compact)
			}
		})
	}
}
