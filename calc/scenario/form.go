package scenario

// Group is one place of the form where keys are shown: the short form a
// prospect sees first, a fieldset of the advanced section, or the
// advisors' existing holdings. Keys lists the group's keys in the order
// the form shows them; a key shown under another one (Key.Under) is in
// no group.
type Group struct {
	ID       string   // a stable name ("short", "taxes", …)
	Legend   string   // the fieldset's legend ("" for the short form)
	Advanced bool     // outside the short form
	Keys     []string // in the order the form shows them
}

// groups are the form's layout. A brand may reorder the short form
// (app's brand layouts); what a key is and where it belongs is said here.
var groups = []Group{
	{ID: "short", Keys: []string{"amount", "horizon", "status", "wages", "state", "stgains", "fund", "end"}},
	{ID: "taxes", Legend: "Your taxes", Advanced: true, Keys: []string{"year", "ltgains", "local"}},
	{ID: "money", Legend: "Your money", Advanced: true, Keys: []string{"basis", "contrib"}},
	{ID: "market", Legend: "Market", Advanced: true, Keys: []string{"ret", "vol", "idio", "history", "div", "index", "stocks", "turnover", "takeover", "premium"}},
	{ID: "harvesting", Legend: "Harvesting and costs", Advanced: true, Keys: []string{"harvest", "threshold", "smafee", "tradecost", "savings"}},
	{ID: "fund", Legend: "The fund", Advanced: true, Keys: []string{"fundfee", "dist"}},
	{ID: "simulation", Legend: "Simulation", Advanced: true, Keys: []string{"paths", "seed"}},
	// The sector checkboxes: one fieldset whose legend is the key's label.
	{ID: "sectors", Legend: "Sectors the SMA leaves out", Advanced: true, Keys: []string{"exclude"}},
	// The advisors' "existing holdings" section: a concentrated position
	// moved into the index; these keys are never in the short form.
	{ID: "holdings", Legend: "Existing holdings", Advanced: true, Keys: []string{"single", "singlebasis", "singlevol", "gainbudget"}},
	// The advisors' "giving appreciated shares" room (app/giving).
	{ID: "giving", Legend: "Giving appreciated shares", Advanced: true, Keys: []string{"give", "itemized"}},
}

// Groups returns the form's groups in the order the form shows them (a
// copy).
func Groups() []Group {
	out := make([]Group, len(groups))
	for i, g := range groups {
		g.Keys = append([]string(nil), g.Keys...)
		out[i] = g
	}
	return out
}

// Group returns the group that shows the key; for a key shown under
// another one (Under), that key's group.
func (k Key) Group() Group {
	name := k.Name
	if k.Under != "" {
		name = k.Under
	}
	for _, g := range groups {
		for _, n := range g.Keys {
			if n == name {
				return g
			}
		}
	}
	return Group{}
}
