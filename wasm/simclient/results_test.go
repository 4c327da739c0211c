package simclient

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"smacalc/calc"
	"smacalc/calc/scenario"
)

// mapStore is a resultStore in memory that can be made to refuse writes
// over a total size, like a full localStorage.
type mapStore struct {
	items map[string]string
	limit int // total bytes of values; 0: no limit
}

func newMapStore() *mapStore { return &mapStore{items: map[string]string{}} }

func (m *mapStore) get(key string) (string, bool) { v, ok := m.items[key]; return v, ok }
func (m *mapStore) remove(key string)             { delete(m.items, key) }
func (m *mapStore) keys() []string                { return slices.Sorted(maps.Keys(m.items)) }
func (m *mapStore) set(key, value string) error {
	if m.limit > 0 {
		total := len(value)
		for k, v := range m.items {
			if k != key {
				total += len(v)
			}
		}
		if total > m.limit {
			return errors.New("quota exceeded")
		}
	}
	m.items[key] = value
	return nil
}

// stored is a result as the storage holds it for build v1.
func stored(r *calc.Result) string {
	raw, err := json.Marshal(storedResult{Version: "v1", Result: r})
	if err != nil {
		panic(err)
	}
	return string(raw)
}

// put keeps a result under its own query (a scenario without lots).
func (c *resultCache) put(r *calc.Result) { c.putKey(r.Scenario, r) }

// q is the canonical query of the nth small scenario (amount 1000 + n).
func q(n int) string {
	s, err := scenario.Decode(fmt.Sprintf("paths=1&stocks=2&horizon=1&amount=%d", 1000+n))
	if err != nil {
		panic(err)
	}
	return s.Encode()
}

var simulated = map[string]*calc.Result{}

// result is the computed result of a canonical query (once per test
// binary: the cache checks what it reads against the scenario).
func result(query string) *calc.Result {
	if r, ok := simulated[query]; ok {
		return r
	}
	s, err := scenario.Decode(query)
	if err != nil {
		panic(err)
	}
	r, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		panic(err)
	}
	simulated[query] = &r
	return &r
}

func TestResultCacheMemoryAndStorage(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	if c.get(q(1)) != nil {
		t.Fatal("an empty cache has a result")
	}
	c.put(result(q(1)))
	if r := c.get(q(1)); r == nil || r.Scenario != q(1) {
		t.Fatalf("memory: got %+v", r)
	}
	// A new page (same build) finds it in the storage.
	later := newResultCacheWith("v1", store)
	if r := later.get(q(1)); r == nil || r.Scenario != q(1) {
		t.Fatalf("storage: got %+v", r)
	}
	// Another build does not use it, and removes it.
	other := newResultCacheWith("v2", store)
	if other.get(q(1)) != nil {
		t.Fatal("a result of another build version was used")
	}
	if _, ok := store.items[resultPrefix+q(1)]; ok {
		t.Fatal("the other version's result was left in the storage")
	}
}

func TestResultCacheSetsAsideBadValues(t *testing.T) {
	for name, value := range map[string]string{
		"not JSON":       "{",
		"deeply nested":  strings.Repeat("[", 5000),
		"another query":  stored(result(q(2))),
		"no result":      `{"version":"v1"}`,
		"over the limit": `{"version":"v1","result":{"scenario":"` + q(1) + `"},"x":"` + strings.Repeat("x", maxStoredSize) + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			store := newMapStore()
			store.items[resultIndex] = `[{"k":"` + q(1) + `","n":100}]`
			store.items[resultPrefix+q(1)] = value
			c := newResultCacheWith("v1", store)
			if c.get(q(1)) != nil {
				t.Fatal("a bad stored value was used")
			}
			if _, ok := store.items[resultPrefix+q(1)]; ok {
				t.Fatal("the bad value was left in the storage")
			}
			c.put(result(q(1)))
			if newResultCacheWith("v1", store).get(q(1)) == nil {
				t.Fatal("a good value does not replace the bad one")
			}
		})
	}
}

func TestResultCacheBounds(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	for i := range memoryResults + 10 {
		c.put(result(q(i)))
	}
	if len(c.memory) != memoryResults || len(c.recent) != memoryResults {
		t.Fatalf("memory holds %d results (%d recent), want %d", len(c.memory), len(c.recent), memoryResults)
	}
	stored := 0
	for _, k := range store.keys() {
		if strings.HasPrefix(k, resultPrefix) {
			stored++
		}
	}
	if stored != storedResults {
		t.Fatalf("storage holds %d results, want %d", stored, storedResults)
	}
	// The most recent are kept; using an old one keeps it longer.
	last := q(memoryResults + 9)
	if newResultCacheWith("v1", store).get(last) == nil {
		t.Fatal("the most recent result was dropped")
	}
	if newResultCacheWith("v1", store).get(q(0)) != nil {
		t.Fatal("the oldest result was kept beyond the bound")
	}
}

