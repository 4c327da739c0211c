//go:build js

package widget

import "syscall/js"

// AfterPaint calls f in a task of its own after the browser's next frame
// (requestAnimationFrame, whose callback runs just before the frame is
// painted, then a zero timeout): work that must not lengthen the task in
// progress nor hold back the frame it has drawn. f runs outside go-app's
// UI goroutine: it should post an action (ctx.NewActionWithValue) or
// dispatch (ctx.Dispatch), as an event handler would.
func AfterPaint(f func()) {
	var frame, task js.Func
	task = js.FuncOf(func(js.Value, []js.Value) any {
		task.Release()
		f()
		return nil
	})
	frame = js.FuncOf(func(js.Value, []js.Value) any {
		frame.Release()
		js.Global().Call("setTimeout", task, 0)
		return nil
	})
	js.Global().Call("requestAnimationFrame", frame)
}

// NextTask calls f in a task of its own, as soon as the browser has ended
// the task in progress (a zero timeout): work that must not lengthen that
// task but need not wait for a frame. f runs outside go-app's UI goroutine,
// as AfterPaint's does.
func NextTask(f func()) {
	var task js.Func
	task = js.FuncOf(func(js.Value, []js.Value) any {
		task.Release()
		f()
		return nil
	})
	js.Global().Call("setTimeout", task, 0)
}

// YieldTask returns in a later task: the caller's goroutine waits while
// the browser ends the task in progress (and paints, when a frame is due),
// and goes on in scheduler.yield's continuation, which the browser runs
// before the other tasks waiting then (a worker's message); a zero
// timeout's task where there is no scheduler.yield. Called from go-app's
// UI goroutine it holds go-app's next update (its frame tick) back to
// that task. With a zero timeout alone the change was drawn after the
// workers' first message in one of three phone-profile traces
// (app/calculator.go, drawChange).
func YieldTask() {
	done := make(chan struct{})
	if s := js.Global().Get("scheduler"); s.Truthy() && s.Get("yield").Truthy() {
		var next js.Func
		next = js.FuncOf(func(js.Value, []js.Value) any {
			next.Release()
			close(done)
			return nil
		})
		s.Call("yield").Call("then", next)
	} else {
		NextTask(func() { close(done) })
	}
	<-done
}
