package dmr

import (
	"math"
	"strconv"
	"strings"
)

// formatDouble prints f as Java's Double.toString does (the JDK 19+
// definition): the shortest decimal that reads back as f, but never fewer
// than two significant digits when a two-digit decimal is closer; plain
// notation with at least one fraction digit for 1e-3 <= |f| < 1e7
// ("0.001", "1234567.0"), computerized scientific notation otherwise
// ("1.0E10", "1.0E-5", "4.9E-324"); "NaN", "Infinity", "-Infinity", "-0.0".
//
// Limitation: JDK 17 and older sometimes print a longer decimal than the
// shortest (for example 2.0E-3 as "0.0020"); a node running on those prints
// such doubles differently from us.
func formatDouble(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		if math.Signbit(f) {
			return "-0.0"
		}
		return "0.0"
	}

	sign := ""
	if f < 0 {
		sign, f = "-", -f
	}
	digits, exp := shortestDigits(f)
	if exp >= -3 && exp < 7 {
		return sign + plainDecimal(digits, exp)
	}
	frac := digits[1:]
	if frac == "" {
		frac = "0"
	}
	return sign + digits[:1] + "." + frac + "E" + strconv.Itoa(exp)
}

// shortestDigits returns the significant digits of f (> 0) as Java chooses
// them, and the decimal exponent of the first digit.
func shortestDigits(f float64) (string, int) {
	digits, exp := splitE(strconv.FormatFloat(f, 'e', -1, 64))
	if len(digits) == 1 {
		// Java picks, among the one- and two-digit decimals that read back as
		// f, the one closest to f: 4.9E-324 rather than 5E-324.
		d2, e2 := splitE(strconv.FormatFloat(f, 'e', 1, 64))
		digits, exp = strings.TrimRight(d2, "0"), e2
	}
	return digits, exp
}

// splitE splits Go's "d.ddde±xx" into its digits and exponent.
func splitE(s string) (string, int) {
	mant, e, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(e)
	return strings.Replace(mant, ".", "", 1), exp
}

// plainDecimal lays digits (first digit at 10^exp) out without an exponent,
// with at least one digit after the point.
func plainDecimal(digits string, exp int) string {
	if exp < 0 {
		return "0." + strings.Repeat("0", -exp-1) + digits
	}
	if len(digits) <= exp+1 {
		return digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
	}
	return digits[:exp+1] + "." + digits[exp+1:]
}

// parseJavaDouble reads the text of a DMR number as Java's
// Double.parseDouble does; a value too large becomes an infinity, as in Java.
// The text holds only digits, signs, '.', 'e' and 'E', where Go's syntax and
// Java's agree.
func parseJavaDouble(s string) (float64, bool) {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); ok && ne.Err == strconv.ErrRange {
			return f, true
		}
		return 0, false
	}
	return f, true
}
