//go:build !js

package app

// Native builds (tests, the server's prerender) have no browser: these are
// the no-op counterparts of the *_js.go helpers.

func downloadFile(name, mime string, data []byte) {}

func printPage() {}

func watchEmbedHeight() {}

func readChosenFile(inputID string, limit int, done func([]byte, error)) {}

func onKeydown(func(key string) bool) (stop func()) { return func() {} }

func copyText(text string, done func(ok bool)) {}

func pageURL() string { return "" }

func blurTerm() bool { return false }

// watchWideScreen: without a browser (the prerender has no result to chart),
// the wide drawings.
func watchWideScreen(changed func(wide bool)) (wide bool, stop func()) { return true, func() {} }
