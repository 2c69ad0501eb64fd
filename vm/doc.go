// Package vm is callx's engine: it lowers an eBPF program once (checking
// its structure, resolving jumps, calls and helpers, and picking one
// specialised operation per instruction) and runs the lowered form in a
// tight loop on a Machine.
//
// The engine is safe whatever the program: the program's memory is a set of
// regions the engine gave it (stack frames, input data; later maps, globals
// and contexts) and every access is checked against them. Out-of-bounds
// accesses, calls through values that are not functions, more than
// MaxFrames call frames and runaway execution stop the run with a *Trap
// carrying the instruction index; no Go panic escapes Run.
//
// Semantics are Linux's: division by zero gives 0, modulo by zero leaves the
// dividend, shift amounts are masked, 32-bit operations zero the upper half,
// and r6-r9 and the frame pointer survive calls. The stack is not cleared
// between runs, as in the kernel.
package vm
