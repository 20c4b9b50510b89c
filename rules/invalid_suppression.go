package rules

import "github.com/quotecheck/quotecheck/checker"

// InvalidSuppression documents the findings the checker reports about
// suppression comments. The checker emits them itself, after every other
// rule has run, because only then is it known what a comment suppressed;
// Run does nothing.
var InvalidSuppression = &checker.Rule{
	ID:       checker.InvalidSuppression,
	Severity: checker.Error,
	Title:    "Suppression comment with no reason, an unknown rule, or nothing to suppress",
	Rationale: "A `<!-- quotecheck-disable-next-line RULE: reason -->` comment (or a " +
		"`quotecheck-disable` / `quotecheck-enable` block) records that an editor looked at a " +
		"finding and let it stand. Without a reason the next editor cannot tell an approved " +
		"exception from a silenced warning, so the reason is required; a comment that names an " +
		"unknown rule, or no longer suppresses anything because the copy changed, is stale and " +
		"would hide the next real finding on that line. Findings of this rule cannot themselves " +
		"be suppressed.",
	Bad: `<!-- quotecheck-disable-next-line anonymous-source -->`,
	Good: `<!-- quotecheck-disable-next-line anonymous-source: approved by J. Doe, standards, ` +
		`2024-05-02 -->`,
	Run: func(*checker.Pass) {},
}
