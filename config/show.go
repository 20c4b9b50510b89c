package config

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// View is the effective configuration as `quotecheck config show --format
// json` prints it.
type View struct {
	File    string     `json:"file"`
	FoundBy string     `json:"found_by"`
	Extends []Item     `json:"extends"`
	Rules   []RuleView `json:"rules"`
	Options struct {
		SpeechVerbs      []Item `json:"speech_verbs"`
		AnonymityReasons []Item `json:"anonymity_reasons"`
		// LoadedVerbs is null when the built-in list applies; it repeats
		// rules.non-neutral-verb.options.verbs for older readers.
		LoadedVerbs     []Item `json:"loaded_verbs"`
		LoadedVerbsFrom Origin `json:"loaded_verbs_from"`
	} `json:"options"`
	Baseline     string `json:"baseline"`
	BaselineFrom Origin `json:"baseline_from"`
	// Sources are the files quotations are verified against.
	Sources            []Item `json:"sources"`
	SourcesPartial     bool   `json:"sources_partial"`
	SourcesPartialFrom Origin `json:"sources_partial_from"`
}

// RuleView is one rule's effective setting with its origins.
type RuleView struct {
	ID           string `json:"id"`
	Enabled      bool   `json:"enabled"`
	EnabledFrom  Origin `json:"enabled_from"`
	Severity     string `json:"severity"`
	SeverityFrom Origin `json:"severity_from"`
	// Options are the rule's configured options; absent when none is set.
	Options []Option `json:"options,omitempty"`
}

// View returns the JSON form of the configuration.
func (c *Config) View() View {
	v := View{File: c.File, FoundBy: c.FoundBy, Extends: nonNil(c.Extends), Baseline: c.Baseline, BaselineFrom: c.BaselineFrom,
		Sources: nonNil(c.Sources), SourcesPartial: c.SourcesPartial, SourcesPartialFrom: c.SourcesPartialFrom}
	for _, r := range c.Rules {
		v.Rules = append(v.Rules, RuleView{r.ID, r.Enabled, r.EnabledFrom, r.Severity.String(), r.SeverityFrom, r.Options})
	}
	v.Options.SpeechVerbs = nonNil(c.SpeechVerbs)
	v.Options.AnonymityReasons = nonNil(c.AnonymityReasons)
	v.Options.LoadedVerbsFrom = defaultOrigin
	if o := c.loadedVerbs(); o != nil {
		v.Options.LoadedVerbs, v.Options.LoadedVerbsFrom = nonNil(o.Items), o.From
	}
	return v
}

func (c *Config) loadedVerbs() *Option {
	if r := c.Rule(LoadedVerbsRule); r != nil {
		return r.Option(LoadedVerbsOption)
	}
	return nil
}

func nonNil(items []Item) []Item {
	if items == nil {
		return []Item{}
	}
	return items
}

// WriteText prints the configuration for a terminal, each value with
// where it came from.
func (c *Config) WriteText(w io.Writer) error {
	switch c.FoundBy {
	case "":
		fmt.Fprintf(w, "config file: none (no %s here or in any folder above; built-in defaults)\n", FileName)
	case "search":
		fmt.Fprintf(w, "config file: %s (found walking up from the checked file's folder)\n", displayPath(c.File))
	default:
		fmt.Fprintf(w, "config file: %s (named by %s)\n", displayPath(c.File), c.FoundBy)
	}
	if len(c.Extends) > 0 {
		var parts []string
		for _, e := range c.Extends {
			parts = append(parts, fmt.Sprintf("%s (%s)", e.Value, e.From))
		}
		fmt.Fprintf(w, "extends: %s\n", strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "rules:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  RULE\tSTATE\tSEVERITY\tFROM")
	for _, r := range c.Rules {
		state := "on"
		if !r.Enabled {
			state = "off"
		}
		from := r.EnabledFrom.String()
		switch {
		case r.Enabled && r.EnabledFrom.Kind == FromDefault:
			from = r.SeverityFrom.String()
		case r.SeverityFrom != r.EnabledFrom && r.SeverityFrom.Kind != FromDefault:
			from = fmt.Sprintf("state: %s; severity: %s", r.EnabledFrom, r.SeverityFrom)
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", r.ID, state, r.Severity, from)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "options:")
	writeItems(w, "speech-verbs", c.SpeechVerbs, "none added to the built-in list")
	writeItems(w, "anonymity-reasons", c.AnonymityReasons, "none added to the built-in list")
	if c.loadedVerbs() == nil {
		fmt.Fprintln(w, "  loaded-verbs: the built-in list (default)")
	}
	for _, r := range c.Rules {
		for _, o := range r.Options {
			key := "rules." + r.ID + ".options." + o.Name
			if r.ID == LoadedVerbsRule && o.Name == LoadedVerbsOption {
				key = "loaded-verbs (" + key + ")"
			}
			if len(o.Items) == 0 {
				fmt.Fprintf(w, "  %s: none (%s)\n", key, o.From)
			} else {
				writeItems(w, key, o.Items, "")
			}
		}
	}
	fmt.Fprintln(w)
	if c.Baseline == "" {
		from := ""
		if c.BaselineFrom.Kind != FromDefault {
			from = fmt.Sprintf(" (%s)", c.BaselineFrom)
		}
		fmt.Fprintf(w, "baseline: none%s\n", from)
	} else {
		fmt.Fprintf(w, "baseline: %s (%s)\n", displayPath(c.Baseline), c.BaselineFrom)
	}
	if len(c.Sources) == 0 {
		fmt.Fprintln(w, "sources: none")
	} else {
		fmt.Fprintln(w, "sources:")
		for _, it := range c.Sources {
			fmt.Fprintf(w, "  - %s (%s)\n", displayPath(it.Value), it.From)
		}
	}
	fmt.Fprintf(w, "sources-partial: %t (%s)\n", c.SourcesPartial, c.SourcesPartialFrom)
	return nil
}

func writeItems(w io.Writer, key string, items []Item, none string) {
	if len(items) == 0 {
		fmt.Fprintf(w, "  %s: %s\n", key, none)
		return
	}
	fmt.Fprintf(w, "  %s:\n", key)
	for _, it := range items {
		fmt.Fprintf(w, "    - %s (%s)\n", it.Value, it.From)
	}
}

// WritePresets prints the presets a config can extend.
func WritePresets(w io.Writer) error {
	for i, name := range PresetNames() {
		p := Presets[name]
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s\n  %s\n", p.Name, p.Description)
		for _, id := range sortedKeys(p.Severity) {
			fmt.Fprintf(w, "  rules.%s: %s\n", id, p.Severity[id])
		}
		for _, id := range p.Disabled {
			fmt.Fprintf(w, "  rules.%s: off\n", id)
		}
		if len(p.SpeechVerbs) > 0 {
			fmt.Fprintf(w, "  options.speech-verbs: %s\n", strings.Join(p.SpeechVerbs, ", "))
		}
		if len(p.AnonymityReasons) > 0 {
			fmt.Fprintf(w, "  options.anonymity-reasons: %s\n", strings.Join(p.AnonymityReasons, ", "))
		}
		if p.LoadedVerbs != nil {
			fmt.Fprintf(w, "  options.loaded-verbs: %s\n", strings.Join(p.LoadedVerbs, ", "))
		}
	}
	return nil
}
