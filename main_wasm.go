//go:build wasm

package main

import (
	"syscall/js"
	"time"

	ui "smacalc/app"
	"smacalc/app/advisor"
	"smacalc/app/fields"
	"smacalc/app/store"
	"smacalc/site/markup"
	"smacalc/wasm/simclient"
	"smacalc/wasm/simworker"
)

// runInBrowser starts the UI, or, when this same WASM runs in a simulation
// Web Worker (the page hands its compiled module to its workers), the
// worker's request loop. The UI is given its simulator, a pool of those
// workers, and the reader of the scenarios saved in this browser, which it
// shares with the pool's result cache: local storage is one per origin, so
// one reader per page.
//
// A share link of another scenario than the page was prerendered with
// has its run started by the pool (wasm/simclient, early.go); its first
// answer is shown before the UI is started (showLinkAnswer), since
// mounting the UI keeps the thread busy for a second or more, during
// which the workers' answer could not even be read.
func runInBrowser() {
	if simworker.InWorker() {
		simworker.Serve()
	}
	saved := &advisor.SavedStore{}
	pool := simclient.New(saved)
	if u, link, ok := pool.LinkAnswer(linkAnswerWait, prepareLinkAnswer); ok {
		showLinkAnswer(ui.LinkAnswerHTML(u, link))
	}
	// After a share link's first answer, which it would have delayed
	// (wasm/simclient, early.go); a no-op when New kept it.
	pool.RememberPrerendered()
	// For e2e TestColdLinkSteps: the UI's start, to the mount's end
	// (#smacalc[data-ready]).
	if perf := js.Global().Get("performance"); perf.Truthy() && perf.Get("mark").Truthy() {
		perf.Call("mark", "smacalc:ui-start")
	}
	ui.Start(pool, saved)
}

// prepareLinkAnswer draws, on the page's thread, the calculator's
// headline for the share link link before its first answer (no result
// yet: the link's basis under "Your result appears here once the
// simulation has run"), while a worker simulates the link's first paths
// (wasm/simclient, LinkAnswer), and drops it.
//
// Chrome compiles each WebAssembly function on its first call (lazy
// compilation), on the calling thread. A trace of a cold link visit
// (docs/ARCHITECTURE.md "Round 8: a cold share link") found the page idle
// for about half a second while the link's worker simulated its first
// chunk, then 930 ms in the one task that read the chunk, summarised it and
// drew the answer, 719 ms of it compiling functions on their first call
// (go-app's HTML encoder, the headline, net/url, math/big, calc's
// summary): go-app's encoder and the headline's frame and basis are
// compiled here instead, in that idle time. (Drawing the start scenario's
// prerendered result instead, to compile the figures' formatting too,
// decoded its JSON first: longer than the worker's chunk, which then
// waited for the page.) Nothing drawn here is shown.
func prepareLinkAnswer(link fields.Scenario) {
	_ = ui.LinkAnswerHTML(store.SimulationUpdate{Total: link.Paths}, link)
}

// linkAnswerWait bounds how long the UI's start waits for a share link's
// first answer. It is a safeguard, not a tuning: a worker that fails ends
// the run at once (LinkAnswer returns), so only workers that neither
// answer nor fail could hold the page's UI back, and then for no longer
// than this. A slow machine's first answer (seconds on a phone) is still
// shown early.
const linkAnswerWait = 10 * time.Second

// showLinkAnswer draws headline, the calculator's headline for the first
// answer of the share link's run (ui.LinkAnswerHTML), in the prerendered
// page, in place of the headline the page was prerendered with (which
// static/first-paint.js keeps hidden for a link), without the encoder's
// indentation, so the UI that mounts next renders the same nodes with the
// same text
// (static/app-module.js, smacalcShowLinkAnswer, makes it visible and keeps
// it in view while the UI takes over; e2e TestShareLinkAnswerBeforeTheUI).
//
// go-app's app.HTMLString encodes with a throwaway engine, which sets the
// window's go-app handlers (onclick, onpopstate, goappNav, …) as
// properties: called before ui.Start, the UI's engine sets them again, so
// none of the throwaway's stays.
func showLinkAnswer(headline string) {
	show := js.Global().Get("smacalcShowLinkAnswer")
	if show.Type() != js.TypeFunction {
		return
	}
	// Wait until it is painted: the UI's mount, next, would hold the
	// thread before the browser paints it.
	painted := make(chan struct{})
	resume := js.FuncOf(func(js.Value, []js.Value) any {
		close(painted)
		return nil
	})
	defer resume.Release()
	show.Invoke(markup.WithoutIndentation(headline)).Call("then", resume)
	<-painted
}

// command is never reached in the browser: app.RunWhenOnBrowser and
// simworker.Serve do not return there.
func command([]string) int { return 0 }
