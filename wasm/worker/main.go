//go:build js && wasm

// Command worker is the simulation Web Worker: a small WASM of its own that
// links only calc and syscall/js. static/sim-worker.js starts it and hands it
// the page's requests; it answers with the simulated paths in chunks so the
// page can show provisional results early.
//
// Messages in (from the page, through sim-worker.js):
//
//	{type: "run", id, query, first, count, chunk, firstChunk}
//	{type: "inspect", id, query, path, year, stock}
//	{type: "simulate", id, query}  // a whole calc.Simulate, for side results
//
// Messages out:
//
//	{type: "paths", id, json}      // json: a calc.Paths of the next chunk
//	{type: "done", id}
//	{type: "inspection", id, json} // json: one calc.InspectionYear
//	{type: "result", id, json}     // json: a calc.Result
//	{type: "error", id, message}
//
// A newer request does not cancel an older one here: the page terminates a
// busy worker instead, since a Go WASM busy in a loop never returns to the
// event loop to read a cancel message.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"syscall/js"

	"smacalc/calc"
)

func main() {
	js.Global().Set("smacalcSimulate", js.FuncOf(func(this js.Value, args []js.Value) any {
		if len(args) == 1 {
			msg := args[0]
			req := request{ID: msg.Get("id").Int(), Query: msg.Get("query").String()}
			switch msg.Get("type").String() {
			case "inspect":
				req.Path, req.Year, req.Stock = msg.Get("path").Int(), msg.Get("year").Int(), msg.Get("stock").Int()
				go inspect(req)
				return nil
			case "simulate":
				go simulate(req)
				return nil
			}
			req.First, req.Count = msg.Get("first").Int(), msg.Get("count").Int()
			req.Chunk, req.FirstChunk = msg.Get("chunk").Int(), msg.Get("firstChunk").Int()
			go run(req)
		}
		return nil
	}))
	select {}
}

type request struct {
	ID                  int
	Query               string
	First, Count, Chunk int // a run's paths, in chunks of Chunk paths
	FirstChunk          int // … except the first, smaller for a quick first answer
	Path, Year, Stock   int // an inspection
}

// run simulates the request's paths chunk by chunk, posting each chunk as it
// is done. A panic becomes an error message: the page shows it and replaces
// the worker.
func run(req request) {
	defer func() {
		if r := recover(); r != nil {
			post(req.ID, "error", "message", fmt.Sprintf("the simulation failed: %v", r))
		}
	}()
	s, err := calc.Decode(req.Query)
	if err != nil {
		post(req.ID, "error", "message", err.Error())
		return
	}
	chunk := max(1, req.FirstChunk)
	for first := req.First; first < req.First+req.Count; first += chunk {
		if first > req.First {
			chunk = max(1, req.Chunk)
		}
		n := min(chunk, req.First+req.Count-first)
		paths, err := calc.SimulatePaths(context.Background(), s, first, n, nil)
		if err != nil {
			post(req.ID, "error", "message", err.Error())
			return
		}
		b, err := json.Marshal(paths)
		if err != nil {
			post(req.ID, "error", "message", err.Error())
			return
		}
		post(req.ID, "paths", "json", string(b))
	}
	post(req.ID, "done", "", "")
}

// simulate answers with a whole result (side results: small scenarios).
func simulate(req request) {
	defer func() {
		if r := recover(); r != nil {
			post(req.ID, "error", "message", fmt.Sprintf("the simulation failed: %v", r))
		}
	}()
	s, err := calc.Decode(req.Query)
	if err != nil {
		post(req.ID, "error", "message", err.Error())
		return
	}
	r, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		post(req.ID, "error", "message", err.Error())
		return
	}
	b, err := json.Marshal(r)
	if err != nil {
		post(req.ID, "error", "message", err.Error())
		return
	}
	post(req.ID, "result", "json", string(b))
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
	defer func() {
		if r := recover(); r != nil {
			post(req.ID, "error", "message", fmt.Sprintf("the inspection failed: %v", r))
		}
	}()
	if lastInspection.Inspection == nil || lastInspection.query != req.Query || lastInspection.path != req.Path {
		s, err := calc.Decode(req.Query)
		if err != nil {
			post(req.ID, "error", "message", err.Error())
			return
		}
		in, err := calc.Inspect(s, req.Path)
		if err != nil {
			post(req.ID, "error", "message", err.Error())
			return
		}
		lastInspection.query, lastInspection.path, lastInspection.Inspection = req.Query, req.Path, in
	}
	years := lastInspection.Years
	if req.Year < 0 || req.Year >= len(years) {
		post(req.ID, "error", "message", fmt.Sprintf("no year %d in this simulation", req.Year))
		return
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
	b, err := json.Marshal(year)
	if err != nil {
		post(req.ID, "error", "message", err.Error())
		return
	}
	post(req.ID, "inspection", "json", string(b))
}

func post(id int, kind, key, value string) {
	msg := map[string]any{"type": kind, "id": id}
	if key != "" {
		msg[key] = value
	}
	js.Global().Call("postMessage", msg)
}
