package pool

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOrderedKeepsOrder(t *testing.T) {
	for _, workers := range []int{1, 2, 7} {
		var got []int
		Ordered(context.Background(), workers, 0, func(yield func(int) bool) {
			for i := range 500 {
				if !yield(i) {
					return
				}
			}
		}, func() func(int) int { return func(i int) int { return i * i } }, func(r int) { got = append(got, r) })
		assert.Len(t, got, 500, "workers %d", workers)
		for i, r := range got {
			if r != i*i {
				t.Fatalf("workers %d: result %d is %d", workers, i, r)
			}
		}
	}
}

func TestOrderedStopsWhenCancelled(t *testing.T) {
	for _, workers := range []int{1, 3} {
		ctx, cancel := context.WithCancel(context.Background())
		n := 0
		Ordered(ctx, workers, 0, func(yield func(int) bool) {
			for i := 0; ; i++ {
				if !yield(i) {
					return
				}
			}
		}, func() func(int) int { return func(i int) int { return i } }, func(int) {
			n++
			if n == 10 {
				cancel()
			}
		})
		assert.GreaterOrEqual(t, n, 10)
		assert.Less(t, n, 10+8*workers, "stops soon after the cancel")
	}
}
