package queue

import (
	"bytes"
	"cmp"
	"encoding/binary"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/registry"
)

// Allocator offers a queue's free places, one child at a time, and carries
// out what the answers and the passing of time mean for the queue: the
// regulation's "condition 2" in sequential mode. It is pure like the rest
// of the package: every method takes the time it acts at, and Due, given
// the time, does everything that fell due. An Allocator is not safe for
// concurrent use.
//
// Its state saves and restores with [Allocator.Snapshot] and
// [RestoreAllocator], beside the queue's.
//
// TODO(queue): voucher mode is not built yet; NewAllocator refuses a
// voucher profile. Due scans every offer and
// referral ever made, so it slows as history grows.
type Allocator struct {
	q       *Queue
	profile Profile
	cal     registry.Calendar

	vacancies map[uuid.UUID]*vacancy
	offers    map[uuid.UUID]Offer
	vacancyOf map[uuid.UUID]*vacancy  // offer -> its vacancy
	open      map[uuid.UUID]uuid.UUID // application -> its open offer
	referrals map[uuid.UUID]Referral
	held      map[uuid.UUID]Entry    // referral -> the entry it took out
	seatOf    map[uuid.UUID]*vacancy // referral -> the vacancy it holds
}

// vacancy is a published vacancy and the offers made for it.
type vacancy struct {
	id        uuid.UUID
	v         Vacancy
	published time.Time
	accepted  int
	staff     int // staff-child referrals issued
	offers    []uuid.UUID
	declined  map[uuid.UUID]bool // children who declined or let it expire
	withdrawn bool
}

// NewAllocator returns an allocator for the queue q under profile p, with
// deadlines counted on cal. The profile must be in sequential mode and have
// q's ordering policy; otherwise it is an [*Error] with
// [CodeInvalidPolicy].
func NewAllocator(q *Queue, p Profile, cal registry.Calendar) (*Allocator, error) {
	if p.spec.Mode != Sequential {
		return nil, errorf(CodeInvalidPolicy, "allocator: only sequential mode is built")
	}
	if !samePolicy(q.policy.Spec(), p.policy.Spec()) {
		return nil, errorf(CodeInvalidPolicy, "allocator: profile and queue differ in policy")
	}
	return &Allocator{
		q: q, profile: p, cal: cal,
		vacancies: map[uuid.UUID]*vacancy{},
		offers:    map[uuid.UUID]Offer{},
		vacancyOf: map[uuid.UUID]*vacancy{},
		open:      map[uuid.UUID]uuid.UUID{},
		referrals: map[uuid.UUID]Referral{},
		held:      map[uuid.UUID]Entry{},
		seatOf:    map[uuid.UUID]*vacancy{},
	}, nil
}

func samePolicy(a, b PolicySpec) bool {
	return a.Kind == b.Kind && a.Ratio == b.Ratio && a.Seed == b.Seed &&
		a.MinAgeMonths == b.MinAgeMonths && a.MaxAge == b.MaxAge &&
		slices.Equal(a.TieBreakers, b.TieBreakers) &&
		slices.EqualFunc(a.Criteria, b.Criteria, func(x, y Criterion) bool {
			return x.Name == y.Name && x.Weight.Equal(y.Weight)
		})
}

// Offer returns the offer with the ID.
func (a *Allocator) Offer(id uuid.UUID) (Offer, bool) {
	o, ok := a.offers[id]
	return o, ok
}

// Referral returns the referral with the ID.
func (a *Allocator) Referral(id uuid.UUID) (Referral, bool) {
	r, ok := a.referrals[id]
	return r, ok
}

// Publish enters a vacancy, with an ID of the caller's, and offers its
// seats to the children due next. During the profile's blackout nothing is
// published: an [*Error] with [CodeBlackout]. A vacancy without seats or
// organisation is [CodeInvalidEntry]; a known ID, [CodeDuplicate].
func (a *Allocator) Publish(id uuid.UUID, v Vacancy, at time.Time) ([]Offer, error) {
	switch {
	case a.vacancies[id] != nil:
		return nil, errorf(CodeDuplicate, "vacancy "+id.String()+" is published")
	case v.Seats < 1 || v.Organisation == "":
		return nil, errorf(CodeInvalidEntry, "vacancy needs seats and an organisation")
	case a.profile.InBlackout(registry.DateOf(at)):
		return nil, errorf(CodeBlackout, "nothing is published in the blackout")
	}
	if err := v.Partition.check(); err != nil {
		return nil, err
	}

	vs := &vacancy{id: id, v: v, published: at, declined: map[uuid.UUID]bool{}}
	a.vacancies[id] = vs
	return a.fill(vs, at), nil
}

