package queue

import (
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/kezek/kezek/registry"
)

// Entry is what the queue needs to know of an application. It holds no
// names and no IINs.
type Entry struct {
	// ID is the application's ID.
	ID uuid.UUID
	// Partition is the queue the child waits in.
	Partition Partition
	// Class is the priority class of the child's confirmed or claimed
	// right; policies with one class ignore it.
	Class Class
	// Confirmed reports whether the evidence of the priority right has been
	// confirmed by hand.
	Confirmed bool
	// AppliedAt is the moment the application was received. The order
	// counts from it, not from registration, so a parent whose checks were
	// delayed loses no place. It must lie between 2000 and 2145, inclusive.
	AppliedAt time.Time
	// Preferences are the preschool organisations wanted, most wanted
	// first.
	Preferences []registry.OrganisationID
	// BirthDate is the child's civil date of birth; its year must be the
	// partition's cohort.
	BirthDate time.Time
	// Language is the language of instruction wanted; when the partition
	// has a language, it must be the same.
	Language registry.Language
	// Batch groups twins (children of one family born within a month of
	// each other): a batch is offered places only when there are enough
	// for all of them. Empty for a single child. A batch is counted within
	// its partition, so twins born either side of New Year, in two
	// cohorts, are offered places separately.
	Batch string
	// StopListedUntil is the civil date from which the child may again be
	// offered a place, from 2 January 2000 to 2179; zero when the child is
	// not stop-listed.
	StopListedUntil time.Time
	// Criteria are the values a [KindPoints] policy weighs, by criterion
	// name, and a [ByCriterion] tie-breaker compares; each below 10^12 in
	// size with at most 12 decimal places. The queue keeps them only when
	// its policy uses them.
	Criteria map[string]decimal.Decimal
}

// The application times the queue can order, at nanosecond precision in 62
// bits.
var (
	epoch    = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	epochEnd = time.Date(2146, 1, 1, 0, 0, 0, 0, time.UTC)
)

// maxCriterion bounds the size of criterion values and weights.
var maxCriterion = decimal.New(1, 12)

// checkDecimal reports whether d may be a criterion value or weight: below
// 10^12 in size, with at most 12 decimal places. The exponent is checked
// first, so that a value such as 1e3000000 is refused before any arithmetic
// on it.
func checkDecimal(d decimal.Decimal) bool {
	if d.IsZero() {
		return true
	}
	if e := d.Exponent(); e > 12 || e < -40 {
		return false
	}
	return d.Abs().LessThan(maxCriterion) && d.Equal(d.Round(12))
}

// check reports what is wrong with e, or nil.
func (e *Entry) check() error {
	if err := e.Partition.check(); err != nil {
		return err
	}
	switch {
	case e.ID == uuid.Nil:
		return errorf(CodeInvalidEntry, "entry has no id")
	case !e.Class.Valid():
		return errorf(CodeInvalidEntry, "entry class is unknown")
	case e.AppliedAt.Before(epoch) || !e.AppliedAt.Before(epochEnd):
		return errorf(CodeInvalidEntry,
			"entry application time is outside 2000 to 2145")
	case e.BirthDate.Year() != e.Partition.Cohort:
		return errorf(CodeInvalidEntry,
			"entry birth year is not the partition's cohort")
	case !e.StopListedUntil.IsZero() &&
		(days(e.StopListedUntil) < 1 || days(e.StopListedUntil) > 0xffff):
		return errorf(CodeInvalidEntry,
			"entry stop-list date is outside 2000-01-02 to 2179")
	case e.Language != "" && !e.Language.Valid():
		return errorf(CodeInvalidEntry, "entry language is unknown")
	case e.Partition.Language != "" && e.Language != e.Partition.Language:
		return errorf(CodeInvalidEntry,
			"entry language is not the partition's")
	}
	for _, v := range e.Criteria {
		if !checkDecimal(v) {
			return errorf(CodeInvalidEntry, "entry criterion value is out of range")
		}
	}
	return nil
}

// StopListed reports whether e may not be offered a place on the civil
// date.
func (e *Entry) StopListed(date time.Time) bool {
	return !e.StopListedUntil.IsZero() && date.Before(e.StopListedUntil)
}
