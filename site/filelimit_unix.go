//go:build !wasm && unix

package site

import "syscall"

// fileLimit is the process's limit on open files (RLIMIT_NOFILE, which Go
// raises to the hard limit at start-up; "unlimited" reads as a huge
// number), or 0 when unknown.
func fileLimit() uint64 {
	var rl syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &rl); err != nil {
		return 0
	}
	return uint64(rl.Cur)
}