// fill offers the vacancy's free seats, those neither accepted nor under
// an open offer, to the next children who hold no open offer and have not
// turned this one down; twins together. Nothing is offered in the blackout.
// The open offers count as referrals for the KZ2024 interleaving, so a
// vacancy of several seats follows the one-to-R rule too.
func (a *Allocator) fill(vs *vacancy, at time.Time) []Offer {
	if vs.withdrawn || a.profile.InBlackout(registry.DateOf(at)) {
		return nil
	}
	skip := func(app uuid.UUID) bool {
		_, busy := a.open[app]
		return busy || vs.declined[app]
	}
	k := a.counterWithOffers(vs.v.Partition)

	var made []Offer
	for {
		v := vs.v
		v.Seats = vs.v.Seats - vs.accepted - a.openOffers(vs)
		if v.Seats <= 0 {
			break
		}
		v.OpenToAll = v.OpenToAll || a.openToAll(vs, at)
		e, ok := a.q.next(v, registry.DateOf(at), skip, k)
		if !ok {
			break
		}
		for _, app := range append([]uuid.UUID{e.ID}, a.q.batchMates(e.ID)...) {
			if skip(app) {
				continue
			}
			made = append(made, a.offer(vs, app, at))
			mate, _ := a.q.Get(app)
			k = a.q.advance(k, mate.Class)
		}
	}
	return made
}

// offer makes one open offer of the vacancy to an application.
func (a *Allocator) offer(vs *vacancy, app uuid.UUID, at time.Time) Offer {
	o := Offer{
		ID:           derivedID(vs.id, len(vs.offers)),
		Vacancy:      vs.id,
		Application:  app,
		Organisation: vs.v.Organisation,
		State:        OfferOpen,
		MadeAt:       at,
		Deadline:     a.profile.spec.Offer.Deadline(a.cal, at),
	}
	a.offers[o.ID] = o
	a.vacancyOf[o.ID] = vs
	a.open[app] = o.ID
	vs.offers = append(vs.offers, o.ID)
	return o
}

// openToAll reports whether, under a profile that opens places after the
// first window, the vacancy is open to every child of the cohort at the
// instant at: one offer window after its first offer, or after its
// publication when nobody could be offered it.
func (a *Allocator) openToAll(vs *vacancy, at time.Time) bool {
	if !a.profile.spec.OpenToAllAfterOffer {
		return false
	}
	from := a.profile.spec.Offer.Deadline(a.cal, vs.published)
	if len(vs.offers) > 0 {
		from = a.offers[vs.offers[0]].Deadline
	}
	return !at.Before(from)
}

// counterWithOffers returns the partition's interleaving counter as it
// would be if every open offer in it were accepted, in the order made.
func (a *Allocator) counterWithOffers(part Partition) int {
	var open []Offer
	for _, oid := range a.open {
		if o := a.offers[oid]; a.vacancyOf[oid].v.Partition == part {
			open = append(open, o)
		}
	}
	slices.SortFunc(open, func(x, y Offer) int {
		return cmp.Or(x.MadeAt.Compare(y.MadeAt), bytes.Compare(x.ID[:], y.ID[:]))
	})
	k := a.q.Counter(part)
	for _, o := range open {
		if e, ok := a.q.Get(o.Application); ok {
			k = a.q.advance(k, e.Class)
		}
	}
	return k
}

func (a *Allocator) openOffers(vs *vacancy) int {
	n := 0
	for _, id := range vs.offers {
		if a.offers[id].State == OfferOpen {
			n++
		}
	}
	return n
}

