package registry

import "time"

// Calendar tells working days from days off. Dates are civil dates (see
// the package doc); only their year, month and day are read.
//
// Deadlines count working days after the day something happens, not
// counting that day: a referral issued on a Friday and valid 5 working days
// runs to the Friday after, when Monday to Friday are all working days.
type Calendar interface {
	// IsWorkingDay reports whether date is a working day.
	IsWorkingDay(date time.Time) bool
	// AddWorkingDays returns the n-th working day after date (before it,
	// when n is negative). With n = 0 it returns date itself.
	AddWorkingDays(date time.Time, n int) time.Time
	// WorkingDaysBetween returns the number of working days after from, up
	// to and including to. When to is before from it returns minus the
	// number from to, included, up to from, excluded. It inverts
	// AddWorkingDays: WorkingDaysBetween(d, AddWorkingDays(d, n)) is n.
	WorkingDaysBetween(from, to time.Time) int
}

// Weekdays is a calendar in which Monday to Friday are working days and
// there are no holidays. Tests and simulations use it where holidays do not
// matter.
type Weekdays struct{}

// IsWorkingDay reports whether date falls on Monday to Friday.
func (Weekdays) IsWorkingDay(date time.Time) bool {
	return !weekend(date)
}

// AddWorkingDays returns the n-th weekday after date.
func (w Weekdays) AddWorkingDays(date time.Time, n int) time.Time {
	return addWorkingDays(w, date, n)
}

// WorkingDaysBetween counts the weekdays after from up to to.
func (w Weekdays) WorkingDaysBetween(from, to time.Time) int {
	return workingDaysBetween(w, from, to)
}

func weekend(date time.Time) bool {
	d := date.Weekday()
	return d == time.Saturday || d == time.Sunday
}

// addWorkingDays steps through c one day at a time. Deadlines are a few
// days long, so the walk is short.
func addWorkingDays(c Calendar, date time.Time, n int) time.Time {
	d := Date(date.Date())
	step := 1
	if n < 0 {
		step, n = -1, -n
	}
	for n > 0 {
		d = d.AddDate(0, 0, step)
		if c.IsWorkingDay(d) {
			n--
		}
	}
	return d
}

func workingDaysBetween(c Calendar, from, to time.Time) int {
	a, b := Date(from.Date()), Date(to.Date())
	if b.Before(a) {
		// Count [to, from): the days before from back to to.
		return -workingDaysBetween(c, b.AddDate(0, 0, -1), a.AddDate(0, 0, -1))
	}
	n := 0
	for d := a.AddDate(0, 0, 1); !d.After(b); d = d.AddDate(0, 0, 1) {
		if c.IsWorkingDay(d) {
			n++
		}
	}
	return n
}
