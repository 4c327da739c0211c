//go:build js && wasm

package simworker

import (
	"syscall/js"

	"smacalc/calc/scenario"
)

// A cold visit through a share link of another scenario than the page was
// prerendered with shows no answer until a worker has simulated the link's
// first paths. Those paths used to wait for the page's Go program: the
// Module reached the page and the link's worker together
// (static/app-module.js), and each then instantiated it and ran every
// package's initialisation, but only the page could decode the address and
// send the run (wasm/simclient, runLink), so the worker, its own start done
// as early, waited for the page's (docs/ARCHITECTURE.md "Round 8: a cold
// share link"). Here the link's worker is handed the address's query with
// the Module and simulates the link's first chunk as soon as its Go
// program runs; the page's run, once sent, adopts that chunk as its first
// (wasm/simclient, early.go): one run, nothing computed twice.

// LinkRunID is the request id of a share link's first chunk, the one a
// worker starts on its own: the page's requests are numbered from 1
// (wasm/simclient, Pool.nextID), so no request of the page has it, and a
// reply with it that no run adopted is dropped as stale.
const LinkRunID = 0

// LinkChunk is how many paths a share link's first chunk holds, paths 0 to
// LinkChunk(paths) − 1, for a scenario of paths paths: one antithetic pair
// (paths 2k and 2k+1 share their random draws, calc.SimulatePaths), the
// least that gives the paired standard error, so that the first
// provisional answer comes as early as the engine's cold start allows
// (the first chunk runs while V8 is still compiling the engine's functions
// on their first call). A scenario of three paths or fewer is one chunk
// (wasm/simclient, chunkPlan: no lone path left for a chunk of its own;
// its takeStarted refuses a chunk that would leave one).
func LinkChunk(paths int) int {
	if paths-2 < 2 {
		return paths
	}
	return 2
}

// startLink simulates the first chunk of the share link whose query (raw:
// the page's address's query, as it is) static/sim-worker.js was handed
// with the Module, and posts it as a run's chunk with id LinkRunID. The
// query is decoded as the page decodes a link (scenario.Decode) and sent
// in canonical form, as the page's run messages are: the chunk's paths
// carry it (calc.Paths.Scenario), which the page's summary and merge
// check. A query that does not decode is left to the page, which names its
// problems as it does without this start.
func startLink(raw string) {
	s, err := scenario.Decode(raw)
	if err != nil {
		return
	}
	run(request{ID: LinkRunID, Query: s.Encode(), First: 0, Count: LinkChunk(s.Paths)})
}

// linkQuery takes the share link's query that static/sim-worker.js set for
// this worker before starting it (self.smacalcLink), if any.
func linkQuery() (string, bool) {
	link := js.Global().Get("smacalcLink")
	if link.Type() != js.TypeString {
		return "", false
	}
	js.Global().Delete("smacalcLink")
	return link.String(), true
}
