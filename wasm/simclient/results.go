package simclient

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// A scenario always gives the same result (calc is deterministic, the seed
// is part of the scenario), so a result computed once never needs computing
// again: going back to an earlier value, presenter mode stepping through the
// saved scenarios, a comparison. resultCache keeps final results by their
// canonical query, in memory for the page's life and in the browser's storage
// for later visits. A stored result is used only by the build version that
// made it: another version may compute differently.
//
// The storage is shared with the saved scenarios (an origin has about 5 MB
// of localStorage), so stored results are bounded twice: at most
// storedResults of them that are not a saved scenario's, and at most
// storedBytes in all, saved scenarios' included; past either bound the
// least recently used go first, a saved scenario's last. A result that does
// not fit is kept in memory only.
const (
	memoryResults = 64      // results kept in memory, most recently used
	storedResults = 40      // stored results that are not a saved scenario's
	storedBytes   = 2 << 20 // bytes of stored results in all
	maxStoredSize = 1 << 20 // bytes; a larger stored value is set aside unread
	resultIndex   = "smacalc:results"
	resultPrefix  = "smacalc:result:"
)

// indexEntry is one stored result in the index: its cache key and size.
type indexEntry struct {
	Key  string `json:"k"`
	Size int    `json:"n"`
}

// resultStore is the browser's storage (localStorage), or a map in tests.
// set fails when the storage is full or unavailable.
type resultStore interface {
	get(key string) (string, bool)
	set(key, value string) error
	remove(key string)
	keys() []string
}

// storedResult is what the storage holds for one query.
type storedResult struct {
	Version string       `json:"version"`
	Result  *calc.Result `json:"result"`
}

type resultCache struct {
	version string
	store   resultStore // nil: memory only
	memory  map[string]*calc.Result
	recent  []string // queries in memory, least recently used first
	// check accepts a stored result for a cache key (checkStored).
	check func(key string, r *calc.Result) error
	// saved returns the cache keys of the saved scenarios' results: they
	// are kept whatever their age, beyond storedResults.
	saved func() []string
}

// newResultCacheWith returns a cache over store (nil: memory only). Stored
// results that the index does not list (left by an interrupted write or an
// unreadable index) are removed.
func newResultCacheWith(version string, store resultStore) *resultCache {
	c := &resultCache{version: version, store: store, memory: map[string]*calc.Result{}, check: checkStored}
	if store != nil {
		if _, ok := store.get(resultIndex); ok && c.index() == nil {
			store.remove(resultIndex) // unreadable: set aside, not read again on every load
		}
		listed := map[string]bool{}
		for _, e := range c.index() {
			listed[resultPrefix+e.Key] = true
		}
		for _, k := range store.keys() {
			if strings.HasPrefix(k, resultPrefix) && !listed[k] {
				store.remove(k)
			}
		}
	}
	return c
}

// cacheKey is the key of a scenario's result: its canonical query, and
// for a scenario with legacy lots (which the query does not carry) the
// query and a hash of the lots' file (scenario.LegacyLotsCSV), so that it never
// shares a result with the same query without them.
func cacheKey(query, lotsFile string) string {
	if h := scenario.LegacyHash(lotsFile); h != "" {
		return query + lotsKeyMark + h
	}
	return query
}

const lotsKeyMark = "#lots="

// get returns the final result of a cache key (cacheKey), or nil.
func (c *resultCache) get(query string) *calc.Result {
	if r, ok := c.memory[query]; ok {
		c.touch(query)
		return r
	}
	r := c.load(query)
	if r != nil {
		c.remember(query, r)
		// Most recently used now: move it to the end of the index.
		index := c.index()
		if i := slices.IndexFunc(index, func(e indexEntry) bool { return e.Key == query }); i >= 0 {
			e := index[i]
			c.writeIndex(append(slices.Delete(index, i, i+1), e))
		}
	}
	return r
}

// putKey keeps a final result under a cache key (cacheKey).
func (c *resultCache) putKey(key string, r *calc.Result) {
	if r == nil || r.Scenario == "" {
		return
	}
	c.remember(key, r)
	c.persist(key, r)
}

// persist stores a final result kept in memory (remember) in the browser's
// storage, for later visits.
func (c *resultCache) persist(key string, r *calc.Result) {
	if c.store == nil {
		return
	}
	raw, err := json.Marshal(storedResult{Version: c.version, Result: r})
	if err != nil || len(raw) > maxStoredSize {
		return
	}
	index := slices.DeleteFunc(c.index(), func(e indexEntry) bool { return e.Key == key })
	index = c.evict(append(index, indexEntry{Key: key, Size: len(raw)}), storedResults, storedBytes)
	if len(index) == 0 || index[len(index)-1].Key != key {
		c.writeIndex(index) // it did not fit beside the saved scenarios' results
		return
	}
	if c.store.set(resultPrefix+key, string(raw)) != nil {
		// The storage is full (of other data too): drop the older half of
		// the other stored results and try once more; a result that still
		// does not fit stays in memory only.
		older := index[:len(index)-1]
		index = append(c.evict(older, c.others(older)/2, storedBytes), index[len(index)-1])
		if c.store.set(resultPrefix+key, string(raw)) != nil {
			c.writeIndex(index[:len(index)-1])
			return
		}
	}
	if c.writeIndex(index) != nil {
		c.store.remove(resultPrefix + key) // never a stored result the index does not list
	}
}

