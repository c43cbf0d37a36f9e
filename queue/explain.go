package queue

import (
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/kezek/kezek/registry"
)

// Explanation tells a parent why an entry stands where it does and what
// moved it.
type Explanation struct {
	// ID is the application explained.
	ID uuid.UUID
	// Partition is its queue.
	Partition Partition
	// Key is what the entry is ranked by.
	Key Key
	// Position is its position in the partition on the date asked about.
	Position int
	// Ahead counts, by class, the entries ahead of it on that date.
	Ahead ClassCounts
	// Since is the moment the moves start from.
	Since time.Time
	// From is the position at Since, or 0 if the entry was not queued yet.
	From int
	// Moves are the changes of position after Since, in order. Each
	// starts where the one before it ended, the first at From, and the
	// last ends at Position: every change is accounted for.
	Moves []Move
}

// Key is what an entry is ranked by under its policy.
type Key struct {
	// Class is the priority class (KZ2024 ranks by it).
	Class Class
	// AppliedAt is when the application was received.
	AppliedAt time.Time
	// Score is the weighted score ([KindPoints] only).
	Score decimal.Decimal
	// Lottery is the entry's draw, when the policy breaks ties by lottery.
	Lottery uint64
}

// Move is one change of an entry's position.
type Move struct {
	// Seq is the number of the event that caused it, or 0 when it came
	// from the passing of time (a stop-list ending).
	Seq uint64
	// At is when it happened: the event's time, or the start of the day
	// a stop-list ended.
	At time.Time
	// Kind is the event's kind, or empty for the passing of time.
	Kind EventKind
	// Other is the entry whose change moved this one; for a stop-list
	// ending, nil, since several may end on one day.
	Other uuid.UUID
	// Rule says why it moved.
	Rule Rule
	// From and To are the positions before and after.
	From, To int
}

// Rule says why a position changed.
type Rule string

// The rules that move positions.
const (
	// RuleOwnChange means the entry itself changed (a right confirmed or
	// dropped, new preferences).
	RuleOwnChange Rule = "own_change"
	// RuleHigherClass means an extraordinary entry joined ahead.
	RuleHigherClass Rule = "higher_class"
	// RuleInterleave means an entry of the other stream (primary or general)
	// joined ahead under the one-to-R schedule.
	RuleInterleave Rule = "interleave"
	// RuleEarlierApplication means an entry of the same class applied earlier
	// and joined ahead (its checks took longer).
	RuleEarlierApplication Rule = "earlier_application"
	// RuleHigherScore means an entry with a higher score joined ahead.
	RuleHigherScore Rule = "higher_score"
	// RuleTieBreak means an entry equal in rank joined ahead by the
	// tie-breakers.
	RuleTieBreak Rule = "tie_break"
	// RuleLeftAhead means an entry ahead left the queue or moved behind.
	RuleLeftAhead Rule = "left_ahead"
	// RuleStopListed means an entry ahead was stop-listed.
	RuleStopListed Rule = "stop_listed"
	// RuleStopListLifted means an entry ahead had its stop-list lifted.
	RuleStopListLifted Rule = "stop_list_lifted"
	// RuleStopListEnded means stop-lists of entries ahead ended.
	RuleStopListEnded Rule = "stop_list_ended"
	// RuleCounter means a referral elsewhere in the queue moved the one-to-R
	// schedule.
	RuleCounter Rule = "counter"
)

// Explain explains the position of the entry with the ID on the civil date
// and every move of it since the instant since. It replays the partition's
// events, so it costs time in proportion to the partition's history. An
// unknown ID is an [*Error] with [CodeNotFound]; an entry whose history the
// queue does not hold (restored without events), [CodeNoHistory].
func (q *Queue) Explain(id uuid.UUID, since, date time.Time) (Explanation, error) {
	h, ok := q.ids[id]
	if !ok {
		return Explanation{}, errNotFound(id)
	}
	p := q.parts[q.recs[h].part]

	x := Explanation{ID: id, Partition: p.key, Key: q.rankKey(h), Since: since}
	x.Position, x.Ahead = q.ahead(p, h, days(date))

	r := replay{q: New(q.policy), id: id, x: &x}
	r.q.silent = true
	r.run(p.events, since, date)
	if _, ok := r.q.ids[id]; !ok {
		return Explanation{}, errorf(CodeNoHistory,
			"no history of entry "+id.String())
	}
	return x, nil
}

// rankKey returns the ranking key of handle h.
func (q *Queue) rankKey(h uint32) Key {
	r := &q.recs[h]
	k := Key{Class: r.class, AppliedAt: epoch.Add(time.Duration(r.at))}
	if q.extras != nil {
		k.Score = q.extras[h].score
	}
	for _, t := range q.policy.spec.TieBreakers {
		if t.By == ByLottery {
			k.Lottery = q.draw(r.id)
		}
	}
	return k
}

// ahead returns h's position in its partition on day and the entries
// ahead of it by class.
func (q *Queue) ahead(p *partition, h uint32, day int32) (int, ClassCounts) {
	s, rank, n := q.streamRank(p, &p.main, 0, h, day)
	pos, by := q.interleave(s, rank, n, p.sincePrimary)
	if q.policy.streams() == 1 {
		// One stream mixes the classes: count them.
		by = [numClasses]int{}
		p.main.t.Ascend(0, func(_ uint64, o, a uint32) bool {
			if o == h {
				return false
			}
			if day >= auxStop(a) {
				by[q.recs[o].class]++
			}
			return true
		})
	}
	return pos, ClassCounts{by[Extraordinary], by[Primary], by[General]}
}

