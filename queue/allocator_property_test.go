package queue_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// TestAllocatorInvariants runs random commands and checks after each that
// no vacancy has more live offers and referrals than seats, no child holds
// two open offers, and every child is in exactly one place: waiting in the
// queue (with at most one open offer) or holding an issued referral, or
// gone (enrolled).
func TestAllocatorInvariants(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := queue.New(queue.KZ2024())
		a, err := queue.NewAllocator(q, queue.KZ2024Profile(), registry.DefaultKazakhstanCalendar())
		require.NoError(t, err)
		now := published
		children := rapid.IntRange(1, 12).Draw(t, "children")
		for n := 1; n <= children; n++ {
			e := entry(n, queue.Class(rapid.IntRange(0, 2).Draw(t, "class")),
				propOrgs[rapid.IntRange(0, 1).Draw(t, "org")])
			_, err := q.Add(e, now)
			require.NoError(t, err)
		}

		w := world{t: t, q: q, a: a, seats: map[uuid.UUID]int{}}
		for step := range rapid.IntRange(1, 40).Draw(t, "steps") {
			now = now.Add(time.Duration(rapid.IntRange(1, 72).Draw(t, "hours")) * time.Hour)
			w.act(step, now)
			w.check(children)
		}
		w.checkRestore(now.AddDate(0, 0, 20))
	})
}

// checkRestore saves and restores the queue and the allocator, checks that
// the copy saves the same, and that both do the same when time passes.
func (w *world) checkRestore(later time.Time) {
	rq, err := queue.Restore(w.q.Snapshot())
	require.NoError(w.t, err)
	ra, err := queue.RestoreAllocator(rq, queue.KZ2024Profile(),
		registry.DefaultKazakhstanCalendar(), w.a.Snapshot())
	require.NoError(w.t, err)
	require.Equal(w.t, w.a.Snapshot(), ra.Snapshot())

	f1, err1 := w.a.Due(later)
	f2, err2 := ra.Due(later)
	require.Equal(w.t, err1, err2)
	require.Equal(w.t, f1, f2)
	require.Equal(w.t, w.q.Snapshot(), rq.Snapshot())
	require.Equal(w.t, w.a.Snapshot(), ra.Snapshot())
}

type world struct {
	t         *rapid.T
	q         *queue.Queue
	a         *queue.Allocator
	seats     map[uuid.UUID]int
	offers    []uuid.UUID
	referrals []uuid.UUID
}

func (w *world) act(step int, now time.Time) {
	switch op := rapid.IntRange(0, 7).Draw(w.t, "op"); {
	case op == 0 || len(w.offers) == 0:
		v := queue.Vacancy{Organisation: propOrgs[rapid.IntRange(0, 1).Draw(w.t, "vorg")],
			Partition: part, Seats: rapid.IntRange(1, 3).Draw(w.t, "seats")}
		offers, err := w.a.Publish(id(5000+step), v, now)
		if err == nil {
			w.seats[id(5000+step)] = v.Seats
		}
		w.note(offers)
	case op == 1:
		o := rapid.SampledFrom(w.offers).Draw(w.t, "accept")
		if r, err := w.a.Accept(o, now); err == nil {
			w.referrals = append(w.referrals, r.ID)
		} else if off, _ := w.a.Offer(o); off.State == queue.OfferOpen && now.Before(off.Deadline) {
			require.NoError(w.t, err, "an open offer in time can be accepted")
		}
	case op == 2:
		offers, _ := w.a.Decline(rapid.SampledFrom(w.offers).Draw(w.t, "decline"), now)
		w.note(offers)
	case op == 3 && len(w.referrals) > 0:
		_, _ = w.a.Enrol(rapid.SampledFrom(w.referrals).Draw(w.t, "enrol"), now)
	case op == 4 && len(w.referrals) > 0:
		until := registry.DateOf(now).AddDate(0, 0, rapid.IntRange(1, 40).Draw(w.t, "extend"))
		_, _ = w.a.Extend(rapid.SampledFrom(w.referrals).Draw(w.t, "extended"), until, now)
	case op == 5:
		_, _ = w.a.Withdraw(id(5000+rapid.IntRange(0, step).Draw(w.t, "withdraw")), now)
	case op == 6:
		v := id(5000 + rapid.IntRange(0, step).Draw(w.t, "staff vacancy"))
		child := id(rapid.IntRange(1, 12).Draw(w.t, "staff child"))
		if r, err := w.a.IssueStaffReferral(v, child, now); err == nil {
			w.referrals = append(w.referrals, r.ID)
		}
	default:
		f, err := w.a.Due(now)
		require.NoError(w.t, err)
		w.note(f.Made)
		for _, o := range f.Expired {
			require.False(w.t, o.ClosedAt.Before(o.Deadline), "expired before its deadline")
		}
	}
}

func (w *world) note(offers []queue.Offer) {
	for _, o := range offers {
		w.offers = append(w.offers, o.ID)
	}
}

func (w *world) check(children int) {
	openPerChild := map[uuid.UUID]int{}
	for _, oid := range w.offers {
		o, ok := w.a.Offer(oid)
		require.True(w.t, ok)
		if o.State == queue.OfferOpen {
			openPerChild[o.Application]++
			_, queued := w.q.Get(o.Application)
			require.True(w.t, queued, "an open offer goes to a waiting child")
		}
		if o.State == queue.OfferAccepted {
			require.True(w.t, o.ClosedAt.Before(o.Deadline), "accepted after its deadline")
		}
	}
	for app, n := range openPerChild {
		require.LessOrEqual(w.t, n, 1, "child %d holds two open offers", number(app))
	}

	issued, enrolled := map[uuid.UUID]int{}, map[uuid.UUID]bool{}
	for _, rid := range w.referrals {
		r, _ := w.a.Referral(rid)
		switch r.State {
		case queue.ReferralIssued:
			issued[r.Application]++
		case queue.ReferralEnrolled:
			enrolled[r.Application] = true
		}
	}
	for n := 1; n <= children; n++ {
		_, queued := w.q.Get(id(n))
		places := issued[id(n)]
		if queued {
			places++
		}
		if enrolled[id(n)] {
			require.Equal(w.t, 0, places, "enrolled child %d is elsewhere too", n)
			continue
		}
		require.Equal(w.t, 1, places, "child %d is in %d places", n, places)
	}
	w.checkSeats()
}

// checkSeats checks that no vacancy has more open offers and live
// referrals (issued or used) than seats.
func (w *world) checkSeats() {
	held := map[uuid.UUID]int{}
	for _, oid := range w.offers {
		if o, _ := w.a.Offer(oid); o.State == queue.OfferOpen {
			held[o.Vacancy]++
		}
	}
	for _, rid := range w.referrals {
		r, _ := w.a.Referral(rid)
		if r.State == queue.ReferralIssued || r.State == queue.ReferralEnrolled {
			held[r.Vacancy]++
		}
	}
	for v, n := range held {
		require.LessOrEqual(w.t, n, w.seats[v], "vacancy over its seats")
	}
}
