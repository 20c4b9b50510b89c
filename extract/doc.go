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
//
// # Cost
//
// Extraction is linear in the input: every look-back and look-ahead has a
// bound that does not grow with the document.
//   - Marks: at most maxOpen (32) marks are open at once in a paragraph.
//   - Sentences: a sentence ends after maxSentenceTokens (160) tokens even
//     without a full stop, so every search inside a sentence (the frames,
//     subject and speaker phrases, clause tests) visits at most 160 tokens.
//   - Quotes: a quote with no speaker of its own looks at most
//     maxQuoteReach (12) quotes of its paragraph before and after it.
//   - Mentions: look-backs over earlier mentions visit at most
//     maxMentionLookBack (64), or maxPronounLookBack (256) for pronouns and
//     recent organisations, and byte-bounded searches stop 2,000–4,000
//     bytes back; entities are found through per-kind name indexes, and a
//     paragraph by binary search.
//
// The attributor counts what the look-backs visit (attributor.work);
// TestWorkGrowsLinearly feeds adversarial shapes (runs of marks, marks
// around single words, one giant paragraph, thousands of names, deep
// nesting, openers never closed) and holds that count linear.
// ExtractContext stops between paragraphs when its context is done.
package extract
