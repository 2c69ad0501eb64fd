// This file implements the recency list of the LRU hash maps
// (BPF_MAP_TYPE_LRU_HASH, LRU_PERCPU_HASH).
//
// callx keeps an exact LRU order: one doubly linked list over the slots,
// most recently used first. A program's lookup (LookupOffset) and every
// update move the element to the front; a new key in a full map takes the
// slot of the element at the back. User-space lookups, NextKey and ForEach
// leave the order alone, as in the kernel.
//
// The kernel's LRU is approximate: lookups only set a reference bit,
// elements move between active and inactive lists in batches, free
// elements are kept in per-CPU lists, and an insert may evict before the
// map is full (or evict one element while replacing another). Programs that
// depend on which element the kernel evicts depend on an implementation
// detail; callx evicts exactly the least recently used, and only when the
// map is full.

package maps

// noSlot ends a list.
const noSlot = ^uint32(0)

// lruList is a doubly linked list over slots, indexed by slot.
type lruList struct {
	prev, next []uint32
	head, tail uint32 // most and least recently used
}

func newLRUList() *lruList { return &lruList{head: noSlot, tail: noSlot} }

// grow adds a slot to the list's index (not to the list).
func (l *lruList) grow() {
	l.prev = append(l.prev, noSlot)
	l.next = append(l.next, noSlot)
}

func (l *lruList) pushFront(s uint32) {
	l.prev[s] = noSlot
	l.next[s] = l.head
	if l.head != noSlot {
		l.prev[l.head] = s
	} else {
		l.tail = s
	}
	l.head = s
}

func (l *lruList) unlink(s uint32) {
	p, n := l.prev[s], l.next[s]
	if p != noSlot {
		l.next[p] = n
	} else {
		l.head = n
	}
	if n != noSlot {
		l.prev[n] = p
	} else {
		l.tail = p
	}
	l.prev[s], l.next[s] = noSlot, noSlot
}

// touch makes s the most recently used.
func (l *lruList) touch(s uint32) {
	if l.head == s {
		return
	}
	l.unlink(s)
	l.pushFront(s)
}
