//go:build js

package widget

import "syscall/js"

// CopyText puts text on the clipboard and calls done with whether it
// worked. The asynchronous Clipboard API needs a secure context and the
// page's focus; when it is missing or refuses, a temporary selected
// textarea and document.execCommand("copy") are tried, which browsers still
// honour during a click.
func CopyText(text string, done func(ok bool)) {
	g := js.Global()
	fallback := func() bool {
		doc := g.Get("document")
		area := doc.Call("createElement", "textarea")
		area.Set("value", text)
		area.Call("setAttribute", "readonly", "")
		area.Get("classList").Call("add", "offscreen")
		doc.Get("body").Call("appendChild", area)
		area.Call("select")
		ok := doc.Call("execCommand", "copy").Truthy()
		area.Call("remove")
		return ok
	}
	clip := g.Get("navigator").Get("clipboard")
	if !clip.Truthy() || !g.Get("isSecureContext").Truthy() {
		done(fallback())
		return
	}
	var onOK, onFail js.Func
	release := func() { onOK.Release(); onFail.Release() }
	onOK = js.FuncOf(func(js.Value, []js.Value) any { release(); done(true); return nil })
	onFail = js.FuncOf(func(js.Value, []js.Value) any { release(); done(fallback()); return nil })
	clip.Call("writeText", text).Call("then", onOK, onFail)
}

// PageURL is the page's address as the browser shows it (the share link).
func PageURL() string { return js.Global().Get("location").Get("href").String() }
