package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/rules"
)

// topKeys are the keys a config file may hold, in documentation order.
var topKeys = []string{"extends", "rules", "options", "baseline", "sources", "sources-partial"}

var optionKeys = []string{"speech-verbs", "anonymity-reasons", "loaded-verbs", "altered-tolerance"}

// Load reads a config file and applies it over the defaults.
func Load(path string) (*Config, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	data, err := os.ReadFile(abs)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &Error{File: abs, Msg: "cannot read config: " + err.Error()}
	}
	return Parse(abs, data)
}

// Parse applies config file content over the defaults. path names the
// file in errors and anchors the baseline path.
func Parse(path string, data []byte) (*Config, error) {
	p := &parser{file: path, cfg: Default()}
	p.cfg.File = path
	if err := p.parse(data); err != nil {
		return nil, err
	}
	return p.cfg, nil
}

type parser struct {
	file string
	cfg  *Config
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) error {
	e := &Error{File: p.file, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Column = n.Line, n.Column
	}
	return e
}

func (p *parser) origin(n *yaml.Node) Origin {
	return Origin{Kind: FromFile, Name: p.file, Line: n.Line}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (p *parser) parse(data []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // an empty file is the defaults
		}
		e := &Error{File: p.file, Msg: strings.TrimPrefix(err.Error(), "yaml: ")}
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			e.Line, _ = strconv.Atoi(m[1])
			e.Msg = m[2]
		}
		return e
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return p.errorf(&extra, "more than one YAML document; a config file holds one")
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			return nil
		}
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		return p.errorf(root, "a config file is a mapping of %s", strings.Join(topKeys, ", "))
	}
	fields, err := p.mapping(root, topKeys, "top level")
	if err != nil {
		return err
	}
	// Presets first, wherever the key is written, so that the file's own
	// values win.
	if kv, ok := fields["extends"]; ok {
		if err := p.extends(kv[1]); err != nil {
			return err
		}
	}
	if kv, ok := fields["rules"]; ok {
		if err := p.rules(kv[1]); err != nil {
			return err
		}
	}
	if kv, ok := fields["options"]; ok {
		if err := p.options(kv[1]); err != nil {
			return err
		}
	}
	if kv, ok := fields["sources"]; ok {
		items, err := p.list(kv[1], "sources")
		if err != nil {
			return err
		}
		for i := range items {
			if !filepath.IsAbs(items[i].Value) {
				items[i].Value = filepath.Join(filepath.Dir(p.file), items[i].Value)
			}
		}
		p.cfg.Sources = items
	}
	if kv, ok := fields["sources-partial"]; ok {
		partial, ok := parseBool(kv[1].Value)
		if !ok || kv[1].Kind != yaml.ScalarNode {
			return p.errorf(kv[1], "sources-partial: want true or false, got %q", kv[1].Value)
		}
		p.cfg.SourcesPartial, p.cfg.SourcesPartialFrom = partial, p.origin(kv[1])
	}
	if kv, ok := fields["baseline"]; ok {
		v := kv[1]
		if v.Kind != yaml.ScalarNode {
			return p.errorf(v, "baseline: want a file path")
		}
		path := strings.TrimSpace(v.Value)
		if v.Tag == "!!null" {
			path = ""
		}
		if path != "" && !filepath.IsAbs(path) {
			path = filepath.Join(filepath.Dir(p.file), path)
		}
		p.cfg.Baseline, p.cfg.BaselineFrom = path, p.origin(v)
	}
	return nil
}

// mapping checks a mapping's keys against the allowed ones and returns
// key and value nodes by key. Unknown and repeated keys are errors.
func (p *parser) mapping(n *yaml.Node, allowed []string, where string) (map[string][2]*yaml.Node, error) {
	out := map[string][2]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return nil, p.errorf(k, "%s: keys must be plain words", where)
		}
		if allowed != nil && !contains(allowed, k.Value) {
			return nil, p.errorf(k, "unknown key %q at %s (want %s)", k.Value, where, orList(allowed))
		}
		if prev, ok := out[k.Value]; ok {
			return nil, p.errorf(k, "key %q repeated (first at line %d)", k.Value, prev[0].Line)
		}
		out[k.Value] = [2]*yaml.Node{k, v}
	}
	return out, nil
}

func (p *parser) extends(n *yaml.Node) error {
	var names []*yaml.Node
	switch n.Kind {
	case yaml.ScalarNode:
		names = []*yaml.Node{n}
	case yaml.SequenceNode:
		names = n.Content
	default:
		return p.errorf(n, "extends: want a preset name or a list of them (%s)", orList(PresetNames()))
	}
	for _, nm := range names {
		preset := Presets[strings.ToLower(strings.TrimSpace(nm.Value))]
		if nm.Kind != yaml.ScalarNode || preset == nil {
			return p.errorf(nm, "extends: unknown preset %q (want %s)", nm.Value, orList(PresetNames()))
		}
		p.cfg.Extends = append(p.cfg.Extends, Item{preset.Name, p.origin(nm)})
		p.cfg.applyPreset(preset)
	}
	return nil
}

