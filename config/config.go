// Package config reads .quotecheck.yaml: which rules run and how severe
// they are, rule and extractor options, the house-style preset a config
// extends and the baseline file. Every effective value remembers where it
// came from (a default, a preset, a line of a file, a flag) so that
// `quotecheck config show` can say why a rule is on.
package config

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

// FileName is the config file looked for in a checked file's folder and
// each folder above it.
const FileName = ".quotecheck.yaml"

// EnvVar names a config file to use for every input instead of looking
// for one. The --config flag takes precedence over it.
const EnvVar = "QUOTECHECK_CONFIG"

// Origin says where a value came from.
type Origin struct {
	// Kind is "default", "preset", "file" or "flag".
	Kind string `json:"kind"`
	// Name is the preset name, the config file or the flag.
	Name string `json:"name,omitempty"`
	// Line is the line of the config file, for Kind "file".
	Line int `json:"line,omitempty"`
}

// The origin kinds.
const (
	FromDefault = "default"
	FromPreset  = "preset"
	FromFile    = "file"
	FromFlag    = "flag"
)

func (o Origin) String() string {
	switch o.Kind {
	case FromPreset:
		return "preset " + o.Name
	case FromFile:
		if o.Line > 0 {
			return fmt.Sprintf("%s:%d", displayPath(o.Name), o.Line)
		}
		return displayPath(o.Name)
	case FromFlag:
		return o.Name
	}
	return "default"
}

var defaultOrigin = Origin{Kind: FromDefault}

// Rule is one rule's effective setting.
type Rule struct {
	ID           string
	Enabled      bool
	EnabledFrom  Origin
	Severity     checker.Severity
	SeverityFrom Origin
	// Options are the rule's configured options (rules.<id>.options), in
	// the order the rule declares them; unset options are absent.
	Options []Option
}

// Option is one configured rule option: a list of words or phrases.
type Option struct {
	Name  string `json:"name"`
	Items []Item `json:"items"`
	From  Origin `json:"from"`
}

// Option returns a rule's configured option by name, or nil.
func (r *Rule) Option(name string) *Option {
	for i := range r.Options {
		if r.Options[i].Name == name {
			return &r.Options[i]
		}
	}
	return nil
}

// SetOption sets (replaces) one of the rule's options.
func (r *Rule) SetOption(name string, items []Item, from Origin) error {
	def := rules.ByID(rules.All(), r.ID)
	known := false
	var names []string
	for _, o := range def.Options {
		names = append(names, o.Name)
		known = known || o.Name == name
	}
	if !known {
		if len(names) == 0 {
			return fmt.Errorf("rule %q takes no options", r.ID)
		}
		return fmt.Errorf("rule %q has no option %q (want %s)", r.ID, name, orList(names))
	}
	if items == nil {
		items = []Item{}
	}
	if o := r.Option(name); o != nil {
		o.Items, o.From = items, from
		return nil
	}
	r.Options = append(r.Options, Option{Name: name, Items: items, From: from})
	return nil
}

// LoadedVerbsRule and LoadedVerbsOption are where the top-level
// options.loaded-verbs key (kept for older config files) and a preset's
// LoadedVerbs are stored.
const (
	LoadedVerbsRule   = "non-neutral-verb"
	LoadedVerbsOption = "verbs"
)

// AlteredToleranceRule and AlteredToleranceOption are where the older
// top-level options.altered-tolerance key is stored.
const (
	AlteredToleranceRule   = "quote-altered"
	AlteredToleranceOption = "tolerance"
)

// Item is one entry of a list option.
type Item struct {
	Value string `json:"value"`
	From  Origin `json:"from"`
}

