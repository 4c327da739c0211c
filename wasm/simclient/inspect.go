//go:build js && wasm

package simclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"syscall/js"

	"smacalc/calc"
)

// sideRequest is one pending Inspect or Background request on the side
// worker: exactly one of its callbacks is set.
type sideRequest struct {
	inspected func(*calc.InspectionYear, error)
	simulated func(*calc.Result, error)
}

func (r *sideRequest) fail(err error) {
	if r.inspected != nil {
		r.inspected(nil, err)
	} else {
		r.simulated(nil, err)
	}
}

// Inspect implements store.Simulator. Inspections run on a worker of their own
// so they neither wait behind a simulation nor get terminated with one. A
// newer inspection does not cancel an older one (each takes milliseconds);
// cancel only drops its answer.
func (p *Pool) Inspect(query string, path, year, stock int, done func(*calc.InspectionYear, error)) (cancel func()) {
	return p.side(&sideRequest{inspected: done}, map[string]any{
		"type": "inspect", "query": query, "path": path, "year": year, "stock": stock,
	})
}

// Background implements store.Simulator on the same side worker as Inspect:
// a Go WASM worker handles one message at a time, so requests run in order.
func (p *Pool) Background(query string, done func(*calc.Result, error)) (cancel func()) {
	return p.side(&sideRequest{simulated: done}, map[string]any{"type": "simulate", "query": query})
}

// side posts msg to the side worker, starting it if needed.
func (p *Pool) side(req *sideRequest, msg map[string]any) (cancel func()) {
	if p.inspector == nil {
		p.inspector = p.newWorker(p.inspectorMessage, p.inspectorFailed)
	}
	p.nextID++
	id := p.nextID
	if p.inspections == nil {
		p.inspections = map[int]*sideRequest{}
	}
	p.inspections[id] = req
	msg["id"] = id
	p.inspector.post(msg)
	return func() { delete(p.inspections, id) }
}

func (p *Pool) inspectorMessage(msg js.Value) {
	id := msg.Get("id").Int()
	req, ok := p.inspections[id]
	if !ok {
		if msg.Get("type").String() == "error" && id < 0 {
			p.inspectorFailed(errors.New(msg.Get("message").String()))
		}
		return // cancelled
	}
	delete(p.inspections, id)
	switch msg.Get("type").String() {
	case "inspection":
		var year calc.InspectionYear
		if err := json.Unmarshal([]byte(msg.Get("json").String()), &year); err != nil {
			req.fail(fmt.Errorf("the inspection sent an unreadable reply: %w", err))
			return
		}
		req.inspected(&year, nil)
	case "result":
		var r calc.Result
		if err := json.Unmarshal([]byte(msg.Get("json").String()), &r); err != nil {
			req.fail(fmt.Errorf("the simulation sent an unreadable reply: %w", err))
			return
		}
		req.simulated(&r, nil)
	case "error":
		req.fail(errors.New(msg.Get("message").String()))
	}
}

// inspectorFailed answers every pending side request with err and retires the
// worker; the next Inspect starts a new one.
func (p *Pool) inspectorFailed(err error) {
	if p.inspector != nil {
		p.inspector.terminate()
		p.inspector = nil
	}
	pending := p.inspections
	p.inspections = nil
	for _, req := range pending {
		req.fail(err)
	}
}
