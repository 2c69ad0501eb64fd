package verifier

// This file implements the verifier log as the kernel writes it
// (kernel/bpf/log.c): each processed instruction, the registers and stack
// slots it touched ("scratched") after a ';' aligned as the kernel aligns
// it, whole states where paths begin, and the statistics line.

import (
	"fmt"
	"strings"

	"github.com/callx/callx/asm"
)

// vlog is the log buffer.
type vlog struct {
	level int
	b     []byte
	// prevLogPos and prevInsnPrintPos are the kernel's env->prev_log_pos
	// and env->prev_insn_print_pos: where the last instruction line ended
	// and how long it was, so that its state can join it after a ';'.
	prevLogPos, prevInsnPrintPos int
}

func (l *vlog) printf(format string, args ...any) {
	if l.level == 0 {
		return
	}
	l.b = fmt.Appendf(l.b, format, args...)
}

func (l *vlog) len() int { return len(l.b) }

func (l *vlog) truncate(n int) {
	if n < len(l.b) {
		l.b = l.b[:n]
	}
	if l.prevLogPos > n {
		l.prevLogPos = 0
	}
}

func (l *vlog) String() string { return string(l.b) }

// Log alignment of the state after an instruction (BPF_LOG_ALIGNMENT,
// BPF_LOG_MIN_ALIGNMENT).
const (
	logAlignment    = 40
	logMinAlignment = 8
)

// vlogAlignment is vlog_alignment.
func vlogAlignment(pos int) int {
	m := max(pos+logMinAlignment/2, logAlignment)
	return (m+logMinAlignment-1)/logMinAlignment*logMinAlignment - pos - 1
}

// printInsn logs "i: (op) text" (do_check), with the C source line
// before it when line info is present.
func (v *verifier) printInsn(i int) {
	if v.log.level == 0 {
		return
	}
	v.printLineInfo(i)
	v.log.prevLogPos = v.log.len()
	v.log.printf("%d: %s\n", i, insnString(v.insns, i, v.helperLogName))
	v.log.prevInsnPrintPos = v.log.len() - v.log.prevLogPos
	v.log.prevLogPos = v.log.len()
}

// printLineInfo logs the source line of instruction i, once per line
// (verbose_linfo). callx's Options carry no line info yet.
func (v *verifier) printLineInfo(i int) {}

// helperLogName is the kernel's name of a helper in the log.
func (v *verifier) helperLogName(id int32) string {
	h, err := v.helpers.Lookup(helpersID(id))
	if err != nil {
		return ""
	}
	return "bpf_" + h.Name
}

// printInsnState appends the scratched state to the last instruction's
// line, or starts a line "i:" (print_insn_state).
func (v *verifier) printInsnState(f *Frame) {
	if v.log.level == 0 {
		return
	}
	if v.log.prevLogPos != 0 && v.log.prevLogPos == v.log.len() {
		v.log.truncate(v.log.prevLogPos - 1)
		v.log.printf("%s;", strings.Repeat(" ", vlogAlignment(v.log.prevInsnPrintPos)))
	} else {
		v.log.printf("%d:", v.insnIdx)
	}
	v.printState(f, false)
}

// printState logs a frame's registers and stack slots: all of them, or
// those scratched since the last print (print_verifier_state).
func (v *verifier) printState(f *Frame, all bool) { v.printStateOf(v.cur, f, all) }

// printStateOf is printState for a frame of any state st.
func (v *verifier) printStateOf(st *State, f *Frame, all bool) {
	if v.log.level == 0 {
		return
	}
	var b []byte
	if f.Frameno != 0 {
		b = fmt.Appendf(b, " frame%d:", f.Frameno)
	}
	for i := range f.Regs {
		r := &f.Regs[i]
		if r.Type == NotInit {
			continue
		}
		if !all && v.scratchedRegs&(1<<i) == 0 {
			continue
		}
		b = fmt.Appendf(b, " R%d", i)
		b = appendLiveness(b, r.written)
		b = append(b, '=')
		b = appendReg(b, f, r)
	}
	for i := range f.Stack {
		if !all && v.scratchedStack&(1<<uint(i%64)) == 0 {
			continue
		}
		s := &f.Stack[i]
		var types [regSize]byte
		valid := false
		for j, k := range s.Kind {
			if k != stackInvalid {
				valid = true
			}
			types[j] = slotTypeChar[k]
		}
		if !valid {
			continue
		}
		b = fmt.Appendf(b, " fp%d", (-i-1)*regSize)
		b = appendLiveness(b, s.Spilled.written)
		if s.Kind[regSize-1] == stackSpill {
			n := 0
			for n < regSize && s.Kind[n] != stackSpill {
				n++
			}
			b = append(b, '=')
			b = append(b, types[:n]...)
			b = appendReg(b, f, &s.Spilled)
			continue
		}
		b = append(b, '=')
		b = append(b, types[:]...)
	}
	if len(st.Refs) > 0 {
		b = fmt.Appendf(b, " refs=%d", st.Refs[0].ID)
		for _, r := range st.Refs[1:] {
			b = fmt.Appendf(b, ",%d", r.ID)
		}
	}
	if f.InCallback {
		b = append(b, " cb"...)
	}
	if f.AsyncCallback {
		b = append(b, " async_cb"...)
	}
	v.log.printf("%s\n", b)
	if !all {
		v.scratchedRegs = 0
		v.scratchedStack = 0
	}
}

