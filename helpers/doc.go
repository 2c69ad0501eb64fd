// Package helpers is the one table of BPF helper functions: for each helper
// id, its kernel name, its prototype (for the verifier) and its
// implementation (for the engine). The engine resolves helper calls through
// a Table when it lowers a program, so an unknown helper id is an error
// before anything runs.
package helpers
