package queue

import (
	"bytes"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/registry"
)

// AllocatorSnapshot is the state of an [Allocator] as plain data, to save
// beside the queue's [Snapshot] and restore with [RestoreAllocator].
type AllocatorSnapshot struct {
	// Vacancies are the published vacancies, in ID order.
	Vacancies []VacancyRecord
	// Offers are every offer made, in ID order.
	Offers []Offer
	// Referrals are every referral issued, in ID order.
	Referrals []Referral
	// Held are the queue entries of the children holding issued
	// referrals, to put back in the queue if the referral ends unused.
	Held []HeldEntry
}

// VacancyRecord is a published vacancy in an [AllocatorSnapshot].
type VacancyRecord struct {
	// ID is the caller's ID of the vacancy.
	ID uuid.UUID
	// Vacancy says where the seats are and for whom.
	Vacancy Vacancy
	// Published is when it was published.
	Published time.Time
	// Accepted counts the seats held by referrals; Staff the staff-child
	// referrals issued.
	Accepted, Staff int
	// Offers are the offers made for it, in the order made.
	Offers []uuid.UUID
	// Declined are the children who declined it or let it expire, in ID
	// order.
	Declined []uuid.UUID
	// Withdrawn reports whether the vacancy was taken back.
	Withdrawn bool
}

// HeldEntry is the queue entry a referral took out of the queue.
type HeldEntry struct {
	// Referral is the referral that holds the entry.
	Referral uuid.UUID
	// Entry is the entry as it left the queue.
	Entry Entry
}

// Snapshot returns the allocator's state. It shares nothing with it.
func (a *Allocator) Snapshot() AllocatorSnapshot {
	var s AllocatorSnapshot
	for _, vs := range a.vacancies {
		rec := VacancyRecord{ID: vs.id, Vacancy: vs.v, Published: vs.published,
			Accepted: vs.accepted, Staff: vs.staff, Offers: slices.Clone(vs.offers),
			Withdrawn: vs.withdrawn}
		for app := range vs.declined {
			rec.Declined = append(rec.Declined, app)
		}
		slices.SortFunc(rec.Declined, compareIDs)
		s.Vacancies = append(s.Vacancies, rec)
	}
	for _, o := range a.offers {
		s.Offers = append(s.Offers, o)
	}
	for _, r := range a.referrals {
		r.Refusals = slices.Clone(r.Refusals)
		s.Referrals = append(s.Referrals, r)
	}
	for id, e := range a.held {
		s.Held = append(s.Held, HeldEntry{Referral: id, Entry: e.clone()})
	}

	slices.SortFunc(s.Vacancies, func(x, y VacancyRecord) int { return compareIDs(x.ID, y.ID) })
	slices.SortFunc(s.Offers, func(x, y Offer) int { return compareIDs(x.ID, y.ID) })
	slices.SortFunc(s.Referrals, func(x, y Referral) int { return compareIDs(x.ID, y.ID) })
	slices.SortFunc(s.Held, func(x, y HeldEntry) int { return compareIDs(x.Referral, y.Referral) })
	return s
}

func compareIDs(a, b uuid.UUID) int {
	return bytes.Compare(a[:], b[:])
}

// RestoreAllocator rebuilds an allocator for the queue q from a snapshot.
// A snapshot whose parts do not fit together (an offer of an unknown
// vacancy, two open offers for one child, a held entry without its issued
// referral) is an [*Error] with [CodeInvalidSnapshot].
func RestoreAllocator(q *Queue, p Profile, cal registry.Calendar,
	s AllocatorSnapshot) (*Allocator, error) {
	a, err := NewAllocator(q, p, cal)
	if err != nil {
		return nil, err
	}
	for _, rec := range s.Vacancies {
		vs := &vacancy{id: rec.ID, v: rec.Vacancy, published: rec.Published,
			accepted: rec.Accepted, staff: rec.Staff,
			offers: slices.Clone(rec.Offers), declined: map[uuid.UUID]bool{},
			withdrawn: rec.Withdrawn}
		for _, app := range rec.Declined {
			vs.declined[app] = true
		}
		a.vacancies[rec.ID] = vs
	}
	if err := a.restoreOffers(s.Offers); err != nil {
		return nil, err
	}
	return a, a.restoreReferrals(s.Referrals, s.Held)
}

func (a *Allocator) restoreOffers(offers []Offer) error {
	for _, o := range offers {
		vs := a.vacancies[o.Vacancy]
		if vs == nil || !slices.Contains(vs.offers, o.ID) {
			return invalidSnapshot("offer %s has no vacancy", o.ID)
		}
		if _, dup := a.open[o.Application]; dup && o.State == OfferOpen {
			return invalidSnapshot("two open offers for %s", o.Application)
		}
		a.offers[o.ID] = o
		a.vacancyOf[o.ID] = vs
		if o.State == OfferOpen {
			a.open[o.Application] = o.ID
		}
	}
	return nil
}

func (a *Allocator) restoreReferrals(referrals []Referral, held []HeldEntry) error {
	for _, r := range referrals {
		r.Refusals = slices.Clone(r.Refusals)
		a.referrals[r.ID] = r
		if vs := a.vacancies[r.Vacancy]; vs != nil && r.State == ReferralIssued {
			a.seatOf[r.ID] = vs
		}
	}
	for _, h := range held {
		if r, ok := a.referrals[h.Referral]; !ok || r.State != ReferralIssued {
			return invalidSnapshot("held entry of %s has no issued referral", h.Referral)
		}
		a.held[h.Referral] = h.Entry.clone()
	}
	for id, r := range a.referrals {
		if _, ok := a.held[id]; r.State == ReferralIssued && !ok {
			return invalidSnapshot("issued referral %s holds no entry", id)
		}
	}
	return nil
}
