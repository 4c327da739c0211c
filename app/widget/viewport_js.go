//go:build js

package widget

import "syscall/js"

// chartWideQuery is the media query above which the stylesheet shows the
// charts' wide drawings (static/smacalc.css, ".chart-wide"): keep the two
// the same.
const chartWideQuery = "(min-width: 720px)"

// WideScreen reports whether the page matches chartWideQuery now: whether
// it draws its charts wide (wasm/simclient's warm-up draws the same ones).
func WideScreen() bool {
	return js.Global().Call("matchMedia", chartWideQuery).Get("matches").Bool()
}

// WatchWideScreen reports whether the page matches chartWideQuery now, and
// calls changed each time that changes (a rotated tablet, a resized
// window) until stop is called.
func WatchWideScreen(changed func(wide bool)) (wide bool, stop func()) {
	query := js.Global().Call("matchMedia", chartWideQuery)
	listener := js.FuncOf(func(this js.Value, args []js.Value) any {
		changed(args[0].Get("matches").Bool())
		return nil
	})
	query.Call("addEventListener", "change", listener)
	return query.Get("matches").Bool(), func() {
		query.Call("removeEventListener", "change", listener)
		listener.Release()
	}
}

// WatchNearView calls changed with whether the element with the given id
// is in the viewport or within half a window of it, once the browser has
// looked and then each time that changes, until stop is called
// (IntersectionObserver). The calculator draws the charts for a
// provisional result only while they are near the view
// (app/calculator.go, chartsOf). Without an element or an observer,
// changed is never called.
func WatchNearView(id string, changed func(near bool)) (stop func()) {
	el := js.Global().Get("document").Call("getElementById", id)
	ctor := js.Global().Get("IntersectionObserver")
	if !el.Truthy() || !ctor.Truthy() {
		return func() {}
	}
	callback := js.FuncOf(func(this js.Value, args []js.Value) any {
		entries := args[0]
		if n := entries.Length(); n > 0 {
			changed(entries.Index(n - 1).Get("isIntersecting").Bool())
		}
		return nil
	})
	observer := ctor.New(callback, map[string]any{"rootMargin": "50% 0px"})
	observer.Call("observe", el)
	return func() {
		observer.Call("disconnect")
		callback.Release()
	}
}