func TestResultCacheFullStorage(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	c.put(result(q(1)))
	c.put(result(q(2)))
	one := len(store.items[resultPrefix+q(1)])
	store.limit = 2*one + len(store.items[resultIndex]) + 40 // room for about two results
	c.put(result(q(3)))
	if newResultCacheWith("v1", store).get(q(3)) == nil {
		t.Fatal("a full storage did not make room for the newest result")
	}
	store.limit = 10 // nothing fits: memory only, no error
	c.put(result(q(4)))
	if c.get(q(4)) == nil {
		t.Fatal("a result that the storage refuses is not kept in memory")
	}
}

func TestResultCacheRemovesUnlistedResults(t *testing.T) {
	store := newMapStore()
	store.items[resultPrefix+q(9)] = stored(result(q(9)))
	store.items["smacalc:saved"] = "kept" // another feature's key
	newResultCacheWith("v1", store)
	if _, ok := store.items[resultPrefix+q(9)]; ok {
		t.Fatal("a stored result missing from the index was kept")
	}
	if store.items["smacalc:saved"] != "kept" {
		t.Fatal("another feature's key was touched")
	}
}

func TestResultCacheKeepsSavedScenarios(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	saved := func() []string { return []string{q(0), q(1)} }
	c.saved = saved
	for i := range storedResults + 20 {
		c.put(result(q(i)))
	}
	later := newResultCacheWith("v1", store)
	later.saved = saved
	for _, k := range []string{q(0), q(1)} {
		if later.get(k) == nil {
			t.Errorf("the saved scenario %s lost its stored result", k)
		}
	}
	if later.get(q(2)) != nil {
		t.Error("an old result that is not saved was kept beyond the bound")
	}
	if later.get(q(storedResults+19)) == nil {
		t.Error("the newest result was dropped")
	}
}

// A scenario with legacy lots never shares a cached result with the same
// query without them, in memory or in the storage.
func TestResultCacheKeyedByLots(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	lots := []scenario.LegacyLot{{Holding: "AAPL", Value: 1000, Basis: 10, Acquired: "2020-01-02"}}
	key := cacheKey(q(1000), scenario.LegacyLotsCSV(lots))
	if key == q(1000) || cacheKey(q(1000), "") != q(1000) {
		t.Fatalf("key %q", key)
	}
	other := cacheKey(q(1000), scenario.LegacyLotsCSV([]scenario.LegacyLot{{Holding: "MSFT", Value: 1000, Basis: 10, Acquired: "2020-01-02"}}))
	if other == key {
		t.Fatal("different lots share a key")
	}
	c.putKey(key, result(q(1000)))
	if c.get(q(1000)) != nil || c.get(other) != nil {
		t.Fatal("the result with lots is found without them")
	}
	later := newResultCacheWith("v1", store)
	if r := later.get(key); r == nil || r.Scenario != q(1000) {
		t.Fatalf("stored result with lots: %+v", r)
	}
	if later.get(q(1000)) != nil {
		t.Fatal("the stored result with lots is found without them")
	}
}

// bigResult is a result whose stored JSON is about size bytes: padded
// with years beyond its horizon, so only a cache that does not check what
// it reads (acceptAll) uses it.
func bigResult(query string, size int) *calc.Result {
	padded := *result(query)
	r := &padded
	r.Years = slices.Clone(r.Years)
	year, _ := json.Marshal(calc.Year{})
	for len(r.Years)*(len(year)+1) < size {
		r.Years = append(r.Years, calc.Year{Year: len(r.Years) + 1})
	}
	return r
}

// acceptAll is a check that accepts every stored result, for the tests of
// the storage's bounds alone.
func acceptAll(string, *calc.Result) error { return nil }

