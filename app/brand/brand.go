// Package brand is a firm's white label: its settings, their checks, and
// the one reading of them from the page's environment (FromEnv), which the
// shell does once per page and gives to the components that show them.
package brand

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"smacalc/app/csscolor"
	"smacalc/calc/scenario"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Brand is a firm's white-label settings: `smacalc build -brand brand.json`
// reads them, and the page receives them through go-app's environment
// (SMACALC_BRAND), so a firm re-brands the calculator without rebuilding any
// Go code. static/brand.example.json documents every field.
type Brand struct {
	// Firm is the firm's name, shown in the header and the disclosures.
	Firm string `json:"firm"`
	// AppName and ShortName name the page and the installed app.
	AppName   string `json:"app_name,omitempty"`
	ShortName string `json:"short_name,omitempty"`
	// Logo is an SVG, PNG, JPEG or WebP file in brand.json's folder; the
	// build checks it (site.LoadBrand), writes it to /web/brand/ and
	// rewrites this field to the served path.
	Logo   string `json:"logo,omitempty"`
	Colors Colors `json:"colors,omitempty"`
	// CallToAction is the firm's contact button; nil for none.
	CallToAction *CallToAction `json:"call_to_action,omitempty"`
	// Disclosure is the firm's own disclosure text, shown with the result
	// and in print, in addition to the calculator's standing disclosures.
	Disclosure string `json:"disclosure,omitempty"`
	// DefaultScenario is a scenario query string (the share link's keys)
	// that replaces the calculator's defaults for a link without a query.
	DefaultScenario string `json:"default_scenario,omitempty"`
	// ProspectInputs lists the scenario keys shown in the short form; the
	// others stay in the advanced section. Empty: the calculator's choice.
	ProspectInputs []string `json:"prospect_inputs,omitempty"`
	// Minimum is the firm's SMA account minimum in dollars (0: none). Below
	// it the calculator says so beside the result.
	Minimum float64 `json:"minimum,omitempty"`
}

// Colors are CSS colours as #rgb or #rrggbb.
type Colors struct {
	Brand  string `json:"brand,omitempty"`  // header and theme colour
	Accent string `json:"accent,omitempty"` // links, buttons, focus ring
	SMA    string `json:"sma,omitempty"`    // the SMA in charts
	Fund   string `json:"fund,omitempty"`   // the fund in charts
}

// CallToAction opens the firm's contact page. With IncludeScenario the
// link carries the scenario's query string, only when the person clicks.
type CallToAction struct {
	Text            string `json:"text"`
	URL             string `json:"url"`
	IncludeScenario bool   `json:"include_scenario,omitempty"`
}

// Limits on brand text: it is shown on every page and must stay readable.
const (
	maxBrandName       = 80
	maxBrandDisclosure = 4000
	maxBrandCTA        = 60
)

// Validate reports every problem, naming the field. Text is shown as text
// (never as HTML), so it only needs to fit.
func (b Brand) Validate() error {
	var problems []string
	add := func(field, format string, args ...any) {
		problems = append(problems, field+": "+fmt.Sprintf(format, args...))
	}
	if strings.TrimSpace(b.Firm) == "" {
		add("firm", "required")
	}
	for field, v := range map[string]string{"firm": b.Firm, "app_name": b.AppName, "short_name": b.ShortName} {
		if utf8.RuneCountInString(v) > maxBrandName {
			add(field, "at most %d characters", maxBrandName)
		}
		// These reach HTML attributes (<meta content>, <img alt>), which
		// go-app writes with Go string quoting.
		if err := AttributeSafe(v); err != nil {
			add(field, "%v", err)
		}
	}
	if utf8.RuneCountInString(b.Disclosure) > maxBrandDisclosure {
		add("disclosure", "at most %d characters", maxBrandDisclosure)
	}
	for field, v := range map[string]string{"firm": b.Firm, "app_name": b.AppName, "short_name": b.ShortName, "disclosure": b.Disclosure} {
		if err := plainText(v, field == "disclosure"); err != nil {
			add(field, "%v", err)
		}
	}
	for field, c := range map[string]string{"colors.brand": b.Colors.Brand, "colors.accent": b.Colors.Accent, "colors.sma": b.Colors.SMA, "colors.fund": b.Colors.Fund} {
		if c != "" && !csscolor.Hex(c) {
			add(field, "%q is not a colour like #1f3a5f", c)
		}
	}
	if cta := b.CallToAction; cta != nil {
		if t := strings.TrimSpace(cta.Text); t == "" || utf8.RuneCountInString(t) > maxBrandCTA {
			add("call_to_action.text", "required, at most %d characters", maxBrandCTA)
		}
		if err := plainText(cta.Text, false); err != nil {
			add("call_to_action.text", "%v", err)
		}
		if err := validContactURL(cta.URL); err != nil {
			add("call_to_action.url", "%v", err)
		}
	}
	if b.DefaultScenario != "" {
		if _, err := scenario.Decode(b.DefaultScenario); err != nil {
			add("default_scenario", "%v", err)
		}
	}
	for _, key := range b.ProspectInputs {
		if !isScenarioKey(key) {
			add("prospect_inputs", "%q is not a scenario key (%s)", key, strings.Join(scenario.Names(), ", "))
		}
	}
	if b.Minimum < 0 || b.Minimum > 1e9 {
		add("minimum", "between 0 and 1,000,000,000 dollars")
	}
	if len(problems) > 0 {
		sort.Strings(problems) // map order above is random
		return fmt.Errorf("brand: %s", strings.Join(problems, "; "))
	}
	return nil
}

