package config

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

func TestDefault(t *testing.T) {
	c := Default()
	require.Len(t, c.Rules, len(rules.All()))
	for _, r := range c.Rules {
		assert.True(t, r.Enabled, r.ID)
		assert.Equal(t, FromDefault, r.EnabledFrom.Kind)
	}
	cc := c.CheckerConfig()
	assert.Empty(t, cc.Disabled)
	assert.Empty(t, cc.Rules, "no rule options: the built-in loaded-verb list applies")
	_, err := checker.New(rules.All(), cc)
	require.NoError(t, err)
}

func TestParse(t *testing.T) {
	const file = "/news/.quotecheck.yaml"
	yaml := `# house style
extends: ap
rules:
  anonymous-source: off
  missing-attribution: warning
  non-neutral-verb:
    severity: error
  unbalanced-quotes:
    enabled: false
options:
  speech-verbs: [opine, "blurt out"]
  anonymity-reasons:
    - speaking privately
  loaded-verbs: [claim, insist]
baseline: archive/.quotecheck-baseline.json
sources: [interviews/okafor.txt]
sources-partial: true
`
	c, err := Parse(file, []byte(yaml))
	require.NoError(t, err)
	at := func(line int) Origin { return Origin{Kind: FromFile, Name: file, Line: line} }

	assert.Equal(t, []Item{{"ap", at(2)}}, c.Extends)
	anon := c.Rule("anonymous-source")
	assert.False(t, anon.Enabled)
	assert.Equal(t, at(4), anon.EnabledFrom)

	miss := c.Rule("missing-attribution")
	assert.True(t, miss.Enabled)
	assert.Equal(t, checker.Warning, miss.Severity)
	assert.Equal(t, at(5), miss.SeverityFrom)

	// The file overrides the preset; the preset's other values stay.
	nnv := c.Rule("non-neutral-verb")
	assert.Equal(t, checker.Error, nnv.Severity)
	assert.Equal(t, at(7), nnv.SeverityFrom)
	sbi := c.Rule("surname-before-introduction")
	assert.Equal(t, checker.Warning, sbi.Severity)
	assert.Equal(t, Origin{Kind: FromPreset, Name: "ap"}, sbi.SeverityFrom)

	assert.False(t, c.Rule("unbalanced-quotes").Enabled)
	assert.Equal(t, at(9), c.Rule("unbalanced-quotes").EnabledFrom)

	assert.Equal(t, []Item{{"opine", at(11)}, {"blurt out", at(11)}}, c.SpeechVerbs)
	assert.Equal(t, []Item{{"speaking privately", at(13)}}, c.AnonymityReasons)
	verbs := c.Rule("non-neutral-verb").Option("verbs")
	require.NotNil(t, verbs)
	assert.Equal(t, at(14), verbs.From)
	assert.Equal(t, filepath.FromSlash("/news/archive/.quotecheck-baseline.json"), c.Baseline)
	assert.Equal(t, []Item{{filepath.FromSlash("/news/interviews/okafor.txt"), at(16)}}, c.Sources)
	assert.True(t, c.SourcesPartial)
	assert.Equal(t, at(17), c.SourcesPartialFrom)
	assert.False(t, Default().SourcesPartial, "sources are complete unless declared partial")

	cc := c.CheckerConfig()
	assert.True(t, cc.Disabled["anonymous-source"])
	assert.True(t, cc.Disabled["unbalanced-quotes"])
	assert.Equal(t, checker.Warning, cc.Severity["missing-attribution"])
	assert.Equal(t, []string{"claim", "insist"}, cc.Rules["non-neutral-verb"]["verbs"])
	assert.Equal(t, []string{"opine", "blurt out"}, cc.Options.SpeechVerbs)
	assert.Equal(t, []string{"speaking privately"}, cc.Options.AnonymityReasons)
}

func TestParseRuleOptions(t *testing.T) {
	const file = "/news/.quotecheck.yaml"
	c, err := Parse(file, []byte("rules:\n  non-neutral-verb:\n    severity: warning\n    options:\n      verbs: [harrumph, claim]\n"))
	require.NoError(t, err)
	o := c.Rule("non-neutral-verb").Option("verbs")
	require.NotNil(t, o)
	assert.Equal(t, []Item{{"harrumph", Origin{FromFile, file, 5}}, {"claim", Origin{FromFile, file, 5}}}, o.Items)
	assert.Equal(t, Origin{FromFile, file, 5}, o.From)
	cc := c.CheckerConfig()
	assert.Equal(t, checker.RuleOptions{"verbs": {"harrumph", "claim"}}, cc.Rules["non-neutral-verb"])
	_, err = checker.New(rules.All(), cc)
	require.NoError(t, err)
}

