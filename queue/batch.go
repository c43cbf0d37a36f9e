package queue

import (
	"bytes"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/registry"
)

// Seats are an organisation's places for one partition in a batch
// allocation.
type Seats struct {
	// Organisation offers the places.
	Organisation registry.OrganisationID
	// Partition is the queue they are for.
	Partition Partition
	// Count is the number of places.
	Count int
}

// Match places one child at an organisation.
type Match struct {
	// Application is the child's application.
	Application uuid.UUID
	// Organisation is where the child is placed.
	Organisation registry.OrganisationID
}

// BlockingPair is a child and an organisation that would both rather have
// each other than what the allocation gave them.
type BlockingPair struct {
	// Application is the child's application.
	Application uuid.UUID
	// Organisation is the organisation the child prefers to its place.
	Organisation registry.OrganisationID
}

// BatchResult is the outcome of [Queue.Allocate].
type BatchResult struct {
	// Matches are the children placed, in application ID order.
	Matches []Match
	// Unplaced are the eligible children who wanted a place and got none,
	// in ID order.
	Unplaced []uuid.UUID
	// BlockingPairs are the blocking pairs among single children: none,
	// when the allocation is stable, as deferred acceptance guarantees.
	BlockingPairs []BlockingPair
	// BlockedBatches are the twins batches that a single child of lower
	// priority keeps from a place they prefer, reported apart since twins
	// are placed together or not at all.
	BlockedBatches []BlockingPair
}

// Allocate places children in the seats by applicant-proposing deferred
// acceptance, the annual wave's rule. Each child proposes to its preferred
// organisations in order; each organisation keeps, up to its seats for the
// partition, the children who come first in the partition's order of
// positions on the civil date, and turns the others away. Children who
// may not be offered a place on the date (stop-listed, too young or too
// old on it) take no part.
//
// Twins propose together, as one unit that needs a seat for each of them,
// in the order of the preferences of the first of them and with the
// priority of the best placed; a unit is kept only when all of it fits.
// The result is stable for single children (no blocking pair) and best for
// each of them among the stable allocations; a batch may be kept out by a
// child of lower priority when its seats do not fit, and BlockedBatches
// lists such cases.
//
// The queue does not change: the caller turns the matches into offers.
func (q *Queue) Allocate(seats []Seats, date time.Time) (BatchResult, error) {
	m, err := q.market(seats, days(date), registry.Date(date.Date()))
	if err != nil {
		return BatchResult{}, err
	}
	m.run()
	return m.result(), nil
}

// unit is a child, or a twins batch, in a batch allocation.
type unit struct {
	id    uuid.UUID   // the child, or the first of the batch
	mates []uuid.UUID // the rest of a batch
	rank  int32       // position in the partition's order; lower comes first
	from  int32       // its preferences are market.prefs[from:to], most wanted first
	to    int32
	next  int32 // the next preference to propose to
	held  int32 // the seat group holding it, or -1
}

func (u *unit) size() int { return 1 + len(u.mates) }

// group is one organisation's seats for one partition.
type group struct {
	org   registry.OrganisationID
	cap   int
	used  int
	units unitHeap // held units, the worst on top
}

type market struct {
	units  []unit
	prefs  []int32
	groups []group
}

// market builds the units and seat groups of a batch allocation.
func (q *Queue) market(seats []Seats, day int32, date time.Time) (*market, error) {
	m := &market{}
	index := map[Partition]map[uint32]int32{}
	for _, s := range seats {
		if s.Count < 0 || s.Organisation == "" {
			return nil, errorf(CodeInvalidEntry, "seats need an organisation and a count")
		}
		if index[s.Partition] == nil {
			index[s.Partition] = map[uint32]int32{}
		}
		// An organisation the queue has not seen was chosen by nobody:
		// its seats stay empty.
		o, known := q.orgs.ids[s.Organisation]
		if g, ok := index[s.Partition][o]; known && ok {
			m.groups[g].cap += s.Count
			continue
		}
		if known {
			index[s.Partition][o] = int32(len(m.groups))
		}
		m.groups = append(m.groups, group{org: s.Organisation, cap: s.Count})
	}

	parts := make([]Partition, 0, len(index))
	size := 0
	for p := range index {
		parts = append(parts, p)
		if i, ok := q.partIdx[p]; ok {
			size += q.parts[i].main.t.Len()
		}
	}
	slices.SortFunc(parts, comparePartitions)
	m.units = make([]unit, 0, size)
	m.prefs = make([]int32, 0, size*inlinePrefs)
	for _, part := range parts {
		q.addUnits(m, part, index[part], day, date)
	}
	return m, nil
}

