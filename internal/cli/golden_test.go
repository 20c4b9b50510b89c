package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// update rewrites the golden files instead of comparing against them:
//
//	go test ./internal/cli/ -run Golden -update
var update = flag.Bool("update", false, "rewrite testdata/golden files from the current output")

const (
	articlesDir = "testdata/articles"
	goldenDir   = "testdata/golden"
)

// TestGolden runs the CLI in-process over every article in
// testdata/articles and compares three outputs with testdata/golden:
//
//	NAME.json        check --format json
//	NAME.check.txt   "exit: N", then check (text) output
//	NAME.quotes.txt  quotes --width 0 (full quote text)
//
// The articles are original fiction written for these tests; see
// testdata/README.md.
func TestGolden(t *testing.T) {
	// Run from the module root so that the paths shown in the output are
	// the stable, relative testdata/articles/NAME.txt.
	t.Chdir(filepath.Join("..", ".."))

	articles, err := filepath.Glob(filepath.Join(articlesDir, "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if len(articles) == 0 {
		t.Fatalf("no articles in %s", articlesDir)
	}
	names := map[string]bool{}
	for _, path := range articles {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		names[name] = true
		// Always use forward slashes so the golden files match on every OS.
		arg := articlesDir + "/" + name + ".txt"
		t.Run(name, func(t *testing.T) {
			code, stdout, stderr := runCLI("check", "--format", "json", arg)
			if stderr != "" {
				t.Errorf("check --format json: unexpected stderr:\n%s", stderr)
			}
			if code != ExitClean && code != ExitFindings {
				t.Errorf("check --format json: exit %d, want 0 or 1", code)
			}
			compareGolden(t, name+".json", stdout)

			code, stdout, stderr = runCLI("check", arg)
			var b strings.Builder
			fmt.Fprintf(&b, "exit: %d\n", code)
			b.WriteString(stdout)
			if stderr != "" {
				b.WriteString("--- stderr ---\n")
				b.WriteString(stderr)
			}
			compareGolden(t, name+".check.txt", b.String())

			code, stdout, stderr = runCLI("quotes", "--width", "0", arg)
			if code != ExitClean || stderr != "" {
				t.Errorf("quotes: exit %d, stderr:\n%s", code, stderr)
			}
			compareGolden(t, name+".quotes.txt", stdout)
		})
	}

	// Golden files whose article is gone are stale.
	goldens, err := filepath.Glob(filepath.Join(goldenDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range goldens {
		base := filepath.Base(g)
		name, _, _ := strings.Cut(base, ".")
		if !names[name] {
			t.Errorf("%s: golden file has no article %s/%s.txt", g, articlesDir, name)
		}
	}
}

// runCLI runs the program in-process with empty standard input.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = Run(append([]string{"quotecheck"}, args...), strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// compareGolden compares got with testdata/golden/file, or rewrites the
// file under -update.
func compareGolden(t *testing.T, file, got string) {
	t.Helper()
	path := filepath.Join(goldenDir, file)
	if *update {
		if err := os.MkdirAll(goldenDir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("%v (run: go test ./internal/cli/ -run Golden -update)", err)
		return
	}
	if want := string(b); got != want {
		t.Errorf("%s differs from the current output (run with -update if the change is intended):\n%s", path, firstDiff(want, got))
	}
}

// firstDiff describes the first line where want and got differ.
func firstDiff(want, got string) string {
	w := strings.Split(want, "\n")
	g := strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if i >= len(w) || i >= len(g) || wl != gl {
			return fmt.Sprintf("line %d:\n  want: %q\n  got:  %q\n(want %d lines, got %d)", i+1, wl, gl, len(w), len(g))
		}
	}
	return "(no line differs)"
}
