package simclient

import (
	"encoding/json"
	"slices"
	"strings"

	"smacalc/calc"
)

// A scenario always gives the same result (calc is deterministic, the seed
// is part of the scenario), so a result computed once never needs computing
// again: going back to an earlier value, presenter mode stepping through the
// saved scenarios, a comparison. resultCache keeps final results by their
// canonical query, in memory for the page's life and in the browser's storage
// for later visits. A stored result is used only by the build version that
// made it: another version may compute differently.
const (
	memoryResults = 64      // results kept in memory, most recently used
	storedResults = 40      // results kept in the browser's storage
	maxStoredSize = 1 << 20 // bytes; a larger stored value is set aside unread
	resultIndex   = "smacalc:results"
	resultPrefix  = "smacalc:result:"
)

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
	// saved returns the queries of the saved scenarios: their stored
	// results are kept whatever their age, beyond storedResults.
	saved func() []string
}

// newResultCacheWith returns a cache over store (nil: memory only). Stored
// results that the index does not list (left by an interrupted write or an
// unreadable index) are removed.
func newResultCacheWith(version string, store resultStore) *resultCache {
	c := &resultCache{version: version, store: store, memory: map[string]*calc.Result{}}
	if store != nil {
		listed := map[string]bool{}
		for _, q := range c.index() {
			listed[resultPrefix+q] = true
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
// query and a hash of the lots, so that it never shares a result with the
// same query without them.
func cacheKey(query string, lots []calc.LegacyLot) string {
	if h := calc.LegacyHash(lots); h != "" {
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
		c.storeIndex(query)
	}
	return r
}

// put keeps a final result (it names its scenario's canonical query).
func (c *resultCache) put(r *calc.Result) {
	if r != nil {
		c.putKey(r.Scenario, r)
	}
}

// putKey keeps a final result under a cache key (cacheKey).
func (c *resultCache) putKey(key string, r *calc.Result) {
	if r == nil || r.Scenario == "" {
		return
	}
	c.remember(key, r)
	if c.store == nil {
		return
	}
	raw, err := json.Marshal(storedResult{Version: c.version, Result: r})
	if err != nil || len(raw) > maxStoredSize {
		return
	}
	query := key
	key = resultPrefix + key
	if c.store.set(key, string(raw)) != nil {
		// Full: make room by dropping the older half of the stored results
		// and try once more; a result that still does not fit stays in
		// memory only.
		index := c.index()
		c.writeIndex(c.evict(index, len(index)/2))
		if c.store.set(key, string(raw)) != nil {
			return
		}
	}
	c.storeIndex(query)
}

// load reads a stored result; a value that is unreadable, too large, from
// another build or for another query is removed, never fatal.
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
	if len(raw) > maxStoredSize || json.Unmarshal([]byte(raw), &stored) != nil ||
		stored.Version != c.version || stored.Result == nil || stored.Result.Scenario != strings.Split(query, lotsKeyMark)[0] {
		c.store.remove(key)
		return nil
	}
	return stored.Result
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

// storeIndex records query as the most recently used stored result and
// removes the stored results beyond storedResults.
func (c *resultCache) storeIndex(query string) {
	index := append(slices.DeleteFunc(c.index(), func(q string) bool { return q == query }), query)
	c.writeIndex(c.evict(index, storedResults))
}

// evict removes the oldest stored results that are not of a saved scenario
// until at most keep such results remain, and returns the index left.
func (c *resultCache) evict(index []string, keep int) []string {
	saved := map[string]bool{}
	if c.saved != nil {
		for _, q := range c.saved() {
			saved[q] = true
		}
	}
	others := 0
	for _, q := range index {
		if !saved[q] {
			others++
		}
	}
	return slices.DeleteFunc(index, func(q string) bool {
		if saved[q] || others <= keep {
			return false
		}
		others--
		c.store.remove(resultPrefix + q)
		return true
	})
}

// index is the stored results' queries, least recently used first (empty
// when the index is missing or unreadable).
func (c *resultCache) index() []string {
	raw, ok := c.store.get(resultIndex)
	var index []string
	if !ok || len(raw) > maxStoredSize || json.Unmarshal([]byte(raw), &index) != nil {
		return nil
	}
	return index
}

func (c *resultCache) writeIndex(index []string) {
	raw, _ := json.Marshal(index) // strings: cannot fail
	if c.store.set(resultIndex, string(raw)) != nil {
		c.store.remove(resultIndex)
	}
}
