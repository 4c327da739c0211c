package calc

import "smacalc/internal/cputime"

// processCPU is the CPU time this process has used (user + system), in
// nanoseconds: benchmarks report it next to wall time because this machine
// is shared and wall time counts the time other processes hold the core.
// Not available under WebAssembly (the bool is false there): benchmarks
// then report wall time only.
func processCPU() (int64, bool) { return cputime.Process() }
