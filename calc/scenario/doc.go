// Package scenario is smacalc's input: one investor, one index, two ways
// to own it. It holds the Scenario type, its canonical text form (the
// share link's query: Encode and Decode), its validation (Validate, a
// *ValidationError naming every bad key) and the legacy lots a client
// moves in (ParseLegacyLots). The engine, package calc, imports it and
// never the other way round; the form, the CLI and the docs read it too.
//
// # One table of keys
//
// Every scenario key is stated once, in the table of keys.go (Keys,
// Lookup): its name, type and unit, its range or its choices, its
// default, what it means, and what the form shows (label, help text,
// displayed unit, step, group). From that table
//
//   - Encode writes each key in canonical order, Decode parses each value
//     with the key's accessor and rounds numbers to the unit's precision
//     (cents, hundredths of a basis point);
//   - DefaultScenario sets each key's default;
//   - Validate checks each key's range or choices, then what keys say
//     together (the work limit, legacy lots, a takeover or weekly checks
//     with a replay of history);
//   - the form (Key.Label, Key.Help, Key.DisplayRange, Groups), the CLI's
//     usage text and docs/KEYS.md (generated, kept in step by a golden
//     test: go test ./calc/scenario -run Keys -update) describe it.
//
// Keys are a contract (MODEL.md): they may be added, never renamed, and a
// key added after the first release is written by Encode only when it is
// set or differs from its default, so old share links keep their
// canonical form.
//
// # Use
//
//	s, err := scenario.Decode("amount=500000&horizon=20") // the share link's query
//	var ve *scenario.ValidationError
//	if errors.As(err, &ve) { /* ve.Problems: one per bad key */ }
//	q := s.Encode() // "year=2026&status=mfj&…&amount=500000&…&horizon=20&…"
//
// The package is pure and deterministic like calc: no I/O, no clock, no
// global state beyond its tables.
package scenario
