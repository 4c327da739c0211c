package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// chartDrawings reports, for every chart, whether its phone and its wide
// drawing hold an SVG and whether the phone drawing is visible.
const chartDrawings = `[...document.querySelectorAll("#charts figure.chart")].map((f) => ({
  ID: f.id,
  Phone: !!f.querySelector(".chart-phone svg"),
  Wide: !!f.querySelector(".chart-wide svg"),
  PhoneVisible: f.querySelector(".chart-phone").checkVisibility(),
}))`

type chartDrawing struct {
	ID                        string
	Phone, Wide, PhoneVisible bool
}

// chartsDrawWhatTheScreenShows: on a phone each chart has its phone
// drawing only, and printing from the phone shows it; widening the page
// past the breakpoint draws the wide ones instead. TestPhonePage has
// loaded the page on the phone; it is left wide.
func chartsDrawWhatTheScreenShows(t *testing.T, ctx context.Context) {
	var phone, printed []chartDrawing
	err := chromedp.Run(ctx,
		waitSimulated(),
		chromedp.Evaluate(chartDrawings, &phone),
		emulation.SetEmulatedMedia().WithMedia("print"),
		chromedp.Evaluate(chartDrawings, &printed),
		emulation.SetEmulatedMedia().WithMedia(""),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(phone) < 3 {
		t.Fatalf("%d charts on the phone, want 3 or more", len(phone))
	}
	for i, d := range phone {
		if !d.Phone || d.Wide || !d.PhoneVisible {
			t.Errorf("phone: %+v, want the phone drawing alone, visible", d)
		}
		if !printed[i].PhoneVisible {
			t.Errorf("printed from the phone: %s shows no drawing", d.ID)
		}
	}
	var wide []chartDrawing
	err = chromedp.Run(ctx,
		chromedp.EmulateViewport(1280, 900),
		chromedp.Poll(`document.querySelectorAll("#charts .chart-wide svg").length >= 3`, nil),
		chromedp.Evaluate(chartDrawings, &wide),
	)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range wide {
		if d.Phone || !d.Wide {
			t.Errorf("wide: %+v, want the wide drawing alone", d)
		}
	}
	t.Logf("screenshot: %s", elementScreenshot(t, ctx, "#fig-difference", "chart-after-widening.png"))
}