var slotTypeChar = [...]byte{
	stackInvalid: '?',
	stackSpill:   'r',
	stackMisc:    'm',
	stackZero:    '0',
	stackIter:    'i',
	stackDynptr:  'd',
}

func appendLiveness(b []byte, written bool) []byte {
	if written {
		return append(b, "_w"...)
	}
	return b
}

// appendReg appends a register as the log prints it (print_reg_state).
func appendReg(b []byte, f *Frame, r *Reg) []byte {
	t := r.Type
	if t == ScalarValue && r.Precise {
		b = append(b, 'P')
	}
	if t == ScalarValue && r.VarOff.IsConst() {
		return appendSnum(b, int64(r.VarOff.Value))
	}
	b = append(b, t.String()...)
	if t == PtrToArena {
		return b
	}
	if t == PtrToStack {
		if f != nil && f.Frameno != r.Frameno {
			b = fmt.Appendf(b, "[%d]", r.Frameno)
		}
		if r.VarOff.IsConst() {
			return appendSnum(b, int64(r.VarOff.Value)+int64(r.Off))
		}
	}
	if t.Base() == PtrToBTFID {
		b = append(b, r.BTFName...)
	}
	b = append(b, '(')
	sep := ""
	attr := func(format string, args ...any) {
		b = append(b, sep...)
		b = fmt.Appendf(b, format, args...)
		sep = ","
	}
	if r.ID != 0 {
		attr("id=%d", r.ID&^addConstFlag)
	}
	if r.ID&addConstFlag != 0 {
		b = fmt.Appendf(b, "%+d", r.Off)
	}
	if r.RefObjID != 0 {
		attr("ref_obj_id=%d", r.RefObjID)
	}
	if (t.Base() == ConstPtrToMap || t.Base() == PtrToMapKey || t.Base() == PtrToMapValue) && r.Map != nil {
		if r.Map.Name != "" {
			attr("map=%s", kernelMapName(r.Map.Name))
		}
		attr("ks=%d,vs=%d", r.Map.KeySize, r.Map.ValueSize)
	}
	if t != ScalarValue && r.Off != 0 {
		attr("off=%s", appendSnum(nil, int64(r.Off)))
	}
	if t.IsPacket() {
		attr("r=%s", appendUnum(nil, uint64(int64(r.Range))))
	}
	if t.Base() == PtrToMem {
		attr("sz=%s", appendUnum(nil, uint64(r.MemSize)))
	}
	if r.VarOff.IsConst() {
		if r.VarOff.Value != 0 {
			attr("imm=%s", appendSnum(nil, int64(r.VarOff.Value)))
		}
	} else {
		b = r.Scalar.appendRanges(b, &sep)
		if !r.VarOff.IsUnknown() {
			attr("var_off=%s", r.VarOff.String())
		}
	}
	return append(b, ')')
}

// kernelMapName is a map's name as the kernel keeps it: at most 15 bytes
// (BPF_OBJ_NAME_LEN - 1); libbpf names global data maps by a prefix of
// the object name and the section, which callx does not know, so those
// print by section.
func kernelMapName(name string) string {
	if len(name) > 15 {
		return name[:15]
	}
	return name
}

// Scratch marks: which registers and stack slots the log prints after an
// instruction.
func (v *verifier) scratchReg(r asm.Register) { v.scratchedRegs |= 1 << r }
func (v *verifier) scratchSlot(spi int)       { v.scratchedStack |= 1 << uint(spi%64) }
func (v *verifier) markAllScratched()         { v.scratchedRegs = ^uint32(0); v.scratchedStack = ^uint64(0) }
func (v *verifier) scratched() bool           { return v.scratchedRegs != 0 || v.scratchedStack != 0 }

// finishLog ends the log with the statistics, as the kernel does whatever
// the verdict (print_verification_stats).
func (v *verifier) finishLog(err error) {
	if v.log.level == 0 {
		return
	}
	if v.log.level&LogLevelStats != 0 {
		v.log.printf("verification time %d usec\n", v.stats.Duration.Microseconds())
		v.log.printf("stack depth ")
		for i, d := range v.stackDepthsOrEmpty() {
			if i > 0 {
				v.log.printf("+")
			}
			v.log.printf("%d", d)
		}
		v.log.printf("\n")
	}
	v.log.printf("processed %d insns (limit %d) max_states_per_insn %d total_states %d peak_states %d mark_read %d\n",
		v.stats.Processed, complexityLimitInsns, v.stats.MaxStatesPerInsn, v.stats.TotalStates,
		v.stats.PeakStates, v.stats.MarkRead)
}

func (v *verifier) stackDepthsOrEmpty() []int {
	if v.cfg == nil {
		return nil
	}
	return v.stackDepths()
}

// stackDepths returns each subprogram's stack depth.
func (v *verifier) stackDepths() []int {
	out := make([]int, len(v.cfg.Subprogs))
	for i := range out {
		if i < len(v.stackDepth) {
			out[i] = v.stackDepth[i]
		}
	}
	return out
}
