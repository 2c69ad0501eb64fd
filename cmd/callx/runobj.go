package main

// This file implements `callx run FILE.o`: a program of a clang object run
// on one packet (--data) or on every packet of a capture (--pcap), with a
// table of verdicts.

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/callx/callx"
	"github.com/callx/callx/ctx"
	"github.com/callx/callx/maps"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
	"github.com/schollz/progressbar/v3"
)

// progressAfter is the capture size from which run shows a progress bar.
const progressAfter = 20000

func runObject(out io.Writer, path string, f runFlags) error {
	obj, err := callx.OpenObject(path)
	if err != nil {
		var pe *callx.ProgramError
		if errors.As(err, &pe) {
			return rejected(fmt.Errorf("%s: %w", path, err))
		}
		return badInput(err)
	}
	prog, err := obj.Program(f.prog)
	if err != nil {
		return usageError("%s: %v", path, err)
	}
	runner, err := prog.NewRunner()
	if err != nil {
		return usageError("%s: %v", path, err)
	}
	if !f.noVerify {
		if _, err := prog.Verify(0); err != nil {
			return rejected(fmt.Errorf("%s: program %s rejected by the verifier: %w", path, prog.Name(), err))
		}
	}
	if f.show && !f.json {
		fmt.Fprintf(out, "%s (section %s, %s):\n%s\n", prog.Name(), prog.Spec.Section, prog.Spec.Type, prog.Spec.Disassemble())
	}
	var printed []string
	runner.Machine.SetPrintk(func(s string) {
		if len(printed) < maxPrintk {
			printed = append(printed, s)
		}
	})
	defer func() {
		if !f.json {
			printSideOutput(out, obj, printed)
		}
	}()
	if f.pcap != "" {
		return runCapture(out, runner, f)
	}
	if f.data == "" {
		return usageError("%s: a packet program needs --data PACKET or --pcap FILE", path)
	}
	pkt, err := os.ReadFile(f.data)
	if err != nil {
		return badInput(err)
	}
	// --repeat repeats as BPF_PROG_TEST_RUN does: the packet is set once and
	// carries over from run to run, so results and times compare.
	start := time.Now()
	res, err := runner.Repeat(pkt, f.repeat)
	if err != nil {
		if errors.Is(err, ctx.ErrPacketSize) {
			return badInput(fmt.Errorf("%s: %w", f.data, err))
		}
		return rejected(fmt.Errorf("%s: program %s: %w", path, prog.Name(), err))
	}
	nsPerRun := float64(time.Since(start).Nanoseconds()) / float64(f.repeat)
	if f.json {
		return json.NewEncoder(out).Encode(struct {
			Retval   uint64  `json:"retval"`
			Runs     int     `json:"runs"`
			NsPerRun float64 `json:"ns_per_run"`
		}{res.Retval, f.repeat, nsPerRun})
	}
	fmt.Fprintf(out, "retval: %d (%s)\n", res.Retval, runner.VerdictName(res.Retval))
	fmt.Fprintf(out, "runs:   %d, %s per run, %d instructions per run\n", f.repeat, formatNs(nsPerRun), runner.Machine.Executed())
	return nil
}

// captureStats is what a run over a capture found.
type captureStats struct {
	Packets     int            `json:"packets"`
	Verdicts    map[string]int `json:"verdicts"`
	Errors      int            `json:"errors"`
	Skipped     int            `json:"skipped"`
	NsPerPacket float64        `json:"ns_per_packet"`
	FirstError  string         `json:"first_error,omitempty"`
}

