package application

import (
	"fmt"
	"slices"
	"time"

	"github.com/kezek/kezek/registry"
)

// Status is where an application stands. The package documentation draws
// the diagram of the statuses and the transitions between them.
type Status string

// The statuses.
const (
	// StatusDraft is an application being filled in, not yet sent.
	StatusDraft Status = "draft"
	// StatusSubmitted is an application received and being checked.
	StatusSubmitted Status = "submitted"
	// StatusPending is an application waiting for a register or a
	// signature check that could not answer; its place in the queue counts
	// from receipt.
	StatusPending Status = "pending"
	// StatusRegistered is an application checked, numbered and accepted.
	StatusRegistered Status = "registered"
	// StatusWaiting is a child in the queue. Portals call it "active".
	StatusWaiting Status = "waiting"
	// StatusNotified is a child offered a place, the offer still open.
	StatusNotified Status = "notified"
	// StatusReferred is a child issued a referral to a preschool
	// organisation.
	StatusReferred Status = "referred"
	// StatusEnrolled is a child admitted to a preschool organisation.
	StatusEnrolled Status = "enrolled"
	// StatusRefused is an application refused, with a reason.
	StatusRefused Status = "refused"
	// StatusInactive is a child out of the queue until reactivated
	// (voucher mode).
	StatusInactive Status = "inactive"
	// StatusStopListed is a child in the queue who is offered nothing until
	// a date.
	StatusStopListed Status = "stop_listed"
	// StatusRemoved is a child out of the queue for good, with a reason.
	StatusRemoved Status = "removed"
	// StatusArchived is a closed application; no change follows.
	StatusArchived Status = "archived"
)

// transitions is the status diagram: the statuses each status may change to.
var transitions = map[Status][]Status{
	StatusDraft:      {StatusSubmitted, StatusRemoved},
	StatusSubmitted:  {StatusPending, StatusRegistered, StatusRefused, StatusRemoved},
	StatusPending:    {StatusRegistered, StatusRefused, StatusRemoved},
	StatusRegistered: {StatusWaiting, StatusReferred, StatusRemoved},
	StatusWaiting: {StatusNotified, StatusReferred, StatusStopListed,
		StatusInactive, StatusRemoved},
	StatusNotified: {StatusReferred, StatusWaiting, StatusInactive,
		StatusRemoved},
	StatusReferred: {StatusEnrolled, StatusWaiting, StatusStopListed,
		StatusRemoved},
	StatusStopListed: {StatusWaiting, StatusRemoved},
	StatusInactive:   {StatusWaiting, StatusRemoved},
	StatusEnrolled:   {StatusArchived},
	StatusRefused:    {StatusArchived},
	StatusRemoved:    {StatusArchived},
	StatusArchived:   nil,
}

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	_, ok := transitions[s]
	return ok
}

// Next returns the statuses s may change to, in a fixed order.
func (s Status) Next() []Status {
	return slices.Clone(transitions[s])
}

// CanChangeTo reports whether the diagram has an arrow from s to to.
func (s Status) CanChangeTo(to Status) bool {
	return slices.Contains(transitions[s], to)
}

// Reason is a stable code saying why a status changed: one of the removal
// reasons below, a [Code] of a problem or error that refused an
// application, or a code chosen by the service that made the change (for
// example "offer.accepted").
type Reason string

// The reasons for [StatusRemoved].
const (
	// ReasonDeclined means the parent declined an offer in voucher mode.
	ReasonDeclined Reason = "declined"
	// ReasonUnanswered means an offer went unanswered in voucher mode.
	ReasonUnanswered Reason = "unanswered"
	// ReasonParentRequest means the parent asked to leave the queue.
	ReasonParentRequest Reason = "parent_request"
	// ReasonAgedOut means the child is too old for the queue.
	ReasonAgedOut Reason = "aged_out"
	// ReasonDuplicate means another application for the child is active.
	ReasonDuplicate Reason = "duplicate"
)

// removalReasons are the reasons [StatusRemoved] accepts.
var removalReasons = []Reason{
	ReasonDeclined, ReasonUnanswered, ReasonParentRequest, ReasonAgedOut,
	ReasonDuplicate,
}