func TestWithOverrides(t *testing.T) {
	c, err := Parse("/news/.quotecheck.yaml", []byte("rules:\n  anonymous-source: error\n"))
	require.NoError(t, err)
	got, err := c.With(Overrides{Disable: []string{"missing-attribution"}, Severity: []SeverityOverride{{"anonymous-source", checker.Info}}})
	require.NoError(t, err)
	assert.Equal(t, checker.Error, c.Rule("anonymous-source").Severity, "the file's config is not changed")
	assert.Equal(t, checker.Info, got.Rule("anonymous-source").Severity)
	assert.Equal(t, Origin{Kind: FromFlag, Name: "--severity"}, got.Rule("anonymous-source").SeverityFrom)
	assert.False(t, got.Rule("missing-attribution").Enabled)
	_, err = c.With(Overrides{Disable: []string{"no-such-rule"}})
	assert.EqualError(t, err, `--disable: unknown rule "no-such-rule" (see quotecheck rules)`)
}

func TestParseExtendsList(t *testing.T) {
	c, err := Parse("/x/.quotecheck.yaml", []byte("extends: [reuters, bbc]\n"))
	require.NoError(t, err)
	assert.Len(t, c.Extends, 2)
	assert.Equal(t, checker.Error, c.Rule("anonymous-no-reason").Severity, "from reuters")
	assert.Equal(t, Origin{Kind: FromPreset, Name: "reuters"}, c.Rule("anonymous-no-reason").SeverityFrom)
	assert.Equal(t, Origin{Kind: FromPreset, Name: "bbc"}, c.Rule("non-neutral-verb").SeverityFrom, "the later preset wins")
	assert.NotEmpty(t, c.AnonymityReasons)
}

func TestParseEmpty(t *testing.T) {
	for _, in := range []string{"", "# nothing\n", "---\n", "rules:\noptions:\n"} {
		c, err := Parse("/x/.quotecheck.yaml", []byte(in))
		require.NoError(t, err, "%q", in)
		assert.Equal(t, Default().Rules, c.Rules)
	}
}

