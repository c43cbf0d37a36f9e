package queue

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/kezek/kezek/registry"
)

// Queue holds the queues of every partition under one ordering policy. It
// is a plain value in memory: each method takes the time or date it needs,
// changes the queue, and returns the events the change caused; nothing is
// read from a clock or written anywhere. Each partition's commands must
// come in time order. A Queue is not safe for concurrent use; callers
// serialise access (the store locks a partition). The zero Queue is not
// usable: make one with [New] or [Restore].
type Queue struct {
	policy Policy

	recs   []rec // by handle; handle 0 is never used
	extras []extra
	free   []uint32
	ids    map[uuid.UUID]uint32

	parts   []*partition
	partIdx map[Partition]uint32
	orgs    interner[registry.OrganisationID]
	batches interner[string]
	langs   interner[registry.Language]

	// overflow holds the preferences of entries that have more than fit
	// in a rec.
	overflow map[uint32][]uint32

	seq    uint64
	silent bool // record no events (when replaying them)
}

// rec is the compact form of an entry inside the queue.
type rec struct {
	id        uuid.UUID
	at        int64 // application time, nanoseconds since epoch
	birth     int32 // civil date of birth, days since epoch
	stop      int32 // stop-listed until, days since epoch; 0 for none
	part      uint32
	batch     uint32 // interned; 0 for none
	prefs     [inlinePrefs]uint32
	npref     uint8
	class     Class
	confirmed bool
	lang      uint8
}

// inlinePrefs is how many preferences a rec holds without an overflow.
const inlinePrefs = 4

// extra holds what only some policies need of an entry.
type extra struct {
	score    decimal.Decimal
	criteria map[string]decimal.Decimal
	// fixed is the score in units of 10^-12 when it is a whole number of
	// them that fits (fixedOK), to compare without decimal arithmetic.
	fixed   int64
	fixedOK bool
}

// partition is the state of one queue.
type partition struct {
	key  Partition
	main index
	orgs map[uint32]*index
	// sincePrimary is the KZ2024 interleaving counter: the general
	// referrals since the last primary one, at most the ratio.
	sincePrimary int
	// stopped holds the entries with a stop-list date, past or future.
	stopped map[uint32]struct{}
	batches map[uint32][]uint32 // the handles of each twins batch
	events  []Event
}

// index is an ordered set of a partition's entries: all of them, or those
// that prefer one organisation.
type index struct {
	t      tree
	counts [numClasses]int // entries per stream
}

// New returns an empty queue ordered by p; the zero Policy means
// [KZ2024].
func New(p Policy) *Queue {
	if p.spec.Kind == "" {
		p = KZ2024()
	}
	q := &Queue{
		policy:   p,
		recs:     make([]rec, 1),
		ids:      map[uuid.UUID]uint32{},
		partIdx:  map[Partition]uint32{},
		overflow: map[uint32][]uint32{},
	}
	if p.extras {
		q.extras = make([]extra, 1)
	}
	return q
}

// Policy returns the queue's ordering policy.
func (q *Queue) Policy() Policy {
	return q.policy
}

// Len returns the number of entries in all partitions.
func (q *Queue) Len() int {
	return len(q.ids)
}

// Add puts e in its partition's queue. The time at is when the entry was
// added (registration), recorded in the event; the order counts from
// e.AppliedAt. An invalid entry is an [*Error] with [CodeInvalidEntry]; an
// ID already queued, [CodeDuplicate].
func (q *Queue) Add(e Entry, at time.Time) ([]Event, error) {
	if err := e.check(); err != nil {
		return nil, err
	}
	if _, ok := q.ids[e.ID]; ok {
		return nil, errorf(CodeDuplicate, "entry "+e.ID.String()+" is queued")
	}
	if err := q.checkTime(e.Partition, at); err != nil {
		return nil, err
	}

	h := q.store(&e)
	q.insert(h)
	return q.record(Event{Kind: EventAdded, At: at, ID: e.ID,
		Partition: e.Partition, Entry: q.entry(h)}), nil
}

