package simclient

// warmPaths is how many paths of the start scenario the warm-up (warm.go)
// simulates after the page's step (the scenario's own count if smaller:
// the default's 200, one run), warmStepPaths a step. The paths are thrown
// away after the summary: a default run's simulation on one worker, while
// the page is idle.
const (
	warmPaths     = 200
	warmStepPaths = 2
)

// warmPlan is the warm-up's step after the one that left it at next (-1:
// none yet) for a scenario of paths paths: the page's step, then the paths
// from 0 in steps of warmStepPaths (first, count; starting on even paths,
// as a run's chunks do, so that antithetic pairs are simulated together),
// then the summary of them all, then done. after is next's new value.
func warmPlan(next, paths int) (step string, first, count, after int) {
	switch {
	case next < 0:
		return "page", 0, 0, 0
	case next < paths:
		count = min(warmStepPaths, paths-next)
		return "paths", next, count, next + count
	case next == paths:
		return "summary", 0, 0, paths + 1
	}
	return "", 0, 0, next // done
}