// Config is the effective configuration for one input.
type Config struct {
	// File is the absolute path of the config file read, "" when none.
	File string
	// FoundBy says how File was chosen: "--config", EnvVar, "search"
	// (walking up from the input), or "" when no file applies.
	FoundBy string
	// Extends lists the presets applied, in order.
	Extends []Item
	// Rules holds every registered rule, in rules.All() order.
	Rules []Rule
	// SpeechVerbs and AnonymityReasons are extra entries, added to the
	// built-in lists.
	SpeechVerbs      []Item
	AnonymityReasons []Item
	// Sources are the files quotations are verified against (absolute
	// paths): the config file's sources, or --source's.
	Sources []Item
	// SourcesPartial declares that the sources do not hold every
	// quotation (--partial): a quotation not found in them is then only
	// informative.
	SourcesPartial     bool
	SourcesPartialFrom Origin
	// Baseline is the absolute path of the baseline file, "" for none.
	Baseline     string
	BaselineFrom Origin
}

// Default returns the built-in configuration.
func Default() *Config {
	c := &Config{BaselineFrom: defaultOrigin, SourcesPartialFrom: defaultOrigin}
	for _, r := range rules.All() {
		c.Rules = append(c.Rules, Rule{ID: r.ID, Enabled: true, EnabledFrom: defaultOrigin, Severity: r.Severity, SeverityFrom: defaultOrigin})
	}
	return c
}

// Clone returns a deep copy, for flag overrides.
func (c *Config) Clone() *Config {
	out := *c
	out.Extends = append([]Item(nil), c.Extends...)
	out.Rules = append([]Rule(nil), c.Rules...)
	for i := range out.Rules {
		out.Rules[i].Options = append([]Option(nil), out.Rules[i].Options...)
	}
	out.SpeechVerbs = append([]Item(nil), c.SpeechVerbs...)
	out.AnonymityReasons = append([]Item(nil), c.AnonymityReasons...)
	out.Sources = append([]Item(nil), c.Sources...)
	return &out
}

// Rule finds a rule's setting by id.
func (c *Config) Rule(id string) *Rule {
	for i := range c.Rules {
		if c.Rules[i].ID == id {
			return &c.Rules[i]
		}
	}
	return nil
}

// Disable turns a rule off; from says who asked.
func (c *Config) Disable(id string, from Origin) error {
	r := c.Rule(id)
	if r == nil {
		return fmt.Errorf("unknown rule %q (see quotecheck rules)", id)
	}
	r.Enabled, r.EnabledFrom = false, from
	return nil
}

// SetSeverity changes a rule's severity and turns it on.
func (c *Config) SetSeverity(id string, sev checker.Severity, from Origin) error {
	r := c.Rule(id)
	if r == nil {
		return fmt.Errorf("unknown rule %q (see quotecheck rules)", id)
	}
	r.Severity, r.SeverityFrom = sev, from
	if !r.Enabled {
		r.Enabled, r.EnabledFrom = true, from
	}
	return nil
}

// applyPreset applies a preset's settings.
func (c *Config) applyPreset(p *Preset) {
	from := Origin{Kind: FromPreset, Name: p.Name}
	for _, id := range rules.All() {
		if sev, ok := p.Severity[id.ID]; ok {
			_ = c.SetSeverity(id.ID, sev, from)
		}
	}
	for _, id := range p.Disabled {
		_ = c.Disable(id, from)
	}
	for _, v := range p.SpeechVerbs {
		c.SpeechVerbs = append(c.SpeechVerbs, Item{v, from})
	}
	for _, v := range p.AnonymityReasons {
		c.AnonymityReasons = append(c.AnonymityReasons, Item{v, from})
	}
	if p.LoadedVerbs != nil {
		var items []Item
		for _, v := range p.LoadedVerbs {
			items = append(items, Item{v, from})
		}
		_ = c.Rule(LoadedVerbsRule).SetOption(LoadedVerbsOption, items, from)
	}
}

// Overrides are the settings command-line flags give, applied over each
// input's config file.
type Overrides struct {
	// Disable lists rule ids turned off (--disable).
	Disable []string
	// Severity lists RULE=LEVEL settings (--severity), in flag order.
	Severity []SeverityOverride
	// Sources, when not empty, replace the config's sources (--source),
	// as given: relative paths are read from the working folder.
	Sources []string
	// SourcesPartial declares the sources partial (--partial).
	SourcesPartial bool
}