// derivedID returns the n-th ID derived from parent, the same every time,
// so that allocation stays a function of its inputs.
func derivedID(parent uuid.UUID, n int) uuid.UUID {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(n))
	return uuid.NewSHA1(parent, b[:])
}

// Accept records that the parent accepted the offer: a referral is issued,
// valid for the profile's window, and the child leaves the queue, which
// moves the KZ2024 counter. An extraordinary right not yet confirmed must
// be confirmed within the profile's window. An offer past its deadline
// cannot be accepted ([CodeIllegalMove]); no referral is issued in the
// blackout ([CodeBlackout]).
func (a *Allocator) Accept(offerID uuid.UUID, at time.Time) (Referral, error) {
	o, vs, err := a.openOffer(offerID)
	if err != nil {
		return Referral{}, err
	}
	moved, err := o.Move(OfferAccepted, at)
	if err != nil {
		return Referral{}, err
	}
	if a.profile.InBlackout(registry.DateOf(at)) {
		return Referral{}, errorf(CodeBlackout, "no referral is issued in the blackout")
	}
	e, ok := a.q.Get(o.Application)
	if !ok {
		// The child left the queue since the offer was made: the offer
		// cannot stand, and its seat goes on.
		withdrawn, _ := o.Move(OfferWithdrawn, at)
		a.offers[offerID] = withdrawn
		delete(a.open, o.Application)
		a.fill(vs, at)
		return Referral{}, errNotFound(o.Application)
	}
	if _, err := a.q.Refer(o.Application, at); err != nil {
		return Referral{}, err
	}

	r := Referral{
		ID:           derivedID(offerID, 0),
		Vacancy:      o.Vacancy,
		Application:  o.Application,
		Organisation: o.Organisation,
		State:        ReferralIssued,
		IssuedAt:     at,
		ValidUntil:   a.profile.spec.Referral.LastDay(a.cal, at),
	}
	if e.Class == Extraordinary && !e.Confirmed {
		r.ConfirmBy = a.profile.spec.Confirmation.LastDay(a.cal, at)
	}
	a.offers[offerID] = moved
	delete(a.open, o.Application)
	vs.accepted++
	a.referrals[r.ID] = r
	a.held[r.ID] = e
	a.seatOf[r.ID] = vs
	return r, nil
}

// Decline records that the parent turned the offer down: the child stays
// in the queue, in its place, and the seat is offered to the next child.
// It returns the offers that follow.
func (a *Allocator) Decline(offerID uuid.UUID, at time.Time) ([]Offer, error) {
	return a.close(offerID, OfferDeclined, at, at)
}

// close moves an open offer to a final state at the instant closed, then
// refills its vacancy at the instant at.
func (a *Allocator) close(offerID uuid.UUID, to OfferState, closed, at time.Time) ([]Offer, error) {
	o, vs, err := a.openOffer(offerID)
	if err != nil {
		return nil, err
	}
	moved, err := o.Move(to, closed)
	if err != nil {
		return nil, err
	}
	a.offers[offerID] = moved
	delete(a.open, o.Application)
	vs.declined[o.Application] = true
	return a.fill(vs, at), nil
}

func (a *Allocator) openOffer(id uuid.UUID) (Offer, *vacancy, error) {
	o, ok := a.offers[id]
	if !ok {
		return Offer{}, nil, errorf(CodeNotFound, "no offer "+id.String())
	}
	return o, a.vacancyOf[id], nil
}

// Withdraw takes an unclaimed vacancy back: its open offers are withdrawn
// and no more are made. A vacancy with an accepted seat is claimed and
// stays ([CodeIllegalMove]). It returns the withdrawn offers.
func (a *Allocator) Withdraw(vacancyID uuid.UUID, at time.Time) ([]Offer, error) {
	vs := a.vacancies[vacancyID]
	if vs == nil || vs.withdrawn {
		return nil, errorf(CodeNotFound, "no vacancy "+vacancyID.String())
	}
	if vs.accepted > 0 {
		return nil, errorf(CodeIllegalMove, "vacancy: a seat is taken; it cannot be withdrawn")
	}

	// Check every move before making any, so that a failure changes nothing.
	var out []Offer
	for _, id := range vs.offers {
		if o := a.offers[id]; o.State == OfferOpen {
			moved, err := o.Move(OfferWithdrawn, at)
			if err != nil {
				return nil, err
			}
			out = append(out, moved)
		}
	}
	for _, o := range out {
		a.offers[o.ID] = o
		delete(a.open, o.Application)
	}
	vs.withdrawn = true
	return out, nil
}

