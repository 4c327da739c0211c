//go:build !js

package widget

// Native builds (tests, the server's prerender) have no browser: these are
// the no-op counterparts of the *_js.go helpers.

func DownloadFile(name, mime string, data []byte) {}

func PrintPage() {}

func ReadChosenFile(inputID string, limit int, done func([]byte, error)) {}

func OnKeydown(func(key string) bool) (stop func()) { return func() {} }

func CopyText(text string, done func(ok bool)) {}

func PageURL() string { return "" }

func BlurTerm() bool { return false }

// WatchWideScreen: without a browser (the prerender has no result to chart),
// the wide drawings.
func WatchWideScreen(changed func(wide bool)) (wide bool, stop func()) { return true, func() {} }

// WideScreen: without a browser, the wide drawings (as WatchWideScreen).
func WideScreen() bool { return true }

// WatchNearView: without a browser there is no view to watch.
func WatchNearView(id string, changed func(near bool)) (stop func()) { return func() {} }

// AfterPaint: without a browser nothing is painted, and nothing waits.
func AfterPaint(f func()) {}

// NextTask: without a browser there is no task to end; f runs at once.
func NextTask(f func()) { f() }

// YieldTask: without a browser there is no task to end.
func YieldTask() {}

// Rendered counts nothing without a browser.
func Rendered(name string) {}
