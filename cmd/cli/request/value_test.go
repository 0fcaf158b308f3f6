package request

import (
	"testing"

	"wfcli/ops/dmr"
)

func mustParse(t *testing.T, s string) dmr.Value {
	t.Helper()
	v, err := dmr.Parse(s)
	if err != nil {
		t.Fatalf("dmr.Parse(%q): %v", s, err)
	}
	return v
}

func TestValue(t *testing.T) {
	tests := []struct {
		name, raw, want string // want is DMR text
	}{
		{"true is a boolean", "true", "true"},
		{"a quoted true is a string", `"true"`, `"true"`},
		{"an int", "8080", "8080"},
		{"a long", "5L", "5L"},
		{"undefined", "undefined", "undefined"},
		{"a type", "STRING", "STRING"},
		{"an unquoted list of words", "[a,b]", `["a","b"]`},
		{"a quoted list of words", `["a","b"]`, `["a","b"]`},
		{"an object with =", "{a=b,c=d}", `{"a"=>"b","c"=>"d"}`},
		{"a list of pairs is a list of properties", "[a=b,c=d]", `[("a"=>"b"),("c"=>"d")]`},
		{"nested lists and objects", "{a=b,c=[d,e],f=[g=h,i=j]}",
			`{"a"=>"b","c"=>["d","e"],"f"=>[("g"=>"h"),("i"=>"j")]}`},
		{"an expression stays text", "${test.expression}", `"${test.expression}"`},
		{"an expression in the middle", "test ${expression} in the middle",
			`"test ${expression} in the middle"`},
		{"a nested list of words", "[a,b,[c,d]]", `["a","b",["c","d"]]`},
		{"top-level pairs make an object", "a=b,c={d=e}", `{"a"=>"b","c"=>{"d"=>"e"}}`},
		{"objects in a list", "[{a=b},{c=[d=e,f={g=h}]}]",
			`[{"a"=>"b"},{"c"=>[("d"=>"e"),("f"=>{"g"=>"h"})]}]`},
		{"escaped braces and equals", `>{b\=c}`, `">{b=c}"`},
		{"an escaped brace at the start", `>\{b\=c}`, `">{b=c}"`},
		{"an unbalanced bracket is text", `a\[bc`, `"a[bc"`},
		{"blanks and an escaped bracket", `a \[ b c`, `"a [ b c"`},
		{"later equals signs are content", "a=b{c[d=e]}]}", `{"a"=>"b{c[d=e]}]}"}`},
		{"an unquoted filter with a top-level comma is a list",
			`any(not(match("Prepared response is")),match("Scanning"))`,
			`["any(not(match(\"Prepared response is\"))","match(\"Scanning\"))"]`},
		{"an empty quoted value in an object", `{x=""}`, `{"x"=>""}`},
		{"an empty object", "{}", "{}"},
		{"a nested empty object", "{toto={}}", `{"toto"=>{}}`},
		{"a list of objects with blanks", "[{ c=[s], m=s, p=[{k=a,v=b},{k=b,v=c}] }]",
			`[{"c"=>["s"],"m"=>"s","p"=>[{"k"=>"a","v"=>"b"},{"k"=>"b","v"=>"c"}]}]`},
		{"bytes in an object", "{a=bytes{31,0x32,-99}}", `{"a"=>bytes {0x1f,0x32,0x9d}}`},
		{"bytes with blanks", "{a=  bytes   {   31 ,  0x32  , -99 }}",
			`{"a"=>bytes {0x1f,0x32,0x9d}}`},
		{"bytes with a plus sign", "{a=bytes{+31}}", `{"a"=>bytes {0x1f}}`},
		{"hex bytes wrap", "{a=bytes{0xff,0x0ff,0x80}}", `{"a"=>bytes {0xff,0xff,0x80}}`},
		{"=> in an object", "{dns_query=>k.svc,async=>true}",
			`{"dns_query"=>"k.svc","async"=>"true"}`},
		{"= > with blanks in an object", "{  file = > /x,  p => \"W I\"}",
			`{"file"=>"/x","p"=>"W I"}`},
		{"=> at the top level is no separator", ">{password=1234test,url=/x.jks}",
			`{">{password"=>"1234test","url"=>"/x.jks}"}`},
		{"unquoted control escapes", `c:\dir\test.txt`, "\"c:dir\test.txt\""},
		{"double backslashes", `c:\\dir\\test.txt`, `"c:\\dir\\test.txt"`},
		{"a quoted path drops single backslashes", `"c:\dir\test.txt"`, `"c:dirtest.txt"`},
		{"a JDBC URL is a pair", "jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
			`{"jdbc:h2:mem:test;DB_CLOSE_DELAY"=>"-1"}`},
		{"inner blanks are kept", "ha ha ha", `"ha ha ha"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Value(tt.raw, Env{})
			if err != nil {
				t.Fatalf("Value(%q): %v", tt.raw, err)
			}
			if want := mustParse(t, tt.want); !got.Equal(want) {
				t.Errorf("Value(%q) = %s, want %s", tt.raw, got.CompactString(),
					want.CompactString())
			}
		})
	}
}

func TestValueRejects(t *testing.T) {
	for _, raw := range []string{"{a=bytes{128}}", "{a=bytes{-129}}", "{a=bytes{-0x1}}",
		"{a=bytes{0x100}}", "{a=b", `{a="x}`, "{a}", "[a,${b]", "bytes{128}",
		"bytes {-129}", "bytes{0x100}", `{"a" => bytes {200}}`} {
		t.Run(raw, func(t *testing.T) {
			if v, err := Value(raw, Env{}); err == nil {
				t.Errorf("Value(%q) = %s, want an error", raw, v.CompactString())
			}
		})
	}
}

func TestValueResolvesWithResolveParams(t *testing.T) {
	env := testEnv(nil, map[string]string{"env.CACHE_OWNERS": "2"})
	env.ResolveParams = true
	tests := []struct{ raw, want string }{
		{"${env.CACHE_OWNERS:1}", "2"},
		{"${env.MISSING:1}", "1"},
		{"${env.MISSING}", `"${env.MISSING}"`},
		{"{a=${env.CACHE_OWNERS}}", `{"a"=>"2"}`},
	}
	for _, tt := range tests {
		got, err := Value(tt.raw, env)
		if err != nil {
			t.Fatalf("Value(%q): %v", tt.raw, err)
		}
		if want := mustParse(t, tt.want); !got.Equal(want) {
			t.Errorf("Value(%q) = %s, want %s", tt.raw, got.CompactString(), tt.want)
		}
	}
}
