package simclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"smacalc/calc"
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

// put keeps a result under its own query (a scenario without lots).
func (c *resultCache) put(r *calc.Result) { c.putKey(r.Scenario, r) }

func result(query string) *calc.Result {
	return &calc.Result{Scenario: query, Paths: 7, SMAAheadFraction: 0.75}
}

func TestResultCacheMemoryAndStorage(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	if c.get("amount=1") != nil {
		t.Fatal("an empty cache has a result")
	}
	c.put(result("amount=1"))
	if r := c.get("amount=1"); r == nil || r.Paths != 7 {
		t.Fatalf("memory: got %+v", r)
	}
	// A new page (same build) finds it in the storage.
	later := newResultCacheWith("v1", store)
	if r := later.get("amount=1"); r == nil || r.SMAAheadFraction != 0.75 {
		t.Fatalf("storage: got %+v", r)
	}
	// Another build does not use it, and removes it.
	other := newResultCacheWith("v2", store)
	if other.get("amount=1") != nil {
		t.Fatal("a result of another build version was used")
	}
	if _, ok := store.items[resultPrefix+"amount=1"]; ok {
		t.Fatal("the other version's result was left in the storage")
	}
}

func TestResultCacheSetsAsideBadValues(t *testing.T) {
	for name, value := range map[string]string{
		"not JSON":       "{",
		"deeply nested":  strings.Repeat("[", 5000),
		"another query":  `{"version":"v1","result":{"scenario":"amount=2"}}`,
		"no result":      `{"version":"v1"}`,
		"over the limit": `{"version":"v1","result":{"scenario":"amount=1"},"x":"` + strings.Repeat("x", maxStoredSize) + `"}`,
	} {
		t.Run(name, func(t *testing.T) {
			store := newMapStore()
			store.items[resultIndex] = `["amount=1"]`
			store.items[resultPrefix+"amount=1"] = value
			c := newResultCacheWith("v1", store)
			if c.get("amount=1") != nil {
				t.Fatal("a bad stored value was used")
			}
			if _, ok := store.items[resultPrefix+"amount=1"]; ok {
				t.Fatal("the bad value was left in the storage")
			}
			c.put(result("amount=1"))
			if newResultCacheWith("v1", store).get("amount=1") == nil {
				t.Fatal("a good value does not replace the bad one")
			}
		})
	}
}

func TestResultCacheBounds(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	for i := range memoryResults + 10 {
		c.put(result(fmt.Sprintf("amount=%d", i)))
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
	last := fmt.Sprintf("amount=%d", memoryResults+9)
	if newResultCacheWith("v1", store).get(last) == nil {
		t.Fatal("the most recent result was dropped")
	}
	if newResultCacheWith("v1", store).get("amount=0") != nil {
		t.Fatal("the oldest result was kept beyond the bound")
	}
}

func TestResultCacheFullStorage(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	c.put(result("amount=1"))
	c.put(result("amount=2"))
	one := len(store.items[resultPrefix+"amount=1"])
	store.limit = 2*one + len(store.items[resultIndex]) + 40 // room for about two results
	c.put(result("amount=3"))
	if newResultCacheWith("v1", store).get("amount=3") == nil {
		t.Fatal("a full storage did not make room for the newest result")
	}
	store.limit = 10 // nothing fits: memory only, no error
	c.put(result("amount=4"))
	if c.get("amount=4") == nil {
		t.Fatal("a result that the storage refuses is not kept in memory")
	}
}

func TestResultCacheRemovesUnlistedResults(t *testing.T) {
	store := newMapStore()
	store.items[resultPrefix+"amount=9"] = `{"version":"v1","result":{"scenario":"amount=9"}}`
	store.items["smacalc:saved"] = "kept" // another feature's key
	newResultCacheWith("v1", store)
	if _, ok := store.items[resultPrefix+"amount=9"]; ok {
		t.Fatal("a stored result missing from the index was kept")
	}
	if store.items["smacalc:saved"] != "kept" {
		t.Fatal("another feature's key was touched")
	}
}

func TestResultCacheKeepsSavedScenarios(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	saved := func() []string { return []string{"amount=0", "amount=1"} }
	c.saved = saved
	for i := range storedResults + 20 {
		c.put(result(fmt.Sprintf("amount=%d", i)))
	}
	later := newResultCacheWith("v1", store)
	later.saved = saved
	for _, q := range []string{"amount=0", "amount=1"} {
		if later.get(q) == nil {
			t.Errorf("the saved scenario %s lost its stored result", q)
		}
	}
	if later.get("amount=2") != nil {
		t.Error("an old result that is not saved was kept beyond the bound")
	}
	if later.get(fmt.Sprintf("amount=%d", storedResults+19)) == nil {
		t.Error("the newest result was dropped")
	}
}

// A scenario with legacy lots never shares a cached result with the same
// query without them, in memory or in the storage.
func TestResultCacheKeyedByLots(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	lots := []calc.LegacyLot{{Holding: "AAPL", Value: 1000, Basis: 10, Acquired: "2020-01-02"}}
	key := cacheKey("amount=1000", calc.LegacyLotsCSV(lots))
	if key == "amount=1000" || cacheKey("amount=1000", "") != "amount=1000" {
		t.Fatalf("key %q", key)
	}
	other := cacheKey("amount=1000", calc.LegacyLotsCSV([]calc.LegacyLot{{Holding: "MSFT", Value: 1000, Basis: 10, Acquired: "2020-01-02"}}))
	if other == key {
		t.Fatal("different lots share a key")
	}
	c.putKey(key, result("amount=1000"))
	if c.get("amount=1000") != nil || c.get(other) != nil {
		t.Fatal("the result with lots is found without them")
	}
	later := newResultCacheWith("v1", store)
	if r := later.get(key); r == nil || r.Scenario != "amount=1000" {
		t.Fatalf("stored result with lots: %+v", r)
	}
	if later.get("amount=1000") != nil {
		t.Fatal("the stored result with lots is found without them")
	}
}

// bigResult is a result whose stored JSON is about size bytes.
func bigResult(query string, size int) *calc.Result {
	r := result(query)
	year, _ := json.Marshal(calc.Year{})
	for len(r.Years)*(len(year)+1) < size {
		r.Years = append(r.Years, calc.Year{Year: len(r.Years) + 1})
	}
	return r
}

func TestResultCacheByteBudget(t *testing.T) {
	store := newMapStore()
	c := newResultCacheWith("v1", store)
	var queries []string
	for i := range 12 {
		queries = append(queries, fmt.Sprintf("amount=%d", i))
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
	later.saved = c.saved
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
	newResultCacheWith("v1", store).put(result("amount=1"))
	before := store.items[resultIndex]
	c := newResultCacheWith("v1", indexRefusingStore{store})
	c.put(result("amount=2"))
	if _, ok := store.items[resultPrefix+"amount=2"]; ok {
		t.Error("a result was left stored without being listed in the index")
	}
	if store.items[resultIndex] != before {
		t.Error("the index was changed or removed by a failed write")
	}
	if newResultCacheWith("v1", store).get("amount=1") == nil {
		t.Error("a failed write lost the results stored before")
	}
	if c.get("amount=2") == nil {
		t.Error("the result is not kept in memory")
	}
}
