package queue

import (
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/registry"
)

// OfferState is where an offer of a place stands.
type OfferState string

// The states of an offer. An application the authority turns down is
// "refused", a word kept for that; an offer the parent turns down is
// declined.
const (
	// OfferOpen is an offer waiting for the parent's answer.
	OfferOpen OfferState = "open"
	// OfferAccepted is an offer the parent accepted: a referral follows.
	OfferAccepted OfferState = "accepted"
	// OfferDeclined is an offer the parent declined.
	OfferDeclined OfferState = "declined"
	// OfferExpired is an offer left unanswered past its deadline.
	OfferExpired OfferState = "expired"
	// OfferWithdrawn is an offer taken back with its vacancy.
	OfferWithdrawn OfferState = "withdrawn"
)

// ReferralState is where a referral stands.
type ReferralState string

// The states of a referral.
const (
	// ReferralIssued is a referral the child may use to enrol.
	ReferralIssued ReferralState = "issued"
	// ReferralEnrolled is a referral used: the child is admitted.
	ReferralEnrolled ReferralState = "enrolled"
	// ReferralExpired is a referral not used before its end.
	ReferralExpired ReferralState = "expired"
	// ReferralCancelled is a referral cancelled, as when an extraordinary
	// right was not confirmed in time.
	ReferralCancelled ReferralState = "cancelled"
)

// offerMoves and referralMoves are the state diagrams, as data: the states
// each state may move to. A state missing as a key is final.
var (
	offerMoves = map[OfferState][]OfferState{
		OfferOpen: {OfferAccepted, OfferDeclined, OfferExpired, OfferWithdrawn},
	}
	referralMoves = map[ReferralState][]ReferralState{
		ReferralIssued: {ReferralEnrolled, ReferralExpired, ReferralCancelled},
	}
)

// Next returns the states s may move to.
func (s OfferState) Next() []OfferState { return slices.Clone(offerMoves[s]) }

// Next returns the states s may move to.
func (s ReferralState) Next() []ReferralState { return slices.Clone(referralMoves[s]) }

// Offer is a place offered to one child.
type Offer struct {
	// ID identifies the offer.
	ID uuid.UUID
	// Vacancy is the vacancy the place belongs to.
	Vacancy uuid.UUID
	// Application is the child's application.
	Application uuid.UUID
	// Organisation is where the place is.
	Organisation registry.OrganisationID
	// State is where the offer stands.
	State OfferState
	// MadeAt is when the offer was made.
	MadeAt time.Time
	// Deadline is the instant the offer expires if still open.
	Deadline time.Time
	// ClosedAt is when it left the open state; zero while open.
	ClosedAt time.Time
}

// Move returns the offer moved to state to at the instant at, or an
// [*Error] with [CodeIllegalMove] if the diagram has no such arrow or at is
// before the offer was made. An offer cannot be accepted or declined after
// its deadline: it has expired, even if nobody recorded it yet.
func (o Offer) Move(to OfferState, at time.Time) (Offer, error) {
	if !slices.Contains(offerMoves[o.State], to) {
		return o, illegalMove("offer", string(o.State), string(to))
	}
	if at.Before(o.MadeAt) {
		return o, errorf(CodeIllegalMove, "offer: moved before it was made")
	}
	if to != OfferExpired && to != OfferWithdrawn && !at.Before(o.Deadline) {
		return o, errorf(CodeIllegalMove, "offer: answered after its deadline")
	}
	if to == OfferExpired && at.Before(o.Deadline) {
		return o, errorf(CodeIllegalMove, "offer: expired before its deadline")
	}
	o.State, o.ClosedAt = to, at
	return o, nil
}

// Referral is the document that entitles a child to a place.
type Referral struct {
	// ID identifies the referral.
	ID uuid.UUID
	// Vacancy is the vacancy whose seat it holds.
	Vacancy uuid.UUID
	// Application is the child's application.
	Application uuid.UUID
	// Organisation is where the child may enrol.
	Organisation registry.OrganisationID
	// State is where the referral stands.
	State ReferralState
	// IssuedAt is when it was issued.
	IssuedAt time.Time
	// ValidUntil is the last civil date it may be used.
	ValidUntil time.Time
	// Extended reports whether it was extended; it can be, once.
	Extended bool
	// ConfirmBy is the last civil date an extraordinary right must be
	// confirmed by, or zero when the child has no such right to confirm.
	ConfirmBy time.Time
	// StaffChild flags a referral issued by order of the head to a staff
	// member's child; the public protocol of referrals shows it.
	StaffChild bool
	// Refusals are the organisation's refusals to enrol the child (missing
	// or expired documents); the referral stays valid until its end.
	Refusals []EnrolmentRefusal
	// ClosedAt is when it left the issued state; zero while issued.
	ClosedAt time.Time
}

// End returns the instant the referral stops being usable: the end of its
// last valid day or, for an extraordinary right still to be confirmed, the
// end of the day it had to be confirmed by, whichever comes first.
func (r Referral) End() time.Time {
	end, _ := r.ending()
	return end
}

// ending returns End and the state the referral moves to then.
func (r Referral) ending() (time.Time, ReferralState) {
	end := endOfDay(r.ValidUntil)
	if !r.ConfirmBy.IsZero() && !endOfDay(r.ConfirmBy).After(end) {
		return endOfDay(r.ConfirmBy), ReferralCancelled
	}
	return end, ReferralExpired
}

// Move returns the referral moved to state to at the instant at, or an
// [*Error] with [CodeIllegalMove]: enrolment must come before the
// referral's end ([Referral.End]), and expiry or cancellation not before
// it.
func (r Referral) Move(to ReferralState, at time.Time) (Referral, error) {
	if !slices.Contains(referralMoves[r.State], to) {
		return r, illegalMove("referral", string(r.State), string(to))
	}
	if at.Before(r.IssuedAt) {
		return r, errorf(CodeIllegalMove, "referral: moved before it was issued")
	}
	ended := !at.Before(r.End())
	if to == ReferralEnrolled && ended {
		return r, errorf(CodeIllegalMove, "referral: used after its end")
	}
	if to != ReferralEnrolled && !ended {
		return r, errorf(CodeIllegalMove, "referral: it has not ended yet")
	}
	r.State, r.ClosedAt = to, at
	return r, nil
}

// Extend returns the referral valid until the civil date until instead:
// once only, while issued, to a later date no more than maxDays calendar
// days after the day of issue. Anything else is an [*Error] with
// [CodeIllegalMove].
func (r Referral) Extend(until time.Time, maxDays int) (Referral, error) {
	until = registry.Date(until.Date())
	last := registry.DateOf(r.IssuedAt).AddDate(0, 0, maxDays)
	switch {
	case r.State != ReferralIssued:
		return r, errorf(CodeIllegalMove, "referral: only an issued referral extends")
	case r.Extended:
		return r, errorf(CodeIllegalMove, "referral: already extended once")
	case !until.After(r.ValidUntil) || until.After(last):
		return r, errorf(CodeIllegalMove, fmt.Sprintf(
			"referral: extension must end after its end and within %d days of issue", maxDays))
	}
	r.ValidUntil, r.Extended = until, true
	return r, nil
}

// EnrolmentRefusal is an organisation's refusal to enrol a child who
// brought a referral.
type EnrolmentRefusal struct {
	// At is when the organisation refused.
	At time.Time
	// Reason is a stable code, such as "documents.missing" or
	// "documents.expired".
	Reason string
}

func illegalMove(what, from, to string) error {
	return errorf(CodeIllegalMove, fmt.Sprintf("%s: no move from %s to %s", what, from, to))
}
