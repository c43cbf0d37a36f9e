package queue_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// published is Monday 1 September 2025, 10:00 in Kazakhstan.
var published = time.Date(2025, 9, 1, 5, 0, 0, 0, time.UTC)

func newAllocator(t *testing.T, entries ...queue.Entry) (*queue.Queue, *queue.Allocator) {
	t.Helper()
	q := queue.New(queue.KZ2024())
	add(t, q, entries...)
	a, err := queue.NewAllocator(q, queue.KZ2024Profile(), registry.DefaultKazakhstanCalendar())
	require.NoError(t, err)
	return q, a
}

func vacancyID(n int) uuid.UUID { return id(1000 + n) }

// derived is the n-th offer ID the allocator derives from a vacancy's ID.
func derived(parent uuid.UUID, n int) uuid.UUID {
	var b [8]byte
	b[7] = byte(n)
	return uuid.NewSHA1(parent, b[:])
}

func publish(t *testing.T, a *queue.Allocator, n, seats int, at time.Time) []queue.Offer {
	t.Helper()
	v := queue.Vacancy{Organisation: "ds-1", Partition: part, Seats: seats}
	offers, err := a.Publish(vacancyID(n), v, at)
	require.NoError(t, err)
	return offers
}

func applicants(offers []queue.Offer) []int {
	var out []int
	for _, o := range offers {
		out = append(out, number(o.Application))
	}
	return out
}

func TestAllocatorAccept(t *testing.T) {
	q, a := newAllocator(t, classes("GGPG", "ds-1")...)
	offers := publish(t, a, 1, 2, published)
	assert.Equal(t, []int{3, 1}, applicants(offers), "primary due first, then general")

	r, err := a.Accept(offers[0].ID, published.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, queue.ReferralIssued, r.State)
	// Five working days after Monday 1 September: 2, 3, 4, 5, 8 September.
	assert.Equal(t, registry.Date(2025, 9, 8), r.ValidUntil)
	assert.True(t, r.ConfirmBy.IsZero(), "no extraordinary right to confirm")
	assert.Equal(t, 0, q.Counter(part), "the primary referral resets the counter")
	_, queued := q.Get(id(3))
	assert.False(t, queued, "the referred child left the queue")

	_, err = a.Accept(offers[0].ID, published.Add(2*time.Hour))
	assert.Error(t, err, "accepted once")

	r, err = a.Enrol(r.ID, published.AddDate(0, 0, 2))
	require.NoError(t, err)
	assert.Equal(t, queue.ReferralEnrolled, r.State)
}

func TestAllocatorDeclineMovesOn(t *testing.T) {
	q, a := newAllocator(t, classes("GGG", "ds-1")...)
	offers := publish(t, a, 1, 1, published)
	require.Equal(t, []int{1}, applicants(offers))

	next, err := a.Decline(offers[0].ID, published.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, []int{2}, applicants(next))

	// The child who declined keeps its place, and the counter is untouched.
	pos, err := q.Position(id(1), today)
	require.NoError(t, err)
	assert.Equal(t, 1, pos.InPartition)
	assert.Equal(t, queue.DefaultRatio, q.Counter(part))
}

func TestAllocatorOfferExpires(t *testing.T) {
	_, a := newAllocator(t, classes("GG", "ds-1")...)
	offers := publish(t, a, 1, 1, published)
	deadline := offers[0].Deadline
	// Three working days after Monday 1 September: the end of Thursday 4th.
	assert.Equal(t, time.Date(2025, 9, 4, 19, 0, 0, 0, time.UTC), deadline)

	f, err := a.Due(deadline.Add(-time.Second))
	require.NoError(t, err)
	assert.Empty(t, f.Expired, "not yet")

	_, err = a.Accept(offers[0].ID, deadline)
	var qe *queue.Error
	require.ErrorAs(t, err, &qe, "no accepting at the deadline")
	assert.Equal(t, queue.CodeIllegalMove, qe.Code)

	f, err = a.Due(deadline.Add(time.Hour))
	require.NoError(t, err)
	require.Len(t, f.Expired, 1)
	assert.Equal(t, queue.OfferExpired, f.Expired[0].State)
	assert.Equal(t, deadline, f.Expired[0].ClosedAt)
	assert.Equal(t, []int{2}, applicants(f.Made))

	f, err = a.Due(deadline.Add(2 * time.Hour))
	require.NoError(t, err)
	assert.Empty(t, f.Expired, "nothing falls due twice")
}