// replay rebuilds a partition from its events and records the moves of one
// entry.
type replay struct {
	q    *Queue
	id   uuid.UUID
	x    *Explanation
	last int // the position after the last step, 0 if not queued
}

func (r *replay) run(events []Event, since, date time.Time) {
	i := 0
	for ; i < len(events) && !events[i].At.After(since); i++ {
		r.apply(events[i])
	}
	r.x.From = r.position(dayOf(since))
	r.last = r.x.From

	for ; i < len(events); i++ {
		ev := events[i]
		day := dayOf(ev.At)
		r.passTime(ev.At, day)
		before := r.otherBefore(ev.ID, day)
		r.apply(ev)
		r.step(ev, day, before)
	}
	r.passTime(date, days(date))
}

// dayOf returns the Kazakhstan civil date of an instant, in days.
func dayOf(t time.Time) int32 {
	return days(registry.DateOf(t))
}

// apply plays one event on the replay queue. The events were valid when
// they happened (Restore checks those it is given), so they apply.
func (r *replay) apply(ev Event) {
	_ = r.q.apply(ev)
}

// apply plays one recorded event on q.
func (q *Queue) apply(ev Event) error {
	var err error
	switch ev.Kind {
	case EventAdded:
		_, err = q.Add(ev.Entry, ev.At)
	case EventChanged:
		_, err = q.Change(ev.Entry, ev.At)
	case EventReferred:
		_, err = q.Refer(ev.ID, ev.At)
	case EventRemoved:
		_, err = q.Remove(ev.ID, ev.At, ev.Reason)
	default:
		err = errorf(CodeInvalidSnapshot, "unknown event kind")
	}
	return err
}

// position returns the explained entry's position on day, or 0.
func (r *replay) position(day int32) int {
	h, ok := r.q.ids[r.id]
	if !ok {
		return 0
	}
	p := r.q.parts[r.q.recs[h].part]
	return r.q.standing(p, &p.main, 0, h, day)
}

// passTime records a move when the position changed between the last step
// and day without an event: stop-lists ending.
func (r *replay) passTime(at time.Time, day int32) {
	pos := r.position(day)
	if pos != r.last {
		r.x.Moves = append(r.x.Moves, Move{At: at, Rule: RuleStopListEnded,
			From: r.last, To: pos})
	}
	r.last = pos
}

// other is what was true, before an event, of the entry it concerns.
type other struct {
	ahead   bool // queued, not stop-listed, and ahead of the explained one
	stopped bool // queued and stop-listed
}

func (r *replay) otherBefore(id uuid.UUID, day int32) other {
	h, ok := r.q.ids[id]
	return other{
		ahead:   r.isAhead(id, day),
		stopped: ok && day < r.q.recs[h].stop,
	}
}

// step records the move the event ev caused, if any.
func (r *replay) step(ev Event, day int32, before other) {
	pos := r.position(day)
	if pos == r.last {
		return
	}
	r.x.Moves = append(r.x.Moves, Move{Seq: ev.Seq, At: ev.At, Kind: ev.Kind,
		Other: ev.ID, Rule: r.rule(ev, day, before), From: r.last, To: pos})
	r.last = pos
}

// rule names why the event moved the explained entry.
func (r *replay) rule(ev Event, day int32, before other) Rule {
	switch {
	case ev.ID == r.id:
		return RuleOwnChange
	case ev.Kind == EventReferred || ev.Kind == EventRemoved:
		if before.ahead {
			return RuleLeftAhead
		}
		return RuleCounter
	}

	h := r.q.ids[ev.ID]
	switch {
	case !r.isAhead(ev.ID, day) && r.q.recs[h].stop > day:
		return RuleStopListed
	case !r.isAhead(ev.ID, day):
		return RuleLeftAhead
	case before.stopped:
		return RuleStopListLifted
	}
	return r.q.whyAhead(h, r.q.ids[r.id])
}

// isAhead reports whether the entry with the ID is queued, not
// stop-listed, and comes before the explained entry on day.
func (r *replay) isAhead(id uuid.UUID, day int32) bool {
	h, ok := r.q.ids[id]
	x, okx := r.q.ids[r.id]
	if !ok || !okx || h == x || day < r.q.recs[h].stop {
		return false
	}
	p := r.q.parts[r.q.recs[x].part]
	return r.q.standing(p, &p.main, 0, h, day) <
		r.q.standing(p, &p.main, 0, x, day)
}

// whyAhead names the rule that puts handle a ahead of handle b.
func (q *Queue) whyAhead(a, b uint32) Rule {
	ra, rb := &q.recs[a], &q.recs[b]
	sa, sb := q.policy.stream(ra.class), q.policy.stream(rb.class)
	switch {
	case sa != sb && ra.class == Extraordinary:
		return RuleHigherClass
	case sa != sb:
		return RuleInterleave
	case q.policy.spec.Kind == KindPoints &&
		!q.extras[a].score.Equal(q.extras[b].score):
		return RuleHigherScore
	case q.policy.spec.Kind != KindPoints && ra.at != rb.at:
		return RuleEarlierApplication
	}
	return RuleTieBreak
}