// addUnits adds the eligible children of a partition, in the order of
// positions, with their preferences among the partition's seat groups.
func (q *Queue) addUnits(m *market, part Partition, groups map[uint32]int32,
	day int32, date time.Time) {
	i, ok := q.partIdx[part]
	if !ok {
		return
	}
	p := q.parts[i]
	c := q.candidate(p, 1<<30, date, date)
	batchUnit := map[uint32]int{}
	var rank int32
	for h := range q.ordered(part, "", day) {
		rank++
		r := &q.recs[h]
		if !c.eligible(h, packAux(r)) {
			continue
		}
		if r.batch != 0 {
			if u, ok := batchUnit[r.batch]; ok {
				m.units[u].mates = append(m.units[u].mates, r.id)
				continue
			}
			batchUnit[r.batch] = len(m.units)
		}
		u := unit{id: r.id, rank: rank, held: -1, from: int32(len(m.prefs))}
		m.prefs = appendGroups(m.prefs, groups, r.prefs[:r.npref])
		if r.npref == inlinePrefs {
			m.prefs = appendGroups(m.prefs, groups, q.overflow[h])
		}
		u.to = int32(len(m.prefs))
		u.next = u.from
		m.units = append(m.units, u)
	}
}

// appendGroups appends the seat groups of the organisations orgs that have
// one.
func appendGroups(dst []int32, groups map[uint32]int32, orgs []uint32) []int32 {
	for _, o := range orgs {
		if g, ok := groups[o]; ok {
			dst = append(dst, g)
		}
	}
	return dst
}

// run is deferred acceptance: free units propose down their preferences
// until each is held or has none left.
func (m *market) run() {
	free := make([]int, 0, len(m.units))
	for i := len(m.units) - 1; i >= 0; i-- {
		free = append(free, i)
	}
	for len(free) > 0 {
		u := free[len(free)-1]
		free = free[:len(free)-1]
		unit := &m.units[u]
		if unit.next >= unit.to {
			continue
		}
		gi := m.prefs[unit.next]
		unit.next++
		free = m.propose(&m.groups[gi], gi, u, free)
	}
}

// propose puts unit u in group g and appends to free the units g turns
// away to stay within its seats: the worst first, which may be u itself.
func (m *market) propose(g *group, gi int32, u int, free []int) []int {
	g.units.push(heldUnit{u: int32(u), rank: m.units[u].rank})
	g.used += m.units[u].size()
	m.units[u].held = gi

	for g.used > g.cap {
		worst := g.units.pop()
		g.used -= m.units[worst.u].size()
		m.units[worst.u].held = -1
		free = append(free, int(worst.u))
	}
	return free
}

// result lists the matches and checks stability.
func (m *market) result() BatchResult {
	var r BatchResult
	worst := make([]int32, len(m.groups)) // the worst held rank, 0 if none
	for gi, g := range m.groups {
		for _, h := range g.units {
			worst[gi] = max(worst[gi], h.rank)
		}
	}

	for i := range m.units {
		u := &m.units[i]
		ids := append([]uuid.UUID{u.id}, u.mates...)
		if u.held >= 0 {
			for _, id := range ids {
				r.Matches = append(r.Matches, Match{id, m.groups[u.held].org})
			}
		} else if u.to > u.from {
			r.Unplaced = append(r.Unplaced, ids...)
		}
		m.blocking(u, worst, &r)
	}
	slices.SortFunc(r.Matches, func(a, b Match) int {
		return bytes.Compare(a.Application[:], b.Application[:])
	})
	slices.SortFunc(r.Unplaced, compareIDs)
	return r
}

// blocking reports the organisations u prefers to its place that would
// rather have u: one with a free seat for all of u, or holding a child of
// lower priority.
func (m *market) blocking(u *unit, worst []int32, r *BatchResult) {
	for _, gi := range m.prefs[u.from:u.to] {
		if gi == u.held {
			return
		}
		g := &m.groups[gi]
		fits := g.cap-g.used >= u.size()
		if !fits && worst[gi] <= u.rank {
			continue
		}
		pair := BlockingPair{u.id, g.org}
		if len(u.mates) > 0 {
			r.BlockedBatches = append(r.BlockedBatches, pair)
		} else {
			r.BlockingPairs = append(r.BlockingPairs, pair)
		}
	}
}

// heldUnit is a unit held by a group.
type heldUnit struct {
	u    int32
	rank int32
}

// unitHeap is a binary heap of held units with the worst (highest rank)
// on top, typed to spare container/heap's boxing.
type unitHeap []heldUnit

func (h *unitHeap) push(x heldUnit) {
	*h = append(*h, x)
	s := *h
	for i := len(s) - 1; i > 0; {
		p := (i - 1) / 2
		if s[p].rank >= s[i].rank {
			break
		}
		s[p], s[i] = s[i], s[p]
		i = p
	}
}

func (h *unitHeap) pop() heldUnit {
	s := *h
	top := s[0]
	last := len(s) - 1
	s[0] = s[last]
	s = s[:last]
	for i := 0; ; {
		c := 2*i + 1
		if c >= len(s) {
			break
		}
		if c+1 < len(s) && s[c+1].rank > s[c].rank {
			c++
		}
		if s[i].rank >= s[c].rank {
			break
		}
		s[i], s[c] = s[c], s[i]
		i = c
	}
	*h = s
	return top
}
