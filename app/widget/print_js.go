//go:build js

package widget

import "syscall/js"

// PrintPage opens the browser's print dialog ("Save as PDF" is one of its
// destinations); the print stylesheet lays out the report.
func PrintPage() { js.Global().Call("print") }
