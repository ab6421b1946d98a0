package read

import (
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// flatObject decodes a JSON object whose values are all strings or null —
// what nearly every line of a passim or exported corpus is — into the map
// encoding/json would give, without its reflection and its scanner's call
// per byte: reading a corpus is serial, and at a million documents the
// general decoder was most of the reader's time. ok is false for anything
// else (numbers, arrays, nested objects, a syntax error, text after the
// object): the caller then decodes the line with encoding/json, which also
// words the errors. The line must be valid UTF-8 (parseRecord checks).
//
// As with encoding/json, a key given twice keeps its last value, and
// escapes are read the same way: \uXXXX surrogate pairs combine, and a
// lone surrogate becomes U+FFFD.
func flatObject(line []byte) (obj map[string]any, ok bool) {
	i := skipSpace(line, 0)
	if i >= len(line) || line[i] != '{' {
		return nil, false
	}
	obj = make(map[string]any, 8)
	i = skipSpace(line, i+1)
	if i < len(line) && line[i] == '}' {
		return obj, skipSpace(line, i+1) == len(line)
	}
	for {
		if i >= len(line) || line[i] != '"' {
			return nil, false
		}
		key, next, ok := flatString(line, i)
		if !ok {
			return nil, false
		}
		i = skipSpace(line, next)
		if i >= len(line) || line[i] != ':' {
			return nil, false
		}
		i = skipSpace(line, i+1)
		switch {
		case i < len(line) && line[i] == '"':
			val, next, ok := flatString(line, i)
			if !ok {
				return nil, false
			}
			obj[key] = val
			i = next
		case len(line)-i >= 4 && string(line[i:i+4]) == "null":
			obj[key] = nil
			i += 4
		default:
			return nil, false
		}
		i = skipSpace(line, i)
		if i >= len(line) {
			return nil, false
		}
		switch line[i] {
		case ',':
			i = skipSpace(line, i+1)
		case '}':
			return obj, skipSpace(line, i+1) == len(line)
		default:
			return nil, false
		}
	}
}

// skipSpace returns the offset of the first byte at or after i that is not
// JSON white space.
func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// flatString decodes the JSON string that opens at b[i] (a quote) and
// returns it with the offset after its closing quote.
func flatString(b []byte, i int) (string, int, bool) {
	start := i + 1
	j := start
	for j < len(b) && !stringStop[b[j]] {
		j++
	}
	switch {
	case j >= len(b) || b[j] < 0x20: // unterminated, or a control character not escaped
		return "", 0, false
	case b[j] == '"':
		return string(b[start:j]), j + 1, true
	}
	return flatEscaped(b, start, j)
}

// stringStop marks the bytes that end a plain run inside a JSON string: a
// quote, a backslash, and the control characters JSON wants escaped.
var stringStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// flatEscaped decodes a string with escapes, whose first escape is at b[j].
func flatEscaped(b []byte, start, j int) (string, int, bool) {
	out := make([]byte, 0, len(b)-start)
	out = append(out, b[start:j]...)
	for j < len(b) {
		// Copy the run up to the next quote, escape or control character
		// at once.
		k := j
		for k < len(b) && !stringStop[b[k]] {
			k++
		}
		out = append(out, b[j:k]...)
		if j = k; j >= len(b) {
			break
		}
		switch c := b[j]; {
		case c == '"':
			// out is this string's own: no copy.
			return unsafe.String(unsafe.SliceData(out), len(out)), j + 1, true
		case c < 0x20:
			return "", 0, false
		}
		if j+1 >= len(b) {
			return "", 0, false
		}
		switch e := b[j+1]; e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, ok := hex4(b, j+2)
			if !ok {
				return "", 0, false
			}
			j += 6
			if utf16.IsSurrogate(r) {
				// A pair combines; anything else leaves U+FFFD, and the
				// next escape is read on its own (as encoding/json does).
				if r2, ok := hex4(b, j+2); ok && j+1 < len(b) && b[j] == '\\' && b[j+1] == 'u' {
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						out = utf8.AppendRune(out, dec)
						j += 6
						continue
					}
				}
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
			continue
		default:
			return "", 0, false
		}
		j += 2
	}
	return "", 0, false
}

// hex4 reads the four hex digits at b[i:i+4] as a rune.
func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
