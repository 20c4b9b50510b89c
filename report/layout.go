package report

import "strings"

// layout is one way of printing a report: compact, as json.Marshal does,
// or indented as json.MarshalIndent does with the report's prefix and
// indent. The text that never changes (the line break and indentation of
// each depth, each member's name with them, a span's frame) is made once
// per layout, so that the encoder appends it in one piece.
type layout struct {
	// pads are a line break and the indentation of each depth; empty
	// when compact.
	pads [maxDepth + 1]string
	// keys are each member's name as it opens at each depth: the line
	// break and indentation, the quoted name, the colon (and a space when
	// indented).
	keys  [maxDepth + 1][numKeys]string
	spans [maxDepth]spanText
}

// The two layouts check, quotes and batch print.
var (
	compactLayout = newLayout(false, "", "")
	reportLayout  = newLayout(true, reportPrefix, reportIndent)
)

func newLayout(indented bool, prefix, indent string) layout {
	var l layout
	colon := ":"
	if indented {
		colon = ": "
		for depth := range l.pads {
			l.pads[depth] = "\n" + prefix + strings.Repeat(indent, depth)
		}
	}
	for depth := range l.keys {
		for k, name := range keyNames {
			l.keys[depth][k] = l.pads[depth] + `"` + name + `"` + colon
		}
	}
	for depth := range l.spans {
		for i, k := range [...]jsonKey{keyStart, keyEnd, keyLine, keyColumn} {
			open := ","
			if i == 0 {
				open = "{"
			}
			l.spans[depth][i] = open + l.keys[depth+1][k]
		}
		l.spans[depth][4] = l.pads[depth] + "}"
	}
	return l
}

// spanText is the fixed text of a span object at one depth: what comes
// before each of its four numbers, and its end.
type spanText [5]string

// jsonKey names a member of a report's objects.
type jsonKey uint8

const (
	keyPath jsonKey = iota
	keyID
	keyVersion
	keyQuotes
	keySources
	keyFindings
	keyError
	keyTerms
	keyText
	keySpan
	keyReason
	keyVerifications
	keySpeaker
	keyName
	keyMention
	keyType
	keyCue
	keyConfidence
	keyAnonymityReason
	keyMentions
	keyRule
	keySeverity
	keyMessage
	keyQuote
	keyStart
	keyEnd
	keyLine
	keyColumn
	keySource
	keyTimestamp
	keyVerdict
	keySpeakerLabel
	keySpeakerMatch
	keyChanges
	keyKind
	keyMeaning
	keyOld
	keyNew
	keyDiff
	keyOp
	keyPieces
	keyDistance
	keyOutOfOrder
	keyScore
	numKeys
)

// keyNames are the members' names as the report contract spells them.
var keyNames = [numKeys]string{
	keyPath: "path", keyID: "id", keyVersion: "version", keyQuotes: "quotes",
	keySources: "sources", keyFindings: "findings", keyError: "error",
	keyTerms: "terms", keyText: "text", keySpan: "span", keyReason: "reason",
	keyVerifications: "verifications", keySpeaker: "speaker", keyName: "name",
	keyMention: "mention", keyType: "type", keyCue: "cue",
	keyConfidence: "confidence", keyAnonymityReason: "anonymity_reason",
	keyMentions: "mentions", keyRule: "rule", keySeverity: "severity",
	keyMessage: "message", keyQuote: "quote", keyStart: "start", keyEnd: "end",
	keyLine: "line", keyColumn: "column", keySource: "source",
	keyTimestamp: "timestamp", keyVerdict: "verdict",
	keySpeakerLabel: "speaker_label", keySpeakerMatch: "speaker_match",
	keyChanges: "changes", keyKind: "kind", keyMeaning: "meaning", keyOld: "old",
	keyNew: "new", keyDiff: "diff", keyOp: "op", keyPieces: "pieces",
	keyDistance: "distance", keyOutOfOrder: "out_of_order", keyScore: "score",
}
