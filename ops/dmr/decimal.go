package dmr

import (
	"math"
	"strconv"
	"strings"
)

// canonicalDecimal reads s as Java's new BigDecimal(String) does and returns
// the value's BigDecimal.toString text ("1.50", "1E+10", "0.000", "1E-7"),
// and false when Java would reject s. The scale survives: "1.50" stays
// "1.50", since jboss-dmr keeps it.
func canonicalDecimal(s string) (string, bool) {
	neg, coeff, scale, ok := splitDecimal(s)
	if !ok {
		return "", false
	}
	coeff = strings.TrimLeft(coeff, "0")
	if coeff == "" {
		coeff, neg = "0", false
	}
	text := layoutDecimal(coeff, scale)
	if neg {
		text = "-" + text
	}
	return text, true
}

// splitDecimal splits a Java BigDecimal literal into its sign, its digits
// (leading zeros kept) and its scale (digits after the point minus the
// exponent).
func splitDecimal(s string) (neg bool, coeff string, scale int64, ok bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg, s = s[0] == '-', s[1:]
	}
	mant, exp, hasExp := strings.Cut(strings.Replace(s, "E", "e", 1), "e")
	intPart, frac, _ := strings.Cut(mant, ".")
	coeff = intPart + frac
	if coeff == "" || !allDigits(coeff) {
		return false, "", 0, false
	}
	scale = int64(len(frac))
	if hasExp {
		e, err := strconv.ParseInt(exp, 10, 32)
		if err != nil {
			return false, "", 0, false
		}
		scale -= e
	}
	if scale > math.MaxInt32 || scale < math.MinInt32 {
		return false, "", 0, false
	}
	return neg, coeff, scale, true
}

// layoutDecimal prints an unscaled coefficient (digits, no sign, no
// leading zeros) and a scale as Java's BigDecimal.toString does.
func layoutDecimal(coeff string, scale int64) string {
	if scale == 0 {
		return coeff
	}
	adjusted := -scale + int64(len(coeff)-1)
	if scale > 0 && adjusted >= -6 {
		if int64(len(coeff)) > scale {
			cut := len(coeff) - int(scale)
			return coeff[:cut] + "." + coeff[cut:]
		}
		return "0." + strings.Repeat("0", int(scale)-len(coeff)) + coeff
	}
	text := coeff[:1]
	if len(coeff) > 1 {
		text += "." + coeff[1:]
	}
	if adjusted != 0 {
		text += "E"
		if adjusted > 0 {
			text += "+"
		}
		text += strconv.FormatInt(adjusted, 10)
	}
	return text
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