// Enrol records that the child was admitted with the referral, which must
// still be valid: not past its last day, nor past the day an extraordinary
// right had to be confirmed by ([CodeIllegalMove]).
func (a *Allocator) Enrol(referralID uuid.UUID, at time.Time) (Referral, error) {
	r, err := a.moveReferral(referralID, ReferralEnrolled, at)
	if err == nil {
		delete(a.held, referralID)
		delete(a.seatOf, referralID)
	}
	return r, err
}

// ConfirmBenefit records that the child's extraordinary right was
// confirmed by hand, in time: the referral no longer risks cancellation.
func (a *Allocator) ConfirmBenefit(referralID uuid.UUID, at time.Time) (Referral, error) {
	r, ok := a.referrals[referralID]
	switch {
	case !ok:
		return Referral{}, errorf(CodeNotFound, "no referral "+referralID.String())
	case r.State != ReferralIssued || r.ConfirmBy.IsZero() || !at.Before(endOfDay(r.ConfirmBy)):
		return r, errorf(CodeIllegalMove, "referral: nothing to confirm, or too late")
	}
	r.ConfirmBy = time.Time{}
	e := a.held[referralID]
	e.Confirmed = true
	a.held[referralID], a.referrals[referralID] = e, r
	return r, nil
}

// Extend extends an issued referral, at the instant at, while it is still
// valid, once, to the civil date until, at most the profile's
// MaxExtensionDays after issue.
func (a *Allocator) Extend(referralID uuid.UUID, until, at time.Time) (Referral, error) {
	r, ok := a.referrals[referralID]
	if !ok {
		return Referral{}, errorf(CodeNotFound, "no referral "+referralID.String())
	}
	if !at.Before(r.End()) {
		return r, errorf(CodeIllegalMove, "referral: ended before it was extended")
	}
	r, err := r.Extend(until, a.profile.spec.MaxExtensionDays)
	if err == nil {
		a.referrals[referralID] = r
	}
	return r, err
}

func (a *Allocator) moveReferral(id uuid.UUID, to ReferralState, at time.Time) (Referral, error) {
	r, ok := a.referrals[id]
	if !ok {
		return Referral{}, errorf(CodeNotFound, "no referral "+id.String())
	}
	moved, err := r.Move(to, at)
	if err != nil {
		return r, err
	}
	a.referrals[id] = moved
	return moved, nil
}

// IssueStaffReferral issues, by order of the head of the organisation, a
// referral for a seat of the vacancy to the child of a staff member, out of
// the queue's order (DOMAIN-RULES A.13). The referral is flagged for the
// public protocol; the child leaves the queue without moving the KZ2024
// counter, and comes back as any child whose referral lapses. The vacancy
// must have a free seat and the child must be waiting.
func (a *Allocator) IssueStaffReferral(vacancyID, app uuid.UUID, at time.Time) (Referral, error) {
	vs := a.vacancies[vacancyID]
	switch {
	case vs == nil || vs.withdrawn:
		return Referral{}, errorf(CodeNotFound, "no vacancy "+vacancyID.String())
	case vs.v.Seats-vs.accepted-a.openOffers(vs) <= 0:
		return Referral{}, errorf(CodeIllegalMove, "vacancy: no free seat")
	case a.profile.InBlackout(registry.DateOf(at)):
		return Referral{}, errorf(CodeBlackout, "no referral is issued in the blackout")
	}
	if _, busy := a.open[app]; busy {
		return Referral{}, errorf(CodeIllegalMove, "the child holds an open offer")
	}
	e, ok := a.q.Get(app)
	if !ok {
		return Referral{}, errNotFound(app)
	}
	if _, err := a.q.Remove(app, at, "staff_referral"); err != nil {
		return Referral{}, err
	}

	r := Referral{
		ID:           derivedID(vacancyID, -1-vs.staff),
		Vacancy:      vacancyID,
		Application:  app,
		Organisation: vs.v.Organisation,
		State:        ReferralIssued,
		IssuedAt:     at,
		ValidUntil:   a.profile.spec.Referral.LastDay(a.cal, at),
		StaffChild:   true,
	}
	vs.accepted++
	vs.staff++
	a.referrals[r.ID] = r
	a.held[r.ID] = e
	a.seatOf[r.ID] = vs
	return r, nil
}

