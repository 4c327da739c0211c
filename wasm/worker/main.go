//go:build js && wasm

// Command worker is the simulation Web Worker: a small WASM of its own that
// links only calc and syscall/js. static/sim-worker.js starts it and hands it
// the page's requests; it answers with the simulated paths in chunks so the
// page can show provisional results early.
//
// Messages in (from the page, through sim-worker.js):
//
//	{type: "run", id, query, first, count, chunk}
//
// Messages out:
//
//	{type: "paths", id, json}   // json: a calc.Paths of the next chunk
//	{type: "done", id}
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
			req := request{
				ID:    args[0].Get("id").Int(),
				Query: args[0].Get("query").String(),
				First: args[0].Get("first").Int(),
				Count: args[0].Get("count").Int(),
				Chunk: args[0].Get("chunk").Int(),
			}
			go run(req)
		}
		return nil
	}))
	select {}
}

type request struct {
	ID                  int
	Query               string
	First, Count, Chunk int
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
	chunk := max(1, req.Chunk)
	for first := req.First; first < req.First+req.Count; first += chunk {
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

func post(id int, kind, key, value string) {
	msg := map[string]any{"type": kind, "id": id}
	if key != "" {
		msg[key] = value
	}
	js.Global().Call("postMessage", msg)
}