func runCapture(out io.Writer, runner *callx.Runner, f runFlags) error {
	in, err := os.Open(f.pcap)
	if err != nil {
		return badInput(err)
	}
	defer in.Close()
	r, err := pcapgo.NewReader(in)
	if err != nil {
		return badInput(fmt.Errorf("%s: %w", f.pcap, err))
	}
	var w *pcapgo.Writer
	if f.out != "" {
		o, err := os.Create(f.out)
		if err != nil {
			return badInput(err)
		}
		defer o.Close()
		w = pcapgo.NewWriter(o)
		if err := w.WriteFileHeader(r.Snaplen(), layers.LinkTypeEthernet); err != nil {
			return badInput(err)
		}
	}
	stats := captureStats{Verdicts: map[string]int{}}
	var bar *progressbar.ProgressBar
	var elapsed time.Duration
	for {
		data, ci, err := r.ReadPacketData()
		if err == io.EOF {
			break
		}
		if err != nil {
			return badInput(fmt.Errorf("%s: packet %d: %w", f.pcap, stats.Packets+1, err))
		}
		stats.Packets++
		if stats.Packets == progressAfter && !f.json {
			bar = progressbar.Default(-1, "packets")
		}
		if bar != nil {
			bar.Add(1)
		}
		start := time.Now()
		res, err := runner.Run(data)
		elapsed += time.Since(start)
		if errors.Is(err, ctx.ErrPacketSize) { // the kernel refuses these too
			stats.Skipped++
			continue
		}
		if err != nil {
			stats.Errors++
			if stats.FirstError == "" {
				stats.FirstError = fmt.Sprintf("packet %d: %v", stats.Packets, err)
			}
			continue
		}
		stats.Verdicts[runner.VerdictName(res.Retval)]++
		if w != nil {
			ci.CaptureLength, ci.Length = len(res.Packet), len(res.Packet)
			if err := w.WritePacket(ci, res.Packet); err != nil {
				return badInput(err)
			}
		}
	}
	if bar != nil {
		bar.Finish()
	}
	if ran := stats.Packets - stats.Skipped; ran > 0 {
		stats.NsPerPacket = float64(elapsed.Nanoseconds()) / float64(ran)
	}
	if f.json {
		if err := json.NewEncoder(out).Encode(stats); err != nil {
			return err
		}
	} else {
		printVerdicts(out, runner, f.pcap, stats)
	}
	if stats.Errors > 0 {
		return rejected(fmt.Errorf("%d of %d packets trapped; first: %s", stats.Errors, stats.Packets, stats.FirstError))
	}
	return nil
}

func printVerdicts(out io.Writer, runner *callx.Runner, pcap string, s captureStats) {
	fmt.Fprintf(out, "%s (%s) over %s: %d packets\n\n", runner.Program.Name(), runner.Program.Spec.Type, pcap, s.Packets)
	names := make([]string, 0, len(s.Verdicts))
	for v := range s.Verdicts {
		names = append(names, v)
	}
	sort.Slice(names, func(i, j int) bool {
		return s.Verdicts[names[i]] > s.Verdicts[names[j]] || s.Verdicts[names[i]] == s.Verdicts[names[j]] && names[i] < names[j]
	})
	fmt.Fprintf(out, "  %-16s %8s %8s\n", "verdict", "packets", "share")
	for _, v := range names {
		fmt.Fprintf(out, "  %-16s %8d %7.1f%%\n", v, s.Verdicts[v], 100*float64(s.Verdicts[v])/float64(s.Packets))
	}
	if s.Errors > 0 {
		fmt.Fprintf(out, "  %-16s %8d %7.1f%%\n", "trapped", s.Errors, 100*float64(s.Errors)/float64(s.Packets))
	}
	if s.Skipped > 0 {
		fmt.Fprintf(out, "  %-16s %8d %7.1f%%   (shorter than an Ethernet header or longer than a frame: not run, as BPF_PROG_TEST_RUN refuses them)\n", "not run", s.Skipped, 100*float64(s.Skipped)/float64(s.Packets))
	}
	fmt.Fprintf(out, "\ntime per packet: %s\n", formatNs(s.NsPerPacket))
}

// maxPrintk and maxRecords bound what run prints of bpf_trace_printk output
// and ring buffer records.
const (
	maxPrintk  = 20
	maxRecords = 5
)

// printSideOutput prints what the program left besides its verdicts: its
// bpf_trace_printk lines and the records in its ring buffers.
func printSideOutput(out io.Writer, obj *callx.Object, printed []string) {
	if len(printed) > 0 {
		fmt.Fprintf(out, "\nbpf_trace_printk (first %d lines):\n", len(printed))
		for _, s := range printed {
			fmt.Fprintf(out, "  %s\n", strings.TrimRight(s, "\n"))
		}
	}
	for i, spec := range obj.Spec.Maps {
		m := obj.Maps[i]
		if m.Spec().Type != maps.RingBuf {
			continue
		}
		var records [][]byte
		n := 0
		for {
			rec, ok := m.ReadRecord()
			if !ok {
				break
			}
			if n < maxRecords {
				records = append(records, rec)
			}
			n++
		}
		fmt.Fprintf(out, "\nring buffer %s: %d records\n", spec.Name, n)
		for j, rec := range records {
			fmt.Fprintf(out, "  %d: %s\n", j, hex.EncodeToString(rec))
		}
		if n > len(records) {
			fmt.Fprintf(out, "  … %d more\n", n-len(records))
		}
	}
}
