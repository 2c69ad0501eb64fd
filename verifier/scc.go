package verifier

// This file implements the kernel's (6.17+) handling of states inside
// loops: the strongly connected components of the control-flow graph,
// the visit of each by the walk, and the backedges of the state graph.
//
// A state pruned inside a loop may be pruned against a state whose
// precision marks are not final: the paths that would mark it have not
// all been walked yet. Such a prune is recorded as a backedge, and
// compares scalars by range (RANGE_WITHIN) rather than by precision.
// When the first state that entered the loop is done, the precision
// marks are carried over every backedge again, until none changes.

import (
	"strconv"
	"strings"
)

// maxBackedgeIters bounds how often the backedges of a visit are walked
// before every scalar on them is made precise (MAX_BACKEDGE_ITERS).
const maxBackedgeIters = 64

// callchain names a loop as the walk meets it: the call sites of the
// frames above the loop's, and the loop's SCC (struct bpf_scc_callchain).
type callchain struct {
	callsites [maxCallFrames - 1]int
	scc       int
}

// String is format_callchain: "(callsite,callsite,scc)".
func (c callchain) String() string {
	var b strings.Builder
	b.WriteByte('(')
	for _, cs := range c.callsites {
		if cs == 0 {
			break
		}
		b.WriteString(strconv.Itoa(cs))
		b.WriteByte(',')
	}
	b.WriteString(strconv.Itoa(c.scc))
	b.WriteByte(')')
	return b.String()
}

// sccVisit is one visit of the walk to a loop (struct bpf_scc_visit).
type sccVisit struct {
	// entry is the first kept state of the visit, nil between visits.
	entry     *State
	backedges []backedge
}

// backedge is a state pruned inside a loop against equal
// (struct bpf_scc_backedge): a copy of the pruned state, at the
// instruction where it was pruned.
type backedge struct {
	st    *State
	equal *State
}

// computeSCCs numbers, from 1, the strongly connected components of
// the control-flow graph that are loops (two or more instructions, or
// one that jumps to itself); scc[i] is 0 for an instruction in none.
// Calls do not enter their callees: each function is its own graph.
func (v *verifier) computeSCCs() []int {
	n := len(v.insns)
	succs := make([][]int, n)
	for i := 0; i < n; i++ {
		if i > 0 && v.insns[i-1].IsLoadImm64() {
			continue // the second half of an ld_imm64
		}
		for _, s := range v.successors(i) {
			if s >= 0 && s < n {
				succs[i] = append(succs[i], s)
			}
		}
	}
	// Tarjan's algorithm, with explicit stacks.
	const unvisited = -1
	index := make([]int, n)
	low := make([]int, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = unvisited
	}
	scc := make([]int, n)
	var stack []int
	type frame struct{ node, next int }
	var dfs []frame
	counter, nextSCC := 0, 1
	for root := 0; root < n; root++ {
		if index[root] != unvisited {
			continue
		}
		dfs = append(dfs, frame{node: root})
		index[root], low[root] = counter, counter
		counter++
		stack = append(stack, root)
		onStack[root] = true
		for len(dfs) > 0 {
			top := &dfs[len(dfs)-1]
			u := top.node
			if top.next < len(succs[u]) {
				w := succs[u][top.next]
				top.next++
				switch {
				case index[w] == unvisited:
					index[w], low[w] = counter, counter
					counter++
					stack = append(stack, w)
					onStack[w] = true
					dfs = append(dfs, frame{node: w})
				case onStack[w]:
					low[u] = min(low[u], index[w])
				}
				continue
			}
			dfs = dfs[:len(dfs)-1]
			if len(dfs) > 0 {
				p := dfs[len(dfs)-1].node
				low[p] = min(low[p], low[u])
			}
			if low[u] != index[u] {
				continue
			}
			loop := stack[len(stack)-1] != u
			for _, s := range succs[u] {
				if s == u {
					loop = true
				}
			}
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				if loop {
					scc[w] = nextSCC
				}
				if w == u {
					break
				}
			}
			if loop {
				nextSCC++
			}
		}
	}
	return scc
}

