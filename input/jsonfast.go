package input

import (
	"encoding/json"
	"strings"

	"github.com/quotecheck/quotecheck/internal/swar"
)

// fastFields reads the top-level fields of a JSON object in one pass,
// validating as it goes, and without decoding the values it does not need.
// It handles the common JSON Lines record — a flat object whose wanted
// fields are strings, numbers or literals — and reports ok=false for
// anything else (nested or array values that are wanted, escaped keys,
// dotted field names) and for anything invalid, which the general reader
// handles and reports. raw is valid UTF-8 with no NUL byte, its ends
// trimmed of space.
func fastFields(raw []byte, base int, want map[string]bool) (vals map[string]jsonValue, ok bool) {
	for name := range want {
		if strings.Contains(name, ".") {
			return nil, false
		}
	}
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return nil, false
	}
	vals = make(map[string]jsonValue, len(want))
	i = skipSpace(raw, i+1)
	if i < len(raw) && raw[i] == '}' {
		return vals, i == len(raw)-1
	}
	for i < len(raw) {
		if raw[i] != '"' {
			return nil, false
		}
		kend, escaped := stringEnd(raw, i)
		if kend < 0 || escaped {
			return nil, false
		}
		key := string(raw[i+1 : kend-1])
		i = skipSpace(raw, kend)
		if i >= len(raw) || raw[i] != ':' {
			return nil, false
		}
		i = skipSpace(raw, i+1)
		if i >= len(raw) {
			return nil, false
		}
		vstart := i
		var vend int
		switch c := raw[i]; c {
		case '"':
			var esc bool
			vend, esc = stringEnd(raw, i)
			if vend < 0 {
				return nil, false
			}
			if _, seen := vals[key]; want[key] && !seen {
				v := jsonValue{isString: true, start: base + vstart, end: base + vend}
				if esc {
					// decoded when asked for: the article's text is
					// decoded once, straight into the document
					v.escaped = raw[vstart:vend]
				} else {
					v.text = string(raw[vstart+1 : vend-1])
				}
				vals[key] = v
			}
		case '{', '[':
			if want[key] {
				return nil, false // lists of authors, nested objects: the general reader
			}
			vend = skipComposite(raw, i)
			if vend < 0 || !json.Valid(raw[i:vend]) {
				return nil, false
			}
		default:
			vend = i
			for vend < len(raw) && raw[vend] != ',' && raw[vend] != '}' && !isJSONSpace(raw[vend]) {
				vend++
			}
			if !validScalar(raw[vstart:vend]) {
				return nil, false
			}
			if _, seen := vals[key]; want[key] && !seen {
				if c == 'n' {
					vals[key] = jsonValue{}
				} else {
					vals[key] = jsonValue{text: string(raw[vstart:vend])}
				}
			}
		}
		i = skipSpace(raw, vend)
		if i >= len(raw) {
			return nil, false
		}
		if raw[i] == '}' {
			return vals, i == len(raw)-1
		}
		if raw[i] != ',' {
			return nil, false
		}
		i = skipSpace(raw, i+1)
	}
	return nil, false
}

// skipComposite returns the index after the object or array opening at i.
func skipComposite(raw []byte, i int) int {
	depth := 0
	for j := i; j < len(raw); j++ {
		switch raw[j] {
		case '"':
			end, _ := stringEnd(raw, j)
			if end < 0 {
				return -1
			}
			j = end - 1
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return j + 1
			}
		}
	}
	return -1
}

// stringEnd returns the index after the closing quote of the JSON string
// opening at i, and whether it holds escapes; -1 when it does not close or
// is not valid JSON (a control character, an escape JSON does not have).
func stringEnd(raw []byte, i int) (int, bool) {
	escaped := false
	for j := i + 1; j < len(raw); j++ {
		// eight bytes at a time while none is a quote, a backslash or a
		// control character: most of an article's text
		for j+8 <= len(raw) && !stringStop(swar.LoadBytes(raw, j)) {
			j += 8
		}
		if j >= len(raw) {
			break
		}
		switch c := raw[j]; {
		case c == '"':
			return j + 1, escaped
		case c < 0x20:
			return -1, escaped
		case c == '\\':
			escaped = true
			if j+1 >= len(raw) {
				return -1, escaped
			}
			j++
			switch raw[j] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if j+4 >= len(raw) || !isHex(raw[j+1]) || !isHex(raw[j+2]) || !isHex(raw[j+3]) || !isHex(raw[j+4]) {
					return -1, escaped
				}
				j += 4
			default:
				return -1, escaped
			}
		}
	}
	return -1, escaped
}

// stringStop reports whether any of the eight bytes of x (little-endian)
// is a quote, a backslash or below 0x20.
func stringStop(x uint64) bool {
	return swar.Equal(x, '"')|swar.Equal(x, '\\')|swar.Below(x, 0x20) != 0
}

// validScalar reports whether v is a JSON number, true, false or null.
func validScalar(v []byte) bool {
	switch string(v) {
	case "true", "false", "null":
		return true
	}
	i := 0
	if i < len(v) && v[i] == '-' {
		i++
	}
	switch {
	case i < len(v) && v[i] == '0':
		i++
	case i < len(v) && '1' <= v[i] && v[i] <= '9':
		i = digitsEnd(v, i)
	default:
		return false
	}
	if i < len(v) && v[i] == '.' {
		j := digitsEnd(v, i+1)
		if j == i+1 {
			return false
		}
		i = j
	}
	if i < len(v) && (v[i] == 'e' || v[i] == 'E') {
		i++
		if i < len(v) && (v[i] == '+' || v[i] == '-') {
			i++
		}
		j := digitsEnd(v, i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(v)
}

func digitsEnd(v []byte, i int) int {
	for i < len(v) && isDigit(v[i]) {
		i++
	}
	return i
}
