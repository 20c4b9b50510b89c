// Package extract finds the quotations in an article and who said them.
//
// The scanner (scan.go) pairs quotation marks paragraph by paragraph,
// telling apostrophes from marks and running quotations from unclosed ones.
// The attributor then reads each paragraph as tokens with every quotation
// as one opaque token: it registers the people, organisations and
// anonymous descriptions each sentence mentions (register.go, describe.go,
// lookup.go), tries the attribution frames of the quote's own sentence
// (frames.go), falls back to the speaker of the quote a paragraph
// continues or of the sentence before (inherit.go), and resolves pronouns
// by salience and recency (pronouns.go). Everything is located by byte
// spans into the document's text.
package extract
