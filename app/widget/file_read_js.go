//go:build js

package widget

import (
	"errors"
	"fmt"
	"syscall/js"
)

// ReadChosenFile reads the file chosen in a file input, refusing files over
// limit bytes before reading them. done is called from the browser's event
// loop; the caller dispatches to the UI.
func ReadChosenFile(inputID string, limit int, done func([]byte, error)) {
	input := js.Global().Get("document").Call("getElementById", inputID)
	if !input.Truthy() || input.Get("files").Length() == 0 {
		done(nil, errors.New("no file chosen"))
		return
	}
	file := input.Get("files").Index(0)
	input.Set("value", "") // choosing the same file again reads it again
	if size := file.Get("size").Int(); size > limit {
		done(nil, fmt.Errorf("the file is larger than %d KB", limit>>10))
		return
	}
	var ok, fail js.Func
	release := func() { ok.Release(); fail.Release() }
	ok = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		arr := js.Global().Get("Uint8Array").New(args[0])
		data := make([]byte, arr.Length())
		js.CopyBytesToGo(data, arr)
		done(data, nil)
		return nil
	})
	fail = js.FuncOf(func(_ js.Value, args []js.Value) any {
		defer release()
		done(nil, errors.New("the file could not be read"))
		return nil
	})
	file.Call("arrayBuffer").Call("then", ok, fail)
}
