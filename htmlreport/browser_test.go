package htmlreport

// The browser test opens generated reports and the review page in a
// headless Chromium (Debian's chromium package; nothing is downloaded) and
// checks what a reader would: every quotation is highlighted with the right
// speaker, the hover card shows on focus, the keys move between findings,
// the page's own script runs under its Content-Security-Policy and the XSS
// samples run nothing. It saves screenshots to $SCREENSHOT_DIR, or to
// /tmp/quotecheck-screens.
//
// It is skipped when no Chromium is found (set QUOTECHECK_CHROME to a
// binary to use another), with -short, or when QUOTECHECK_BROWSER_TEST=0.

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/quotecheck/quotecheck/internal/testnote"

	"github.com/quotecheck/quotecheck/checker"
	"github.com/quotecheck/quotecheck/input"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
	"github.com/quotecheck/quotecheck/verify"
)

// seedPath is the seed story, in the shared folder beside the repository.
var seedPath = filepath.Join("..", "..", "shared", "seeds", "biden-xi-call.txt")

// seedSpeakers are the speakers of the seed story's quotations by the
// start of their words, from the gold annotation
// (shared/corpus/dev/seed-biden-xi.json); "" is no speaker.
var seedSpeakers = []struct{ text, speaker string }{
	{"broad, strategic discussion", "the White House"},
	{"underscored the United States", "the White House"},
	{"responsibility of both nations", ""},
	{"serious difficulties", "Xi Jinping"},
	{"unwilling to engage", "a senior US official"},
	{"What we’ve gotten", "a senior US official"},
	{"Xi has really centralised", "a senior US official"},
	{"antics", "a senior US official"},
	{"They have an ability", "a senior US official"},
	{"the ball now is in the US court", "Wang Yi"},
	{"The US has been clearly opposed", "Shi Yinhong"},
	{"The relationship between the two", "Shi Yinhong"},
	{"In such a competitive relationship", "Evan Medeiros"},
	{"It’s been seven months", "Evan Medeiros"},
}

func chromePath() string {
	if p := os.Getenv("QUOTECHECK_CHROME"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is one headless Chromium tab with a record of the dialogs that
// opened in it.
type browser struct {
	ctx     context.Context
	mu      sync.Mutex
	dialogs []string
}

func (b *browser) dialogCount() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.dialogs)
}

// watchScript runs before any script of each page: it records the
// violations of the page's Content-Security-Policy.
const watchScript = `window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || ''));
});`

func newBrowser(t *testing.T) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	if os.Getenv("QUOTECHECK_BROWSER_TEST") == "0" {
		t.Skip("browser test turned off (QUOTECHECK_BROWSER_TEST=0)")
	}
	path := chromePath()
	if path == "" {
		testnote.Skip(t, "browser test skipped: no Chromium found (apt-get install chromium, or set QUOTECHECK_CHROME)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1400, 1000),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTime(); cancelCtx(); cancelAlloc() })

	b := &browser{ctx: ctx}
	dialogs := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			b.mu.Lock()
			b.dialogs = append(b.dialogs, ev.Message)
			b.mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchScript})
	require.NoError(t, err, "starting Chromium at %s", path)
	// A headless tab has no window focus, and :focus styles need it.
	_, err = chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	require.NoError(t, err)
	return b
}

func (b *browser) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	require.NoError(t, chromedp.Do(b.ctx, steps...))
}

func eval[T any](t *testing.T, b *browser, js string) T {
	t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	require.NoError(t, err, js)
	return v
}

// screenshotDir is where the screenshots go.
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "quotecheck-screens")
	}
	require.NoError(t, os.MkdirAll(dir, 0o755))
	return dir
}

func (b *browser) fullScreenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.FullScreenshot(100))
	require.NoError(t, err)
	b.save(t, name, png)
}

func (b *browser) viewScreenshot(t *testing.T, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	b.save(t, name, png)
}

// submit sends the review page's form and waits for the answer to load.
func (b *browser) submit(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	// requestSubmit, as the button does: a click at the button's place
	// could land on a hover card.
	_, err := chromedp.Run(ctx, chromedp.WaitEvent(page.LoadEventFired, nil,
		chromedp.Evaluate[chromedp.Void](`document.getElementById('checkform').requestSubmit(document.querySelector('button[type=submit]'))`)))
	require.NoError(t, err, "the form was not answered")
}