// Remove takes an entry out of the queue for a reason other than a
// referral (the parent's request, ageing out, a duplicate, inactivity). The
// reason is recorded in the event. An unknown ID is an [*Error] with
// [CodeNotFound].
func (q *Queue) Remove(id uuid.UUID, at time.Time, reason string) ([]Event, error) {
	h, ok := q.ids[id]
	if !ok {
		return nil, errNotFound(id)
	}
	p := q.recs[h].part
	if err := q.checkTime(q.parts[p].key, at); err != nil {
		return nil, err
	}
	q.delete(h)
	return q.record(Event{Kind: EventRemoved, At: at, ID: id,
		Partition: q.parts[p].key, Reason: reason}), nil
}

// Refer takes an entry out of the queue because a referral was issued to
// it (its parent accepted an offer). Under KZ2024 a referral to a primary
// or general child moves the partition's interleaving counter; a
// referral to an extraordinary child does not. A cancelled referral gives
// nothing back: the child is added again and the counter stays.
func (q *Queue) Refer(id uuid.UUID, at time.Time) ([]Event, error) {
	h, ok := q.ids[id]
	if !ok {
		return nil, errNotFound(id)
	}
	r := q.recs[h]
	p := q.parts[r.part]
	if err := q.checkTime(p.key, at); err != nil {
		return nil, err
	}
	q.delete(h)
	q.countReferral(p, r.class)
	return q.record(Event{Kind: EventReferred, At: at, ID: id,
		Partition: p.key, Class: r.class}), nil
}

// Change replaces a queued entry with e, which has the same ID and
// partition: a priority right confirmed or dropped, preferences changed, a
// stop-list set or lifted. To move a child to another partition, remove
// and add it.
func (q *Queue) Change(e Entry, at time.Time) ([]Event, error) {
	if err := e.check(); err != nil {
		return nil, err
	}
	h, ok := q.ids[e.ID]
	if !ok {
		return nil, errNotFound(e.ID)
	}
	if q.parts[q.recs[h].part].key != e.Partition {
		return nil, errorf(CodeInvalidEntry,
			"entry partition cannot change; remove and add it")
	}
	if err := q.checkTime(e.Partition, at); err != nil {
		return nil, err
	}

	q.delete(h)
	h = q.store(&e)
	q.insert(h)
	return q.record(Event{Kind: EventChanged, At: at, ID: e.ID,
		Partition: e.Partition, Entry: q.entry(h)}), nil
}

// Get returns the queued entry with the ID.
func (q *Queue) Get(id uuid.UUID) (Entry, bool) {
	h, ok := q.ids[id]
	if !ok {
		return Entry{}, false
	}
	return q.entry(h), true
}

// Counter returns the KZ2024 interleaving counter of a partition: the
// general referrals issued since the last primary one, at most the ratio.
// When it equals the ratio, a primary child is due next, as in a partition
// the queue has not seen.
func (q *Queue) Counter(p Partition) int {
	if i, ok := q.partIdx[p]; ok {
		return q.parts[i].sincePrimary
	}
	return q.policy.spec.Ratio
}

func (q *Queue) countReferral(p *partition, c Class) {
	p.sincePrimary = q.advance(p.sincePrimary, c)
}

// advance returns the interleaving counter k after a referral to a child
// of class c: a primary one resets it, a general one adds one, up to the
// ratio; others, and other policies, leave it.
func (q *Queue) advance(k int, c Class) int {
	if q.policy.spec.Kind != KindKZ2024 {
		return k
	}
	switch c {
	case Primary:
		return 0
	case General:
		return min(k+1, q.policy.spec.Ratio)
	}
	return k
}

