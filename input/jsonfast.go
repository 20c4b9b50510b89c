package input

import (
	"strings"
)

// fastFields reads the top-level fields of a JSON object that encoding/json
// has already validated, in one pass and without decoding the values it
// does not need. It handles the common JSON Lines record — a flat object
// whose wanted fields are strings, numbers or literals — and reports
// ok=false for anything else (nested or array values that are wanted,
// escaped keys, dotted field names), which the general reader handles.
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
		return vals, true
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
			if vend < 0 {
				return nil, false
			}
		default:
			vend = i
			for vend < len(raw) && raw[vend] != ',' && raw[vend] != '}' && !isJSONSpace(raw[vend]) {
				vend++
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
			return vals, true
		}
		if raw[i] != ',' {
			return nil, false
		}
		i = skipSpace(raw, i+1)
	}
	return nil, false
}

// stringEnd returns the index after the closing quote of the JSON string
// opening at i, and whether it holds escapes; -1 when it does not close.
func stringEnd(raw []byte, i int) (int, bool) {
	escaped := false
	for j := i + 1; j < len(raw); j++ {
		switch raw[j] {
		case '\\':
			escaped = true
			j++
		case '"':
			return j + 1, escaped
		}
	}
	return -1, escaped
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
