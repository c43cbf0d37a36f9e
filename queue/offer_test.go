package queue_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// madeAt is a Thursday, 6 March 2025, 15:00 in Kazakhstan; 10 March is a
// holiday (8 March moved off the Saturday).
var madeAt = time.Date(2025, 3, 6, 10, 0, 0, 0, time.UTC)

func openOffer() queue.Offer {
	cal := registry.DefaultKazakhstanCalendar()
	return queue.Offer{
		ID: id(100), Application: id(1), Organisation: "ds-1",
		State: queue.OfferOpen, MadeAt: madeAt,
		Deadline: queue.KZ2024Profile().Spec().Offer.Deadline(cal, madeAt),
	}
}

func TestOfferDeadline(t *testing.T) {
	o := openOffer()
	// Three working days after Thursday: Friday 7, Tuesday 11, Wednesday
	// 12 March; the window closes at midnight ending the 12th, Kazakhstan
	// time, which is 19:00 UTC.
	assert.Equal(t, time.Date(2025, 3, 12, 19, 0, 0, 0, time.UTC), o.Deadline)

	astana := queue.Window{Days: 1, CalendarDays: true}
	assert.Equal(t, time.Date(2025, 3, 7, 19, 0, 0, 0, time.UTC),
		astana.Deadline(registry.DefaultKazakhstanCalendar(), madeAt))
}

func TestOfferMoves(t *testing.T) {
	o := openOffer()
	before, after := o.Deadline.Add(-time.Second), o.Deadline
	all := []queue.OfferState{queue.OfferOpen, queue.OfferAccepted,
		queue.OfferDeclined, queue.OfferExpired, queue.OfferWithdrawn}

	tests := []struct {
		name string
		from queue.OfferState
		to   queue.OfferState
		at   time.Time
		ok   bool
	}{
		{"Accept", queue.OfferOpen, queue.OfferAccepted, before, true},
		{"Decline", queue.OfferOpen, queue.OfferDeclined, before, true},
		{"Withdraw", queue.OfferOpen, queue.OfferWithdrawn, before, true},
		{"Expire", queue.OfferOpen, queue.OfferExpired, after, true},
		{"ExpireEarly", queue.OfferOpen, queue.OfferExpired, before, false},
		{"AcceptLate", queue.OfferOpen, queue.OfferAccepted, after, false},
		{"DeclineLate", queue.OfferOpen, queue.OfferDeclined, after, false},
		{"BeforeMade", queue.OfferOpen, queue.OfferDeclined, madeAt.Add(-time.Hour), false},
	}
	// Every move out of a final state is illegal.
	for _, from := range all[1:] {
		for _, to := range all {
			tests = append(tests, struct {
				name string
				from queue.OfferState
				to   queue.OfferState
				at   time.Time
				ok   bool
			}{"From" + string(from) + "To" + string(to), from, to, before, false})
		}
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := openOffer()
			o.State = tt.from
			got, err := o.Move(tt.to, tt.at)
			if tt.ok {
				require.NoError(t, err)
				assert.Equal(t, tt.to, got.State)
				assert.Equal(t, tt.at, got.ClosedAt)
				return
			}
			var qe *queue.Error
			require.ErrorAs(t, err, &qe)
			assert.Equal(t, queue.CodeIllegalMove, qe.Code)
			assert.Equal(t, tt.from, got.State, "unchanged")
		})
	}
	assert.Len(t, queue.OfferOpen.Next(), 4)
	assert.Empty(t, queue.OfferAccepted.Next())
}