// RefuseEnrolment records that the organisation refused to enrol the child
// with the referral, for a reason code (missing or expired documents). The
// referral stays valid until its end, so the parent can come back with the
// documents.
func (a *Allocator) RefuseEnrolment(referralID uuid.UUID, reason string,
	at time.Time) (Referral, error) {
	r, ok := a.referrals[referralID]
	switch {
	case !ok:
		return Referral{}, errorf(CodeNotFound, "no referral "+referralID.String())
	case r.State != ReferralIssued || !at.Before(r.End()) || at.Before(r.IssuedAt):
		return r, errorf(CodeIllegalMove, "referral: not in force")
	case reason == "":
		return r, errorf(CodeIllegalMove, "referral: a refusal needs a reason")
	}
	r.Refusals = append(slices.Clone(r.Refusals), EnrolmentRefusal{At: at, Reason: reason})
	a.referrals[referralID] = r
	return r, nil
}

// PublishedVacancy is one line of the public protocol of vacant places.
type PublishedVacancy struct {
	// ID is the caller's ID of the vacancy.
	ID uuid.UUID
	// Vacancy says where the seats are and for whom.
	Vacancy Vacancy
	// Published is when it was published.
	Published time.Time
	// Taken counts the seats held by referrals.
	Taken int
	// Withdrawn reports whether the vacancy was taken back.
	Withdrawn bool
}

// VacancyProtocol returns the public protocol of vacant places: every
// published vacancy, in order of publication (then ID).
func (a *Allocator) VacancyProtocol() []PublishedVacancy {
	out := make([]PublishedVacancy, 0, len(a.vacancies))
	for _, vs := range a.vacancies {
		out = append(out, PublishedVacancy{ID: vs.id, Vacancy: vs.v,
			Published: vs.published, Taken: vs.accepted, Withdrawn: vs.withdrawn})
	}
	slices.SortFunc(out, func(x, y PublishedVacancy) int {
		return cmp.Or(x.Published.Compare(y.Published), bytes.Compare(x.ID[:], y.ID[:]))
	})
	return out
}

// ReferralProtocol returns the public protocol of issued referrals, in
// order of issue (then ID), staff children's referrals flagged.
func (a *Allocator) ReferralProtocol() []Referral {
	out := make([]Referral, 0, len(a.referrals))
	for _, r := range a.referrals {
		out = append(out, r)
	}
	slices.SortFunc(out, func(x, y Referral) int {
		return cmp.Or(x.IssuedAt.Compare(y.IssuedAt), bytes.Compare(x.ID[:], y.ID[:]))
	})
	return out
}

// Fallen lists what Due did.
type Fallen struct {
	// Expired are the offers left unanswered past their deadline; the
	// children stay in the queue.
	Expired []Offer
	// Made are the offers that followed, for the seats they freed.
	Made []Offer
	// Lapsed are the referrals not used in time; their children are back
	// in the queue at their application time, stop-listed.
	Lapsed []Referral
	// Cancelled are the referrals whose extraordinary right went
	// unconfirmed; their children are back in the general stream at their
	// application time, stop-listed.
	Cancelled []Referral
	// AgedOut are the applications removed from the queue because the
	// child reached the profile's maximum age; an open offer of theirs is
	// withdrawn (and listed in Withdrawn) and its seat offered on.
	AgedOut []uuid.UUID
	// Withdrawn are the offers withdrawn from children who aged out.
	Withdrawn []Offer
}

