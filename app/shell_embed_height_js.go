//go:build js

package app

import (
	"math"
	"syscall/js"
)

// watchEmbedHeight tells the host page the calculator's height when it runs
// in an iframe, so the host (static/embed.js) can size the frame: a
// ResizeObserver on the body posts {type: "smacalc:height", height} to the
// parent whenever the height changes. Only a number is posted, so the target
// origin "*" leaks nothing; scenario data is never posted.
func watchEmbedHeight() {
	g := js.Global()
	parent := g.Get("parent")
	if !parent.Truthy() || parent.Equal(g.Get("self")) || !g.Get("ResizeObserver").Truthy() {
		return // not framed, or no ResizeObserver
	}
	body := g.Get("document").Get("body")
	last := -1
	post := js.FuncOf(func(js.Value, []js.Value) any {
		style := g.Call("getComputedStyle", body)
		h := body.Call("getBoundingClientRect").Get("height").Float() +
			g.Call("parseFloat", style.Get("marginTop")).Float() +
			g.Call("parseFloat", style.Get("marginBottom")).Float()
		height := int(math.Ceil(h))
		if height != last {
			last = height
			parent.Call("postMessage", map[string]any{"type": "smacalc:height", "height": height}, "*")
		}
		return nil
	})
	// The observer lives as long as the page: post is never released.
	g.Get("ResizeObserver").New(post).Call("observe", body)
}