func (p *parser) rules(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "rules: want a mapping of rule ids to on, off, a severity, or {enabled, severity, options}")
	}
	if _, err := p.mapping(n, nil, "rules"); err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		r := p.cfg.Rule(k.Value)
		if r == nil {
			return p.errorf(k, "unknown rule %q (see quotecheck rules)", k.Value)
		}
		switch v.Kind {
		case yaml.ScalarNode:
			if err := p.ruleValue(r, v); err != nil {
				return err
			}
		case yaml.MappingNode:
			fields, err := p.mapping(v, []string{"enabled", "severity", "options"}, "rules."+r.ID)
			if err != nil {
				return err
			}
			if kv, ok := fields["severity"]; ok {
				sev, err := checker.ParseSeverity(kv[1].Value)
				if err != nil || kv[1].Kind != yaml.ScalarNode {
					return p.errorf(kv[1], "rules.%s.severity: want error, warning or info, got %q", r.ID, kv[1].Value)
				}
				r.Severity, r.SeverityFrom = sev, p.origin(kv[1])
				r.Enabled, r.EnabledFrom = true, p.origin(kv[1])
			}
			if kv, ok := fields["enabled"]; ok {
				on, ok := parseBool(kv[1].Value)
				if !ok || kv[1].Kind != yaml.ScalarNode {
					return p.errorf(kv[1], "rules.%s.enabled: want true or false, got %q", r.ID, kv[1].Value)
				}
				r.Enabled, r.EnabledFrom = on, p.origin(kv[1])
			}
			if kv, ok := fields["options"]; ok {
				if err := p.ruleOptions(r, kv[1]); err != nil {
					return err
				}
			}
		default:
			return p.errorf(v, "rules.%s: want on, off, error, warning, info, or {enabled, severity, options}", r.ID)
		}
	}
	return nil
}

// ruleOptions reads rules.<id>.options: a mapping of the rule's option
// names to lists.
func (p *parser) ruleOptions(r *Rule, n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "rules.%s.options: want a mapping of option names to lists", r.ID)
	}
	if _, err := p.mapping(n, nil, "rules."+r.ID+".options"); err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		var items []Item
		var err error
		if def := rules.ByID(rules.All(), r.ID).Option(k.Value); def != nil && def.Count {
			items, err = p.count(v, "rules."+r.ID+".options."+k.Value)
		} else {
			items, err = p.list(v, "rules."+r.ID+".options."+k.Value)
		}
		if err != nil {
			return err
		}
		if err := r.SetOption(k.Value, items, p.origin(v)); err != nil {
			return p.errorf(k, "rules.%s.options: %v", r.ID, err)
		}
	}
	return nil
}

func (p *parser) ruleValue(r *Rule, v *yaml.Node) error {
	if on, ok := parseBool(v.Value); ok {
		r.Enabled, r.EnabledFrom = on, p.origin(v)
		return nil
	}
	sev, err := checker.ParseSeverity(v.Value)
	if err != nil {
		return p.errorf(v, "rules.%s: want on, off, error, warning or info, got %q", r.ID, v.Value)
	}
	r.Severity, r.SeverityFrom = sev, p.origin(v)
	r.Enabled, r.EnabledFrom = true, p.origin(v)
	return nil
}

func parseBool(s string) (on, ok bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "on", "true", "yes", "enabled", "enable":
		return true, true
	case "off", "false", "no", "disabled", "disable":
		return false, true
	}
	return false, false
}

func (p *parser) options(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "options: want a mapping of %s", orList(optionKeys))
	}
	fields, err := p.mapping(n, optionKeys, "options")
	if err != nil {
		return err
	}
	for _, key := range optionKeys {
		kv, ok := fields[key]
		if !ok {
			continue
		}
		if key == "altered-tolerance" {
			// the older spelling of rules.quote-altered.options.tolerance
			items, err := p.count(kv[1], "options."+key)
			if err != nil {
				return err
			}
			_ = p.cfg.Rule(AlteredToleranceRule).SetOption(AlteredToleranceOption, items, p.origin(kv[1]))
			continue
		}
		items, err := p.list(kv[1], "options."+key)
		if err != nil {
			return err
		}
		switch key {
		case "speech-verbs":
			p.cfg.SpeechVerbs = append(p.cfg.SpeechVerbs, items...)
		case "anonymity-reasons":
			p.cfg.AnonymityReasons = append(p.cfg.AnonymityReasons, items...)
		case "loaded-verbs":
			// the older spelling of rules.non-neutral-verb.options.verbs
			_ = p.cfg.Rule(LoadedVerbsRule).SetOption(LoadedVerbsOption, items, p.origin(kv[1]))
		}
	}
	return nil
}

// count reads a whole number, 0 or more, as the one item of a list.
func (p *parser) count(n *yaml.Node, where string) ([]Item, error) {
	v, err := strconv.Atoi(strings.TrimSpace(n.Value))
	if n.Kind != yaml.ScalarNode || err != nil || v < 0 {
		return nil, p.errorf(n, "%s: want a whole number (0 or more)", where)
	}
	return []Item{{strconv.Itoa(v), p.origin(n)}}, nil
}

// list reads a sequence of non-empty strings.
func (p *parser) list(n *yaml.Node, where string) ([]Item, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "%s: want a list of words or phrases", where)
	}
	items := []Item{}
	for _, e := range n.Content {
		v := strings.Join(strings.Fields(e.Value), " ")
		if e.Kind != yaml.ScalarNode || v == "" || e.Tag == "!!null" {
			return nil, p.errorf(e, "%s: entries must be non-empty words or phrases", where)
		}
		items = append(items, Item{v, p.origin(e)})
	}
	return items, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
