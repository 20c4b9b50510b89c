package cli

import (
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/baseline"
	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/config"
	"github.com/quotecheck/quotecheck/rules"
)

// configured builds the rule engine for each input from the config file
// that applies to it (--config, QUOTECHECK_CONFIG, or the nearest
// .quotecheck.yaml above the input) with the command-line flags on top.
// One checker is built per config file. It is safe for concurrent use.
type configured struct {
	loader *config.Loader
	// base holds what the flags set; its Disabled and Severity are
	// applied over each config file.
	base     checker.Config
	disable  []string
	severity []string // rule ids with a --severity, in flag order
	// blFlag is the --baseline file, used for every input; blDefault is
	// used for inputs whose config names no baseline, when it exists.
	blFlag    *baseline.Baseline
	blDefault string
	noBL      bool

	mu        sync.Mutex
	built     map[*config.Config]*built
	baselines map[string]*loadedBaseline
}

// built is the engine for one config file.
type built struct {
	cfg *config.Config
	chk *checker.Checker
	bl  *baseline.Baseline
	err error
}

type loadedBaseline struct {
	bl  *baseline.Baseline
	err error
}

// configFlag is the --config flag shared by the commands that check.
func configFlag() cli.Flag {
	return &cli.StringFlag{Name: "config", Usage: "config `FILE` to use for every input instead of the nearest " + config.FileName + " (also $" + config.EnvVar + ")"}
}

// newConfigured reads the config and baseline flags of a command. A bad
// flag, an unreadable --config file or --baseline file is a usage error;
// a bad config file found by walking up only fails the inputs under it.
func newConfigured(c *cli.Context) (*configured, error) {
	base, err := flagConfig(c)
	if err != nil {
		return nil, err
	}
	set := &configured{
		loader:    config.NewLoader(c.String("config")),
		base:      base,
		built:     map[*config.Config]*built{},
		baselines: map[string]*loadedBaseline{},
	}
	set.disable = append(set.disable, c.StringSlice("disable")...)
	for id := range base.Severity {
		set.severity = append(set.severity, id)
	}
	sort.Strings(set.severity)
	for _, id := range set.disable {
		if rules.ByID(rules.All(), id) == nil {
			return nil, usageError("--disable: unknown rule %q (see quotecheck rules)", id)
		}
	}
	for _, id := range set.severity {
		if rules.ByID(rules.All(), id) == nil {
			return nil, usageError("--severity: unknown rule %q (see quotecheck rules)", id)
		}
	}
	if file, from := set.loader.Explicit(); file != "" {
		if _, err := set.loader.For("-"); err != nil {
			return nil, cli.Exit(fmt.Sprintf("config (from %s): %v", from, err), ExitError)
		}
	}
	if hasFlag(c, "no-baseline") && c.Bool("no-baseline") {
		set.noBL = true
	}
	if hasFlag(c, "baseline") && c.String("baseline") != "" && !set.noBL {
		bl, err := baseline.Load(c.String("baseline"))
		if err != nil {
			return nil, usageError("--baseline: %v", err)
		}
		set.blFlag = bl
	}
	if hasFlag(c, "default-baseline") {
		set.blDefault = c.String("default-baseline")
	}
	return set, nil
}

func hasFlag(c *cli.Context, name string) bool {
	for _, f := range c.Command.Flags {
		for _, n := range f.Names() {
			if n == name {
				return true
			}
		}
	}
	return false
}

// configFor returns the effective configuration of an input, flags
// applied.
func (s *configured) configFor(path string) (*config.Config, error) {
	cfg, err := s.loader.For(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return s.withFlags(cfg)
}

// withFlags applies --disable and --severity to a copy of a config.
func (s *configured) withFlags(fileCfg *config.Config) (*config.Config, error) {
	cfg := fileCfg.Clone()
	for _, id := range s.disable {
		if err := cfg.Disable(id, config.Origin{Kind: config.FromFlag, Name: "--disable"}); err != nil {
			return nil, usageError("--disable: %v", err)
		}
	}
	for _, id := range s.severity {
		if err := cfg.SetSeverity(id, s.base.Severity[id], config.Origin{Kind: config.FromFlag, Name: "--severity"}); err != nil {
			return nil, usageError("--severity: %v", err)
		}
	}
	return cfg, nil
}

// forPath returns the engine for an input path ("-" for standard input).
func (s *configured) forPath(path string) *built {
	cfg, err := s.loader.For(path)
	if err != nil {
		return &built{err: fmt.Errorf("config: %w", err)}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if b, ok := s.built[cfg]; ok {
		return b
	}
	b := s.build(cfg)
	s.built[cfg] = b
	return b
}

func (s *configured) build(fileCfg *config.Config) *built {
	cfg, err := s.withFlags(fileCfg)
	b := &built{cfg: cfg, err: err}
	if err != nil {
		return b
	}
	fromFile := cfg.CheckerConfig()
	ccfg := s.base
	ccfg.Disabled, ccfg.Severity, ccfg.Options = fromFile.Disabled, fromFile.Severity, fromFile.Options
	chk, err := checker.New(rules.All(), ccfg)
	if err != nil {
		b.err = usageError("%v", err)
		return b
	}
	b.chk = chk
	switch {
	case s.noBL:
	case s.blFlag != nil:
		b.bl = s.blFlag
	case cfg.Baseline != "":
		lb := s.baseline(cfg.Baseline)
		if lb.err != nil {
			b.err = fmt.Errorf("%v (named at %s)", lb.err, cfg.BaselineFrom)
			return b
		}
		b.bl = lb.bl
	case s.blDefault != "":
		if _, err := os.Stat(s.blDefault); err == nil {
			lb := s.baseline(s.blDefault)
			if lb.err != nil {
				b.err = lb.err
				return b
			}
			b.bl = lb.bl
		}
	}
	return b
}

func (s *configured) baseline(path string) *loadedBaseline {
	if lb, ok := s.baselines[path]; ok {
		return lb
	}
	bl, err := baseline.Load(path)
	lb := &loadedBaseline{bl, err}
	s.baselines[path] = lb
	return lb
}

// open wraps a reader of inputs so that each is checked by the engine of
// its config and its findings are filtered by its baseline.
func (s *configured) open(read func(*checker.Checker, checker.Input) []checker.Result) func(checker.Input) []checker.Result {
	return func(in checker.Input) []checker.Result {
		b := s.forPath(in.Path)
		if b.err != nil {
			return []checker.Result{{Path: in.Path, Err: b.err}}
		}
		rs := read(b.chk, in)
		if b.bl != nil {
			for i := range rs {
				if rs[i].Err == nil {
					rs[i].Findings = b.bl.Filter(rs[i].Path, rs[i].Doc, rs[i].Findings)
				}
			}
		}
		return rs
	}
}
