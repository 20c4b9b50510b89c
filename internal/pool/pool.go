// Package pool is quotecheck's one worker pool: jobs are handed to
// workers in order and their results consumed in the same order, with a
// bounded number in flight, so that memory does not grow with the number
// of jobs. The engine, the checker's Run and batch all run on it.
package pool

import (
	"context"
	"runtime"
	"sync"
)

// Ordered runs a worker on every job that produce yields, on workers
// goroutines (one per core when workers <= 0; newWorker makes each
// worker's function, so that it can keep its own buffers), and calls
// consume with
// each result in the order the jobs were yielded, on the calling
// goroutine. At most about window results wait to be consumed (4×workers
// when window <= 0). yield returns false once ctx is done: produce should
// then stop. Ordered returns when every yielded job has been consumed.
func Ordered[J, R any](ctx context.Context, workers, window int, produce func(yield func(J) bool), newWorker func() func(J) R, consume func(R)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if window <= 0 {
		window = 4 * workers
	}
	if workers == 1 {
		work := newWorker()
		produce(func(j J) bool {
			if ctx.Err() != nil {
				return false
			}
			consume(work(j))
			return true
		})
		return
	}
	type slot struct {
		job J
		out chan R
	}
	// Each job gets a one-slot channel; the bounded queue of those
	// channels keeps results in order while workers run ahead.
	queue := make(chan chan R, window)
	jobs := make(chan slot, workers)
	go func() {
		defer close(queue)
		defer close(jobs)
		produce(func(j J) bool {
			s := slot{job: j, out: make(chan R, 1)}
			select {
			case queue <- s.out:
			case <-ctx.Done():
				return false
			}
			jobs <- s
			return true
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			work := newWorker()
			for s := range jobs {
				s.out <- work(s.job)
			}
		}()
	}
	for out := range queue {
		consume(<-out)
	}
	wg.Wait()
}
