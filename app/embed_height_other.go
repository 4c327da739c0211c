//go:build !js

package app

// watchEmbedHeight has nothing to watch without a browser (tests, the
// server's prerender).
func watchEmbedHeight() {}
