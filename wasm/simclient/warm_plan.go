package simclient

import "smacalc/calc/scenario"

// warmPaths is how many paths of the start scenario the warm-up (warm.go)
// simulates after the page's step (the scenario's own count if smaller),
// warmStepPaths a step. The paths are thrown away after the answer steps,
// so every visit pays for them whether or not an input is ever changed.
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

// The years scenario: the start scenario with a long horizon and few
// stocks, yearsPaths paths, simulated in steps of warmStepPaths after the
// summary. Round 8's code log showed the engine's once-a-year functions
// (pathSim.yearEnd, flowsAtYearStart, recordYear, accrueTaxes, the tax
// law's PortfolioTaxF, alternativeMinimumTax, stateTax) still tiered up by
// TurboFan inside the first change's run after the 24 paths (240 path-years):
// V8 tiers a function up by the code it ran itself, so they need calls,
// not stocks. 16 paths of 50 years hold 800 path-years at the cost of
// 16 × 50 × 20 = 16,000 stock-years, about three of the default's paths
// (10 years × 500 stocks).
//
// Round 9's code log (the first change after the warm-up's end and a 5 s
// pause, TestBrowserTrace with --js-flags=--log-code): 800 path-years still
// left pathSim.accrueTaxes, taxYear, recordYear, smaCash, the fund's
// quarter and the tax law's portfolioTax and projected to tier up inside
// the change's run, each in Liftoff code on the workers until then. The
// once-a-year functions run per path-year, not per stock: 32 paths of 10
// stocks hold 1,600 path-years at the same 16,000 stock-years.
const (
	yearsHorizon = 50
	yearsStocks  = 10
	yearsPaths   = 32
)

// answerSteps is how many "answer" steps end the warm-up: the page's side
// of a run's answer (summary, merge, the answer's render of a provisional
// and a final result: wasm/simworker, answerRender) on the warm-up's
// paths, a few milliseconds each once compiled. Round 8's code log listed
// them among what TurboFan compiled in the first change's run (chart.Bars,
// the ledger table, calc's build, the percentiles' sorting,
// reflect.Value.Equal): a first change renders its answer two or three
// times after the page's mount rendered it once, so three steps (six
// renders, in one worker's instance) make them hot before it. Six steps
// with both drawings made about 400 KB more code hot in the warm-up than
// main's, some of it what a first change does not make hot (chart.Lines,
// chart.Waterfall, the headline's Render), and a first change made before
// the warm-up's end then shared the cores with its compilation
// (docs/ARCHITECTURE.md, "Round 8: the first change's tier-up").
//
// Round 9's code log: after three steps the headline's Render (44 KB of
// TurboFan code), the ledger table (17 KB) and calc's build (13.5 KB) were
// still tiered up inside the first change's run, the headline's at its
// very end, where the compilation only took the cores from the workers.
// Five steps (ten renders of the headline and the ledger, the page's
// drawings only) take them out of it: the first tier-ups inside the run
// 276–330 KB of code on main, 186–231 KB with five steps and the years
// scenario above.
const answerSteps = 5

// warmStep is one message of the warm-up to its worker: kind is the
// step (wasm/simworker, warm.go), first and count its paths ("paths",
// "years") or, for "answer", how many answer steps are left with it.
type warmStep struct {
	kind         string
	first, count int
}

// warmPlan is the warm-up's steps for a start scenario of paths paths,
// with years steps when withYears: the page's step, the paths from 0 in
// steps of warmStepPaths (starting on even paths, as a run's chunks do,
// so that antithetic pairs are simulated together), the summary of them
// all, the years scenario's paths, then the answer steps.
func warmPlan(paths int, withYears bool) []warmStep {
	plan := []warmStep{{kind: "page"}}
	for first := 0; first < paths; first += warmStepPaths {
		plan = append(plan, warmStep{kind: "paths", first: first, count: min(warmStepPaths, paths-first)})
	}
	plan = append(plan, warmStep{kind: "summary"})
	if withYears {
		for first := 0; first < yearsPaths; first += warmStepPaths {
			plan = append(plan, warmStep{kind: "years", first: first, count: min(warmStepPaths, yearsPaths-first)})
		}
	}
	for left := answerSteps; left > 0; left-- {
		plan = append(plan, warmStep{kind: "answer", count: left})
	}
	return plan
}

// yearsScenario is s shaped for the "years" steps (its stocks yearsStocks
// at most), and whether it is a valid scenario (a historical market may
// not reach the long horizon: then there are no years steps).
func yearsScenario(s scenario.Scenario) (scenario.Scenario, bool) {
	s.Horizon, s.Stocks, s.Paths = yearsHorizon, min(s.Stocks, yearsStocks), yearsPaths
	return s, s.Validate() == nil
}
