package dmr

import "testing"

// TestListAndObjectSeparators checks the list and separator reading the
// text and JSON forms share: a trailing comma is allowed in the text form
// only, and a misplaced token after an item is reported as each form
// reports it.
func TestListAndObjectSeparators(t *testing.T) {
	tests := []struct {
		name    string
		parse   func(string) (Value, error)
		in      string
		want    string
		wantErr string
	}{
		{"text list with a trailing comma", Parse, "[1,]", "[1]", ""},
		{"text list with an arrow after an item", Parse, "[1=>", "",
			"Expecting ',' or LIST_END"},
		{"json list with a trailing comma", ParseJSON, "[1,]", "",
			"Expecting OBJECT_START or LIST_START or PROPERTY_START or STRING or " +
				"EXPRESSION or BYTES or NUMBER or BOOLEAN or TYPE or UNDEFINED"},
		{"json list with an arrow after an item", ParseJSON, "[1=>", "",
			"Unexpected character '=' while reading DMR stream"},
		{"json object with a trailing comma", ParseJSON, `{"a":1,}`, "",
			"Expecting STRING"},
		{"json object with an arrow after a member", ParseJSON, `{"a":1=>`, "",
			"Unexpected character '=' while reading DMR stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := tt.parse(tt.in)
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("parsing %q: error %v, want %q", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("parsing %q: %v", tt.in, err)
			}
			if got := v.CompactString(); got != tt.want {
				t.Errorf("parsing %q = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}