// elementScreenshot saves a picture of one element.
func (b *browser) elementScreenshot(t *testing.T, sel, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.Screenshot(chromedp.CSS(sel)))
	require.NoError(t, err)
	b.save(t, name, png)
}

// scrollTo brings an element to the middle of the window at once (the
// page scrolls smoothly, which a screenshot would catch half way).
func scrollTo(sel string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`document.documentElement.style.scrollBehavior = 'auto';
document.querySelector(` + strconv.Quote(sel) + `).scrollIntoView({block: 'center', behavior: 'instant'})`)
}

func (b *browser) save(t *testing.T, name string, png []byte) {
	t.Helper()
	require.True(t, bytes.HasPrefix(png, []byte("\x89PNG")), "a PNG")
	path := filepath.Join(screenshotDir(t), name)
	require.NoError(t, os.WriteFile(path, png, 0o644))
	t.Logf("screenshot: %s", path)
}

// markInfo is what the page says about one highlighted quotation.
type markInfo struct {
	ID      string `json:"id"`
	Speaker string `json:"speaker"`
	Type    string `json:"type"`
	Label   string `json:"label"`
	Chip    string `json:"chip"`
	Focus   int    `json:"tabIndex"`
}

const marksJS = `Array.from(document.querySelectorAll('#story mark.q')).map(function (m) {
  var chip = m.querySelector('.chip');
  return {id: m.id, speaker: m.dataset.speaker, type: m.dataset.type, label: m.getAttribute('aria-label'),
          chip: chip ? chip.firstChild.textContent : '', tabIndex: m.tabIndex};
})`

// checkSeedMarks checks the marks of the seed story's report against the
// gold speakers.
func checkSeedMarks(t *testing.T, b *browser, res checker.Result) {
	t.Helper()
	marks := eval[[]markInfo](t, b, marksJS)
	require.Len(t, marks, len(seedSpeakers), "one highlight per quotation")
	for i, m := range marks {
		q := res.Doc.QuoteByID(m.ID)
		require.NotNil(t, q, m.ID)
		want := seedSpeakers[i]
		require.True(t, strings.HasPrefix(res.Doc.QuoteText(q), want.text), "mark %s is %q, want the quote %q", m.ID, res.Doc.QuoteText(q), want.text)
		assert.Equal(t, want.speaker, m.Speaker, "speaker of %s (%s)", m.ID, want.text)
		assert.Equal(t, 0, m.Focus, "%s is focusable", m.ID)
		wantType, wantChip := "none", "no speaker"
		switch {
		case want.speaker == "the White House":
			wantType, wantChip = "organization", "organisation"
		case strings.HasPrefix(want.speaker, "a "):
			wantType, wantChip = "anonymous", "anonymous"
		case want.speaker != "":
			wantType, wantChip = "person", "person"
		}
		assert.Equal(t, wantType, m.Type, m.ID)
		assert.Equal(t, wantChip, m.Chip, m.ID)
		if want.speaker != "" {
			assert.Contains(t, m.Label, "by "+want.speaker, m.ID)
		}
	}
}

func checkNoViolations(t *testing.T, b *browser) {
	t.Helper()
	v := eval[[]string](t, b, `window.__violations || []`)
	assert.Empty(t, v, "Content-Security-Policy violations")
}

func writeReport(t *testing.T, dir, name string, in Input) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, Write(&buf, in))
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	return path
}

func fileURL(path string) string {
	abs, _ := filepath.Abs(path)
	return "file://" + filepath.ToSlash(abs)
}