// SeverityOverride is one --severity RULE=LEVEL.
type SeverityOverride struct {
	Rule     string
	Severity checker.Severity
}

// ParseSeverityOverride reads RULE=error|warning|info.
func ParseSeverityOverride(kv string) (SeverityOverride, error) {
	id, level, ok := strings.Cut(kv, "=")
	if !ok {
		return SeverityOverride{}, fmt.Errorf("%q: want RULE=error|warning|info", kv)
	}
	sev, err := checker.ParseSeverity(level)
	if err != nil {
		return SeverityOverride{}, fmt.Errorf("%q: %v", kv, err)
	}
	return SeverityOverride{Rule: strings.TrimSpace(id), Severity: sev}, nil
}

// Check reports an unknown rule id in the overrides.
func (o Overrides) Check() error {
	for _, id := range o.Disable {
		if rules.ByID(rules.All(), id) == nil {
			return fmt.Errorf("--disable: unknown rule %q (see quotecheck rules)", id)
		}
	}
	for _, s := range o.Severity {
		if rules.ByID(rules.All(), s.Rule) == nil {
			return fmt.Errorf("--severity: unknown rule %q (see quotecheck rules)", s.Rule)
		}
	}
	return nil
}

// With returns a copy of the configuration with the overrides applied,
// each value marked as coming from its flag.
func (c *Config) With(o Overrides) (*Config, error) {
	if err := o.Check(); err != nil {
		return nil, err
	}
	cfg := c.Clone()
	for _, id := range o.Disable {
		_ = cfg.Disable(id, Origin{Kind: FromFlag, Name: "--disable"})
	}
	for _, s := range o.Severity {
		_ = cfg.SetSeverity(s.Rule, s.Severity, Origin{Kind: FromFlag, Name: "--severity"})
	}
	if len(o.Sources) > 0 {
		from := Origin{Kind: FromFlag, Name: "--source"}
		cfg.Sources = nil
		for _, p := range o.Sources {
			cfg.Sources = append(cfg.Sources, Item{p, from})
		}
	}
	if o.SourcesPartial {
		cfg.SourcesPartial, cfg.SourcesPartialFrom = true, Origin{Kind: FromFlag, Name: "--partial"}
	}
	return cfg, nil
}

// CheckerConfig converts the configuration for the rule engine: the one
// conversion from the settings users write to the checker's. MaxSize and
// Input are left for the caller.
func (c *Config) CheckerConfig() checker.Config {
	cfg := checker.Config{Disabled: map[string]bool{}, Severity: map[string]checker.Severity{}, Rules: map[string]checker.RuleOptions{}}
	for _, r := range c.Rules {
		if !r.Enabled {
			cfg.Disabled[r.ID] = true
		}
		cfg.Severity[r.ID] = r.Severity
		for _, o := range r.Options {
			if cfg.Rules[r.ID] == nil {
				cfg.Rules[r.ID] = checker.RuleOptions{}
			}
			cfg.Rules[r.ID][o.Name] = append([]string{}, values(o.Items)...)
		}
	}
	cfg.Options.SpeechVerbs = values(c.SpeechVerbs)
	cfg.Options.AnonymityReasons = values(c.AnonymityReasons)
	return cfg
}

func values(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.Value)
	}
	return out
}

// displayPath shows a path relative to the working folder when it lies
// under it, else as given.
func displayPath(p string) string {
	if p == "" || !filepath.IsAbs(p) {
		return p
	}
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	rel, err := filepath.Rel(wd, p)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return p
	}
	return rel
}

// Error is a problem in a config file, located by line and column.
type Error struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e *Error) Error() string {
	switch {
	case e.Line > 0 && e.Column > 0:
		return fmt.Sprintf("%s:%d:%d: %s", displayPath(e.File), e.Line, e.Column, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", displayPath(e.File), e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", displayPath(e.File), e.Msg)
}
