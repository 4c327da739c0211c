//go:build js

package widget

import "syscall/js"

// OnKeydown calls handle with every key pressed on the page, until stop is
// called. handle reports whether it used the key (its default action is
// then prevented). Keys typed into a form field are not reported.
func OnKeydown(handle func(key string) bool) (stop func()) {
	listener := js.FuncOf(func(this js.Value, args []js.Value) any {
		e := args[0]
		switch e.Get("target").Get("tagName").String() {
		case "INPUT", "SELECT", "TEXTAREA":
			return nil
		}
		if handle(e.Get("key").String()) {
			e.Call("preventDefault")
		}
		return nil
	})
	window := js.Global().Get("window")
	window.Call("addEventListener", "keydown", listener)
	return func() {
		window.Call("removeEventListener", "keydown", listener)
		listener.Release()
	}
}

// BlurTerm takes the focus off a term whose definition is showing
// (widget_term.go), which hides the definition; it reports whether one had
// the focus.
func BlurTerm() bool {
	el := js.Global().Get("document").Get("activeElement")
	if !el.Truthy() || !el.Get("classList").Call("contains", "term-word").Bool() {
		return false
	}
	el.Call("blur")
	return true
}
