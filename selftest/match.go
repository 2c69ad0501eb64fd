package selftest

// This file implements matching expected messages against a verifier log
// (or a disassembly) with the rules of test_loader.c's validate_msgs: each
// pattern is a substring, or a regular expression where it holds "{{...}}"
// parts, and must be found after the end of the previous match.

import (
	"fmt"
	"regexp"
	"strings"
)

// pattern is one compiled expected message.
type pattern struct {
	text string         // as written
	re   *regexp.Regexp // nil for a plain substring
}

// compile reads a pattern as compile_regex does: text outside "{{" "}}"
// is literal, text inside is a POSIX extended regular expression; a
// pattern without "{{" is a plain substring. Regular expressions match
// like regcomp(REG_EXTENDED|REG_NEWLINE): leftmost-longest, '^' and '$'
// at line boundaries, '.' not matching a newline.
func compile(text string) (*pattern, error) {
	if !strings.Contains(text, "{{") {
		return &pattern{text: text}, nil
	}
	var b strings.Builder
	b.WriteString("(?m)")
	rest := text
	for rest != "" {
		lit, after, found := strings.Cut(rest, "{{")
		b.WriteString(regexp.QuoteMeta(lit))
		if !found {
			break
		}
		re, tail, closed := strings.Cut(after, "}}")
		if !closed {
			return nil, fmt.Errorf("pattern %q has an open '{{' and no closing '}}'", text)
		}
		b.WriteString("(?:" + re + ")")
		rest = tail
	}
	re, err := regexp.Compile(b.String())
	if err != nil {
		return nil, fmt.Errorf("pattern %q: %w", text, err)
	}
	re.Longest()
	return &pattern{text: text, re: re}, nil
}

// find returns where p first matches in s, or -1.
func (p *pattern) find(s string) (start, end int) {
	if p.re == nil {
		i := strings.Index(s, p.text)
		if i < 0 {
			return -1, -1
		}
		return i, i + len(p.text)
	}
	loc := p.re.FindStringIndex(s)
	if loc == nil {
		return -1, -1
	}
	return loc[0], loc[1]
}

// Match checks expected messages (__msg patterns) against a verifier log
// as test_loader does: in order, each found after the end of the previous
// one's match. It returns false and the first pattern not found, or true
// and "". No patterns always match.
func Match(patterns []string, log string) (ok bool, missing string) {
	return match(patterns, log, false)
}

// MatchDisasm checks __xlated or __jited patterns against a disassembly,
// one instruction a line: each pattern must match on the line after the
// previous match, unless a "..." stands between them, which lets the next
// pattern match on any later line.
func MatchDisasm(patterns []string, text string) (ok bool, missing string) {
	return match(patterns, text, true)
}

func match(patterns []string, log string, disasm bool) (bool, string) {
	pos := 0     // where the search goes on
	prevEnd := 0 // lines are counted up to here
	line, prevLine := 0, -1
	onNextLine := true
	for _, text := range patterns {
		if disasm && text == "..." {
			onNextLine = false
			continue
		}
		p, err := compile(text)
		if err != nil {
			return false, text
		}
		start, end := p.find(log[pos:])
		if start < 0 {
			return false, text
		}
		start, end = start+pos, end+pos
		line += strings.Count(log[prevEnd:start], "\n")
		prevEnd = start
		if disasm && onNextLine && prevLine >= 0 && prevLine+1 != line {
			return false, text
		}
		pos = end
		prevLine = line
		onNextLine = true
	}
	return true, ""
}
