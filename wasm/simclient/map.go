//go:build js && wasm

package simclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"

	"smacalc/calc"
)

// mapWorkers computes break-even maps (issue 27) on workers of their own,
// so that a map never takes a worker from the main simulation and the
// main simulation's Run never terminates a map's worker (the store cancels
// the map itself when the scenario changes). cells keeps the cells
// computed, by a key of their own (mapCellKey).
type mapWorkers struct {
	idle  []*worker
	job   *mapJob
	cells mapCellCache
}

// mapJob is one map: the cells' queries in the order to compute them.
type mapJob struct {
	pool    *Pool
	queries []string
	next    int                // the next query to send
	busy    map[*worker]string // what each busy worker computes
	ids     map[*worker]int    // its request id
	cell    func(*calc.MapCell, error)
	over    bool
}

// Map implements store.Simulator: each of up to p.size workers gets one
// cell at a time, in the order given, and the next when it answers. Cells
// computed before (this map's or an earlier one's, or a full result of
// the same query: the same figures) are answered at once.
func (p *Pool) Map(queries []string, cell func(c *calc.MapCell, err error)) (cancel func()) {
	p.stopMap()
	job := &mapJob{pool: p, cell: cell, busy: map[*worker]string{}, ids: map[*worker]int{}}
	for _, q := range queries {
		if c := p.maps.cells.get(q); c != nil {
			cell(c, nil)
		} else if r := p.results.get(q); r != nil {
			cell(&calc.MapCell{Scenario: r.Scenario, Paths: r.Paths, DifferenceP50: r.Difference.P50,
				SMAAheadFraction: r.SMAAheadFraction, SE: r.DifferenceSE}, nil)
		} else {
			job.queries = append(job.queries, q)
		}
	}
	if len(job.queries) == 0 {
		return func() {}
	}
	p.maps.job = job
	mark("smacalc:map-start")
	for range min(p.size, len(job.queries)) {
		job.send(p.mapWorker())
	}
	return func() {
		if p.maps.job == job {
			p.stopMap()
		}
	}
}

// stopMap ends the map being computed: its busy workers are terminated (a
// Go WASM busy in a loop cannot read a cancel message), its idle ones kept.
func (p *Pool) stopMap() {
	job := p.maps.job
	if job == nil {
		return
	}
	p.maps.job, job.over = nil, true
	for w := range job.busy {
		w.terminate()
	}
	job.busy = nil
}

// mapWorker returns an idle map worker or starts one.
func (p *Pool) mapWorker() *worker {
	if n := len(p.maps.idle); n > 0 {
		w := p.maps.idle[n-1]
		p.maps.idle = p.maps.idle[:n-1]
		return w
	}
	var w *worker
	w = p.newWorker(func(msg js.Value) { p.mapMessage(w, msg) }, func(err error) { p.mapFailed(w, err) })
	return w
}

// send gives w the next cell, or makes it idle when none is left.
func (job *mapJob) send(w *worker) {
	p := job.pool
	if job.next >= len(job.queries) {
		p.maps.idle = append(p.maps.idle, w)
		if len(job.busy) == 0 && p.maps.job == job {
			p.maps.job = nil
			mark("smacalc:map-done")
			measure("smacalc:map", "smacalc:map-start")
		}
		return
	}
	q := job.queries[job.next]
	job.next++
	p.nextID++
	job.busy[w], job.ids[w] = q, p.nextID
	w.post(map[string]any{"type": "mapcell", "id": p.nextID, "query": q})
}

func (p *Pool) mapMessage(w *worker, msg js.Value) {
	job := p.maps.job
	if msg.Get("type").String() == "error" && msg.Get("id").Int() < 0 {
		p.mapFailed(w, errors.New(msg.Get("message").String())) // the worker could not start
		return
	}
	if job == nil || job.over || job.ids[w] != msg.Get("id").Int() {
		return // a reply to a map replaced since
	}
	q := job.busy[w]
	delete(job.busy, w)
	delete(job.ids, w)
	switch msg.Get("type").String() {
	case "mapcell":
		var c calc.MapCell
		if err := json.Unmarshal([]byte(msg.Get("json").String()), &c); err != nil {
			job.fail(fmt.Errorf("the simulation sent an unreadable reply: %w", err))
			return
		}
		if c.Scenario != q {
			job.fail(fmt.Errorf("the simulation answered %q for %q", c.Scenario, q))
			return
		}
		p.maps.cells.put(q, &c)
		job.send(w) // the next cell before this one is drawn
		job.cell(&c, nil)
	case "error":
		p.maps.idle = append(p.maps.idle, w)
		job.fail(errors.New(msg.Get("message").String()))
	}
}

// mapFailed retires a broken map worker and ends its map with err.
func (p *Pool) mapFailed(w *worker, err error) {
	w.terminate()
	for i, idle := range p.maps.idle {
		if idle == w {
			p.maps.idle = append(p.maps.idle[:i], p.maps.idle[i+1:]...)
			break
		}
	}
	if job := p.maps.job; job != nil {
		if _, ok := job.busy[w]; ok {
			delete(job.busy, w)
			job.fail(err)
		}
	}
}

// fail ends the map with err: the store is told once.
func (job *mapJob) fail(err error) {
	if job.over {
		return
	}
	job.pool.stopMap()
	job.cell(nil, err)
}