func TestParseErrors(t *testing.T) {
	const file = "/news/.quotecheck.yaml"
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{"unknown top key", "rules: {}\nfail_on: error\n", `/news/.quotecheck.yaml:2:1: unknown key "fail_on" at top level (want extends, rules, options, baseline, sources or sources-partial)`},
		{"unknown rule", "rules:\n  anonymous-sources: off\n", `/news/.quotecheck.yaml:2:3: unknown rule "anonymous-sources" (see quotecheck rules)`},
		{"bad rule value", "rules:\n  anonymous-source: loud\n", `/news/.quotecheck.yaml:2:21: rules.anonymous-source: want on, off, error, warning or info, got "loud"`},
		{"unknown rule key", "rules:\n  anonymous-source:\n    level: error\n", `/news/.quotecheck.yaml:3:5: unknown key "level" at rules.anonymous-source (want enabled, severity or options)`},
		{"unknown rule option", "rules:\n  non-neutral-verb:\n    options:\n      words: [claim]\n", `/news/.quotecheck.yaml:4:7: rules.non-neutral-verb.options: rule "non-neutral-verb" has no option "words" (want verbs)`},
		{"rule without options", "rules:\n  anonymous-source:\n    options:\n      verbs: [claim]\n", `/news/.quotecheck.yaml:4:7: rules.anonymous-source.options: rule "anonymous-source" takes no options`},
		{"rule option not a list", "rules:\n  non-neutral-verb:\n    options:\n      verbs: claim\n", `/news/.quotecheck.yaml:4:14: rules.non-neutral-verb.options.verbs: want a list of words or phrases`},
		{"bad severity", "rules:\n  anonymous-source:\n    severity: fatal\n", `/news/.quotecheck.yaml:3:15: rules.anonymous-source.severity: want error, warning or info, got "fatal"`},
		{"bad enabled", "rules:\n  anonymous-source:\n    enabled: maybe\n", `/news/.quotecheck.yaml:3:14: rules.anonymous-source.enabled: want true or false, got "maybe"`},
		{"unknown preset", "extends: nyt\n", `/news/.quotecheck.yaml:1:10: extends: unknown preset "nyt" (want ap, bbc or reuters)`},
		{"unknown option", "options:\n  speech_verbs: [opine]\n", `/news/.quotecheck.yaml:2:3: unknown key "speech_verbs" at options (want speech-verbs, anonymity-reasons, loaded-verbs or altered-tolerance)`},
		{"option not a list", "options:\n  loaded-verbs: claim\n", `/news/.quotecheck.yaml:2:17: options.loaded-verbs: want a list of words or phrases`},
		{"empty list entry", "options:\n  loaded-verbs: [claim, \"\"]\n", `/news/.quotecheck.yaml:2:25: options.loaded-verbs: entries must be non-empty words or phrases`},
		{"bad sources-partial", "sources: [a.txt]\nsources-partial: sometimes\n", `/news/.quotecheck.yaml:2:18: sources-partial: want true or false, got "sometimes"`},
		{"repeated key", "rules: {}\nrules: {}\n", `/news/.quotecheck.yaml:2:1: key "rules" repeated (first at line 1)`},
		{"not a mapping", "- ap\n", `/news/.quotecheck.yaml:1:1: a config file is a mapping of extends, rules, options, baseline, sources, sources-partial`},
		{"yaml syntax", "rules:\n  a: b\n c: d\n", `/news/.quotecheck.yaml:2: did not find expected key`},
		{"tab indentation", "rules:\n\tanonymous-source: off\n", `/news/.quotecheck.yaml:2: found character that cannot start any token`},
		{"two documents", "rules: {}\n---\nrules: {}\n", `/news/.quotecheck.yaml:2:1: more than one YAML document; a config file holds one`},
		{"baseline not a path", "baseline: [a]\n", `/news/.quotecheck.yaml:1:11: baseline: want a file path`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(file, []byte(tt.yaml))
			require.Error(t, err)
			var ce *Error
			require.ErrorAs(t, err, &ce)
			assert.Equal(t, filepath.FromSlash(tt.want), err.Error())
		})
	}
}

