package htmlreport

import (
	"context"
	"errors"
	"fmt"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
)

// ReadStory reads one article in any input format (plain text, Markdown,
// HTML, a JSON record) and checks it. A file that holds several articles
// (a JSON array, JSON Lines) is an error: a report shows one story.
//
// The command line and the server read stories through package engine,
// which finds each story's configuration; this is for a fixed checker.
func ReadStory(chk *checker.Checker, path string, data []byte, opt input.Options) checker.Result {
	return readStory(context.Background(), chk, path, data, opt)
}

// readStory is ReadStory that stops once ctx is done.
func readStory(ctx context.Context, chk *checker.Checker, path string, data []byte, opt input.Options) checker.Result {
	recs, err := input.Read(path, data, opt)
	if err != nil {
		return checker.Result{Path: path, Err: err}
	}
	var docs []input.Record
	for _, r := range recs {
		if r.Err != nil {
			return checker.Result{Path: path, Err: r.Err}
		}
		docs = append(docs, r)
	}
	switch {
	case len(docs) == 0:
		return checker.Result{Path: path, Err: input.ErrNoText}
	case len(docs) > 1:
		return checker.Result{Path: path, Err: fmt.Errorf("holds %d articles; a report shows one story", len(docs))}
	}
	doc := docs[0].Doc
	if doc == nil {
		return checker.Result{Path: path, Err: errors.New("no article read")}
	}
	return chk.CheckDocumentResult(ctx, path, doc)
}