// Transition is one recorded change of status.
type Transition struct {
	// From is the status before the change. [History.Apply] fills it in
	// when it is empty and refuses the change when it is stale.
	From Status
	// To is the status after the change.
	To Status
	// At is when the change happened, in UTC.
	At time.Time
	// Actor is on whose behalf it happened.
	Actor Actor
	// Reason says why; required for [StatusRefused] and [StatusRemoved].
	Reason Reason
	// Until is the civil date a [StatusStopListed] status lasts to: the
	// child may return to the queue on that day. Zero otherwise.
	Until time.Time
}

// TransitionError reports a change of status that the diagram or the
// history does not allow. Its Code is [CodeIllegalTransition],
// [CodeStaleStatus] or [CodeOutOfOrder].
type TransitionError struct {
	// Code says what is wrong.
	Code Code
	// From is the status the transition started from.
	From Status
	// To is the status it aimed at.
	To Status
	// Detail says what is wrong, in lower-case English.
	Detail string
}

func (e *TransitionError) Error() string {
	return fmt.Sprintf("status: %s to %s: %s", e.From, e.To, e.Detail)
}

func (e *TransitionError) code() Code { return e.Code }

// History is the status history of one application, oldest first: the
// projection of its recorded transitions, and what the portal shows as the
// "service history". The zero History is a draft.
type History []Transition

// Replay rebuilds a history from stored transitions, checking each one as
// [History.Apply] does.
func Replay(transitions []Transition) (History, error) {
	var h History
	for _, t := range transitions {
		var err error
		if h, err = h.Apply(t); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// Status returns the current status: the target of the last transition, or
// [StatusDraft] when there is none.
func (h History) Status() Status {
	if len(h) == 0 {
		return StatusDraft
	}
	return h[len(h)-1].To
}

// Apply returns the history with t appended, or a [*TransitionError] if
// the diagram has no arrow from the current status to t.To, t.From is set
// and is not the current status, t is dated before the last transition, or
// t lacks what its target needs: a reason for refused and removed (one of
// the removal reasons for removed), a date after t.At for stop-listed, an
// actor with a known role. A stop-listed child returns to waiting no
// earlier than that date. The recorded time is t.At in UTC.
//
// Apply never changes h's elements; the result may share h's array.
func (h History) Apply(t Transition) (History, error) {
	cur := h.Status()
	if t.From == "" {
		t.From = cur
	}
	fail := func(code Code, detail string) (History, error) {
		return nil, &TransitionError{Code: code, From: t.From, To: t.To,
			Detail: detail}
	}

	if t.From != cur {
		return fail(CodeStaleStatus, "current status is "+string(cur))
	}
	if !cur.CanChangeTo(t.To) {
		return fail(CodeIllegalTransition, "no such transition")
	}
	if t.At.IsZero() {
		return fail(CodeIllegalTransition, "no time given")
	}
	if !t.Actor.Role.Valid() {
		return fail(CodeIllegalTransition, "no actor given")
	}
	t.At = t.At.UTC()
	if len(h) > 0 && t.At.Before(h[len(h)-1].At) {
		return fail(CodeOutOfOrder, "dated before the previous transition")
	}
	if detail := h.missing(t); detail != "" {
		return fail(CodeIllegalTransition, detail)
	}
	return append(h[:len(h):len(h)], t), nil
}

// missing says what t lacks for its target, or "" when nothing.
func (h History) missing(t Transition) string {
	switch {
	case t.To == StatusRefused && t.Reason == "":
		return "a refusal needs a reason"
	case t.To == StatusRemoved && !slices.Contains(removalReasons, t.Reason):
		return "a removal needs one of the removal reasons"
	case t.To == StatusStopListed &&
		!dateOnly(t.Until).After(registry.DateOf(t.At)):
		return "a stop-list needs an end date after the day it starts"
	case t.From == StatusStopListed && t.To == StatusWaiting &&
		registry.DateOf(t.At).Before(h.StopListedUntil()):
		return "the stop-list has not ended"
	}
	return ""
}

// StopListedUntil returns the civil date the current stop-list lasts to, or
// the zero time when the application is not stop-listed.
func (h History) StopListedUntil() time.Time {
	if h.Status() != StatusStopListed {
		return time.Time{}
	}
	return dateOnly(h[len(h)-1].Until)
}
