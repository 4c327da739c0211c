package brand

import (
	"net/url"
	"testing"
)

func TestCTAHref(t *testing.T) {
	query := "amount=750000&horizon=10&state=NY"
	cases := []struct {
		cta  *CallToAction
		want string
	}{
		{nil, ""},
		{&CallToAction{Text: "Talk", URL: "https://firm.example/contact"}, "https://firm.example/contact"},
		{&CallToAction{Text: "Talk", URL: "https://firm.example/contact?src=calc", IncludeScenario: true},
			"https://firm.example/contact?smacalc=" + url.QueryEscape(query) + "&src=calc"},
		{&CallToAction{Text: "Talk", URL: "javascript:alert(1)"}, ""},
		{&CallToAction{Text: "Talk", URL: "http://firm.example/"}, ""},
	}
	for _, c := range cases {
		if got := c.cta.Href(query); got != c.want {
			t.Errorf("Href(%+v) = %q, want %q", c.cta, got, c.want)
		}
	}
	u, _ := url.Parse((&CallToAction{Text: "T", URL: "https://firm.example/c", IncludeScenario: true}).Href(query))
	if u.Query().Get("smacalc") != query {
		t.Errorf("scenario does not round-trip: %q", u.Query().Get("smacalc"))
	}
}
