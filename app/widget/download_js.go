//go:build js

package widget

import "syscall/js"

// DownloadFile saves data as a file through a Blob URL and a temporary link
// (same origin, nothing leaves the browser).
func DownloadFile(name, mime string, data []byte) {
	g := js.Global()
	arr := g.Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := g.Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	href := g.Get("URL").Call("createObjectURL", blob)
	doc := g.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", href)
	a.Set("download", name)
	a.Set("hidden", true)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	var revoke js.Func
	revoke = js.FuncOf(func(js.Value, []js.Value) any {
		g.Get("URL").Call("revokeObjectURL", href)
		revoke.Release()
		return nil
	})
	g.Call("setTimeout", revoke, 1000)
}
