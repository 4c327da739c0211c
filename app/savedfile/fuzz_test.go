package savedfile

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzParseSavedFile feeds the import arbitrary bytes: it must never panic,
// and what it accepts must be clean (valid labels, canonical queries) and
// survive a round trip through the export unchanged.
func FuzzParseSavedFile(f *testing.F) {
	f.Add([]byte(`{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"Lee, mutual fund","query":"fund=mf&horizon=15"}]}`))
	f.Add([]byte(`{"format":"smacalc-saved-scenarios","version":1,"scenarios":[]}`))
	f.Add([]byte(`{"format":"smacalc-saved-scenarios","version":1,"scenarios":[{"label":"<b>x</b>","query":"horizon=10","script":"alert(1)"}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		list, err := Parse(data)
		if err != nil {
			return
		}
		for _, s := range list {
			if c, err := Check(s); err != nil || c != s {
				t.Fatalf("accepted %+v, which is not clean: %v", s, err)
			}
		}
		file, err := Encode(list)
		if err != nil {
			// Larger than the import reads once indented: refused, never
			// written as a file the import would refuse.
			if !strings.Contains(err.Error(), "can read back") {
				t.Fatalf("encoding %+v: %v", list, err)
			}
			return
		}
		again, err := Parse(file)
		if err != nil || (len(list) > 0 && !reflect.DeepEqual(again, list)) {
			t.Fatalf("round trip of %+v: %+v, %v", list, again, err)
		}
	})
}
