package grammar

import "testing"

func TestTopLevelIndex(t *testing.T) {
	tests := []struct {
		name string
		text string
		c    byte
		want int
	}{
		{"first colon at depth zero", "/a=b:read(x=1)", ':', 4},
		{"colon inside brackets is skipped", "(a:b):c", ':', 5},
		{"colon inside quotes is skipped", `"a:b":c`, ':', 5},
		{"escaped colon is skipped", `a\:b:c`, ':', 4},
		{"closing bracket at depth zero is found", "x=1,y=[2])", ')', 9},
		{"a stray closer hides the rest", "a):b", ':', -1},
		{"absent character", "abc", ':', -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TopLevelIndex(tt.text, tt.c); got != tt.want {
				t.Errorf("TopLevelIndex(%q, %q) = %d, want %d", tt.text, tt.c, got, tt.want)
			}
		})
	}
}

func TestScanTopLevelEnd(t *testing.T) {
	tests := []struct {
		name       string
		text       string
		clamp      bool
		wantDepth  int
		wantQuoted bool
	}{
		{"balanced", `a(b[c]{d})`, false, 0, false},
		{"open bracket", `a(b`, false, 1, false},
		{"open quote", `a="b(`, false, 0, true},
		{"escaped quote does not open", `a=\"b`, false, 0, false},
		{"stray closer goes below zero", `a)`, false, -1, false},
		{"stray closer is ignored with clamp", `a)(`, true, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			depth, quoted := ScanTopLevel(tt.text, tt.clamp, nil)
			if depth != tt.wantDepth || quoted != tt.wantQuoted {
				t.Errorf("ScanTopLevel(%q, %v) = %d, %v, want %d, %v",
					tt.text, tt.clamp, depth, quoted, tt.wantDepth, tt.wantQuoted)
			}
		})
	}
}
