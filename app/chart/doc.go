// Package chart renders charts as self-contained SVG markup, for the go-app
// UI (embed the string with app.Raw) and for the printable report. It uses
// the standard library only: no go-app, no syscall/js, no os.
//
// Four charts:
//
//   - Lines: a median line per series with an optional shaded band (for
//     example p10–p90), money on the y axis, years on the x axis, a legend
//     and the final value of each median at its right end.
//   - Bars: vertical bars per category (year), grouped side by side and/or
//     stacked (BarSeries.Stack); negative values hang below the zero line.
//   - Waterfall: horizontal signed contributions with labels on the left
//     (wrapped onto up to three lines) and a final total bar.
//   - Heatmap: a grid of signed values on a colour-blind-safe diverging
//     scale centred on zero (blue above, vermillion below), with lines
//     drawn through it (a break-even line), a marked point, a legend in
//     the values' unit, and optionally focusable cells (Interactive).
//
// Money, Percent and BasisPoints are compact formatters for the Format
// fields (Money is the default).
//
// # Output
//
// Every function returns one <svg> element (no XML declaration, so app.Raw
// accepts it) with a viewBox and width="100%": it scales to its container,
// and the height follows from the aspect ratio. The default viewBox is
// 640 wide; the font size is Width/30 (22 at 640), so text is still about
// 12 CSS pixels tall on a 360-pixel phone column and large on a projector.
// On wide screens cap the size with CSS (for example
// .smacalc-chart { max-width: 44rem }); the root has class "smacalc-chart".
//
// The markup is safe to embed under a strict Content Security Policy: no
// script, no event handler attributes, no style attributes or elements
// (only presentation attributes such as fill= and font-size=), no external
// references. All text (titles, labels, series names, formatter output) is
// XML-escaped; colors are accepted only as #rgb, #rgba, #rrggbb, #rrggbbaa or
// a color keyword, anything else falls back to the default color.
//
// # Accessibility
//
// The root has role="img" and aria-labelledby pointing at a <title> (the
// chart's Title) and a <desc> (Desc, or a summary generated from the data
// when Desc is empty: the final values for lines, the totals for bars, every
// item for a waterfall). Ids are derived from a hash of the content, or from
// the ID field. Text colors meet WCAG AA (4.5:1) on the white background; the
// default Palette starts with a colorblind-safe blue/orange pair, and the
// waterfall shows signs (+/−) as well as colors. Bars carry a <title>
// tooltip each.
//
// # Data
//
// NaN and ±Inf values are gaps (lines), missing bars or "n/a" (waterfall);
// they never reach the markup. Magnitudes are clamped to ±1e300. A chart
// without any finite value renders a "No data to display" panel; an
// all-zero chart says "All values are zero". Output is deterministic and
// coordinates are rounded to one decimal.
package chart
