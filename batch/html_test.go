package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/internal/testnote"
	"golang.org/x/net/html"

	"github.com/quotecheck/quotecheck/report"
)

// Markup an archive could hold in any field: none of it may run in the
// summary.
const (
	scriptSample = `<script>window.__pwned = 1</script>`
	imgSample    = `<img src=x onerror="window.__pwned = 2">`
)

// hostileSummary writes the summary of an archive whose titles, sections,
// bylines, speakers and quotations carry markup, and of the desk archive
// (for every chart), and returns its path.
func hostileSummary(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	archive := filepath.Join(dir, "hostile.jsonl")
	var b strings.Builder
	add := func(id, version, text string) {
		line, err := json.Marshal(map[string]string{
			"id": id, "version": version, "published": "2031-05-01", "title": "Title " + scriptSample,
			"section": "Section " + scriptSample, "author": "Byline " + imgSample, "text": text,
		})
		require.NoError(t, err)
		b.Write(line)
		b.WriteByte('\n')
	}
	add("xss", "1", "Headline\n\n“Plain words "+scriptSample+",” said Ada "+imgSample+" Penrose.\n\n“Nobody saw it,” "+
		"a source close to "+imgSample+" said.\n")
	add("xss", "2", "Headline\n\n“Plain words "+scriptSample+" changed "+imgSample+",” said Ada Penrose.\n\n“Nobody saw it,” "+
		"a source close to "+imgSample+" said.\n")
	require.NoError(t, os.WriteFile(archive, []byte(b.String()), 0o644))
	opt := outputs(dir)
	opt.Paths = []string{deskArchive, archive, damagedArchive}
	opt.Tool = report.Tool{Name: "quotecheck", Version: "test"}
	stats := runBatch(t, opt)
	require.Equal(t, 2, stats.Figures.VersionsCompared, "the desk and hostile archives each have a second version")
	return opt.Summary
}

// TestHTMLSummaryEscapes: the page holds no markup from the archive, no
// script of its own and no reference to anything outside itself.
func TestHTMLSummaryEscapes(t *testing.T) {
	page, err := os.ReadFile(hostileSummary(t))
	require.NoError(t, err)
	z := html.NewTokenizer(bytes.NewReader(page))
	elements := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		elements[tok.Data]++
		for _, a := range tok.Attr {
			name := strings.ToLower(a.Key)
			assert.False(t, strings.HasPrefix(name, "on"), "event handler attribute %s on <%s>", a.Key, tok.Data)
			assert.NotContains(t, []string{"src", "href", "action", "formaction", "srcset", "poster", "data"}, name,
				"<%s %s=%q> would load or link something", tok.Data, a.Key, a.Val)
		}
	}
	for _, el := range []string{"script", "img", "iframe", "object", "embed", "link", "base", "form"} {
		assert.Zero(t, elements[el], "<%s> element", el)
	}
	assert.Equal(t, 1, elements["style"], "one inline style sheet")
	assert.GreaterOrEqual(t, elements["svg"], 8, "charts")
	text := string(page)
	assert.NotContains(t, text, "http://")
	assert.NotContains(t, text, "https://")
	assert.Contains(t, text, "&lt;script&gt;window.__pwned = 1&lt;/script&gt;", "markup shows as text")
	assert.Contains(t, text, `default-src 'none'`, "the Content-Security-Policy forbids scripts and loads")
	for _, id := range []string{"types", "months", "sections", "authors", "anonymous", "sources", "findings", "changes", "errors"} {
		assert.Contains(t, text, `<section id="`+id+`">`)
	}
}

func chromiumPath() string {
	if p := os.Getenv("QUOTECHECK_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestHTMLSummaryInBrowser opens the summary in headless Chromium
// (Debian's chromium package; the test is skipped when it is not
// installed, or with -short): the page renders its charts with no error,
// no script runs and the archive's markup shows as text. A screenshot is
// saved to $SCREENSHOT_DIR when set.
func TestHTMLSummaryInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	path := chromiumPath()
	if path == "" {
		testnote.Skip(t, "browser test skipped: no Chromium found (apt-get install chromium, or set QUOTECHECK_CHROME)")
	}
	summary := hostileSummary(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1200, 900))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancelCtx := chromedp.NewContext(actx)
	defer cancelCtx()
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	var mu sync.Mutex
	var problems []string
	require.NoError(t, chromedp.Listen(ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			problems = append(problems, "exception: "+ev.ExceptionDetails.Text)
		case *runtime.EventConsoleAPICalled:
			problems = append(problems, fmt.Sprintf("console.%s", ev.Type))
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError || ev.Entry.Level == log.EntryLevelWarning {
				problems = append(problems, fmt.Sprintf("%s %s: %s", ev.Entry.Source, ev.Entry.Level, ev.Entry.Text))
			}
		}
	}), "starting Chromium at %s", path)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("file://"+summary), chromedp.WaitReady(chromedp.CSS("footer"))))

	eval := func(js string) any {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[any](js))
		require.NoError(t, err, js)
		return v
	}
	assert.Equal(t, "undefined", eval(`typeof window.__pwned`), "no script from the archive ran")
	assert.EqualValues(t, 0, eval(`document.scripts.length`))
	assert.EqualValues(t, 0, eval(`document.images.length`), "no img element from the archive")
	text := eval(`document.body.innerText`).(string)
	assert.Contains(t, text, scriptSample, "the markup shows as text")
	assert.Contains(t, text, imgSample)
	assert.Contains(t, text, "Quotation audit")
	assert.GreaterOrEqual(t, eval(`document.querySelectorAll('svg rect').length`), float64(20), "the charts have bars")
	// Every chart is laid out: it has a size on the page.
	assert.EqualValues(t, 0, eval(`[...document.querySelectorAll('svg')].filter(s => s.getBoundingClientRect().width < 100).length`))
	// The page fits the window: no horizontal scrolling.
	assert.Equal(t, true, eval(`document.documentElement.scrollWidth <= window.innerWidth`))

	if dir := os.Getenv("SCREENSHOT_DIR"); dir != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, "batch-summary.png"), png, 0o644))
	}
	time.Sleep(200 * time.Millisecond) // let late log entries arrive
	mu.Lock()
	defer mu.Unlock()
	assert.Empty(t, problems, "the page logs no error, warning or console output")
	assert.True(t, bytes.HasPrefix([]byte(summary), []byte("/")), "absolute path for the file URL")
}
