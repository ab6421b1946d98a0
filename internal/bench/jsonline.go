package bench

import (
	"encoding/binary"
	"unicode/utf8"
)

// appendJSON appends rec as one line of JSON, byte for byte as an
// encoding/json Encoder without HTML escaping writes it: encoding a
// corpus line's text through reflection was a tenth of generation.
func (rec *record) appendJSON(b []byte) []byte {
	for _, f := range [...]struct{ key, value string }{
		{`{"id":`, rec.ID},
		{`,"series":`, rec.Series},
		{`,"date":`, rec.Date}, // omitempty
		{`,"title":`, rec.Title},
		{`,"outlet":`, rec.Outlet},
		{`,"url":`, rec.URL},
		{`,"lang":`, rec.Lang},
		{`,"text":`, rec.Text},
	} {
		if f.value == "" && f.key == `,"date":` {
			continue
		}
		b = append(b, f.key...)
		b = appendJSONString(b, f.value)
	}
	return append(b, "}\n"...)
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string as encoding/json writes it
// without HTML escaping: quote, backslash and control characters
// escaped (\b \f \n \r \t by name), invalid UTF-8 as \ufffd, and the
// line and paragraph separators U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Eight plain ASCII bytes at a time: none below a space, none a
		// quote or a backslash, none from utf8.RuneSelf up.
		for i+8 <= len(s) {
			x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
			if (x-lanes*' ')&^x&(lanes*0x80)|zeroBytes(x^(lanes*'"'))|zeroBytes(x^(lanes*'\\'))|x&(lanes*0x80) != 0 {
				break
			}
			i += 8
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= ' ' && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
