//go:build unix

package cputime

import "syscall"

// Process is the CPU time this process has used (user + system), in
// nanoseconds, from getrusage(2) (RUSAGE_SELF: every thread).
func Process() (int64, bool) {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &u) != nil {
		return 0, false
	}
	return u.Utime.Nano() + u.Stime.Nano(), true
}
