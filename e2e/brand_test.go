package e2e

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	ui "smacalc/app"
	"smacalc/site"
)

// testBrand is the white label of siteBrand: every field the page shows.
var testBrand = ui.Brand{
	Firm:   "Harbor & Pine Advisors",
	Logo:   "logo.svg",
	Colors: ui.BrandColors{Brand: "#0b4f6c", Accent: "#0b6e99", SMA: "#2a9d3f", Fund: "#b5540a"},
	CallToAction: &ui.CallToAction{
		Text: "Book a review", URL: "https://firm.example/contact?src=calc", IncludeScenario: true,
	},
	Disclosure:      "Harbor & Pine Advisors is a registered investment adviser. Test disclosure.",
	DefaultScenario: "amount=1250000&horizon=12&paths=40&stocks=60&seed=3",
	ProspectInputs:  []string{"amount", "horizon", "harvest"},
}

// buildBrandSite writes brand.json and its logo and builds a site with them.
func buildBrandSite(tmp string) (*site.Site, error) {
	dir := filepath.Join(tmp, "brand-src")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	logo, err := os.ReadFile("../static/brand-logo.example.svg")
	if err != nil {
		return nil, err
	}
	raw, _ := json.Marshal(testBrand)
	if err := os.WriteFile(filepath.Join(dir, "logo.svg"), logo, 0o644); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "brand.json"), raw, 0o644); err != nil {
		return nil, err
	}
	return site.Build(site.BuildOptions{Out: filepath.Join(tmp, "brand"), WasmDir: wasmDir, Brand: filepath.Join(dir, "brand.json"), Label: "e2e-brand", BrotliQuality: testBrotli()})
}

// TestBrandedSite: brand.json changes the name, logo, colours, the short
// form, the default scenario, the disclosure and the call to action.
func TestBrandedSite(t *testing.T) {
	t.Parallel()
	srv := startServer(t, siteBrand)
	ctx := browser(t, 1280, 900)
	var (
		title, logoSrc, headerBg, ctaText, ctaHref, search, disclosure, amount, wealthSVG string
		logoLoaded, harvestShort, statusAdvanced                                          bool
	)
	err := chromedp.Run(ctx,
		chromedp.Navigate(srv.URL+"/"),
		waitVisible(appReady),
		waitSimulated(),
		chromedp.Text("#site-title", &title),
		chromedp.Evaluate(`document.querySelector("#brand-logo").getAttribute("src")`, &logoSrc),
		chromedp.Poll(`document.querySelector("#brand-logo").naturalWidth > 0`, &logoLoaded),
		chromedp.Evaluate(`getComputedStyle(document.querySelector(".site-header")).backgroundColor`, &headerBg),
		chromedp.Text("#cta-link", &ctaText),
		chromedp.Evaluate(`document.querySelector("#cta-link").href`, &ctaHref),
		chromedp.Evaluate(`location.search`, &search),
		chromedp.Text("#brand-disclosure", &disclosure),
		chromedp.Value("#in-amount", &amount),
		chromedp.Evaluate(`!!document.querySelector("#prospect-form #in-harvest")`, &harvestShort),
		chromedp.Evaluate(`!!document.querySelector("#advanced #in-status")`, &statusAdvanced),
		chromedp.Evaluate(`document.querySelector("#fig-difference .chart-wide").innerHTML + document.querySelector("#fig-decomposition .chart-wide").innerHTML`, &wealthSVG),
	)
	if err != nil {
		t.Fatal(err)
	}
	screenshot(t, ctx, "brand-desktop.png")
	if !strings.Contains(title, testBrand.Firm) {
		t.Errorf("title %q lacks the firm", title)
	}
	if !strings.HasSuffix(logoSrc, "/web/brand/logo.svg") || !logoLoaded {
		t.Errorf("logo %q (loaded %v)", logoSrc, logoLoaded)
	}
	if headerBg != "rgb(11, 79, 108)" {
		t.Errorf("header colour %s, want the brand's #0b4f6c", headerBg)
	}
	if ctaText != testBrand.CallToAction.Text {
		t.Errorf("call to action %q", ctaText)
	}
	// The link without a query shows the brand's default scenario, and the
	// call to action carries it (canonical form, every key).
	u, err := url.Parse(ctaHref)
	carried := u.Query().Get("smacalc")
	if err != nil || u.Host != "firm.example" || u.Query().Get("src") != "calc" ||
		!strings.Contains(carried, "amount=1250000") || !strings.Contains(carried, "horizon=12") || !strings.Contains(carried, "seed=3") {
		t.Errorf("call-to-action link %q does not carry the default scenario", ctaHref)
	}
	if search != "" || strings.ReplaceAll(amount, ",", "") != "1250000" {
		t.Errorf("default scenario not used: search %q, amount %q", search, amount)
	}
	if !strings.Contains(disclosure, "Test disclosure.") {
		t.Errorf("disclosure %q", disclosure)
	}
	if !harvestShort || !statusAdvanced {
		t.Errorf("prospect_inputs: harvest in short form %v, status in advanced %v", harvestShort, statusAdvanced)
	}
	if !strings.Contains(wealthSVG, testBrand.Colors.SMA) || !strings.Contains(wealthSVG, testBrand.Colors.Fund) {
		t.Error("the difference and waterfall charts do not use the brand's SMA and fund colours")
	}
}
