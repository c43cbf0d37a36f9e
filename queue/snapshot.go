package queue

import (
	"bytes"
	"cmp"
	"fmt"
	"reflect"
	"slices"
)

// Snapshot is the whole state of a queue as plain data, to save and
// restore: the policy, the entries, each partition's interleaving counter,
// and the events, which [Queue.Explain] reads.
type Snapshot struct {
	// Policy is the ordering policy's specification.
	Policy PolicySpec
	// Entries are the queued entries, in ID order.
	Entries []Entry
	// Counters are the partitions' interleaving counters, in order of
	// district, cohort, group type and language.
	Counters []PartitionCounter
	// Events are every partition's events, in Seq order. They may be left
	// out, to keep a queue without its history (Explain then reports
	// [CodeNoHistory]); if given, replaying them must rebuild Entries and
	// Counters exactly.
	Events []Event
	// Seq is the number of the last event.
	Seq uint64
}

// PartitionCounter is the interleaving counter of one partition.
type PartitionCounter struct {
	// Partition is the queue the counter belongs to.
	Partition Partition
	// SincePrimary is the number of general referrals since the last
	// primary one, at most the policy's ratio.
	SincePrimary int
}

// Snapshot returns the queue's state. It shares nothing with the queue.
func (q *Queue) Snapshot() Snapshot {
	s := Snapshot{Policy: q.policy.Spec(), Seq: q.seq}
	for _, h := range q.ids {
		s.Entries = append(s.Entries, q.entry(h))
	}
	slices.SortFunc(s.Entries, func(a, b Entry) int {
		return bytes.Compare(a.ID[:], b.ID[:])
	})
	for _, p := range q.parts {
		s.Counters = append(s.Counters, PartitionCounter{p.key, p.sincePrimary})
		for _, ev := range p.events {
			ev.Entry = ev.Entry.clone()
			s.Events = append(s.Events, ev)
		}
	}
	slices.SortFunc(s.Counters, func(a, b PartitionCounter) int {
		return comparePartitions(a.Partition, b.Partition)
	})
	slices.SortFunc(s.Events, func(a, b Event) int {
		return cmp.Compare(a.Seq, b.Seq)
	})
	return s
}

func comparePartitions(a, b Partition) int {
	return cmp.Or(
		cmp.Compare(a.District, b.District),
		cmp.Compare(a.Cohort, b.Cohort),
		cmp.Compare(a.Group, b.Group),
		cmp.Compare(a.Language, b.Language),
	)
}

// Restore rebuilds a queue from a snapshot. A snapshot that does not hold
// together (an invalid policy or entry, a counter out of range, events out
// of order or that do not rebuild the entries and counters) is an [*Error]
// with [CodeInvalidSnapshot]. With events, it replays them to check, which
// doubles its cost.
func Restore(s Snapshot) (*Queue, error) {
	policy, err := NewPolicy(s.Policy)
	if err != nil {
		return nil, invalidSnapshot("%v", err)
	}
	q := New(policy)
	q.silent = true
	for _, e := range s.Entries {
		if _, err := q.Add(e, e.AppliedAt); err != nil {
			return nil, invalidSnapshot("%v", err)
		}
	}
	q.silent = false

	for _, c := range s.Counters {
		if c.SincePrimary < 0 || c.SincePrimary > max(policy.spec.Ratio, 0) {
			return nil, invalidSnapshot("counter of %s out of range", c.Partition)
		}
		q.parts[q.partition(c.Partition)].sincePrimary = c.SincePrimary
	}
	if err := q.restoreEvents(s.Events, s.Seq); err != nil {
		return nil, err
	}
	if len(s.Events) > 0 {
		if err := q.checkHistory(s.Events); err != nil {
			return nil, err
		}
	}
	return q, nil
}

// checkHistory replays the events and checks that they give q's entries
// and counters, so that Explain accounts for every position.
func (q *Queue) checkHistory(events []Event) error {
	r := New(q.policy)
	r.silent = true
	for _, ev := range events {
		if err := r.apply(ev); err != nil {
			return invalidSnapshot("event %d does not apply: %v", ev.Seq, err)
		}
	}

	if r.Len() != q.Len() {
		return invalidSnapshot("events give %d entries, not %d", r.Len(), q.Len())
	}
	for id, h := range q.ids {
		rh, ok := r.ids[id]
		if !ok || !reflect.DeepEqual(q.entry(h), r.entry(rh)) {
			return invalidSnapshot("events do not give entry %s", id)
		}
	}
	for _, p := range q.parts {
		if r.Counter(p.key) != p.sincePrimary {
			return invalidSnapshot("events do not give the counter of %s", p.key)
		}
	}
	return nil
}

func (q *Queue) restoreEvents(events []Event, seq uint64) error {
	var last uint64
	for _, ev := range events {
		if ev.Seq <= last || ev.Seq > seq {
			return invalidSnapshot("event %d out of order", ev.Seq)
		}
		last = ev.Seq
		p := q.parts[q.partition(ev.Partition)]
		ev.Entry = ev.Entry.clone()
		p.events = append(p.events, ev)
	}
	q.seq = seq
	return nil
}

func invalidSnapshot(format string, args ...any) error {
	return errorf(CodeInvalidSnapshot, "snapshot: "+fmt.Sprintf(format, args...))
}
