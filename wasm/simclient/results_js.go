//go:build js && wasm

package simclient

import (
	"errors"

	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"

	"smacalc/app/advisor"
	"smacalc/app/widget"
)

// newResultCache keeps results in memory and in localStorage (memory only
// where the browser refuses storage, e.g. some private modes); the results
// of the scenarios saved (read through the page's reader, saved) stay
// stored as long as they are saved, so presenter mode and a reopened saved
// scenario show their result at once.
func newResultCache(version string, saved *advisor.SavedStore) *resultCache {
	var store resultStore
	if ls, ok := widget.LocalStorage(); ok {
		store = browserStorage{ls}
	}
	c := newResultCacheWith(version, store)
	c.saved = func() (keys []string) {
		defer func() { _ = recover() }() // storage disabled: no saved scenarios
		list := saved.List()
		keys = make([]string, len(list))
		for i, s := range list {
			keys[i] = cacheKey(s.Query, s.Lots) // a saved scenario keeps its lots as LegacyLotsCSV writes them
		}
		return keys
	}
	return c
}

// browserStorage is window.localStorage (widget.LocalStorage). Every call may
// throw (storage disabled, quota exceeded): a throw becomes an error or a
// miss.
type browserStorage struct{ goapp.Value }

func (s browserStorage) get(key string) (value string, ok bool) {
	defer func() {
		if recover() != nil {
			value, ok = "", false
		}
	}()
	v := s.Call("getItem", key)
	if v.Type() != goapp.TypeString {
		return "", false
	}
	return v.String(), true
}

func (s browserStorage) set(key, value string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("storage refused the value")
		}
	}()
	s.Call("setItem", key, value)
	return nil
}

func (s browserStorage) remove(key string) {
	defer func() { _ = recover() }()
	s.Call("removeItem", key)
}

func (s browserStorage) keys() (keys []string) {
	defer func() { _ = recover() }()
	n := s.Get("length").Int()
	for i := range n {
		if k := s.Call("key", i); k.Type() == goapp.TypeString {
			keys = append(keys, k.String())
		}
	}
	return keys
}