// Due carries out, in the order they fell due (then by ID), every transition
// whose time has come by now: offers expire, referrals lapse or are cancelled;
// then children who have reached the maximum age leave the queue, and the seats
// still free are offered to whoever may have them now. The queue records the
// effects at now, so Due must be called with a time no earlier than the last
// command.
func (a *Allocator) Due(now time.Time) (Fallen, error) {
	var f Fallen
	for _, item := range a.due(now) {
		var err error
		switch {
		case item.offer != uuid.Nil:
			err = a.expireOffer(item, now, &f)
		default:
			err = a.endReferral(item, now, &f)
		}
		if err != nil {
			return f, err
		}
	}
	if err := a.ageOut(now, &f); err != nil {
		return f, err
	}

	// Seats still free go to whoever may have them now: children added
	// since, or the whole cohort once a first offer's window has passed.
	ids := make([]uuid.UUID, 0, len(a.vacancies))
	for id := range a.vacancies {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(x, y uuid.UUID) int { return bytes.Compare(x[:], y[:]) })
	for _, id := range ids {
		f.Made = append(f.Made, a.fill(a.vacancies[id], now)...)
	}
	return f, nil
}

// ageOut removes from the queue the children who have reached the maximum
// age by now, in ID order, withdrawing any open offer of theirs first; Due
// then offers those seats on.
func (a *Allocator) ageOut(now time.Time, f *Fallen) error {
	for _, app := range a.q.agedOut(registry.DateOf(now)) {
		if oid, ok := a.open[app]; ok {
			moved, err := a.offers[oid].Move(OfferWithdrawn, now)
			if err != nil {
				return err
			}
			a.offers[oid] = moved
			delete(a.open, app)
			f.Withdrawn = append(f.Withdrawn, moved)
		}
		if _, err := a.q.Remove(app, now, "aged_out"); err != nil {
			return err
		}
		f.AgedOut = append(f.AgedOut, app)
	}
	return nil
}

// dueItem is one transition that fell due.
type dueItem struct {
	at       time.Time
	offer    uuid.UUID
	referral uuid.UUID
	to       ReferralState
}

// due lists what fell due by now, in order.
func (a *Allocator) due(now time.Time) []dueItem {
	var items []dueItem
	for id, o := range a.offers {
		if o.State == OfferOpen && !now.Before(o.Deadline) {
			items = append(items, dueItem{at: o.Deadline, offer: id})
		}
	}
	for id, r := range a.referrals {
		if r.State != ReferralIssued {
			continue
		}
		if end, to := r.ending(); !now.Before(end) {
			items = append(items, dueItem{at: end, referral: id, to: to})
		}
	}
	slices.SortFunc(items, func(x, y dueItem) int {
		return cmp.Or(x.at.Compare(y.at),
			bytes.Compare(x.offer[:], y.offer[:]),
			bytes.Compare(x.referral[:], y.referral[:]))
	})
	return items
}

func (a *Allocator) expireOffer(item dueItem, now time.Time, f *Fallen) error {
	made, err := a.close(item.offer, OfferExpired, item.at, now)
	if err != nil {
		return err
	}
	f.Expired = append(f.Expired, a.offers[item.offer])
	f.Made = append(f.Made, made...)
	return nil
}

// endReferral lapses or cancels a referral and puts its child back in the
// queue at the original application time, stop-listed from the day it fell
// due; a cancelled one also loses its extraordinary right. The child goes
// back first, so that a failure leaves the referral as it was; the seat it
// held is free again.
func (a *Allocator) endReferral(item dueItem, now time.Time, f *Fallen) error {
	e := a.held[item.referral]
	if item.to == ReferralCancelled {
		e.Class, e.Confirmed = General, false
	}
	e.StopListedUntil = registry.DateOf(item.at).AddDate(0, 0, a.profile.spec.StopListDays)
	if _, err := a.q.Add(e, now); err != nil {
		return err
	}
	r, err := a.moveReferral(item.referral, item.to, item.at)
	if err != nil {
		return err
	}
	delete(a.held, item.referral)
	if vs := a.seatOf[item.referral]; vs != nil {
		vs.accepted--
		delete(a.seatOf, item.referral)
	}

	if item.to == ReferralCancelled {
		f.Cancelled = append(f.Cancelled, r)
	} else {
		f.Lapsed = append(f.Lapsed, r)
	}
	return nil
}
