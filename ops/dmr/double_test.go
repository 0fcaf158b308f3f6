package dmr

import (
	"math"
	"testing"
)

func TestFormatDoubleAsJava(t *testing.T) {
	tests := []struct {
		name string
		in   float64
		want string
	}{
		{"zero", 0, "0.0"},
		{"negative zero", math.Copysign(0, -1), "-0.0"},
		{"one", 1, "1.0"},
		{"a whole number below 10^7", 1234567, "1234567.0"},
		{"just below 10^7", 9999999, "9999999.0"},
		{"10^7 switches to E notation", 1e7, "1.0E7"},
		{"ten billion", 1e10, "1.0E10"},
		{"10^-3 stays plain", 0.001, "0.001"},
		{"below 10^-3 switches to E notation", 0.0001, "1.0E-4"},
		{"ten to the minus five", 1e-5, "1.0E-5"},
		{"two thousandths", 0.002, "0.002"},
		{"one tenth", 0.1, "0.1"},
		{"one third", 1.0 / 3, "0.3333333333333333"},
		{"pi", math.Pi, "3.141592653589793"},
		{"a fraction", 123456.789, "123456.789"},
		{"negative", -2.5, "-2.5"},
		{"largest double", math.MaxFloat64, "1.7976931348623157E308"},
		{"smallest normal", 2.2250738585072014e-308, "2.2250738585072014E-308"},
		{"smallest subnormal takes two digits", 5e-324, "4.9E-324"},
		{"ten to the 23", 1e23, "1.0E23"},
		{"many digits in E notation", 1.2345678e-10, "1.2345678E-10"},
		{"not a number", math.NaN(), "NaN"},
		{"infinity", math.Inf(1), "Infinity"},
		{"minus infinity", math.Inf(-1), "-Infinity"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := formatDouble(tt.in); got != tt.want {
				t.Errorf("formatDouble(%v) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCanonicalDecimalAsJava(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"keeps the scale", "1.50", "1.50", true},
		{"positive exponent", "1E+10", "1E+10", true},
		{"lower-case exponent", "1e10", "1E+10", true},
		{"exponent folded into the scale", "1.5e3", "1.5E+3", true},
		{"plain down to 10^-6", "0.000001", "0.000001", true},
		{"E notation below 10^-6", "0.0000001", "1E-7", true},
		{"zero with scale", "0.000", "0.000", true},
		{"negative zero loses its sign", "-0.00", "0.00", true},
		{"leading plus", "+12", "12", true},
		{"leading point", ".5", "0.5", true},
		{"trailing point", "5.", "5", true},
		{"leading zeros dropped", "007.10", "7.10", true},
		{"negative exponent to plain", "123e-2", "1.23", true},
		{"long coefficient", "123456789012345678901234567890.123456789",
			"123456789012345678901234567890.123456789", true},
		{"empty", "", "", false},
		{"lone point", ".", "", false},
		{"two points", "1.2.3", "", false},
		{"exponent without digits", "1e", "", false},
		{"two signs", "--1", "", false},
		{"exponent beyond int", "1e99999999999", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := canonicalDecimal(tt.in)
			if got != tt.want || ok != tt.ok {
				t.Errorf("canonicalDecimal(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
			}
		})
	}
}
