package queue

import (
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/registry"
)

// Vacancy is a free place, as the queue needs to know it: which partition
// it serves, at which organisation, how many seats, and from when.
type Vacancy struct {
	// Organisation is the preschool organisation with the place.
	Organisation registry.OrganisationID
	// Partition is the queue the place is for (district, cohort, group
	// type and, where used, language).
	Partition Partition
	// Seats is the number of places free at once; twins are offered only
	// when there are seats for the whole batch.
	Seats int
	// AdmissionDate is the civil date the child would start; the age
	// limits apply on it. Zero means the date Next is asked about.
	AdmissionDate time.Time
	// OpenToAll offers the place to every child of the partition, not
	// only to those who chose the organisation.
	OpenToAll bool
}

// Next returns the first entry, in the order of positions, that may be
// offered the vacancy on the civil date: it is in the vacancy's partition;
// it chose the organisation, or the place is open to all; it is not
// stop-listed on the date; on the admission date it has reached the
// policy's minimum age and not its maximum; and, for twins, the vacancy
// has a seat for each child of the batch. It reports false when no entry
// may be offered the place, and also for a vacancy that could go to nobody:
// one without seats, or without an organisation and not open to all.
func (q *Queue) Next(v Vacancy, date time.Time) (Entry, bool) {
	return q.next(v, date, nil, -1)
}

// next is Next that also passes over the entries skip reports and, when k
// is not negative, takes k for the partition's interleaving counter.
func (q *Queue) next(v Vacancy, date time.Time, skip func(uuid.UUID) bool,
	k int) (Entry, bool) {
	if v.Seats <= 0 || (v.Organisation == "" && !v.OpenToAll) {
		return Entry{}, false
	}
	org := v.Organisation
	if v.OpenToAll {
		org = ""
	}
	p, ix, _ := q.lookupIndex(v.Partition, org)
	if ix == nil {
		return Entry{}, false
	}

	admission := v.AdmissionDate
	if admission.IsZero() {
		admission = date
	}
	c := q.candidate(p, v.Seats, date, registry.Date(admission.Date()))
	c.skip = skip
	if k < 0 {
		k = p.sincePrimary
	}
	for _, s := range q.streamOrder(k) {
		if h, ok := c.first(ix, s); ok {
			return q.entry(h), true
		}
	}
	return Entry{}, false
}

// streamOrder returns the streams in the order places go to them with the
// interleaving counter at k.
func (q *Queue) streamOrder(k int) []int {
	if q.policy.streams() == 1 {
		return []int{0}
	}
	if k >= q.policy.spec.Ratio {
		return []int{int(Extraordinary), int(Primary), int(General)}
	}
	return []int{int(Extraordinary), int(General), int(Primary)}
}

// candidate finds who may be offered one vacancy.
type candidate struct {
	q     *Queue
	p     *partition
	seats int
	day   int32 // the date of the offer
	// The children born from oldest to youngest, in days since epoch, have
	// reached the minimum age and not the maximum on the admission date.
	oldest, youngest int32
	// skip, if set, passes over more entries (those already offered a
	// place, or who declined this one).
	skip func(uuid.UUID) bool
}

func (q *Queue) candidate(p *partition, seats int, date, admission time.Time) candidate {
	spec := &q.policy.spec
	return candidate{
		q: q, p: p, seats: seats, day: days(date),
		// Born one day after the maximum age's birthday: not yet that old.
		oldest:   days(shiftMonths(admission, -12*spec.MaxAge)) + 1,
		youngest: days(shiftMonths(admission, -spec.MinAgeMonths)),
	}
}

// shiftMonths returns the civil date n months from d, on the last day of
// the month when d's day does not exist in it.
func shiftMonths(d time.Time, n int) time.Time {
	first := registry.Date(d.Year(), d.Month(), 1).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return registry.Date(first.Year(), first.Month(), min(d.Day(), last))
}

// first returns the first eligible entry of stream s in ix.
//
// TODO(queue): it walks past every ineligible entry at the head of the
// stream (children not yet old enough for the admission date, stop-listed
// ones), reading only the index, but one by one; where many such children
// gather ahead, as in a young cohort, each offer costs tens of
// microseconds (BENCHMARKS.md, BenchmarkQueueAllocate).
func (c *candidate) first(ix *index, s int) (uint32, bool) {
	var found uint32
	start := 0
	for i := range s {
		start += ix.counts[i]
	}
	ix.t.Ascend(start, func(k uint64, h, a uint32) bool {
		if int(k>>62) != s {
			return false
		}
		if c.eligible(h, a) {
			found = h
			return false
		}
		return true
	})
	return found, found != 0
}

// eligible reports whether the entry h, with auxiliary data a, may be
// offered the place.
func (c *candidate) eligible(h, a uint32) bool {
	born := auxBirth(a)
	if c.day < auxStop(a) || born < c.oldest || born > c.youngest {
		return false
	}
	if a&auxTwin != 0 && len(c.p.batches[c.q.recs[h].batch]) > c.seats {
		return false
	}
	return c.skip == nil || !c.skip(c.q.recs[h].id)
}
