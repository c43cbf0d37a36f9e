package registry

import (
	"time"
	_ "time/tzdata" // Asia/Almaty must load on machines without a zone database.
)

// zoneName is the IANA zone whose rules give Kazakhstan's civil time: UTC+6
// until 1 March 2024, UTC+5 (the single national zone) since.
const zoneName = "Asia/Almaty"

// Kazakhstan is the location used for every civil date in kezek. It is the
// IANA zone Asia/Almaty, loaded from the zone database embedded in the
// binary (time/tzdata), so it is the same on every machine. Since 1 March
// 2024 it is UTC+5, the single zone of the whole country; before that it
// follows Almaty's UTC+6, which was also Astana's but not the western
// regions'.
var Kazakhstan = loadKazakhstan()

// loadKazakhstan loads the zone. The embedded database makes failure
// impossible in practice; should it happen, the fixed UTC+5 of today's
// single zone is used rather than UTC.
func loadKazakhstan() *time.Location {
	loc, err := time.LoadLocation(zoneName)
	if err != nil {
		return time.FixedZone("UTC+5", 5*60*60)
	}
	return loc
}

// Date returns the civil date year-month-day: a time.Time at 00:00 UTC.
// Out-of-range values are normalised as by time.Date.
func Date(year int, month time.Month, day int) time.Time {
	return time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
}

// DateOf returns the Kazakhstan civil date on which the instant t falls.
// The zero time gives the zero time.
func DateOf(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	y, m, d := t.In(Kazakhstan).Date()
	return Date(y, m, d)
}

// AgeOn returns the age in completed years, on the civil date on, of a
// person born on the civil date born. A person born on 29 February turns a
// year older on 1 March in common years. The result is negative when on is
// before born.
func AgeOn(born, on time.Time) int {
	years := on.Year() - born.Year()
	birthday := Date(on.Year(), born.Month(), born.Day())
	if born.Month() == time.February && born.Day() == 29 &&
		birthday.Month() == time.March {
		birthday = Date(on.Year(), time.March, 1)
	}
	if on.Before(birthday) {
		years--
	}
	return years
}

// civilDate returns the civil date year-month-day and reports whether it
// exists (time.Date would silently normalise 31 April to 1 May).
func civilDate(year, month, day int) (time.Time, bool) {
	d := Date(year, time.Month(month), day)
	if d.Year() != year || int(d.Month()) != month || d.Day() != day {
		return time.Time{}, false
	}
	return d, true
}
