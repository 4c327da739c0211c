//go:build unix && !wasm

package calc

import "syscall"

// processCPU is the CPU time this process has used (user + system), in
// nanoseconds: benchmarks report it next to wall time because this machine
// is shared and wall time counts the time other processes hold the core.
func processCPU() (int64, bool) {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0, false
	}
	return u.Utime.Nano() + u.Stime.Nano(), true
}
