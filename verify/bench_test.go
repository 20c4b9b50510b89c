package verify_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/extract"
	"github.com/quotecheck/quotecheck/verify"
)

// benchWords is a fictional vocabulary for generated transcripts.
var benchWords = strings.Fields(`the council will not sign levy bus routes depot drivers province share
fares rise year budget harbour bridge cables ferry crossing inspection safety workers
families promise vote second plan table numbers residents survey evening library grant
um uh we they it is was have has been there here about every some twelve forty`)

// benchTranscript is a two-speaker transcript of about n words, with
// sentences made from a deterministic sequence.
func benchTranscript(n int) string {
	var b strings.Builder
	x := uint32(7)
	next := func() int {
		x = x*1664525 + 1013904223
		return int(x >> 8)
	}
	words := 0
	for turn := 0; words < n; turn++ {
		if turn%2 == 0 {
			b.WriteString("\nQ: ")
		} else {
			b.WriteString("\nOKAFOR: ")
		}
		for s := 0; s < 3; s++ {
			l := 6 + next()%10
			for i := 0; i < l; i++ {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(benchWords[next()%len(benchWords)])
			}
			b.WriteString(fmt.Sprintf(" line%d. ", words))
			words += l + 1
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// benchStory quotes n passages of the generated transcript style (most
// found, some altered, some not).
func benchStory(n int) string {
	var b strings.Builder
	b.WriteString("Council fight goes on\n\nMaria Okafor spoke on Tuesday.\n\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "\"The council will not sign the levy on bus routes %d times,\" Okafor said.\n\n", i)
	}
	return b.String()
}

// BenchmarkVerifyTwoHours verifies a 30-quote story against a transcript
// of about 20,000 words (two hours of talk), indexing included.
func BenchmarkVerifyTwoHours(b *testing.B) {
	text := benchTranscript(20000)
	doc := article.New("s.txt", benchStory(30))
	extract.New(extract.Options{}).Extract(doc)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		src, err := verify.FromText("t.txt", text)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := verify.NewSet(src).Document(context.Background(), doc); err != nil {
			b.Fatal(err)
		}
	}
}