func TestReferralMovesAndExtension(t *testing.T) {
	cal := registry.DefaultKazakhstanCalendar()
	issued := queue.Referral{ID: id(200), Application: id(1), Organisation: "ds-1",
		State: queue.ReferralIssued, IssuedAt: madeAt,
		ValidUntil: queue.KZ2024Profile().Spec().Referral.LastDay(cal, madeAt)}
	// Five working days after 6 March 2025: 7, 11, 12, 13, 14 March.
	require.Equal(t, registry.Date(2025, 3, 14), issued.ValidUntil)

	// Used before its end; expired or cancelled at its end, not before.
	end := issued.End()
	require.Equal(t, time.Date(2025, 3, 14, 19, 0, 0, 0, time.UTC), end)
	moves := []struct {
		to queue.ReferralState
		at time.Time
	}{
		{queue.ReferralEnrolled, end.Add(-time.Second)},
		{queue.ReferralExpired, end},
		{queue.ReferralCancelled, end},
	}
	_, err := issued.Move(queue.ReferralEnrolled, end)
	assert.Error(t, err, "used at its end")
	_, err = issued.Move(queue.ReferralExpired, end.Add(-time.Second))
	assert.Error(t, err, "expired before its end")

	for _, m := range moves {
		to := m.to
		r, err := issued.Move(to, m.at)
		require.NoError(t, err, "to %s", to)
		_, err = r.Move(queue.ReferralIssued, madeAt.Add(2*time.Hour))
		assert.Error(t, err, "%s is final", to)
		_, err = r.Extend(registry.Date(2025, 3, 20), 30)
		assert.Error(t, err, "a %s referral does not extend", to)
	}
	_, err = issued.Move(queue.ReferralEnrolled, madeAt.Add(-time.Hour))
	assert.Error(t, err, "before issue")

	// Once, to a later date at most 30 days after issue.
	_, err = issued.Extend(registry.Date(2025, 4, 6), 30)
	assert.Error(t, err, "31 days after issue")
	_, err = issued.Extend(registry.Date(2025, 3, 14), 30)
	assert.Error(t, err, "not later")
	r, err := issued.Extend(registry.Date(2025, 4, 5), 30)
	require.NoError(t, err)
	assert.True(t, r.Extended)
	assert.Equal(t, registry.Date(2025, 4, 5), r.ValidUntil)
	_, err = r.Extend(registry.Date(2025, 4, 5), 30)
	var qe *queue.Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeIllegalMove, qe.Code)
}

func TestProfiles(t *testing.T) {
	kz := queue.KZ2024Profile().Spec()
	assert.Equal(t, queue.Window{Days: 3}, kz.Offer)
	assert.Equal(t, queue.Window{Days: 5}, kz.Referral)
	assert.Equal(t, 10, kz.StopListDays)
	assert.Equal(t, 30, kz.MaxExtensionDays)
	assert.True(t, kz.OpenToAllAfterOffer)
	assert.Equal(t, queue.Sequential, kz.Mode)

	v := queue.VoucherProfile()
	assert.Equal(t, queue.Voucher, v.Spec().Mode)
	assert.Equal(t, 18, v.Policy().Spec().MinAgeMonths)
	assert.Equal(t, queue.Window{Days: 2}, v.Spec().VoucherConfirm)

	r := queue.Regulation2012Profile()
	assert.Equal(t, queue.Window{Days: 30, CalendarDays: true}, r.Spec().Offer)
	assert.Equal(t, 7, r.Policy().Spec().MaxAge)

	p := queue.KZ2024Profile()
	assert.True(t, p.InBlackout(registry.Date(2025, 8, 1)))
	assert.True(t, p.InBlackout(registry.Date(2025, 8, 31)))
	assert.False(t, p.InBlackout(registry.Date(2025, 9, 1)))
	assert.False(t, p.InBlackout(registry.Date(2025, 7, 31)))
}

func TestNewProfileRejects(t *testing.T) {
	kz := queue.PolicySpec{Kind: queue.KindKZ2024}
	for name, spec := range map[string]queue.ProfileSpec{
		"BadPolicy":        {Policy: queue.PolicySpec{Kind: "fifo"}},
		"UnknownMode":      {Policy: kz, Mode: "lottery"},
		"NegativeWindow":   {Policy: kz, Offer: queue.Window{Days: -1}},
		"HugeStopList":     {Policy: kz, StopListDays: 400},
		"BlackoutBackward": {Policy: kz, BlackoutFrom: 831, BlackoutTo: 801},
		"BlackoutNotADate": {Policy: kz, BlackoutFrom: 230, BlackoutTo: 231},
	} {
		_, err := queue.NewProfile(spec)
		var qe *queue.Error
		require.ErrorAs(t, err, &qe, name)
		assert.Equal(t, queue.CodeInvalidPolicy, qe.Code, name)
	}
}