// load reads a stored result; a value that is unreadable, too large, from
// another build or for another query, or that fails checkStored, is
// removed, never fatal: the scenario is then computed again.
func (c *resultCache) load(query string) *calc.Result {
	if c.store == nil {
		return nil
	}
	key := resultPrefix + query
	raw, ok := c.store.get(key)
	if !ok {
		return nil
	}
	var stored storedResult
	if len(raw) > maxStoredSize || calc.CheckJSONDepth([]byte(raw), calc.MaxResultDepth) != nil ||
		json.Unmarshal([]byte(raw), &stored) != nil || stored.Version != c.version || c.check(query, stored.Result) != nil {
		c.store.remove(key)
		return nil
	}
	return stored.Result
}

// checkStored checks a stored result before it is shown. The storage is
// not the engine's: anything running on the same origin (another page of
// a site that hosts the calculator under a sub-path, an extension, a
// person with the developer tools) can write to it, and a browser can
// truncate it. So a stored result is used only when it is the result of
// the requested scenario (its canonical query, paths, horizon and end
// treatment, one row per year) and satisfies every identity a computed
// result satisfies (calc.Result.CheckConsistency: percentiles in order,
// the decomposition and the median market adding up, the shares of paths
// ahead agreeing with the percentiles, the ledger reconciling); otherwise
// it is computed again. Its amounts were bounded when read (calc.Money).
//
// This does not make a stored result authentic. A script that writes
// consistent made-up figures (every related figure moved together) is not
// detected, and no tag over the entry could detect it: an HMAC needs a key
// the page cannot keep from a script of its own origin (the key would be
// in the WebAssembly it runs), and a hash keyed by the build version only
// catches accidents, which the checks here already catch. Such a script
// can change the page itself anyway; the checks protect the page's
// availability (no freeze, no crash) and keep edits that break the
// model's identities off the screen.
func checkStored(query string, r *calc.Result) error {
	q, _, _ := strings.Cut(query, lotsKeyMark)
	s, err := scenario.Decode(q)
	if err != nil {
		return err
	}
	if s.Encode() != q {
		return errors.New("simclient: not a canonical query")
	}
	return r.CheckConsistency(s)
}

// remember puts r in memory as the most recent, forgetting the least
// recently used beyond memoryResults.
func (c *resultCache) remember(key string, r *calc.Result) {
	c.memory[key] = r
	c.touch(key)
	for len(c.recent) > memoryResults {
		delete(c.memory, c.recent[0])
		c.recent = c.recent[1:]
	}
}

func (c *resultCache) touch(query string) {
	c.recent = append(slices.DeleteFunc(c.recent, func(q string) bool { return q == query }), query)
}

// savedKeys is the set of the saved scenarios' queries.
func (c *resultCache) savedKeys() map[string]bool {
	saved := map[string]bool{}
	if c.saved != nil {
		for _, q := range c.saved() {
			saved[q] = true
		}
	}
	return saved
}

// others counts the stored results that are not a saved scenario's.
func (c *resultCache) others(index []indexEntry) int {
	saved := c.savedKeys()
	return len(slices.DeleteFunc(slices.Clone(index), func(e indexEntry) bool { return saved[e.Key] }))
}

// evict removes stored results, least recently used first and a saved
// scenario's last, until at most maxOthers that are not a saved
// scenario's and maxBytes in all remain; it returns the index left.
func (c *resultCache) evict(index []indexEntry, maxOthers, maxBytes int) []indexEntry {
	saved := c.savedKeys()
	others, bytes := 0, 0
	for _, e := range index {
		bytes += e.Size
		if !saved[e.Key] {
			others++
		}
	}
	drop := func(keepSaved bool) {
		index = slices.DeleteFunc(index, func(e indexEntry) bool {
			if (keepSaved && saved[e.Key]) || (others <= maxOthers && bytes <= maxBytes) {
				return false
			}
			if !saved[e.Key] {
				others--
			}
			bytes -= e.Size
			c.store.remove(resultPrefix + e.Key)
			return true
		})
	}
	drop(true)  // the others first
	drop(false) // then saved scenarios' results, if those alone are too many bytes
	return index
}

// index is the stored results, least recently used first (empty when the
// index is missing or unreadable: the stored results it does not list are
// then removed by the next newResultCacheWith).
func (c *resultCache) index() []indexEntry {
	raw, ok := c.store.get(resultIndex)
	var index []indexEntry
	if !ok || len(raw) > maxStoredSize || calc.CheckJSONDepth([]byte(raw), 2) != nil || json.Unmarshal([]byte(raw), &index) != nil {
		return nil
	}
	return index
}

// writeIndex stores the index. When the storage refuses, the old index
// stays: it may list results that are gone (a miss, harmless), never miss
// one that is there.
func (c *resultCache) writeIndex(index []indexEntry) error {
	raw, _ := json.Marshal(index) // strings and numbers: cannot fail
	return c.store.set(resultIndex, string(raw))
}
