//go:build js && wasm

// Package simworker is the simulation Web Worker's side of the page–worker
// protocol. The worker runs the same WASM as the page (app.wasm): its main
// sees that it runs in a worker (InWorker) and calls Serve instead of
// starting the user interface. One binary means one download and one
// compilation — the page hands its compiled WebAssembly.Module to every
// worker — where a separate worker.wasm cost 1.3 MB more (brotli) and a
// second compilation on a cold visit. static/sim-worker.js starts the Go
// program and passes it the page's requests; a run comes as chunks of its
// paths, one message each, so the page can show provisional results early
// and give the next chunk to whichever worker is free. Requests are
// answered in the order they come: each runs to its end before the worker
// reads the next message.
//
// Messages in (from the page, through sim-worker.js):
//
//	{type: "init", module, link}  // to sim-worker.js: the Module; link, a share link's query, for its first chunk (link.go)
//	{type: "run", id, query, lots, first, count}  // one chunk of a run's paths; lots: a lots file, "" for none
//	{type: "ledger", id, query, lots, path}       // a run's last step: the typical market's ledger (calc.LedgerOf)
//	{type: "inspect", id, query, path, year, stock}
//	{type: "simulate", id, query}  // a whole calc.Simulate, for side results
//	{type: "mapcell", id, query}   // a break-even map's cell (map.go)
//	{type: "warm", id, query, step, first, count} // a warm-up step (warm.go)
//
// Messages out:
//
//	{type: "paths", id, bin}       // bin: a Uint8Array, the chunk's calc.Paths (wasm/wire); id LinkRunID: a link's first chunk (link.go)
//	{type: "ledger", id, bin}      // bin: a Uint8Array, the calc.TypicalLedger (wasm/wire)
//	{type: "inspection", id, json} // json: one calc.InspectionYear
//	{type: "result", id, json}     // json: a calc.Result
//	{type: "mapcell", id, json}    // json: a calc.MapCell (map.go)
//	{type: "warmed", id}           // a warm-up step done
//	{type: "error", id, message}
//
// A newer request does not cancel an older one here: the page terminates a
// busy worker instead, since a Go WASM busy in a loop never returns to the
// event loop to read a cancel message.
package simworker

import (
	"context"
	"encoding/json"
	"fmt"
	"syscall/js"

	"smacalc/calc"
	"smacalc/calc/scenario"
	"smacalc/wasm/wire"
)

// InWorker reports whether the program runs in a Web Worker (no document):
// then it is a simulation worker, not the page.
func InWorker() bool {
	g := js.Global()
	return g.Get("document").IsUndefined() && !g.Get("WorkerGlobalScope").IsUndefined()
}

// Serve registers the request handler that sim-worker.js calls and never
// returns: the worker lives until the page terminates it.
func Serve() {
	go serveRequests()
	js.Global().Set("smacalcSimulate", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 1 {
			requests <- handlerOf(args[0])
		}
		return nil
	}))
	// A share link's first chunk, before any request (link.go): it runs
	// to its end here, before sim-worker.js passes on the requests that
	// came meanwhile.
	if raw, ok := linkQuery(); ok {
		requests <- func() { startLink(raw) }
	}
	select {}
}

// requests holds the requests received and not yet served, in order.
// One goroutine serves them all (serveRequests), not one each: a chunk's
// simulation needs a deep stack, and a new goroutine's starts small and is
// copied each time it doubles (runtime.copystack). Once a run's chunks
// each grew a stack of their own; the runtime's stack code then ran hot
// enough in the first input change after the warm-up for V8 to compile it
// with TurboFan there, on the cores the workers simulate on
// (docs/ARCHITECTURE.md, "Round 13"). sim-worker.js passes one request
// per task, and each runs to its end before the task ends, so the buffer
// holds one at most.
var requests = make(chan func(), 16)

// serveRequests runs the requests received, one after the other.
func serveRequests() {
	for serve := range requests {
		serve()
	}
}