func TestPresetsNameKnownRules(t *testing.T) {
	for _, name := range PresetNames() {
		p := Presets[name]
		assert.Equal(t, name, p.Name)
		assert.NotEmpty(t, p.Description, name)
		for id := range p.Severity {
			assert.NotNil(t, rules.ByID(rules.All(), id), "preset %s names unknown rule %s", name, id)
		}
		for _, id := range p.Disabled {
			assert.NotNil(t, rules.ByID(rules.All(), id), "preset %s names unknown rule %s", name, id)
		}
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func TestLoaderWalksUp(t *testing.T) {
	t.Setenv(EnvVar, "")
	root := t.TempDir()
	write(t, filepath.Join(root, FileName), "rules:\n  anonymous-source: off\n")
	write(t, filepath.Join(root, "desk", FileName), "extends: bbc\n")
	write(t, filepath.Join(root, "bad", FileName), "rules:\n  nope: off\n")
	l := NewLoader("")

	top, err := l.For(filepath.Join(root, "stories", "2024", "a.txt"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, FileName), top.File)
	assert.Equal(t, "search", top.FoundBy)
	assert.False(t, top.Rule("anonymous-source").Enabled)

	again, err := l.For(filepath.Join(root, "stories", "b.txt"))
	require.NoError(t, err)
	assert.Same(t, top, again, "one config per file")

	desk, err := l.For(filepath.Join(root, "desk", "c.txt"))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(root, "desk", FileName), desk.File)
	assert.True(t, desk.Rule("anonymous-source").Enabled, "the nearest file wins; files do not merge")

	_, err = l.For(filepath.Join(root, "bad", "d.txt"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), filepath.Join(root, "bad", FileName)+":2:3: unknown rule \"nope\"")
}

func TestLoaderExplicit(t *testing.T) {
	root := t.TempDir()
	explicit := filepath.Join(root, "house.yaml")
	write(t, explicit, "extends: reuters\n")
	write(t, filepath.Join(root, "stories", FileName), "rules:\n  anonymous-source: off\n")
	story := filepath.Join(root, "stories", "a.txt")

	t.Setenv(EnvVar, explicit)
	c, err := NewLoader("").For(story)
	require.NoError(t, err)
	assert.Equal(t, explicit, c.File)
	assert.Equal(t, EnvVar, c.FoundBy)

	flagFile := filepath.Join(root, "flag.yaml")
	write(t, flagFile, "")
	c, err = NewLoader(flagFile).For(story)
	require.NoError(t, err)
	assert.Equal(t, "--config", c.FoundBy, "--config wins over the environment")

	_, err = NewLoader(filepath.Join(root, "missing.yaml")).For(story)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing.yaml: cannot read config: no such file or directory (named by --config)")
}

func TestLoaderNoFile(t *testing.T) {
	t.Setenv(EnvVar, "")
	dir := t.TempDir()
	c, err := NewLoader("").For(filepath.Join(dir, "a.txt"))
	require.NoError(t, err)
	if c.File != "" {
		t.Skipf("a %s above the temporary folder (%s) is in the way", FileName, c.File)
	}
	assert.Equal(t, "", c.FoundBy)
}

func TestShow(t *testing.T) {
	c, err := Parse("/news/.quotecheck.yaml", []byte("extends: ap\nrules:\n  anonymous-source: off\noptions:\n  loaded-verbs: []\n"))
	require.NoError(t, err)
	c.FoundBy = "search"
	require.NoError(t, c.Disable("missing-attribution", Origin{Kind: FromFlag, Name: "--disable"}))
	var buf bytes.Buffer
	require.NoError(t, c.WriteText(&buf))
	out := buf.String()
	assert.Contains(t, out, "config file: /news/.quotecheck.yaml (found walking up")
	assert.Contains(t, out, "extends: ap (/news/.quotecheck.yaml:1)")
	assert.Regexp(t, `anonymous-source\s+off\s+warning\s+/news/.quotecheck.yaml:3\n`, out)
	assert.Regexp(t, `anonymous-no-reason\s+on\s+error\s+preset ap`, out)
	assert.Regexp(t, `unbalanced-quotes\s+on\s+error\s+default`, out)
	assert.Regexp(t, `missing-attribution\s+off\s+error\s+--disable\n`, out)
	assert.Regexp(t, `surname-before-introduction\s+on\s+warning\s+preset ap`, out)
	assert.Contains(t, out, "loaded-verbs (rules.non-neutral-verb.options.verbs): none (/news/.quotecheck.yaml:5)")

	b, err := json.Marshal(c.View())
	require.NoError(t, err)
	var v map[string]any
	require.NoError(t, json.Unmarshal(b, &v))
	assert.Equal(t, "/news/.quotecheck.yaml", v["file"])
	assert.Len(t, v["rules"], len(rules.All()))
}

func TestAlteredTolerance(t *testing.T) {
	for name, yaml := range map[string]string{
		"rule option":  "rules:\n  quote-altered:\n    options:\n      tolerance: 3\n",
		"older option": "options:\n  altered-tolerance: 3\n",
	} {
		t.Run(name, func(t *testing.T) {
			c, err := Parse("/news/.quotecheck.yaml", []byte(yaml))
			require.NoError(t, err)
			opts := c.CheckerConfig().Rules["quote-altered"]
			assert.Equal(t, 3, opts.Count("tolerance", 2))
		})
	}
	_, err := Parse("/news/.quotecheck.yaml", []byte("rules:\n  quote-altered:\n    options:\n      tolerance: [3]\n"))
	assert.EqualError(t, err, "/news/.quotecheck.yaml:4:18: rules.quote-altered.options.tolerance: want a whole number (0 or more)")
}

func TestOverridesSources(t *testing.T) {
	c := Default()
	c.Sources = []Item{{"/news/interviews/okafor.txt", Origin{Kind: FromFile, Name: "/news/.quotecheck.yaml", Line: 3}}}
	got, err := c.With(Overrides{Sources: []string{"call.txt"}, SourcesPartial: true})
	require.NoError(t, err)
	assert.Equal(t, []Item{{"call.txt", Origin{Kind: FromFlag, Name: "--source"}}}, got.Sources)
	assert.True(t, got.SourcesPartial)
	assert.Equal(t, Origin{Kind: FromFlag, Name: "--partial"}, got.SourcesPartialFrom)
	assert.Len(t, c.Sources, 1, "the config itself is unchanged")
}