func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	chk := newChecker(t)
	tool := report.Tool{Name: "quotecheck", Version: "test"}
	dir := t.TempDir()

	t.Run("seed report", func(t *testing.T) {
		data, err := os.ReadFile(seedPath)
		if err != nil {
			testnote.Skip(t, "seed story not found beside the repository ("+err.Error()+")")
		}
		res := chk.CheckBytes("biden-xi-call.txt", data)
		require.NoError(t, res.Err)
		path := writeReport(t, dir, "seed.html", Input{Result: res, Rules: rules.All(), Tool: tool})
		b.do(t, chromedp.Navigate(fileURL(path)), chromedp.WaitVisible(chromedp.CSS("mark.q")))
		checkSeedMarks(t, b, res)
		checkNoViolations(t, b)

		// j, n, k and p move between findings and focus them.
		nf := len(res.Findings)
		require.Greater(t, nf, 2)
		active := func() string { return eval[string](t, b, `document.activeElement ? document.activeElement.id : ''`) }
		b.do(t, chromedp.KeyEvent("j"))
		assert.Equal(t, "f1", active())
		b.do(t, chromedp.KeyEvent("j"))
		assert.Equal(t, "f2", active())
		b.do(t, chromedp.KeyEvent("n"))
		assert.Equal(t, "f3", active())
		b.do(t, chromedp.KeyEvent("k"))
		assert.Equal(t, "f2", active())
		b.do(t, chromedp.KeyEvent("p"))
		assert.Equal(t, "f1", active())
		assert.Contains(t, eval[string](t, b, `document.getElementById('navstatus').textContent`), "Finding 1 of ")
		// The finding's quotation is outlined.
		q := eval[string](t, b, `document.getElementById('f1').dataset.quote`)
		assert.True(t, eval[bool](t, b, `document.getElementById('`+q+`').classList.contains('linked')`))

		// Focus on a quotation shows its speaker and cue.
		anon := ""
		for _, qq := range res.Doc.Quotations() {
			if qq.Speaker != nil && qq.Speaker.Mention == "the official" {
				anon = qq.ID
				break
			}
		}
		require.NotEmpty(t, anon)
		b.do(t, chromedp.Navigate(fileURL(path)), chromedp.WaitVisible(chromedp.CSS("mark.q")))
		b.viewScreenshot(t, "seed-report-top.png")
		b.do(t, chromedp.Focus(chromedp.ID(anon)), scrollTo("#"+anon))
		assert.Equal(t, "block", eval[string](t, b, `getComputedStyle(document.getElementById('tip-`+anon+`')).display`))
		tip := eval[string](t, b, `document.getElementById('tip-`+anon+`').textContent`)
		assert.Contains(t, tip, "a senior US official")
		assert.Contains(t, tip, "“the official”")
		assert.Contains(t, tip, "“said”")
		assert.Equal(t, "none", eval[string](t, b, `getComputedStyle(document.getElementById('tip-q1')).display`))
		// The findings about the focused quotation are marked.
		assert.True(t, eval[bool](t, b, `document.querySelector('.finding[data-quote="`+anon+`"]').classList.contains('linked')`))
		b.viewScreenshot(t, "seed-report-focus.png")

		b.do(t, chromedp.Navigate(fileURL(path)), chromedp.WaitVisible(chromedp.CSS("mark.q")))
		b.fullScreenshot(t, "seed-report.png")
		b.elementScreenshot(t, "#sources", "seed-report-sources.png")
	})

	t.Run("versions report", func(t *testing.T) {
		old := chk.CheckBytes("v1.txt", readFile(t, filepath.Join("testdata", "versions", "v1.txt")))
		res := chk.CheckBytes("v2.txt", readFile(t, filepath.Join("testdata", "versions", "v2.txt")))
		in := Input{Result: res, Against: &old, Changes: chk.Compare(old.Doc, res.Doc), Rules: rules.All(), Tool: tool}
		path := writeReport(t, dir, "versions.html", in)
		b.do(t, chromedp.Navigate(fileURL(path)), chromedp.WaitVisible(chromedp.CSS("mark.q")))
		checkNoViolations(t, b)
		marks := eval[[]markInfo](t, b, marksJS)
		require.Len(t, marks, len(res.Doc.Quotations()))
		for _, m := range marks {
			q := res.Doc.QuoteByID(m.ID)
			require.NotNil(t, q)
			assert.Equal(t, q.Speaker.Name, m.Speaker, m.ID)
		}
		changes := eval[[]string](t, b, `Array.from(document.querySelectorAll('#changes li.change .chtype')).map(function (e) { return e.textContent })`)
		assert.Equal(t, []string{"words changed", "removed", "speaker changed", "added"}, changes)
		assert.Equal(t, []string{"a penny of "}, eval[[]string](t, b, `Array.from(document.querySelectorAll('#changes ins')).map(function (e) { return e.lastChild.previousSibling.textContent })`))
		// The keys reach the changes too.
		for range len(res.Findings) + 1 {
			b.do(t, chromedp.KeyEvent("j"))
		}
		assert.Contains(t, eval[string](t, b, `document.activeElement.className`), "change")
		b.do(t, chromedp.Navigate(fileURL(path)), chromedp.WaitVisible(chromedp.CSS("mark.q")))
		b.fullScreenshot(t, "versions-report.png")
		b.elementScreenshot(t, "#changes", "versions-report-changes.png")
	})

	t.Run("record report", func(t *testing.T) {
		dir2 := filepath.Join("..", "testdata", "verify", "bridge")
		srt := readSource(t, filepath.Join(dir2, "briefing.srt"))
		// a source holding markup: shown as text, never run
		notes, err := verify.FromText("notes.txt", "ABARA: No jobs will be lost <img src=x onerror=\"window.__xss=1\"> at the bridge authority.\n")
		require.NoError(t, err)
		vchk := chk.WithSources(verify.NewSet(srt, notes))
		story := filepath.Join(dir2, "story.txt")
		res := ReadStory(vchk, story, readFile(t, story), input.Options{})
		require.NoError(t, res.Err)
		path := writeReport(t, dir, "record.html", Input{Result: res, Rules: rules.All(), Tool: tool})
		b.do(t, chromedp.Navigate(fileURL(path)), chromedp.WaitVisible(chromedp.CSS("section.record")))
		checkNoViolations(t, b)
		assert.Equal(t, len(res.Verifications), eval[int](t, b, `document.querySelectorAll('#story section.record').length`))
		// Changed words are struck through or underlined, not only coloured.
		assert.Contains(t, eval[string](t, b, `getComputedStyle(document.querySelector('.vdiff del')).textDecorationLine`), "line-through")
		assert.Contains(t, eval[string](t, b, `getComputedStyle(document.querySelector('.vdiff ins')).textDecorationLine`), "underline")
		// A record sits below its paragraph's text, in the story column.
		assert.True(t, eval[bool](t, b, `(function () { var r = document.getElementById('v-q4'), p = r.closest('.prow').querySelector('.para');
  return r.getBoundingClientRect().top >= p.getBoundingClientRect().bottom - 1 && Math.abs(r.getBoundingClientRect().left - p.getBoundingClientRect().left) < 2; })()`))
		time.Sleep(300 * time.Millisecond)
		assert.Equal(t, "undefined", eval[string](t, b, `typeof window.__xss`), "a payload in a source ran")
		assert.Zero(t, b.dialogCount())
		b.do(t, scrollTo("#v-q4"))
		b.viewScreenshot(t, "record-report.png")
		b.elementScreenshot(t, "#sources", "record-report-sources.png")
	})

	t.Run("xss samples", func(t *testing.T) {
		for _, name := range []string{"story.txt", "story.html", "story.md"} {
			p := filepath.Join("..", "testdata", "xss", name)
			res := ReadStory(chk, p, readFile(t, p), input.Options{})
			require.NoError(t, res.Err)
			path := writeReport(t, dir, "xss-"+name+".html", Input{Result: res, Rules: rules.All(), Tool: tool})
			b.do(t, chromedp.Navigate(fileURL(path)), chromedp.WaitVisible(chromedp.CSS("#story")))
			// Hover and focus every quotation, as a reader would.
			b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('mark.q').forEach(function (m) { m.focus(); m.dispatchEvent(new MouseEvent('mouseenter')); m.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); })`))
			checkXSSInert(t, b, name)
			if name == "story.txt" {
				b.fullScreenshot(t, "xss-report.png")
			}
		}
	})

	t.Run("review page", func(t *testing.T) {
		ts := httptest.NewServer(NewServer(ServerConfig{Checker: chk, Rules: rules.All(), Tool: tool, LocalOnly: true}).Handler())
		defer ts.Close()
		b.do(t, chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.ID("text")))
		checkNoViolations(t, b)
		b.viewScreenshot(t, "serve-form.png")

		// A chosen file fills the text box and sets the format.
		md := filepath.Join("testdata", "versions", "v2.txt")
		abs, err := filepath.Abs(md)
		require.NoError(t, err)
		b.do(t, chromedp.SetUploadFiles(chromedp.CSS(`input[name=file]`), []string{abs}))
		_, err = chromedp.Run(b.ctx, chromedp.Poll[bool](`document.getElementById('text').value.length > 100`, chromedp.WithPollingTimeout(10*time.Second)))
		require.NoError(t, err, "the file did not fill the text box")
		assert.Equal(t, "text", eval[string](t, b, `document.getElementById('format').value`))

		data, err := os.ReadFile(seedPath)
		if err != nil {
			t.Logf("seed story not found (%v): the review page is checked with the test story", err)
		} else {
			b.do(t, chromedp.SetValue(chromedp.ID("text"), string(data)))
		}
		b.submit(t)
		b.do(t, chromedp.WaitVisible(chromedp.CSS("mark.q")))
		checkNoViolations(t, b)
		if err == nil {
			res := chk.CheckBytes("story", data)
			checkSeedMarks(t, b, res)
		} else {
			assert.NotEmpty(t, eval[[]markInfo](t, b, marksJS))
		}
		// The submitted story stays in the form for another try.
		assert.Greater(t, eval[int](t, b, `document.getElementById('text').value.length`), 100)
		b.do(t, chromedp.KeyEvent("j"))
		assert.Equal(t, "f1", eval[string](t, b, `document.activeElement.id`))
		b.do(t, chromedp.Evaluate[chromedp.Void](`document.activeElement.blur(); document.documentElement.style.scrollBehavior = 'auto'; window.scrollTo(0, 0)`))
		b.viewScreenshot(t, "serve-page.png")

		// Two versions through the form.
		b.do(t, chromedp.SetValue(chromedp.ID("text"), string(readFile(t, filepath.Join("testdata", "versions", "v2.txt")))),
			chromedp.SetValue(chromedp.ID("against"), string(readFile(t, filepath.Join("testdata", "versions", "v1.txt")))))
		b.submit(t)
		b.do(t, chromedp.WaitVisible(chromedp.ID("changes")))
		assert.Equal(t, 4, eval[int](t, b, `document.querySelectorAll('#changes li.change').length`))

		// The XSS sample pasted into the page runs nothing either.
		b.do(t, chromedp.SetValue(chromedp.ID("text"), string(readFile(t, filepath.Join("..", "testdata", "xss", "story.txt")))),
			chromedp.SetValue(chromedp.ID("against"), string(readFile(t, filepath.Join("..", "testdata", "xss", "story.html")))),
			chromedp.SetValue(chromedp.ID("against_format"), "html"))
		b.submit(t)
		b.do(t, chromedp.WaitVisible(chromedp.ID("changes")))
		b.do(t, chromedp.Evaluate[chromedp.Void](`document.querySelectorAll('mark.q').forEach(function (m) { m.focus(); m.dispatchEvent(new MouseEvent('mouseenter')); })`))
		checkXSSInert(t, b, "review page")
		assert.Contains(t, eval[string](t, b, `document.getElementById('text').value`), `<script>window.__xss = 1;`)
	})
}

// checkXSSInert checks that no payload ran: no global set, no dialog, no
// element made from the story's markup, and the markup shown as text.
func checkXSSInert(t *testing.T, b *browser, name string) {
	t.Helper()
	time.Sleep(300 * time.Millisecond) // an onerror of a failed image load would fire by now
	assert.Equal(t, "undefined", eval[string](t, b, `typeof window.__xss`), "%s: a payload ran", name)
	assert.Zero(t, b.dialogCount(), "%s: a dialog opened", name)
	assert.Zero(t, eval[int](t, b, `document.querySelectorAll('#story img, #story script, #story iframe, #story svg, #story a[href^="javascript"], [onerror], [onclick], [onload], [onmouseover]').length`), "%s: markup from the story became elements", name)
	assert.Equal(t, 1, eval[int](t, b, `document.scripts.length`), "%s: only the page's own script", name)
	assert.Contains(t, eval[string](t, b, `document.getElementById('story').textContent`), "window.__xss=1", "%s: the payload shows as text", name)
}