// callchainOf is compute_scc_callchain: the loop the topmost frame of st
// that is in one is in, named by the call sites above it; ok is false
// when no frame is in a loop.
func (v *verifier) callchainOf(st *State) (c callchain, ok bool) {
	last := len(st.Frames) - 1
	for i := 0; i <= last; i++ {
		insn := st.Insn
		if i < last {
			insn = st.Frames[i+1].Callsite
		}
		if insn < 0 || insn >= len(v.scc) {
			return c, false
		}
		if s := v.scc[insn]; s != 0 {
			c.scc = s
			return c, true
		}
		if i == last || i >= len(c.callsites) {
			return c, false
		}
		c.callsites[i] = insn
	}
	return c, false
}

// maybeEnterSCC is maybe_enter_scc: a kept state in a loop no visit is
// under way in starts one.
func (v *verifier) maybeEnterSCC(st *State) {
	c, ok := v.callchainOf(st)
	if !ok {
		return
	}
	visit := v.sccVisits[c]
	if visit == nil {
		visit = &sccVisit{}
		v.sccVisits[c] = visit
	}
	if visit.entry == nil {
		visit.entry = st
		if v.log.level&LogLevel2 != 0 {
			v.log.printf("SCC enter %s\n", c)
		}
	}
}

// maybeExitSCC is maybe_exit_scc: when the state that began a visit is
// done, every path of the visit has been walked, and the precision
// marks are carried over its backedges.
func (v *verifier) maybeExitSCC(st *State) {
	c, ok := v.callchainOf(st)
	if !ok {
		return
	}
	visit := v.sccVisits[c]
	if visit == nil || visit.entry != st {
		return
	}
	if v.log.level&LogLevel2 != 0 {
		v.log.printf("SCC exit %s\n", c)
	}
	visit.entry = nil
	v.propagateBackedges(visit)
}

// addBackedge is add_scc_backedge: the current state, pruned at insn
// idx against old inside a loop, is recorded with the visit of old's
// loop.
func (v *verifier) addBackedge(old *State, idx int) {
	be := backedge{st: v.cur.clone(), equal: old}
	be.st.Insn = idx
	c, ok := v.callchainOf(old)
	visit := v.sccVisits[c]
	if !ok || visit == nil {
		// Not in a visit: nothing will carry marks over later, so make
		// them final now.
		v.markAllPreciseFrom(be.st)
		return
	}
	if v.log.level&LogLevel2 != 0 {
		v.log.printf("SCC backedge %s\n", c)
	}
	visit.backedges = append(visit.backedges, be)
}

// incompleteMarks is incomplete_read_marks: st is in a loop whose visit
// has backedges, so its precision marks may not be final.
func (v *verifier) incompleteMarks(st *State) bool {
	c, ok := v.callchainOf(st)
	if !ok {
		return false
	}
	visit := v.sccVisits[c]
	return visit != nil && len(visit.backedges) > 0
}

// propagateBackedges is propagate_backedges: carry precision marks from
// each backedge's equal state into the backedge's path until none
// changes, then forget the backedges.
func (v *verifier) propagateBackedges(visit *sccVisit) {
	for i := 0; ; i++ {
		if i > maxBackedgeIters {
			if v.log.level&LogLevel2 != 0 {
				v.log.printf("propagate_backedges: too many iterations\n")
			}
			for _, be := range visit.backedges {
				v.markAllPreciseFrom(be.st)
			}
			break
		}
		changed := false
		// Newest first, as the kernel's list holds them.
		for k := len(visit.backedges) - 1; k >= 0; k-- {
			be := visit.backedges[k]
			if v.propagatePrecisionTo(be.equal, be.st, be.st.Insn) {
				changed = true
			}
		}
		if !changed {
			break
		}
	}
	visit.backedges = nil
}
