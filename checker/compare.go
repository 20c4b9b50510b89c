package checker

import (
	"sort"

	"github.com/quotecheck/quotecheck/article"
	"github.com/quotecheck/quotecheck/versions"
)

// Compare runs the version rules (NeedsVersions) over two versions of one
// article, both already extracted (the Doc of a CheckText, CheckBytes or
// CheckFile result). The rules see the later version as pass.Doc, the
// earlier as pass.Previous, and the quote changes between them as
// pass.Changes. Findings come in the order of the changes: the order of
// the later version, with a removed quote where it used to stand.
func (c *Checker) Compare(old, new *article.Document) []Finding {
	changes := versions.Compare(old, new)
	if len(changes) == 0 {
		return nil
	}
	var findings []Finding
	for i, r := range c.rules {
		if r.Needs != NeedsVersions || c.settings[i].disabled {
			continue
		}
		pass := &Pass{}
		c.fillPass(pass, i, new)
		pass.Previous, pass.Changes = old, changes
		pass.report = func(f Finding) { findings = append(findings, f) }
		r.Run(pass)
	}
	order := make(map[*versions.Change]int, len(changes))
	for i := range changes {
		order[&changes[i]] = i
	}
	index := func(f *Finding) int {
		if i, ok := order[f.Change]; ok {
			return i
		}
		return len(changes)
	}
	sort.SliceStable(findings, func(i, j int) bool { return index(&findings[i]) < index(&findings[j]) })
	return findings
}