// validContactURL accepts https URLs (http only for localhost, for testing):
// the button takes a prospect to the firm's site.
func validContactURL(raw string) error {
	// The URL is an <a href>: printable ASCII without quotes, spaces,
	// angle brackets or backslashes (percent-encode them).
	if strings.ContainsAny(raw, "\"'<>\\` ") || strings.IndexFunc(raw, func(r rune) bool { return r < 0x21 || r > 0x7e }) >= 0 {
		return fmt.Errorf("%q: quotes, spaces, <, >, backslashes and non-ASCII characters must be percent-encoded", raw)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return fmt.Errorf("%q is not an absolute URL", raw)
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && (u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1"):
	default:
		return fmt.Errorf("%q must use https", raw)
	}
	return nil
}

// AttributeSafe reports whether text can be an HTML attribute value as
// go-app writes it: go-app quotes attribute values with strconv.Quote,
// whose \" is no escape in HTML (a " ends the attribute and lets the rest
// be markup: <meta http-equiv=refresh …>), and which rewrites \ and
// non-printing characters. Text it leaves unchanged is safe.
func AttributeSafe(text string) error {
	if strconv.Quote(text) != `"`+text+`"` {
		return errors.New(`must not contain ", \ or non-printing characters`)
	}
	return nil
}

// plainText refuses invalid UTF-8, control characters (line breaks only
// where multiline) and the invisible bidirectional controls that can make
// text read differently than it is stored (Unicode TR #9; the "Trojan
// Source" trick), as the saved-scenario labels do.
func plainText(text string, multiline bool) error {
	if !utf8.ValidString(text) {
		return errors.New("not valid UTF-8 text")
	}
	for _, r := range text {
		switch {
		case r == '\n' && multiline:
		case unicode.IsControl(r):
			return fmt.Errorf("must not contain control characters (U+%04X)", r)
		case unicode.Is(unicode.Bidi_Control, r):
			return fmt.Errorf("must not contain bidirectional control characters (U+%04X)", r)
		}
	}
	return nil
}

func isScenarioKey(key string) bool { return slices.Contains(scenario.Names(), key) }

// Env is the go-app environment variable that carries the brand.
const Env = "SMACALC_BRAND"

// FromEnv is the brand the page was built with, nil for the
// calculator's own. A brand that does not parse (it was validated at build
// time, so only a hand-edited app.js) is ignored rather than breaking the
// page.
func FromEnv() *Brand {
	raw := app.Getenv(Env)
	if raw == "" {
		return nil
	}
	var b Brand
	if err := json.Unmarshal([]byte(raw), &b); err != nil {
		return nil
	}
	return &b
}

// ctaParam is the query parameter of the firm's contact URL that carries
// the scenario when the call to action includes it.
const ctaParam = "smacalc"

// Href is the link of the firm's call to action. With IncludeScenario,
// the scenario's canonical query is added as ?smacalc=<url-encoded query>;
// it is only in the link, so nothing is sent unless the person clicks.
func (cta *CallToAction) Href(query string) string {
	if cta == nil {
		return ""
	}
	u, err := url.Parse(cta.URL)
	if err != nil || validContactURL(cta.URL) != nil {
		return ""
	}
	if cta.IncludeScenario && query != "" {
		q := u.Query()
		q.Set(ctaParam, query)
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// SeriesColors are the chart colours of the SMA and the fund: the brand's
// when set, "" for the chart's palette (b nil: the calculator's own).
func (b *Brand) SeriesColors() (sma, fund string) {
	if b == nil {
		return "", ""
	}
	return b.Colors.SMA, b.Colors.Fund
}

// Startup is the scenario query of a link without a query: the brand's
// default scenario, "" for the calculator's defaults (b nil included).
func (b *Brand) Startup() string {
	if b == nil {
		return ""
	}
	return b.DefaultScenario
}

// ProspectKeys are the keys of the short form (see ProspectInputs); nil
// for the calculator's choice.
func (b *Brand) ProspectKeys() []string {
	if b == nil {
		return nil
	}
	return b.ProspectInputs
}
