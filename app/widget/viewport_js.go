//go:build js

package widget

import "syscall/js"

// chartWideQuery is the media query above which the stylesheet shows the
// charts' wide drawings (static/smacalc.css, ".chart-wide"): keep the two
// the same.
const chartWideQuery = "(min-width: 720px)"

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
