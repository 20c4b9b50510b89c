package config

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Loader finds and reads the config for each input, once per folder and
// once per file. It is safe for concurrent use.
type Loader struct {
	// explicit is the config file named by --config or the environment;
	// when set it applies to every input.
	explicit, explicitFrom string

	mu    sync.Mutex
	dirs  map[string]string // folder -> config file governing it ("" none)
	files map[string]*loaded
	def   *Config
}

type loaded struct {
	cfg *Config
	err error
}

// NewLoader returns a loader. flag is the --config value; when it is
// empty the QUOTECHECK_CONFIG environment variable is used, and when that
// is empty too each input's config is found by walking up from its
// folder.
func NewLoader(flag string) *Loader {
	l := &Loader{dirs: map[string]string{}, files: map[string]*loaded{}}
	switch {
	case flag != "":
		l.explicit, l.explicitFrom = flag, "--config"
	case os.Getenv(EnvVar) != "":
		l.explicit, l.explicitFrom = os.Getenv(EnvVar), EnvVar
	}
	if l.explicit != "" {
		if abs, err := filepath.Abs(l.explicit); err == nil {
			l.explicit = abs
		}
	}
	return l
}

// Explicit returns the config file named by --config or the environment
// and which of them named it, or empty strings.
func (l *Loader) Explicit() (file, from string) { return l.explicit, l.explicitFrom }

// For returns the configuration that applies to an input path ("-" for
// standard input, which uses the working folder).
func (l *Loader) For(path string) (*Config, error) {
	if l.explicit != "" {
		return l.load(l.explicit, l.explicitFrom)
	}
	dir := "."
	if path != "" && path != "-" {
		dir = filepath.Dir(path)
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	file := l.find(abs)
	if file == "" {
		l.mu.Lock()
		defer l.mu.Unlock()
		if l.def == nil {
			l.def = Default()
		}
		return l.def, nil
	}
	return l.load(file, "search")
}

// find walks up from dir to the file system root for FileName.
func (l *Loader) find(dir string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var visited []string
	found := ""
	for d := dir; ; {
		if f, ok := l.dirs[d]; ok {
			found = f
			break
		}
		visited = append(visited, d)
		candidate := filepath.Join(d, FileName)
		if st, err := os.Stat(candidate); err == nil && !st.IsDir() {
			found = candidate
			break
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	for _, d := range visited {
		l.dirs[d] = found
	}
	return found
}

func (l *Loader) load(file, foundBy string) (*Config, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if r, ok := l.files[file]; ok {
		return r.cfg, r.err
	}
	cfg, err := Load(file)
	if err != nil {
		if foundBy != "search" {
			if e, ok := err.(*Error); ok && e.Line == 0 {
				e.Msg = fmt.Sprintf("%s (named by %s)", e.Msg, foundBy)
			}
		}
	} else {
		cfg.FoundBy = foundBy
	}
	l.files[file] = &loaded{cfg, err}
	return cfg, err
}
