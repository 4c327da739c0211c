//go:build ignore

// gen_icons draws the PWA's PNG icons (192, 512 and a maskable 512) so they are
// reproducible from source: go run gen_icons.go. The SVG icon (icon.svg) is the
// same drawing by hand. Icons are local on purpose: go-app's default icon is
// fetched from the internet, which breaks the installed app offline.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

var (
	navy  = color.RGBA{0x1f, 0x3a, 0x5f, 0xff}
	white = color.RGBA{0xff, 0xff, 0xff, 0xff}
	gold  = color.RGBA{0xf2, 0xb1, 0x34, 0xff}
)

// draw paints the icon at size px. Coordinates are in a 100-unit design grid.
// maskable icons fill the whole square and keep the drawing inside the central
// 60% (the W3C "safe zone" is a circle of radius 40%).
func draw(size int, maskable bool) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	s := float64(size) / 100
	radius := 18.0
	scale, offset := 1.0, 0.0
	if maskable {
		radius = 0
		scale, offset = 0.7, 15
	}
	for y := 0; y < size; y++ {
		for x := 0; x < size; x++ {
			u, v := (float64(x)+0.5)/s, (float64(y)+0.5)/s
			if inRoundedSquare(u, v, radius) {
				img.Set(x, y, navy)
			}
			// Back to the drawing's own grid for the bars.
			du, dv := (u-offset)/scale, (v-offset)/scale
			switch {
			case bar(du, dv, 20, 58, 16):
				img.Set(x, y, white)
			case bar(du, dv, 42, 44, 16):
				img.Set(x, y, white)
			case bar(du, dv, 64, 24, 16):
				img.Set(x, y, gold)
			}
		}
	}
	return img
}

func inRoundedSquare(u, v, r float64) bool {
	if u < 0 || v < 0 || u > 100 || v > 100 {
		return false
	}
	cx := math.Max(r, math.Min(100-r, u))
	cy := math.Max(r, math.Min(100-r, v))
	return (u-cx)*(u-cx)+(v-cy)*(v-cy) <= r*r
}

// bar is a column from top down to the baseline at 80.
func bar(u, v, left, top, width float64) bool {
	return u >= left && u <= left+width && v >= top && v <= 80
}

func main() {
	for _, icon := range []struct {
		name     string
		size     int
		maskable bool
	}{
		{"icons/icon-192.png", 192, false},
		{"icons/icon-512.png", 512, false},
		{"icons/icon-maskable-512.png", 512, true},
	} {
		f, err := os.Create(icon.name)
		if err != nil {
			log.Fatal(err)
		}
		if err := png.Encode(f, draw(icon.size, icon.maskable)); err != nil {
			log.Fatal(err)
		}
		if err := f.Close(); err != nil {
			log.Fatal(err)
		}
	}
}