// agedOut returns, in ID order, the queued children who have reached the
// policy's maximum age on the civil date. It looks only at partitions
// whose cohort can have such children by then.
func (q *Queue) agedOut(date time.Time) []uuid.UUID {
	limit := days(shiftMonths(date, -12*q.policy.spec.MaxAge))
	var out []uuid.UUID
	for _, p := range q.parts {
		if p.key.Cohort+q.policy.spec.MaxAge > date.Year() {
			continue
		}
		p.main.t.Ascend(0, func(_ uint64, h, a uint32) bool {
			if auxBirth(a) <= limit {
				out = append(out, q.recs[h].id)
			}
			return true
		})
	}
	slices.SortFunc(out, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	return out
}

// batchMates returns the IDs of the other queued children of the entry's
// twins batch, in ID order.
func (q *Queue) batchMates(id uuid.UUID) []uuid.UUID {
	h, ok := q.ids[id]
	if !ok || q.recs[h].batch == 0 {
		return nil
	}
	r := &q.recs[h]
	var out []uuid.UUID
	for _, o := range q.parts[r.part].batches[r.batch] {
		if o != h {
			out = append(out, q.recs[o].id)
		}
	}
	slices.SortFunc(out, func(a, b uuid.UUID) int { return bytes.Compare(a[:], b[:]) })
	return out
}

// checkTime refuses a command dated before the last event of its
// partition, so that a partition's history, and Explain, run forward.
func (q *Queue) checkTime(part Partition, at time.Time) error {
	i, ok := q.partIdx[part]
	if !ok || q.silent {
		return nil
	}
	if ev := q.parts[i].events; len(ev) > 0 && at.Before(ev[len(ev)-1].At) {
		return errorf(CodeOutOfOrder,
			"command dated before the partition's last event")
	}
	return nil
}

// record numbers ev, appends it to its partition's history and returns it.
func (q *Queue) record(ev Event) []Event {
	p := q.parts[q.partIdx[ev.Partition]]
	ev.Counter = p.sincePrimary
	if q.silent {
		return []Event{ev}
	}
	q.seq++
	ev.Seq = q.seq
	p.events = append(p.events, ev)
	return []Event{ev}
}

func errNotFound(id uuid.UUID) error {
	return errorf(CodeNotFound, "no entry "+id.String())
}

// store keeps e in a rec and returns its handle.
func (q *Queue) store(e *Entry) uint32 {
	var h uint32
	if n := len(q.free); n > 0 {
		h, q.free = q.free[n-1], q.free[:n-1]
	} else {
		h = uint32(len(q.recs))
		q.recs = append(q.recs, rec{})
		if q.extras != nil {
			q.extras = append(q.extras, extra{})
		}
	}

	r := rec{
		id:        e.ID,
		at:        int64(e.AppliedAt.Sub(epoch)),
		birth:     days(e.BirthDate),
		part:      q.partition(e.Partition),
		batch:     q.batches.id(e.Batch),
		class:     e.Class,
		confirmed: e.Confirmed,
		lang:      uint8(q.langs.id(e.Language)),
	}
	if !e.StopListedUntil.IsZero() {
		r.stop = days(e.StopListedUntil)
	}
	q.storePrefs(h, &r, e.Preferences)
	q.recs[h] = r
	if q.extras != nil {
		score := q.policy.score(e.Criteria)
		x := extra{score: score, criteria: cloneCriteria(e.Criteria)}
		if f := score.Shift(12); f.IsInteger() && f.Abs().LessThan(maxFixed) {
			x.fixed, x.fixedOK = f.IntPart(), true
		}
		q.extras[h] = x
	}
	q.ids[e.ID] = h
	return h
}

// storePrefs interns the preferences, without repeats, into r and, past
// inlinePrefs, the overflow.
func (q *Queue) storePrefs(h uint32, r *rec, prefs []registry.OrganisationID) {
	var ids []uint32
	for _, o := range prefs {
		id := q.orgs.id(o)
		if id != 0 && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	n := copy(r.prefs[:], ids)
	r.npref = uint8(n)
	if len(ids) > n {
		q.overflow[h] = ids[n:]
	}
}

// prefs returns the interned preferences of handle h.
func (q *Queue) prefs(h uint32) []uint32 {
	r := &q.recs[h]
	ps := r.prefs[:r.npref]
	if extra, ok := q.overflow[h]; ok {
		ps = append(slices.Clip(ps), extra...)
	}
	return ps
}

// partition returns the index of partition k, creating it.
func (q *Queue) partition(k Partition) uint32 {
	if i, ok := q.partIdx[k]; ok {
		return i
	}
	p := &partition{
		key:          k,
		orgs:         map[uint32]*index{},
		sincePrimary: q.policy.spec.Ratio,
		stopped:      map[uint32]struct{}{},
		batches:      map[uint32][]uint32{},
	}
	p.main.t.tie = q.tie
	i := uint32(len(q.parts))
	q.parts = append(q.parts, p)
	q.partIdx[k] = i
	return i
}

// insert puts handle h in its partition's indexes.
func (q *Queue) insert(h uint32) {
	r := &q.recs[h]
	p := q.parts[r.part]
	k, s := q.key(h), q.policy.stream(r.class)

	a := packAux(r)
	p.main.t.Insert(k, h, a)
	p.main.counts[s]++
	for _, o := range q.prefs(h) {
		ix := p.orgs[o]
		if ix == nil {
			ix = &index{}
			ix.t.tie = q.tie
			p.orgs[o] = ix
		}
		ix.t.Insert(k, h, a)
		ix.counts[s]++
	}
	if r.stop != 0 {
		p.stopped[h] = struct{}{}
	}
	if r.batch != 0 {
		p.batches[r.batch] = append(p.batches[r.batch], h)
	}
}

// delete takes handle h out of its partition's indexes and frees it.
func (q *Queue) delete(h uint32) {
	r := &q.recs[h]
	p := q.parts[r.part]
	k, s := q.key(h), q.policy.stream(r.class)

	mustDelete(&p.main.t, k, h)
	p.main.counts[s]--
	for _, o := range q.prefs(h) {
		ix := p.orgs[o]
		mustDelete(&ix.t, k, h)
		ix.counts[s]--
		if ix.t.Len() == 0 {
			delete(p.orgs, o)
		}
	}
	delete(p.stopped, h)
	if r.batch != 0 {
		rest := slices.DeleteFunc(p.batches[r.batch], func(o uint32) bool { return o == h })
		if p.batches[r.batch] = rest; len(rest) == 0 {
			delete(p.batches, r.batch)
		}
	}

	delete(q.ids, r.id)
	delete(q.overflow, h)
	q.recs[h] = rec{}
	if q.extras != nil {
		q.extras[h] = extra{}
	}
	q.free = append(q.free, h)
}

// The auxiliary data each index keeps with an entry, so that Next can skip
// the entries it may not offer a place without reading their recs: the
// birth date in 15 bits, a twins flag, and the stop-list date in 16 bits,
// both in days since epoch.
const (
	auxBirthBits = 15
	auxTwin      = 1 << auxBirthBits
	auxStopShift = 16
)

func packAux(r *rec) uint32 {
	a := uint32(r.birth) & (auxTwin - 1)
	if r.batch != 0 {
		a |= auxTwin
	}
	return a | uint32(min(r.stop, 0xffff))<<auxStopShift
}

func auxBirth(a uint32) int32 { return int32(a & (auxTwin - 1)) }
func auxStop(a uint32) int32  { return int32(a >> auxStopShift) }

// mustDelete removes an entry from an index. An entry the queue holds is in
// every index it belongs to; if one lacks it, the queue's state is
// corrupt, and going on would give children wrong places.
func mustDelete(t *tree, k uint64, h uint32) {
	if !t.Delete(k, h) {
		panic("queue: internal error: an entry is missing from its index")
	}
}

// key returns the sort key of handle h: its stream in the top two bits,
// then its application time or score.
func (q *Queue) key(h uint32) uint64 {
	r := &q.recs[h]
	s := uint64(q.policy.stream(r.class)) << 62
	if q.policy.spec.Kind == KindPoints {
		return s | scoreKey(q.extras[h].score)
	}
	return s | uint64(r.at)
}

// tie orders two entries whose keys are equal: by the exact score (Points),
// the application time, the policy's tie-breakers, and last the ID.
func (q *Queue) tie(a, b uint32) int {
	ra, rb := &q.recs[a], &q.recs[b]
	if q.policy.spec.Kind == KindPoints {
		if c := q.compareScores(a, b); c != 0 {
			return c
		}
	} else if c := cmp.Compare(ra.at, rb.at); c != 0 {
		return c
	}
	for _, t := range q.policy.spec.TieBreakers {
		if c := q.tieBy(t, a, b); c != 0 {
			return c
		}
	}
	return bytes.Compare(ra.id[:], rb.id[:])
}

func (q *Queue) tieBy(t TieBreaker, a, b uint32) int {
	ra, rb := &q.recs[a], &q.recs[b]
	switch t.By {
	case ByApplicationTime:
		return cmp.Compare(ra.at, rb.at)
	case ByBirthDate:
		return cmp.Compare(ra.birth, rb.birth)
	case ByLottery:
		return cmp.Compare(q.draw(ra.id), q.draw(rb.id))
	case ByCriterion:
		va := q.extras[a].criteria[t.Criterion]
		vb := q.extras[b].criteria[t.Criterion]
		if t.Ascending {
			return va.Cmp(vb)
		}
		return vb.Cmp(va)
	}
	return 0
}

// maxFixed bounds the scores held in fixed point.
var maxFixed = decimal.New(1, 18)

// compareScores orders two entries by score, higher first.
func (q *Queue) compareScores(a, b uint32) int {
	xa, xb := &q.extras[a], &q.extras[b]
	if xa.fixedOK && xb.fixedOK {
		return cmp.Compare(xb.fixed, xa.fixed)
	}
	return xb.score.Cmp(xa.score)
}

// draw returns the lottery number of an application.
func (q *Queue) draw(id uuid.UUID) uint64 {
	hi := binary.BigEndian.Uint64(id[:8])
	lo := binary.BigEndian.Uint64(id[8:])
	return lottery(q.policy.spec.Seed, hi, lo)
}

// entry rebuilds the Entry of handle h.
func (q *Queue) entry(h uint32) Entry {
	r := &q.recs[h]
	e := Entry{
		ID:        r.id,
		Partition: q.parts[r.part].key,
		Class:     r.class,
		Confirmed: r.confirmed,
		AppliedAt: epoch.Add(time.Duration(r.at)),
		BirthDate: date(r.birth),
		Language:  q.langs.name(uint32(r.lang)),
		Batch:     q.batches.name(r.batch),
	}
	if r.stop != 0 {
		e.StopListedUntil = date(r.stop)
	}
	for _, o := range q.prefs(h) {
		e.Preferences = append(e.Preferences, q.orgs.name(o))
	}
	if q.extras != nil {
		e.Criteria = cloneCriteria(q.extras[h].criteria)
	}
	return e
}

// clone returns a copy of e that shares no slice or map with it.
func (e Entry) clone() Entry {
	e.Preferences = slices.Clone(e.Preferences)
	e.Criteria = cloneCriteria(e.Criteria)
	return e
}

func cloneCriteria(m map[string]decimal.Decimal) map[string]decimal.Decimal {
	if m == nil {
		return nil
	}
	out := make(map[string]decimal.Decimal, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// days returns the civil date of t as days since epoch.
func days(t time.Time) int32 {
	d := registry.Date(t.Date())
	return int32(d.Sub(epoch) / (24 * time.Hour))
}

// date returns the civil date d days after epoch.
func date(d int32) time.Time {
	return epoch.AddDate(0, 0, int(d))
}

// interner gives small, dense numbers to values; 0 stands for the zero
// value.
type interner[T comparable] struct {
	ids   map[T]uint32
	names []T
}

func (in *interner[T]) id(v T) uint32 {
	var zero T
	if v == zero {
		return 0
	}
	if id, ok := in.ids[v]; ok {
		return id
	}
	if in.ids == nil {
		in.ids = map[T]uint32{}
		in.names = make([]T, 1)
	}
	id := uint32(len(in.names))
	in.ids[v] = id
	in.names = append(in.names, v)
	return id
}

func (in *interner[T]) name(id uint32) T {
	var zero T
	if id == 0 {
		return zero
	}
	return in.names[id]
}
