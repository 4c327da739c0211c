package scenario

// Sector is one GICS sector of the index with its approximate weight.
type Sector struct {
	Name   string  // GICS name, lower case, "-" for spaces (the "exclude" key's vocabulary)
	Weight float64 // approximate share of the index (before normalisation)
}

// sectors are the 11 GICS sectors with approximate S&P 500 weights.
// Source: S&P 500 sector weights, S&P Dow Jones Indices factsheet, 2024,
// approximate. The weights sum to about 0.992 and are normalised to 1 when
// stocks are assigned to sectors.
var sectors = []Sector{
	{"information-technology", 0.30},
	{"financials", 0.13},
	{"health-care", 0.11},
	{"consumer-discretionary", 0.10},
	{"communication-services", 0.09},
	{"industrials", 0.08},
	{"consumer-staples", 0.06},
	{"energy", 0.035},
	{"utilities", 0.025},
	{"real-estate", 0.022},
	{"materials", 0.02},
}

// Sectors returns the sectors of the simulated index (a copy).
func Sectors() []Sector { return append([]Sector(nil), sectors...) }

// SectorNames returns the accepted values of the "exclude" key.
func SectorNames() []string {
	names := make([]string, len(sectors))
	for i, s := range sectors {
		names[i] = s.Name
	}
	return names
}

// SectorIndex returns the position of a sector in Sectors, or -1.
func SectorIndex(name string) int {
	for i, s := range sectors {
		if s.Name == name {
			return i
		}
	}
	return -1
}