func TestResultCacheByteBudget(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	c.check = acceptAll
	var queries []string
	for i := range 12 {
		queries = append(queries, q(i))
	}
	c.saved = func() []string { return queries[:10] } // saved scenarios, every one large
	for _, q := range queries {
		c.put(bigResult(q, storedBytes/5))
	}
	total := 0
	for _, k := range store.keys() {
		if strings.HasPrefix(k, resultPrefix) {
			total += len(store.items[k])
		}
	}
	if total > storedBytes {
		t.Fatalf("stored results take %d bytes, more than %d", total, storedBytes)
	}
	later := newResultCacheWith("v1", store)
	later.saved, later.check = c.saved, acceptAll
	if later.get(queries[9]) == nil {
		t.Errorf("the most recent saved scenario's result was not kept: index %s", store.items[resultIndex])
	}
	if later.get(queries[0]) != nil {
		t.Error("the oldest saved scenario's result was kept beyond the byte budget")
	}
	// The saved scenarios' results fill the budget: a result that is not
	// a saved scenario's is kept in memory only.
	if later.get(queries[11]) != nil || c.get(queries[11]) == nil {
		t.Error("a result that is not saved displaced saved scenarios' results, or was not kept in memory")
	}
}

// indexRefusingStore refuses to write the index, like a storage that fills
// up between two writes.
type indexRefusingStore struct{ *mapStore }

func (s indexRefusingStore) set(key, value string) error {
	if key == resultIndex {
		return errors.New("quota exceeded")
	}
	return s.mapStore.set(key, value)
}

func TestResultCacheIndexWriteFails(t *testing.T) {
	store := newMapStore()
	newResultCacheWith("v1", store).put(result(q(1)))
	before := store.items[resultIndex]
	c := newResultCacheWith("v1", indexRefusingStore{store})
	c.put(result(q(2)))
	if _, ok := store.items[resultPrefix+q(2)]; ok {
		t.Error("a result was left stored without being listed in the index")
	}
	if store.items[resultIndex] != before {
		t.Error("the index was changed or removed by a failed write")
	}
	if newResultCacheWith("v1", store).get(q(1)) == nil {
		t.Error("a failed write lost the results stored before")
	}
	if c.get(q(2)) == nil {
		t.Error("the result is not kept in memory")
	}
}

// deep is JSON nested n arrays deep.
func deep(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }

// A deeply nested value in the index or in an entry is set aside without
// decoding it (issue 25, finding 1: in the browser the decoder's recursion
// exhausted the WebAssembly stack on every load), and the cache keeps
// working.
func TestResultCacheSetsAsideDeepJSON(t *testing.T) {
	for name, items := range map[string]map[string]string{
		"index":                           {resultIndex: deep(5000)},
		"index in object":                 {resultIndex: `[{"k":` + deep(5000) + `}]`},
		"entry":                           {resultIndex: `[{"k":"` + q(1) + `","n":10}]`, resultPrefix + q(1): deep(5000)},
		"inside a result":                 {resultIndex: `[{"k":"` + q(1) + `","n":10}]`, resultPrefix + q(1): `{"version":"v1","result":{"years":` + deep(5000) + `}}`},
		"in a string (kept, not nesting)": {resultIndex: `[{"k":"` + q(1) + `","n":10}]`, resultPrefix + q(1): stored(result(q(1)))[:1] + `"x":"` + strings.Repeat("[", 5000) + `",` + stored(result(q(1)))[1:]},
	} {
		t.Run(name, func(t *testing.T) {
			store := newMapStore()
			maps.Copy(store.items, items)
			c := newResultCacheWith("v1", store)
			got := c.get(q(1))
			if strings.HasPrefix(name, "in a string") {
				if got == nil {
					t.Fatal("brackets inside a string were counted as nesting")
				}
				return
			}
			if got != nil {
				t.Fatal("a deeply nested value gave a result")
			}
			for k, v := range store.items {
				if strings.Contains(v, deep(100)[:100]) {
					t.Errorf("the deep value of %s was left in the storage", k)
				}
			}
			c.put(result(q(1)))
			if newResultCacheWith("v1", store).get(q(1)) == nil {
				t.Fatal("after a deep value, a good result is not kept")
			}
		})
	}
}