func TestAllocatorReferralLapses(t *testing.T) {
	q, a := newAllocator(t, classes("GG", "ds-1")...)
	offers := publish(t, a, 1, 1, published)
	r, err := a.Accept(offers[0].ID, published.Add(time.Hour))
	require.NoError(t, err)

	f, err := a.Due(time.Date(2025, 9, 9, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Len(t, f.Lapsed, 1)
	assert.Equal(t, r.ID, f.Lapsed[0].ID)
	assert.Equal(t, []int{2}, applicants(f.Made), "the seat it held is offered again")
	assert.Equal(t, queue.ReferralExpired, f.Lapsed[0].State)

	// Back at its application time, stop-listed for 10 days from the day
	// after the referral's last day.
	e, ok := q.Get(id(1))
	require.True(t, ok)
	assert.Equal(t, entry(1, queue.General).AppliedAt, e.AppliedAt)
	assert.Equal(t, registry.Date(2025, 9, 19), e.StopListedUntil)
	pos, err := q.Position(id(1), registry.Date(2025, 9, 19))
	require.NoError(t, err)
	assert.Equal(t, 1, pos.InPartition)
}

func TestAllocatorBenefitUnconfirmed(t *testing.T) {
	q, a := newAllocator(t, classes("EG", "ds-1")...)
	offers := publish(t, a, 1, 1, published)
	r, err := a.Accept(offers[0].ID, published.Add(time.Hour))
	require.NoError(t, err)
	require.Equal(t, registry.Date(2025, 9, 8), r.ConfirmBy)

	f, err := a.Due(time.Date(2025, 9, 9, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	require.Len(t, f.Cancelled, 1)
	e, ok := q.Get(id(1))
	require.True(t, ok)
	assert.Equal(t, queue.General, e.Class, "the right is dropped")
	assert.Equal(t, registry.Date(2025, 9, 19), e.StopListedUntil)
}

func TestAllocatorBenefitConfirmed(t *testing.T) {
	_, a := newAllocator(t, classes("EG", "ds-1")...)
	offers := publish(t, a, 1, 1, published)
	r, err := a.Accept(offers[0].ID, published.Add(time.Hour))
	require.NoError(t, err)
	r, err = a.ConfirmBenefit(r.ID, published.AddDate(0, 0, 2))
	require.NoError(t, err)
	assert.True(t, r.ConfirmBy.IsZero())

	f, err := a.Due(time.Date(2025, 9, 8, 12, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Empty(t, f.Cancelled)
	assert.Empty(t, f.Lapsed)
}

func TestAllocatorRefuses(t *testing.T) {
	_, a := newAllocator(t, classes("GG", "ds-1")...)
	august := time.Date(2025, 8, 15, 5, 0, 0, 0, time.UTC)
	_, err := a.Publish(vacancyID(1), queue.Vacancy{Organisation: "ds-1", Partition: part,
		Seats: 1}, august)
	var qe *queue.Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeBlackout, qe.Code)

	publish(t, a, 2, 1, published)
	_, err = a.Publish(vacancyID(2), queue.Vacancy{Organisation: "ds-1", Partition: part,
		Seats: 1}, published)
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeDuplicate, qe.Code)

	_, err = a.Publish(vacancyID(3), queue.Vacancy{Partition: part, Seats: 1}, published)
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeInvalidEntry, qe.Code)

	_, err = a.Accept(id(999), published)
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeNotFound, qe.Code)

	_, err = queue.NewAllocator(queue.New(queue.KZ2024()), queue.VoucherProfile(),
		registry.Weekdays{})
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeInvalidPolicy, qe.Code)
}

func TestAllocatorWithdraw(t *testing.T) {
	_, a := newAllocator(t, classes("GGG", "ds-1")...)
	offers := publish(t, a, 1, 2, published)
	withdrawn, err := a.Withdraw(vacancyID(1), published.Add(time.Hour))
	require.NoError(t, err)
	assert.Len(t, withdrawn, 2)
	for _, o := range withdrawn {
		assert.Equal(t, queue.OfferWithdrawn, o.State)
	}
	_, err = a.Decline(offers[0].ID, published.Add(2*time.Hour))
	assert.Error(t, err)
	_, err = a.Withdraw(vacancyID(1), published.Add(3*time.Hour))
	assert.Error(t, err)
}

func TestAllocatorOpensToAllAfterTheWindow(t *testing.T) {
	// Child 1 chose ds-1; child 2 chose only ds-2.
	_, a := newAllocator(t, entry(1, queue.General, "ds-1"), entry(2, queue.General, "ds-2"))
	offers := publish(t, a, 1, 1, published)
	require.Equal(t, []int{1}, applicants(offers))

	// Declined within the window: nobody else chose ds-1, so no offer.
	next, err := a.Decline(offers[0].ID, published.Add(time.Hour))
	require.NoError(t, err)
	assert.Empty(t, next)

	// Once the first offer's window has passed, the place is open to the
	// whole cohort.
	f, err := a.Due(offers[0].Deadline.Add(-time.Hour))
	require.NoError(t, err)
	assert.Empty(t, f.Made, "not yet")
	f, err = a.Due(offers[0].Deadline.Add(time.Hour))
	require.NoError(t, err)
	assert.Equal(t, []int{2}, applicants(f.Made))

	_, a = newAllocator(t, entry(1, queue.General, "ds-1"), entry(2, queue.General, "ds-2"))
	offers = publish(t, a, 1, 1, published)
	f, err = a.Due(offers[0].Deadline)
	require.NoError(t, err)
	require.Len(t, f.Expired, 1)
	assert.Equal(t, []int{2}, applicants(f.Made), "open to all after the window")
}

func TestAllocatorAgesOut(t *testing.T) {
	young := entry(1, queue.General, "ds-1")
	old := entry(2, queue.General, "ds-1")
	old.BirthDate = registry.Date(2023, 1, 15)
	q, a := newAllocator(t, young, old)
	offers := publish(t, a, 1, 1, published)
	require.Equal(t, []int{1}, applicants(offers))

	// On 15 January 2029 the child born on 15 January 2023 turns six.
	f, err := a.Due(time.Date(2029, 1, 14, 12, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Empty(t, f.AgedOut)
	f, err = a.Due(time.Date(2029, 1, 15, 12, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, []int{2}, applicants([]queue.Offer{{Application: f.AgedOut[0]}}))
	_, queued := q.Get(id(2))
	assert.False(t, queued)
}

func TestAllocatorTwinsTogether(t *testing.T) {
	twin1 := entry(1, queue.General, "ds-1")
	twin1.Batch = "family"
	twin2 := entry(2, queue.General, "ds-1")
	twin2.Batch = "family"
	_, a := newAllocator(t, twin1, twin2, entry(3, queue.General, "ds-1"))
	offers := publish(t, a, 1, 2, published)
	assert.Equal(t, []int{1, 2}, applicants(offers))

	_, a = newAllocator(t, twin1, twin2, entry(3, queue.General, "ds-1"))
	offers = publish(t, a, 1, 1, published)
	assert.Equal(t, []int{3}, applicants(offers), "one seat is not enough for twins")
}

func TestAllocatorSeveralSeatsFollowTheRatio(t *testing.T) {
	_, a := newAllocator(t, classes("PPPPGGG", "ds-1")...)
	offers := publish(t, a, 1, 4, published)
	assert.Equal(t, []int{1, 5, 6, 7}, applicants(offers))
}

func TestAllocatorBlackoutStopsOffers(t *testing.T) {
	_, a := newAllocator(t, classes("GG", "ds-1")...)
	july := time.Date(2025, 7, 30, 5, 0, 0, 0, time.UTC)
	offers := publish(t, a, 1, 1, july)
	require.Len(t, offers, 1)
	next, err := a.Decline(offers[0].ID, time.Date(2025, 8, 1, 5, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Empty(t, next, "no offers in August")
	f, err := a.Due(time.Date(2025, 9, 1, 5, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, []int{2}, applicants(f.Made), "offers resume in September")
}

func TestAllocatorAcceptAfterChildLeft(t *testing.T) {
	q, a := newAllocator(t, classes("GG", "ds-1")...)
	offers := publish(t, a, 1, 1, published)
	_, err := q.Remove(id(1), published.Add(time.Minute), "parent_request")
	require.NoError(t, err)

	_, err = a.Accept(offers[0].ID, published.Add(time.Hour))
	var qe *queue.Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeNotFound, qe.Code)
	o, _ := a.Offer(offers[0].ID)
	assert.Equal(t, queue.OfferWithdrawn, o.State)
	f, err := a.Due(published.Add(2 * time.Hour))
	require.NoError(t, err)
	assert.Empty(t, f.Made, "the seat already went on")
	open := 0
	for n := range 3 {
		if o, ok := a.Offer(derived(vacancyID(1), n)); ok && o.State == queue.OfferOpen {
			open++
			assert.Equal(t, id(2), o.Application)
		}
	}
	assert.Equal(t, 1, open)
}

func TestAllocatorWithdrawClaimedRefused(t *testing.T) {
	_, a := newAllocator(t, classes("GG", "ds-1")...)
	offers := publish(t, a, 1, 2, published)
	_, err := a.Accept(offers[0].ID, published.Add(time.Hour))
	require.NoError(t, err)
	_, err = a.Withdraw(vacancyID(1), published.Add(2*time.Hour))
	var qe *queue.Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeIllegalMove, qe.Code)
	o, _ := a.Offer(offers[1].ID)
	assert.Equal(t, queue.OfferOpen, o.State, "nothing changed")
}

func TestAllocatorUnchosenVacancyOpensAfterAWindow(t *testing.T) {
	_, a := newAllocator(t, entry(1, queue.General, "ds-2"))
	offers := publish(t, a, 1, 1, published)
	assert.Empty(t, offers)
	f, err := a.Due(time.Date(2025, 9, 4, 18, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Empty(t, f.Made)
	f, err = a.Due(time.Date(2025, 9, 4, 19, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, []int{1}, applicants(f.Made))
}

func TestAllocatorStaffReferralAndProtocols(t *testing.T) {
	q, a := newAllocator(t, entry(1, queue.General, "ds-1"),
		entry(2, queue.General, "ds-2"), entry(3, queue.General, "ds-2"))
	offers := publish(t, a, 1, 2, published)
	require.Equal(t, []int{1}, applicants(offers), "one seat stays free")

	_, err := a.IssueStaffReferral(vacancyID(1), id(1), published.Add(time.Hour))
	var qe *queue.Error
	require.ErrorAs(t, err, &qe, "child 1 holds an open offer")
	assert.Equal(t, queue.CodeIllegalMove, qe.Code)

	staff, err := a.IssueStaffReferral(vacancyID(1), id(3), published.Add(2*time.Hour))
	require.NoError(t, err)
	assert.True(t, staff.StaffChild)
	assert.Equal(t, queue.DefaultRatio, q.Counter(part), "out of order: no count")
	_, err = a.IssueStaffReferral(vacancyID(1), id(2), published.Add(2*time.Hour))
	require.ErrorAs(t, err, &qe, "no seat left")

	r, err := a.Accept(offers[0].ID, published.Add(3*time.Hour))
	require.NoError(t, err)
	protocol := a.ReferralProtocol()
	require.Len(t, protocol, 2)
	assert.Equal(t, staff.ID, protocol[0].ID)
	assert.True(t, protocol[0].StaffChild)
	assert.False(t, protocol[1].StaffChild)

	vacancies := a.VacancyProtocol()
	require.Len(t, vacancies, 1)
	assert.Equal(t, 2, vacancies[0].Taken)

	// The organisation turns the child away for a missing document; the
	// referral stays in force and the child can still enrol.
	r, err = a.RefuseEnrolment(r.ID, "documents.missing", published.AddDate(0, 0, 1))
	require.NoError(t, err)
	assert.Equal(t, queue.ReferralIssued, r.State)
	require.Len(t, r.Refusals, 1)
	_, err = a.Enrol(r.ID, published.AddDate(0, 0, 2))
	assert.NoError(t, err)
	_, err = a.RefuseEnrolment(r.ID, "documents.missing", published.AddDate(0, 0, 3))
	assert.Error(t, err, "an enrolled referral is not refused")
}

func TestRestoreAllocatorRejects(t *testing.T) {
	q, a := newAllocator(t, classes("GGG", "ds-1")...)
	offers := publish(t, a, 1, 2, published)
	_, err := a.Accept(offers[0].ID, published.Add(time.Hour))
	require.NoError(t, err)
	restore := func(s queue.AllocatorSnapshot) error {
		_, err := queue.RestoreAllocator(q, queue.KZ2024Profile(), registry.Weekdays{}, s)
		return err
	}
	require.NoError(t, restore(a.Snapshot()))

	for name, change := range map[string]func(s *queue.AllocatorSnapshot){
		"OfferOfUnknownVacancy": func(s *queue.AllocatorSnapshot) { s.Vacancies = nil },
		"TwoOpenOffers": func(s *queue.AllocatorSnapshot) {
			for i := range s.Offers {
				s.Offers[i].State, s.Offers[i].Application = queue.OfferOpen, id(2)
			}
		},
		"HeldWithoutReferral":  func(s *queue.AllocatorSnapshot) { s.Referrals = nil },
		"ReferralHoldsNothing": func(s *queue.AllocatorSnapshot) { s.Held = nil },
	} {
		s := a.Snapshot()
		change(&s)
		var qe *queue.Error
		require.ErrorAs(t, restore(s), &qe, name)
		assert.Equal(t, queue.CodeInvalidSnapshot, qe.Code, name)
	}
}
