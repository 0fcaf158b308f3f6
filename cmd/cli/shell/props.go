package shell

import (
	"fmt"
	"strconv"
	"strings"
)

// Property is one key and value of a Java .properties file.
type Property struct {
	Key, Value string
}

// ParseProperties reads the text of a Java .properties file as
// java.util.Properties.load does: '#' and '!' start comment lines; a key
// ends at the first unescaped '=', ':' or whitespace, after which blanks and
// one '=' or ':' are skipped; a line ending in an odd number of backslashes
// continues on the next, whose leading whitespace is dropped; \t \n \r \f
// and \uXXXX are escapes and any other escaped character stands for itself.
// The properties are returned in file order (a later key repeats an earlier
// one; the caller decides that the last wins). It fails only on a malformed
// \u escape.
func ParseProperties(src string) ([]Property, error) {
	var out []Property
	for _, logical := range propertyLines(src) {
		key, value := splitProperty(logical)
		k, err := unescapeProperty(key)
		if err != nil {
			return nil, err
		}
		v, err := unescapeProperty(value)
		if err != nil {
			return nil, err
		}
		out = append(out, Property{k, v})
	}
	return out, nil
}

// propertyLines joins continued lines and drops blank and comment lines.
func propertyLines(src string) []string {
	var out []string
	var buf strings.Builder
	cont := false
	for _, phys := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		line := strings.TrimLeft(phys, " \t\f\r")
		line = strings.TrimSuffix(line, "\r")
		if !cont && (line == "" || line[0] == '#' || line[0] == '!') {
			continue
		}
		if trailingBackslashes(line)%2 == 1 {
			buf.WriteString(line[:len(line)-1])
			cont = true
			continue
		}
		buf.WriteString(line)
		out = append(out, buf.String())
		buf.Reset()
		cont = false
	}
	if cont {
		out = append(out, buf.String())
	}
	return out
}

func trailingBackslashes(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '\\' {
		n++
	}
	return n
}

// splitProperty cuts a logical line into its raw (still escaped) key and
// value.
func splitProperty(line string) (key, value string) {
	i := 0
	for i < len(line) {
		c := line[i]
		if c == '\\' {
			i += 2
			continue
		}
		if c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f' {
			break
		}
		i++
	}
	if i > len(line) {
		i = len(line)
	}
	key, rest := line[:i], line[i:]
	rest = strings.TrimLeft(rest, " \t\f")
	if rest != "" && (rest[0] == '=' || rest[0] == ':') {
		rest = strings.TrimLeft(rest[1:], " \t\f")
	}
	return key, rest
}

func unescapeProperty(s string) (string, error) {
	if !strings.Contains(s, `\`) {
		return s, nil
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 'f':
			b.WriteByte('\f')
		case 'u':
			if i+5 > len(s) {
				return "", fmt.Errorf("malformed \\uxxxx encoding")
			}
			r, err := strconv.ParseUint(s[i+1:i+5], 16, 32)
			if err != nil {
				return "", fmt.Errorf("malformed \\uxxxx encoding")
			}
			b.WriteRune(rune(r))
			i += 4
		default:
			b.WriteByte(s[i])
		}
	}
	return b.String(), nil
}