// handlerOf reads the page's message msg into its request and returns the
// request's work.
func handlerOf(msg js.Value) func() {
	req := request{ID: msg.Get("id").Int(), Query: msg.Get("query").String()}
	switch msg.Get("type").String() {
	case "inspect":
		req.Path, req.Year, req.Stock = msg.Get("path").Int(), msg.Get("year").Int(), msg.Get("stock").Int()
		return func() { inspect(req) }
	case "simulate":
		return func() { simulate(req) }
	case "mapcell": // map.go
		return func() { mapCell(req) }
	case "warm": // warm.go
		req.First, req.Count = msg.Get("first").Int(), msg.Get("count").Int()
		step := msg.Get("step").String()
		return func() { warm(req, step) }
	}
	if l := msg.Get("lots"); l.Type() == js.TypeString {
		req.Lots = l.String()
	}
	if msg.Get("type").String() == "ledger" {
		req.Path = msg.Get("path").Int()
		return func() { ledger(req) }
	}
	req.First, req.Count = msg.Get("first").Int(), msg.Get("count").Int()
	return func() { run(req) }
}

type request struct {
	ID                int
	Query             string
	Lots              string // a run's legacy lots file (scenario.ParseLegacyLots), "" for none
	First, Count      int    // a run's chunk: its paths
	Path, Year, Stock int    // an inspection
}

// answer runs a request's work and posts what it sends, or its error. A
// panic becomes an error message too: the page shows it and replaces the
// worker.
func answer(req request, what string, work func(send func(kind string, v any) error) error) {
	defer func() {
		if r := recover(); r != nil {
			post(req.ID, "error", "message", fmt.Sprintf("the %s failed: %v", what, r))
		}
	}()
	send := func(kind string, v any) error {
		b, err := json.Marshal(v)
		if err == nil {
			post(req.ID, kind, "json", string(b))
		}
		return err
	}
	if err := work(send); err != nil {
		post(req.ID, "error", "message", err.Error())
	}
}

// run simulates the request's paths, one chunk of a run (the page hands
// out a run's paths a chunk at a time: wasm/simclient, chunk_plan.go), and
// posts them.
func run(req request) {
	warmParts = nil // a warm-up cut short by this run keeps none (warm.go)
	answer(req, "simulation", func(send func(string, any) error) error {
		s, err := runScenario(req.Query, req.Lots)
		if err != nil {
			return err
		}
		mark("smacalc:chunk-start")
		paths, err := calc.SimulatePaths(context.Background(), s, req.First, req.Count, nil)
		if err != nil {
			return err
		}
		measure("smacalc:chunk", "smacalc:chunk-start")
		runBuf = wire.AppendPaths(runBuf[:0], paths)
		postBytes(req.ID, "paths", runBuf)
		return nil
	})
}

// ledger re-runs the typical market's path of a run whose paths are all
// in, for its ledger (calc.LedgerOf), and posts it: the page summarises the
// paths meanwhile (calc.MergeWithoutLedger) and adds the ledger
// (wasm/simclient, finish). This worker has just simulated the run's
// chunks: its engine's code is hot and it keeps the scenario's path
// simulators (the tax law, the market's tables, 300 KB of lot books),
// which the page, re-running the path itself, built anew at the end of
// every run (a trace of round 8: 36 of the final task's 47 ms in
// calc.Merge, most of it the re-run).
func ledger(req request) {
	answer(req, "ledger", func(send func(string, any) error) error {
		s, err := runScenario(req.Query, req.Lots)
		if err != nil {
			return err
		}
		mark("smacalc:ledger-start")
		l, err := calc.LedgerOf(s, req.Path)
		if err != nil {
			return err
		}
		runBuf = wire.AppendLedger(runBuf[:0], l)
		measure("smacalc:ledger", "smacalc:ledger-start")
		postBytes(req.ID, "ledger", runBuf)
		return nil
	})
}

