package checker

// Options are the extractor options a config file sets. The zero value
// means the built-in behaviour everywhere.
type Options struct {
	// SpeechVerbs are extra reporting verbs (lemmas such as "opine"),
	// inflected by the extractor.
	SpeechVerbs []string
	// AnonymityReasons are extra phrases that say why a source is not
	// named ("spoke privately", "not cleared to brief"), looked for in the
	// sentences that mention the source (ASCII case ignored).
	AnonymityReasons []string
}
