package queue

import (
	"iter"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/registry"
)

// Position is where an entry stands on a date.
//
// A position is the order in which referrals would be issued if places
// came one at a time and every offer were accepted. Under KZ2024 that means
// the extraordinary class first, then the primary and general classes
// interleaved from the partition's current counter, one primary to every
// Ratio general, the other stream going on when one runs out. Entries on a
// stop-list on the date are left out of everyone else's count; the entry's
// own stop-list does not change its own position. Ages are not considered:
// a partition is one birth-year cohort, and children who reach the age
// limit stay counted until they are removed.
type Position struct {
	// InPartition is the 1-based position in the partition.
	InPartition int
	// Organisations are the positions among the children who chose each
	// of the entry's preferred organisations, in the entry's order.
	Organisations []OrganisationPosition
}

// OrganisationPosition is a position among the children who chose one
// organisation.
type OrganisationPosition struct {
	// Organisation is the preschool organisation.
	Organisation registry.OrganisationID
	// Position is 1-based.
	Position int
}

// ClassCounts counts entries by class.
type ClassCounts struct {
	// Extraordinary counts entries of the extraordinary class.
	Extraordinary int
	// Primary counts entries of the primary class.
	Primary int
	// General counts entries of the general class.
	General int
}

// Position returns where the entry with the ID stands on the civil date.
// An unknown ID is an [*Error] with [CodeNotFound].
func (q *Queue) Position(id uuid.UUID, date time.Time) (Position, error) {
	h, ok := q.ids[id]
	if !ok {
		return Position{}, errNotFound(id)
	}
	p := q.parts[q.recs[h].part]
	day := days(date)

	pos := Position{InPartition: q.standing(p, &p.main, 0, h, day)}
	for _, o := range q.prefs(h) {
		pos.Organisations = append(pos.Organisations, OrganisationPosition{
			Organisation: q.orgs.name(o),
			Position:     q.standing(p, p.orgs[o], o, h, day),
		})
	}
	return pos, nil
}

// standing returns the 1-based position of h in index ix of partition p
// (ix holds the entries preferring org, or all when org is 0) on day.
func (q *Queue) standing(p *partition, ix *index, org, h uint32, day int32) int {
	s, rank, n := q.streamRank(p, ix, org, h, day)
	pos, _ := q.interleave(s, rank, n, p.sincePrimary)
	return pos
}

// streamRank returns h's stream, its 0-based rank in that stream of ix, and
// the size of each stream, leaving out others stop-listed on day.
func (q *Queue) streamRank(p *partition, ix *index, org, h uint32,
	day int32) (s, rank int, n [numClasses]int) {
	s = q.policy.stream(q.recs[h].class)
	rank = ix.t.Rank(q.key(h), h)
	for c := range s {
		rank -= ix.counts[c]
	}
	n = ix.counts

	// TODO(queue): an entry whose stop-list date has passed stays in
	// p.stopped until a Change clears the date, and every position scans
	// p.stopped; until the offers' expiry processing clears lapsed dates,
	// positions slow down as stop-lists accumulate.
	for o := range p.stopped {
		ro := &q.recs[o]
		if o == h || day >= ro.stop || (org != 0 && !q.prefers(o, org)) {
			continue
		}
		so := q.policy.stream(ro.class)
		n[so]--
		if so == s && q.less(o, h) {
			rank--
		}
	}
	return s, rank, n
}

// interleave turns a rank in stream s into a 1-based position, given the
// size of each stream and the interleaving counter k, and returns how many
// of each stream come first. Under KZ2024, with R the ratio, the streams go
// extraordinary, then primary and general: a primary child is due when k
// reaches R, a general referral adds one to k and a primary one resets it.
// From k the schedule is R-k general (if k < R), one primary, R general, one
// primary, and so on; a stream that runs out leaves its turns to the other.
func (q *Queue) interleave(s, rank int, n [numClasses]int, k int) (int, [numClasses]int) {
	var ahead [numClasses]int
	if q.policy.streams() == 1 {
		ahead[0] = rank
		return rank + 1, ahead
	}

	r := q.policy.spec.Ratio
	lead := max(r-k, 0) // general referrals before the first primary one
	switch Class(s) {
	case Extraordinary:
		ahead[Extraordinary] = rank
	case Primary:
		ahead = [numClasses]int{n[Extraordinary], rank, min(n[General], lead+rank*r)}
	case General:
		primaries := 0
		if rank >= lead {
			primaries = 1 + (rank-lead)/r
		}
		ahead = [numClasses]int{n[Extraordinary], min(n[Primary], primaries), rank}
	}
	return ahead[0] + ahead[1] + ahead[2] + 1, ahead
}

// less reports whether handle a sorts before handle b in their index.
func (q *Queue) less(a, b uint32) bool {
	ka, kb := q.key(a), q.key(b)
	if ka != kb {
		return ka < kb
	}
	return q.tie(a, b) < 0
}

// prefers reports whether handle h chose organisation org.
func (q *Queue) prefers(h, org uint32) bool {
	for _, o := range q.prefs(h) {
		if o == org {
			return true
		}
	}
	return false
}

// Ordered returns the entries of a partition in the order of their
// positions on the date, leaving out those stop-listed on it. With a
// non-empty org it lists only the children who chose that organisation. It
// walks the whole partition: use [Queue.Position] for one entry.
func (q *Queue) Ordered(part Partition, org registry.OrganisationID,
	date time.Time) iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for h := range q.ordered(part, org, days(date)) {
			if !yield(q.entry(h)) {
				return
			}
		}
	}
}

// ordered yields handles as Ordered does, by playing the schedule that
// interleave computes in closed form.
func (q *Queue) ordered(part Partition, org registry.OrganisationID,
	day int32) iter.Seq[uint32] {
	return func(yield func(uint32) bool) {
		p, ix, _ := q.lookupIndex(part, org)
		if ix == nil {
			return
		}
		streams := make([][]uint32, q.policy.streams())
		ix.t.Ascend(0, func(k uint64, h, a uint32) bool {
			if day >= auxStop(a) {
				streams[k>>62] = append(streams[k>>62], h)
			}
			return true
		})

		k := p.sincePrimary
		for _, h := range q.schedule(streams, &k) {
			if !yield(h) {
				return
			}
		}
	}
}

// schedule merges the streams into referral order, from counter *k, which
// it advances as referrals would.
func (q *Queue) schedule(streams [][]uint32, k *int) []uint32 {
	out := append([]uint32(nil), streams[0]...)
	if len(streams) == 1 {
		return out
	}
	ps, gs := streams[Primary], streams[General]
	r := q.policy.spec.Ratio
	for len(ps) > 0 || len(gs) > 0 {
		if len(ps) > 0 && (*k >= r || len(gs) == 0) {
			out, ps, *k = append(out, ps[0]), ps[1:], 0
		} else {
			out, gs, *k = append(out, gs[0]), gs[1:], min(*k+1, r)
		}
	}
	return out
}

// lookupIndex returns the partition and the index of org in it (the
// partition's own index when org is empty), with the interned org, or nils.
func (q *Queue) lookupIndex(part Partition,
	org registry.OrganisationID) (*partition, *index, uint32) {
	i, ok := q.partIdx[part]
	if !ok {
		return nil, nil, 0
	}
	p := q.parts[i]
	if org == "" {
		return p, &p.main, 0
	}
	o, ok := q.orgs.ids[org]
	if !ok || p.orgs[o] == nil {
		return p, nil, 0
	}
	return p, p.orgs[o], o
}