// runBuf holds the binary form of the last chunk (wasm/wire), reused.
var runBuf []byte

// lastRun is the scenario of the last run's chunk: a run's chunks come one
// message each, so it is decoded once a run, not once a chunk (decoding and
// validating a query and a lots file is work the engine's own figures do
// not need again; traces showed scenario.Decode compiled by TurboFan once
// it ran per chunk).
var lastRun struct {
	query, lots string
	scenario    scenario.Scenario
}

// runScenario decodes a run's query and lots file (a scenario.ParseLegacyLots
// file, "" for none), or returns the last chunk's scenario when they are
// the same. The engine does not change the scenario it is given
// (calc.SimulatePaths takes it by value and reads its lots).
func runScenario(query, lots string) (scenario.Scenario, error) {
	if lastRun.query == query && lastRun.lots == lots && query != "" {
		return lastRun.scenario, nil
	}
	s, err := scenario.Decode(query)
	if err != nil {
		return s, err
	}
	if lots != "" {
		l, err := scenario.ParseLegacyLots([]byte(lots), s.Year)
		if err != nil {
			return s, err
		}
		s.Legacy, s.Amount = l, scenario.LegacyTotal(l)
	}
	lastRun.query, lastRun.lots, lastRun.scenario = query, lots, s
	return s, nil
}

// simulate answers with a whole result (side results: small scenarios).
func simulate(req request) {
	answer(req, "simulation", func(send func(string, any) error) error {
		s, err := scenario.Decode(req.Query)
		if err != nil {
			return err
		}
		r, err := calc.Simulate(context.Background(), s, nil)
		if err != nil {
			return err
		}
		return send("result", r)
	})
}

// lastInspection keeps the last inspected path: a person looking through
// its years and stocks asks for the same path again and again.
var lastInspection struct {
	query string
	path  int
	*calc.Inspection
}

// inspect answers with one year of a path's inspection, keeping only the
// lots of the requested stock so the reply stays small (a default path has
// some 35,000 lots).
func inspect(req request) {
	answer(req, "inspection", func(send func(string, any) error) error {
		if lastInspection.Inspection == nil || lastInspection.query != req.Query || lastInspection.path != req.Path {
			s, err := scenario.Decode(req.Query)
			if err != nil {
				return err
			}
			in, err := calc.Inspect(s, req.Path)
			if err != nil {
				return err
			}
			lastInspection.query, lastInspection.path, lastInspection.Inspection = req.Query, req.Path, in
		}
		years := lastInspection.Years
		if req.Year < 0 || req.Year >= len(years) {
			return fmt.Errorf("no year %d in this simulation", req.Year)
		}
		year := years[req.Year]
		holdings := make([]calc.Holding, len(year.Holdings))
		for i, h := range year.Holdings {
			if h.Stock != req.Stock || req.Stock < 0 {
				h.Lots = nil
			}
			holdings[i] = h
		}
		year.Holdings = holdings
		return send("inspection", year)
	})
}

// postBytes posts b as a Uint8Array under "bin", transferring its buffer
// (no copy on the way).
func postBytes(id int, kind string, b []byte) {
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	js.Global().Call("postMessage", map[string]any{"type": kind, "id": id, "bin": arr}, []any{arr.Get("buffer")})
}

func post(id int, kind, key, value string) {
	msg := map[string]any{"type": kind, "id": id}
	if key != "" {
		msg[key] = value
	}
	js.Global().Call("postMessage", msg)
}

// mark and measure record User Timing entries in the worker's timeline
// (the browser's performance panel and e2e's trace show them).
func mark(name string) {
	if perf := js.Global().Get("performance"); perf.Truthy() {
		perf.Call("mark", name)
	}
}

func measure(name, start string) {
	if perf := js.Global().Get("performance"); perf.Truthy() {
		perf.Call("measure", name, start)
	}
}