// A stored result is used only when it is the requested scenario's and
// its figures satisfy the identities of a computed result (issue 25,
// findings 2 and 3); otherwise it is removed and the scenario computed
// again.
func TestResultCacheChecksStoredResults(t *testing.T) {
	good := stored(result(q(1)))
	edit := func(change func(m map[string]any)) string {
		var m map[string]any
		if err := json.Unmarshal([]byte(good), &m); err != nil {
			t.Fatal(err)
		}
		change(m["result"].(map[string]any))
		raw, _ := json.Marshal(m)
		return string(raw)
	}
	for name, value := range map[string]string{
		"only the scenario": `{"version":"v1","result":{"scenario":"` + q(1) + `"}}`,
		"a planted median": edit(func(r map[string]any) {
			r["difference"].(map[string]any)["p50"] = "987654.00"
		}),
		"ahead in every path with a negative p10": edit(func(r map[string]any) {
			d := r["difference"].(map[string]any)
			d["p10"], d["p50"], d["p90"] = "-54208.00", "-1.00", "65081.00"
			r["sma_ahead_fraction"], r["sma_behind_fraction"] = 0.99, 0.01
		}),
		"a huge exponent": edit(func(r map[string]any) {
			r["difference"].(map[string]any)["p90"] = "1e999999999"
		}),
		"years dropped":   edit(func(r map[string]any) { r["years"] = []any{} }),
		"another horizon": edit(func(r map[string]any) { r["horizon"] = 10 }),
		"not canonical":   strings.Replace(good, `"scenario":"`, `"scenario":"amount=1000&`, 1),
	} {
		t.Run(name, func(t *testing.T) {
			store := newMapStore()
			store.items[resultIndex] = `[{"k":"` + q(1) + `","n":10}]`
			store.items[resultPrefix+q(1)] = value
			if r := newResultCacheWith("v1", store).get(q(1)); r != nil {
				t.Fatalf("a tampered stored result was used: median %s", r.Difference.P50)
			}
			if _, ok := store.items[resultPrefix+q(1)]; ok {
				t.Fatal("the tampered value was left in the storage")
			}
		})
	}
	// Not canonical as a key either: the stored result of a query that is
	// not the canonical form is never used.
	store := newMapStore()
	key := "horizon=1&paths=1&stocks=2&amount=1001"
	store.items[resultIndex] = `[{"k":"` + key + `","n":10}]`
	store.items[resultPrefix+key] = good
	if newResultCacheWith("v1", store).get(key) != nil {
		t.Error("a result stored under a non-canonical query was used")
	}
	// The untouched value is used.
	store = newMapStore()
	store.items[resultIndex] = `[{"k":"` + q(1) + `","n":10}]`
	store.items[resultPrefix+q(1)] = good
	if newResultCacheWith("v1", store).get(q(1)) == nil {
		t.Error("a good stored result was not used")
	}
}

// FuzzResultCacheLoad: whatever the storage holds under the index and an
// entry, reading it never panics, and a result it returns is the
// requested scenario's and passes the consistency check.
func FuzzResultCacheLoad(f *testing.F) {
	f.Add(`[{"k":"`+q(1)+`","n":10}]`, stored(result(q(1))))
	f.Add(deep(3000), deep(3000))
	f.Add(`[{"k":"`+q(1)+`","n":10}]`, `{"version":"v1","result":{"scenario":"`+q(1)+`","difference":{"p50":"1e999999999"}}}`)
	f.Add(`null`, `{"version":"v1","result":null}`)
	f.Fuzz(func(t *testing.T, index, entry string) {
		store := newMapStore()
		store.items[resultIndex] = index
		store.items[resultPrefix+q(1)] = entry
		r := newResultCacheWith("v1", store).get(q(1))
		if r == nil {
			return
		}
		s, _ := scenario.Decode(q(1))
		if err := r.CheckConsistency(s); err != nil {
			t.Fatalf("returned a result that fails the check: %v", err)
		}
	})
}

// A computed result with legacy lots (a keep strategy, lots not in the
// query) passes the check when read back under its key.
func TestResultCacheStoredResultWithLots(t *testing.T) {
	s, err := scenario.Decode("paths=3&stocks=4&horizon=2&gainbudget=10000")
	if err != nil {
		t.Fatal(err)
	}
	s.Legacy = []scenario.LegacyLot{{Holding: "AAPL", Value: 60000, Basis: 1000, Acquired: "2015-01-02"}, {Holding: "OLD FUND", Value: 40000, Basis: 39000, Acquired: "2025-06-01"}}
	s.Amount = scenario.LegacyTotal(s.Legacy)
	r, err := calc.Simulate(context.Background(), s, nil)
	if err != nil {
		t.Fatal(err)
	}
	if r.Keep == nil {
		t.Fatal("no keep strategy")
	}
	store := newMapStore()
	key := cacheKey(s.Encode(), scenario.LegacyLotsCSV(s.Legacy))
	newResultCacheWith("v1", store).putKey(key, &r)
	if got := newResultCacheWith("v1", store).get(key); got == nil || got.Scenario != s.Encode() {
		t.Fatalf("the stored result with lots was not used: %v", got)
	}
}
