package htmlreport

import (
	"os"
	"testing"

	"github.com/quotecheck/quotecheck/internal/testnote"
)

// TestMain shows why tests were skipped even without -v.
func TestMain(m *testing.M) { os.Exit(testnote.Main(m)) }
