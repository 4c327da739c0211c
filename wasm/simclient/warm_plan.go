package simclient

// warmPaths is how many paths of the start scenario the warm-up (warm.go)
// simulates after the page's step (the scenario's own count if smaller),
// warmStepPaths a step. The paths are thrown away after the summary, so
// every visit pays for them whether or not an input is ever changed.
//
// 24, not a run's worth: the helper branch warmed 200 (the default's
// whole run) to take TurboFan's tier-up of the engine's outer loops out
// of the first run, which traces under load showed. On the idle machine,
// `make bench-browser` three times each on the merged main (round 6),
// 200 against 24 paths gave medians first_partial_ms 450 / 274,
// full_result_ms 1,118 / 1,041, longest_task_ms 177 / 165,
// phone_full_result_ms 1,630 / 1,523 and cold_link_answer_ms 2,079 /
// 1,632 (a cold visit's warm-up still ran in the previous tab): no gain
// for eight times the simulation on every visit, a phone's battery
// included (docs/ARCHITECTURE.md, "Round 6's end").
const (
	warmPaths     = 24
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
