// Package cputime reads the CPU time the process has used, for benchmarks:
// this machine is shared, and wall time counts the time other processes
// hold the core, CPU time much less.
//
// It is a package of its own, not a pair of build-tagged test files in
// calc, so that calc's files are the same for every GOOS: `make vet-js`
// and `make staticcheck-js` check for js/wasm only the packages whose
// files differ there (the Makefile's JS_PKGS), and calc's test files then
// need no second check (docs/ARCHITECTURE.md, "Tests", round 7).
package cputime
