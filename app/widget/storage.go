package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// LocalStorage returns the browser's window.localStorage, or ok false when
// the browser refuses it: reading the property throws (SecurityError) in a
// page embedded as a third-party frame when site data is blocked, and
// static/app-module.js then puts a stand-in that keeps nothing in its
// place (smacalcUnavailable). It is read through Reflect.get, a call:
// syscall/js turns an exception thrown by a call into a panic, recovered
// here, but an exception thrown by a property read (Value.Get) ends the
// page's Go program. The saved scenarios and the simulation client's result
// cache (wasm/simclient) both reach the storage through it.
func LocalStorage() (storage app.Value, ok bool) {
	defer func() {
		if recover() != nil {
			storage, ok = nil, false
		}
	}()
	w := app.Window()
	s := w.Get("Reflect").Call("get", w, "localStorage")
	return s, s.Truthy() && !s.Get("smacalcUnavailable").Truthy()
}

// StorageCall calls a method of local storage (getItem, setItem,
// removeItem), reporting false when the browser refuses it: no storage, or
// a full one (setItem's QuotaExceededError).
func StorageCall(storage app.Value, method string, args ...any) (result app.Value, ok bool) {
	defer func() {
		if recover() != nil {
			result, ok = nil, false
		}
	}()
	return storage.Call(method, args...), true
}
