//go:build js

package widget

import "syscall/js"

// countRenders is set by a test before the page's scripts run
// (window.smacalcCountRenders = true, see e2e/render_count_test.go); it is
// read once, so on every other page a render costs one false test.
var countRenders = js.Global().Get("smacalcCountRenders").Truthy()

// Rendered counts a render of the component called name into
// window.smacalcRenders[name] when the page asked for counts: the browser
// test that checks a keystroke renders only what changed reads them.
func Rendered(name string) {
	if !countRenders {
		return
	}
	counts := js.Global().Get("smacalcRenders")
	if !counts.Truthy() {
		counts = js.Global().Get("Object").New()
		js.Global().Set("smacalcRenders", counts)
	}
	n := 0
	if v := counts.Get(name); v.Truthy() {
		n = v.Int()
	}
	counts.Set(name, n+1)
}
