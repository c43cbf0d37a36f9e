package registry

import (
	"fmt"
	"slices"
	"sync"
	"time"
)

// Holiday is a public holiday on the same date every year it is in force.
type Holiday struct {
	// Name is the holiday's name in English.
	Name string
	// Month and Day are its date.
	Month time.Month
	Day   int
	// From is the first year it is in force; Until the last, or 0 while it
	// still is.
	From, Until int
	// Moves reports whether, falling on a Saturday or Sunday, it gives the
	// next working day off, as the Law on holidays provides for national
	// and state holidays (not for Orthodox Christmas or Kurban Ait).
	Moves bool
}

// DatedHoliday is a day off whose date is set for one year only: the first
// day of Kurban Ait, which follows the lunar calendar. It never moves.
type DatedHoliday struct {
	// Name is the holiday's name in English.
	Name string
	// Date is the civil date.
	Date time.Time
	// Source says where the date was published.
	Source string
}

// Transfer is a day of rest moved by the authority for labour (by
// government decree until 2023, by order of the Minister of Labour since): Working, a
// Saturday or Sunday, becomes a working day, and Off a day off. Either may
// be zero when an order moves only one.
type Transfer struct {
	// Working is the weekend day made a working day, or zero.
	Working time.Time
	// Off is the weekday made a day off, or zero.
	Off time.Time
	// Source names the act.
	Source string
}

// CalendarData is what a [KazakhstanCalendar] is built from. Users can
// replace or extend it: a new year's Kurban Ait or a new order moving days.
type CalendarData struct {
	// Holidays are the holidays on fixed dates.
	Holidays []Holiday
	// Dated are the days off set for one year each.
	Dated []DatedHoliday
	// Transfers are the days of rest moved by the authority.
	Transfers []Transfer
}

// KazakhstanCalendar is the working-day calendar of Kazakhstan for a
// five-day week: Saturdays, Sundays, public holidays and the days they
// move to, and the days moved by decree. It is safe for concurrent use.
type KazakhstanCalendar struct {
	data CalendarData

	mu    sync.Mutex
	years map[int]*calendarYear
}

// calendarYear holds one year's exceptions to "weekdays work".
type calendarYear struct {
	off     map[time.Time]bool // weekdays off
	working map[time.Time]bool // weekend days worked
}

// NewKazakhstanCalendar returns a calendar built from a copy of data. A
// holiday with an impossible date, years out of order, a zero dated
// holiday, or a transfer that does not turn a weekend day into a working
// day or a weekday into a day off is an [*Error] with [CodeCalendar].
func NewKazakhstanCalendar(data CalendarData) (*KazakhstanCalendar, error) {
	data = CalendarData{
		Holidays:  slices.Clone(data.Holidays),
		Dated:     slices.Clone(data.Dated),
		Transfers: slices.Clone(data.Transfers),
	}
	for _, h := range data.Holidays {
		if _, ok := civilDate(2024, int(h.Month), h.Day); !ok {
			return nil, errorf(CodeCalendar,
				fmt.Sprintf("calendar: %s has no valid date", h.Name))
		}
		if h.Until != 0 && h.Until < h.From {
			return nil, errorf(CodeCalendar,
				fmt.Sprintf("calendar: %s ends before it starts", h.Name))
		}
	}
	for _, d := range data.Dated {
		if d.Date.IsZero() {
			return nil, errorf(CodeCalendar,
				fmt.Sprintf("calendar: %s has no date", d.Name))
		}
	}
	for _, t := range data.Transfers {
		if (t.Working.IsZero() && t.Off.IsZero()) ||
			(!t.Working.IsZero() && !weekend(t.Working)) ||
			(!t.Off.IsZero() && weekend(t.Off)) {
			return nil, errorf(CodeCalendar, "calendar: a transfer must make a "+
				"weekend day working or a weekday off")
		}
	}
	return &KazakhstanCalendar{data: data, years: map[int]*calendarYear{}}, nil
}

// DefaultKazakhstanCalendar returns the calendar of [KazakhstanData].
func DefaultKazakhstanCalendar() *KazakhstanCalendar {
	c, err := NewKazakhstanCalendar(KazakhstanData())
	if err != nil {
		panic(err) // the built-in data is checked by the tests
	}
	return c
}

// IsWorkingDay reports whether date is a working day.
func (c *KazakhstanCalendar) IsWorkingDay(date time.Time) bool {
	d := Date(date.Date())
	y := c.year(d.Year())
	if weekend(d) {
		return y.working[d]
	}
	return !y.off[d]
}

// AddWorkingDays returns the n-th working day after date.
func (c *KazakhstanCalendar) AddWorkingDays(date time.Time, n int) time.Time {
	return addWorkingDays(c, date, n)
}

// WorkingDaysBetween counts the working days after from up to to.
func (c *KazakhstanCalendar) WorkingDaysBetween(from, to time.Time) int {
	return workingDaysBetween(c, from, to)
}

// Holidays returns the days off a year has on weekdays, in order: the
// holidays, the days they move to, and the days moved by decree.
func (c *KazakhstanCalendar) Holidays(year int) []time.Time {
	y := c.year(year)
	var out []time.Time
	for d := range y.off {
		out = append(out, d)
	}
	slices.SortFunc(out, time.Time.Compare)
	return out
}

func (c *KazakhstanCalendar) year(year int) *calendarYear {
	c.mu.Lock()
	defer c.mu.Unlock()
	if y, ok := c.years[year]; ok {
		return y
	}
	y := c.data.build(year)
	c.years[year] = y
	return y
}

// build works out a year: the holidays in force, each holiday that falls on
// a weekend moved to the next day that is neither a weekend nor already
// off, then the transfers. The year before is worked out with it, since a
// late-December holiday can move into January.
func (data CalendarData) build(year int) *calendarYear {
	off := map[time.Time]bool{}
	var moving []time.Time
	for y := year - 1; y <= year; y++ {
		moving = append(moving, data.holidays(y, off)...)
	}

	slices.SortFunc(moving, time.Time.Compare)
	for _, d := range moving {
		next := d.AddDate(0, 0, 1)
		for weekend(next) || off[next] {
			next = next.AddDate(0, 0, 1)
		}
		off[next] = true
	}

	y := &calendarYear{off: map[time.Time]bool{}, working: map[time.Time]bool{}}
	for d := range off {
		if d.Year() == year && !weekend(d) {
			y.off[d] = true
		}
	}
	for _, t := range data.Transfers {
		if !t.Working.IsZero() && t.Working.Year() == year {
			y.working[Date(t.Working.Date())] = true
		}
		if !t.Off.IsZero() && t.Off.Year() == year {
			y.off[Date(t.Off.Date())] = true
		}
	}
	return y
}

// holidays marks in off the holidays of one year and returns those that
// fall on a weekend and move.
func (data CalendarData) holidays(year int, off map[time.Time]bool) []time.Time {
	var moving []time.Time
	for _, h := range data.Holidays {
		if year < h.From || (h.Until != 0 && year > h.Until) {
			continue
		}
		d, ok := civilDate(year, int(h.Month), h.Day)
		if !ok {
			continue // 29 February in a common year
		}
		off[d] = true
		if h.Moves && weekend(d) {
			moving = append(moving, d)
		}
	}
	for _, h := range data.Dated {
		if h.Date.Year() == year {
			off[Date(h.Date.Date())] = true
		}
	}
	return moving
}
