package shell

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestParseProperties(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []Property
	}{
		{"equals and colon separators", "a=1\nb: 2\nc 3\n",
			[]Property{{"a", "1"}, {"b", "2"}, {"c", "3"}}},
		{"comments and blank lines are skipped", "# x=1\n! y=2\n\n   \nz=3",
			[]Property{{"z", "3"}}},
		{"continuation drops the next line's indent", "list=a,\\\n    b,\\\n    c\n",
			[]Property{{"list", "a,b,c"}}},
		{"escaped separator stays in the key", `a\=b=c`, []Property{{"a=b", "c"}}},
		{"value keeps later separators", "url=jdbc:h2:mem:x;a=b",
			[]Property{{"url", "jdbc:h2:mem:x;a=b"}}},
		{"escapes in values", `k=tab\there\u0041\\x`, []Property{{"k", "tab\thereA\\x"}}},
		{"key without value", "flag\n", []Property{{"flag", ""}}},
		{"CRLF line ends", "a=1\r\nb=2\r\n", []Property{{"a", "1"}, {"b", "2"}}},
		{"later keys repeat", "a=1\na=2", []Property{{"a", "1"}, {"a", "2"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseProperties(tc.src)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestParsePropertiesRejectsBadUnicodeEscape(t *testing.T) {
	if _, err := ParseProperties(`a=\u12`); err == nil {
		t.Error("want an error for a short \\u escape")
	}
}
