package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/quotecheck/quotecheck/htmlreport"
	"github.com/quotecheck/quotecheck/report"
	"github.com/quotecheck/quotecheck/rules"
)

// serveStarted, when set (by tests), is called once the server listens,
// with its address and a function that stops it.
var serveStarted func(url string, stop func())

func serveCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "serve",
		Usage: "serve the local review page: paste a story, see its report",
		Description: "Serves a review page on 127.0.0.1: paste or drop a story (text, Markdown or\n" +
			"HTML), and optionally an earlier version, and see the HTML report. The same\n" +
			"check is a JSON API:\n\n" +
			"  curl -s --data-binary @story.txt http://127.0.0.1:8080/api/check\n" +
			"  curl -s -H 'Content-Type: application/json' \\\n" +
			"       -d '{\"text\": \"...\", \"format\": \"markdown\", \"against\": \"...\"}' http://127.0.0.1:8080/api/check\n\n" +
			"With --source (or the config's sources), every story is also checked against\n" +
			"those transcripts, captions and statements: the page shows each quotation's\n" +
			"passage and verdict, and the API's documents carry verifications.\n\n" +
			"The server listens on loopback only, and answers only requests addressed to\n" +
			"localhost, unless --addr names another address. Doing so is dangerous: there\n" +
			"is no authentication and anyone who can reach the port can use it.",
		Flags: append(append(append([]cli.Flag{
			&cli.StringFlag{Name: "addr", Value: "127.0.0.1", Usage: "address to listen on, `HOST` or HOST:PORT; anything but loopback exposes the page to the network (dangerous)"},
			&cli.IntFlag{Name: "port", Aliases: []string{"p"}, Value: 8080, Usage: "port to listen on (0: any free port)"},
			&cli.Int64Flag{Name: "max-body", Value: htmlreport.DefaultMaxBody, Usage: "largest request accepted, in bytes (larger ones get 413)"},
			&cli.DurationFlag{Name: "timeout", Value: htmlreport.DefaultTimeout, Usage: "longest time one request may take"},
		}, ruleFlags()...), &cli.StringSliceFlag{Name: "field", Usage: "JSON record field (or front matter key) to read: NAME=FIELD (repeatable)"}), sourceFlags()...),
		Action: func(c *cli.Context) error { return runServe(c, e) },
	}
}

func runServe(c *cli.Context, e *env) error {
	if c.NArg() > 0 {
		return usageError("serve: takes no arguments (got %q)", c.Args().First())
	}
	addr, err := listenAddr(c.String("addr"), c.Int("port"))
	if err != nil {
		return usageError("serve: %v", err)
	}
	if c.Int64("max-body") <= 0 {
		return usageError("serve: --max-body must be positive")
	}
	if c.Duration("timeout") <= 0 {
		return usageError("serve: --timeout must be positive")
	}
	eng, err := newEngine(c, e)
	// the working folder's sources are read now: one that cannot be is
	// reported at start-up, and the others are used
	_, _ = eng.Settings("-")
	if err != nil {
		return err
	}
	host, _, _ := net.SplitHostPort(addr)
	local := isLoopback(host)
	srv := htmlreport.NewServer(htmlreport.ServerConfig{
		Engine: eng, Rules: rules.All(), Tool: report.Tool{Name: "quotecheck", Version: Version},
		MaxBody: c.Int64("max-body"), Timeout: c.Duration("timeout"), LocalOnly: local, Log: e.stderr,
	})
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return cli.Exit(fmt.Sprintf("serve: %v", err), ExitError)
	}
	if !local {
		fmt.Fprintf(e.stderr, "quotecheck: warning: listening on %s, not loopback: anyone who can reach this port can use the page and the API; there is no authentication\n", ln.Addr())
	}
	url := "http://" + ln.Addr().String() + "/"
	fmt.Fprintf(e.stdout, "quotecheck: review page at %s (Ctrl-C to stop)\n", url)

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	hs := srv.HTTPServer(addr)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	if serveStarted != nil {
		serveStarted(url, stop)
	}
	select {
	case err := <-errc:
		if err != nil && !errors.Is(err, http.ErrServerClosed) {
			return cli.Exit(fmt.Sprintf("serve: %v", err), ExitError)
		}
		return nil
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil {
		hs.Close()
	}
	fmt.Fprintln(e.stderr, "quotecheck: stopped")
	return nil
}

// listenAddr joins --addr and --port. An empty host (which would mean
// every interface) is refused: binding beyond loopback must be asked for
// by name (0.0.0.0, ::, or an address).
func listenAddr(addr string, port int) (string, error) {
	addr = strings.TrimSpace(addr)
	host := addr
	if h, p, err := net.SplitHostPort(addr); err == nil {
		host = h
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 65535 {
			return "", fmt.Errorf("--addr %q: bad port", addr)
		}
		port = n
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "" {
		return "", fmt.Errorf("--addr %q: give a host (127.0.0.1 for this machine only, 0.0.0.0 for every interface)", addr)
	}
	if port < 0 || port > 65535 {
		return "", fmt.Errorf("--port %d: want 0 to 65535", port)
	}
	return net.JoinHostPort(host, strconv.Itoa(port)), nil
}

// isLoopback reports whether host is a loopback name or address.
func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
