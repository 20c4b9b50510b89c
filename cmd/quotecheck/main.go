// Command quotecheck checks who is quoted in a news story, and how.
package main

import (
	"os"

	"github.com/quotecheck/quotecheck/internal/cli"
)

func main() {
	os.Exit(cli.Main(os.Args))
}
