package queue_test

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

func ExampleOffer_Move() {
	cal := registry.DefaultKazakhstanCalendar()
	profile := queue.KZ2024Profile()

	// A place is offered on Thursday 6 March 2025 at 15:00 in Kazakhstan.
	made := time.Date(2025, 3, 6, 10, 0, 0, 0, time.UTC)
	offer := queue.Offer{
		ID:           uuid.MustParse("01900000-0000-7000-8000-000000000100"),
		Application:  uuid.MustParse("01900000-0000-7000-8000-000000000001"),
		Organisation: "balapan-12",
		State:        queue.OfferOpen,
		MadeAt:       made,
		Deadline:     profile.Spec().Offer.Deadline(cal, made),
	}
	fmt.Println("open until", offer.Deadline.In(registry.Kazakhstan).Format(time.DateTime))

	// The parent accepts on Tuesday: a referral follows, valid 5 working
	// days.
	accepted, err := offer.Move(queue.OfferAccepted, made.AddDate(0, 0, 5))
	fmt.Println(accepted.State, err)
	referral := queue.Referral{
		Application: offer.Application, Organisation: offer.Organisation,
		State: queue.ReferralIssued, IssuedAt: accepted.ClosedAt,
		ValidUntil: profile.Spec().Referral.LastDay(cal, accepted.ClosedAt),
	}
	fmt.Println("referral valid to", referral.ValidUntil.Format(time.DateOnly))

	// An offer cannot be declined once accepted.
	_, err = accepted.Move(queue.OfferDeclined, made.AddDate(0, 0, 6))
	fmt.Println(err)
	// Output:
	// open until 2025-03-13 00:00:00
	// accepted <nil>
	// referral valid to 2025-03-18
	// queue: offer: no move from accepted to declined
}
