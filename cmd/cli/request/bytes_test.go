package request

import "testing"

// TestValueKeepsBytesInRange checks that the byte range check of DMR text
// values lets valid bytes through, and leaves quoted text alone.
func TestValueKeepsBytesInRange(t *testing.T) {
	tests := []struct{ name, raw, want string }{
		{"signed and hex bytes", "bytes {0x01, -1, 127}", "bytes {0x01,0xff,0x7f}"},
		{"the largest hex byte", "bytes{0xff}", "bytes {0xff}"},
		{"bytes in an object", `{"a" => bytes {0x80}}`, `{"a"=>bytes {0x80}}`},
		{"a quoted string that mentions bytes", `"bytes{999}"`, `"bytes{999}"`},
		{"a word that starts with bytes", "bytesize", `"bytesize"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Value(tt.raw, Env{})
			if err != nil {
				t.Fatalf("Value(%q): %v", tt.raw, err)
			}
			if want := mustParse(t, tt.want); !got.Equal(want) {
				t.Errorf("Value(%q) = %s, want %s", tt.raw, got.CompactString(), tt.want)
			}
		})
	}
}
