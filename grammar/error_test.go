package grammar

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestErrorFormat(t *testing.T) {
	tests := []struct {
		name string
		line string
		want string
	}{
		{
			name: "a second slash in the middle of a path",
			line: "/subsystem=logging//logger=x:read-resource",
			want: "setup.cli:7:20: Can't reset to root in the middle of the path @19\n" +
				"/subsystem=logging//logger=x:read-resource\n" +
				"                   ^\n" +
				"Remove the extra '/': a path has one '/' between its steps.",
		},
		{
			name: "an unclosed quote in a parameter value",
			line: `:op(p=")`,
			want: "setup.cli:7:7: The closing '\"' is missing.\n" +
				":op(p=\")\n" +
				"      ^\n" +
				`Close the quote, or write a literal quote as \".`,
		},
		{
			name: "an address without an operation",
			line: "  /subsystem=logging",
			want: "setup.cli:7:3: The operation name is missing or the format of the " +
				"operation request is wrong.\n" +
				"  /subsystem=logging\n" +
				"  ^\n" +
				"An operation request reads [address]:operation[(name=value, ...)], " +
				"e.g. /subsystem=logging:read-resource.",
		},
		{
			name: "a header without a value",
			line: "/a=b:op(x=1){rollback-on-runtime-failure}",
			want: "setup.cli:7:14: Header 'rollback-on-runtime-failure' is not complete.\n" +
				"/a=b:op(x=1){rollback-on-runtime-failure}\n" +
				"             ^\n" +
				"Give the header a value: {name=value; other=value}.",
		},
		{
			name: "an unclosed expression after a multi-byte character",
			line: ":op(é=${x)",
			want: "setup.cli:7:7: Closing '}' is missing.\n" +
				":op(é=${x)\n" +
				"      ^\n" +
				"Close the expression: ${name} or ${name:default}.",
		},
		{
			name: "if without of",
			line: "if (outcome == success)",
			want: "setup.cli:7:24: Failed to locate 'of' in the if command: " +
				"'if <condition> of <request>'.\n" +
				"if (outcome == success)\n" +
				"                       ^",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseLine(tt.line, 7)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("ParseLine(%q) = %v, want an *Error", tt.line, err)
			}
			if diff := cmp.Diff(tt.want, e.Format("setup.cli")); diff != "" {
				t.Errorf("Format (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorStringAndAdvice(t *testing.T) {
	e := &Error{Line: 3, Col: 5, Msg: "bad thing", Text: "\tab cd", Advice: "Do it right."}
	if got, want := e.Error(), "3:5: bad thing"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	want := "f:3:5: bad thing\n\tab cd\n\t   ^\nDo it right."
	if diff := cmp.Diff(want, e.Format("f")); diff != "" {
		t.Errorf("Format (-want +got):\n%s", diff)
	}
}
