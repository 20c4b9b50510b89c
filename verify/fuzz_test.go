package verify_test

import (
	"context"
	"testing"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/verify"
)

// fuzzReader reads data as a source of the given name, and if it reads,
// verifies a story against it: no panic, and spans inside the text.
func fuzzReader(t *testing.T, name string, data []byte) {
	srcs, err := verify.Read(name, data, input.Options{})
	if err != nil {
		return
	}
	doc := article.New("s.txt", `"We will not sign it," Okafor said. "The depot ... stays open [now]," she said.`)
	vs, err := verify.NewSet(srcs...).Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range vs {
		if v.Source != nil && (v.Span.Start < 0 || v.Span.End > len(v.Source.Doc.Text) || v.Span.Start > v.Span.End) {
			t.Fatalf("span %v outside source of %d bytes", v.Span, len(v.Source.Doc.Text))
		}
	}
}

func FuzzSRT(f *testing.F) {
	f.Add([]byte("1\n00:00:01,000 --> 00:00:04,000\n>> OKAFOR: We will not sign it.\n\n2\n00:00:04,000 --> 00:00:06,000\n- The depot stays open.\n"))
	f.Add([]byte("1\r\n00:00:01,000 --> 00:00:04,000\r\n<i>Um, no.</i>\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzReader(t, "f.srt", data) })
}

func FuzzVTT(f *testing.F) {
	f.Add([]byte("WEBVTT\n\nNOTE x\n\nid1\n00:01.000 --> 00:04.000 align:start\n<v Maria Okafor>We will not sign it.</v>\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzReader(t, "f.vtt", data) })
}

func FuzzTranscript(f *testing.F) {
	f.Add([]byte("[00:00:12] Q: Will you sign?\n\n[00:00:18] OKAFOR: Um, no. We will not sign it (laughter) [crosstalk].\n"))
	f.Add([]byte("A: twenty-five percent of two hundred and forty won't, can't — we we will\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzReader(t, "f.txt", data) })
}
