package registry_test

import (
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kezek/kezek/registry"
)

// monthWorkingDays counts a month's working days.
func monthWorkingDays(c registry.Calendar, year int, m time.Month) int {
	first := registry.Date(year, m, 1)
	return c.WorkingDaysBetween(first.AddDate(0, 0, -1), first.AddDate(0, 1, -1))
}

func yearWorkingDays(c registry.Calendar, year int) int {
	return c.WorkingDaysBetween(registry.Date(year-1, 12, 31), registry.Date(year, 12, 31))
}

// The Ministry of Labour's balance of working time for 2024 (five-day
// week), as republished at help.inbuh.kz/6801: 248 days. It was drawn up
// with Kurban Ait on Monday 17 June; the Spiritual Administration later set
// Sunday 16 June and the Ministry kept 17 June a working day, so June has
// 20 days, not 19, and the year 249.
func TestKazakhstan2024AgainstPublishedBalance(t *testing.T) {
	c := registry.DefaultKazakhstanCalendar()
	published := []int{21, 21, 17, 22, 20, 19, 22, 21, 21, 22, 21, 21}
	published[time.June-1]++ // the Kurban Ait correction
	for i, want := range published {
		m := time.Month(i + 1)
		assert.Equal(t, want, monthWorkingDays(c, 2024, m), "%s 2024", m)
	}
	assert.Equal(t, 249, yearWorkingDays(c, 2024))
}

// The Ministry's calendar for 2025: 119 days of rest with a five-day week,
// so 246 working days (azattyq-ruhy.kz); June 20 working days
// (toppress.kz).
func TestKazakhstan2025AgainstPublishedTotals(t *testing.T) {
	c := registry.DefaultKazakhstanCalendar()
	assert.Equal(t, 246, yearWorkingDays(c, 2025))
	assert.Equal(t, 20, monthWorkingDays(c, 2025, time.June))

	// The order moving 5 January to 3 January.
	assert.True(t, c.IsWorkingDay(registry.Date(2025, 1, 5)), "Sunday 5 January worked")
	assert.False(t, c.IsWorkingDay(registry.Date(2025, 1, 3)))
}

// The Ministry's production calendar for 2026 (El.kz, December 2025):
// January has 19 working days, and weekend holidays move to 9 March, 24
// and 25 March, 11 May and 26 October. 31 August, which 30 August would
// have moved to, stays a working day: Constitution Day moved to 15 March
// from 2027.
func TestKazakhstan2026(t *testing.T) {
	c := registry.DefaultKazakhstanCalendar()
	assert.Equal(t, 19, monthWorkingDays(c, 2026, time.January))
	for _, d := range []time.Time{
		registry.Date(2026, 3, 9), registry.Date(2026, 3, 24),
		registry.Date(2026, 3, 25), registry.Date(2026, 5, 11),
		registry.Date(2026, 10, 26), registry.Date(2026, 5, 27),
	} {
		assert.False(t, c.IsWorkingDay(d), "%s is a day off", d.Format(time.DateOnly))
	}
	assert.True(t, c.IsWorkingDay(registry.Date(2026, 8, 31)))
	assert.True(t, c.IsWorkingDay(registry.Date(2026, 3, 16)))
}

func TestKazakhstanRules(t *testing.T) {
	c := registry.DefaultKazakhstanCalendar()
	tests := []struct {
		name    string
		date    time.Time
		working bool
	}{
		{"OrthodoxChristmasOnSundayDoesNotMove", registry.Date(2024, 1, 8), true},
		{"KurbanAitOnSundayDoesNotMove", registry.Date(2024, 6, 17), true},
		{"NewYearOnSaturdayMovesToMonday", registry.Date(2027, 1, 4), false},
		{"ConstitutionDayFrom2027", registry.Date(2027, 3, 15), false},
		{"NauryzOnSundayMovesPastTheRun", registry.Date(2027, 3, 24), false},
		{"DayAfterMovedNauryz", registry.Date(2027, 3, 25), true},
		{"VictoryDayOnSunday", registry.Date(2027, 5, 10), false},
		{"OrdinarySaturday", registry.Date(2025, 6, 7), false},
		{"OrdinaryMonday", registry.Date(2025, 6, 9), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.working, c.IsWorkingDay(tt.date))
		})
	}
}

func TestKazakhstanHolidaysList(t *testing.T) {
	c := registry.DefaultKazakhstanCalendar()
	var got []string
	for _, d := range c.Holidays(2025) {
		got = append(got, d.Format("01-02"))
	}
	assert.Equal(t, []string{"01-01", "01-02", "01-03", "01-07", "03-10", "03-21",
		"03-24", "03-25", "05-01", "05-07", "05-09", "06-06", "07-07", "09-01",
		"10-27", "12-16"}, got)
}

func TestAddWorkingDays(t *testing.T) {
	c := registry.DefaultKazakhstanCalendar()
	// An offer made on Thursday 6 March 2025 with a window of 3 working
	// days: Friday 7, then Monday 10 March is a holiday (8 March moved),
	// Tuesday 11, Wednesday 12.
	assert.Equal(t, registry.Date(2025, 3, 12), c.AddWorkingDays(registry.Date(2025, 3, 6), 3))
	assert.Equal(t, registry.Date(2025, 3, 6), c.AddWorkingDays(registry.Date(2025, 3, 12), -3))
	assert.Equal(t, registry.Date(2025, 3, 6), c.AddWorkingDays(registry.Date(2025, 3, 6), 0))

	var w registry.Weekdays
	assert.Equal(t, registry.Date(2025, 3, 10), w.AddWorkingDays(registry.Date(2025, 3, 7), 1))
	assert.Equal(t, 5, w.WorkingDaysBetween(registry.Date(2025, 3, 7), registry.Date(2025, 3, 14)))
}

func TestWorkingDaysBetweenInvertsAdd(t *testing.T) {
	c := registry.DefaultKazakhstanCalendar()
	rapid.Check(t, func(t *rapid.T) {
		d := registry.Date(2024, 1, 1).AddDate(0, 0, rapid.IntRange(0, 3*365).Draw(t, "day"))
		n := rapid.IntRange(-40, 40).Draw(t, "n")
		e := c.AddWorkingDays(d, n)
		require.Equal(t, n, c.WorkingDaysBetween(d, e))
		if n != 0 {
			require.True(t, c.IsWorkingDay(e))
		}
	})
}

func TestNewKazakhstanCalendarRejects(t *testing.T) {
	for _, data := range []registry.CalendarData{
		{Holidays: []registry.Holiday{{Name: "x", Month: time.February, Day: 30}}},
		{Holidays: []registry.Holiday{
			{Name: "x", Month: time.May, Day: 1, From: 2025, Until: 2024}}},
		{Dated: []registry.DatedHoliday{{Name: "x"}}},
	} {
		_, err := registry.NewKazakhstanCalendar(data)
		var e *registry.Error
		require.ErrorAs(t, err, &e)
		assert.Equal(t, registry.CodeCalendar, e.Code)
	}
}

func TestCalendarExtends(t *testing.T) {
	data := registry.KazakhstanData()
	data.Dated = append(data.Dated, registry.DatedHoliday{
		Name: "Kurban Ait", Date: registry.Date(2027, 5, 17), Source: "example"})
	c, err := registry.NewKazakhstanCalendar(data)
	require.NoError(t, err)
	assert.False(t, c.IsWorkingDay(registry.Date(2027, 5, 17)))
	assert.True(t, registry.DefaultKazakhstanCalendar().IsWorkingDay(registry.Date(2027, 5, 17)))
}

func TestCalendarIsSafeForConcurrentUse(t *testing.T) {
	c := registry.DefaultKazakhstanCalendar()
	want := map[int]int{2024: 249, 2025: 246}
	var wg sync.WaitGroup
	for i := range 8 {
		year := 2024 + i%2
		wg.Add(1)
		go func() {
			defer wg.Done()
			assert.Equal(t, want[year], yearWorkingDays(c, year))
		}()
	}
	wg.Wait()
}

func TestCalendarMovesAcrossNewYear(t *testing.T) {
	// A holiday on 31 December that falls on a Sunday (as in 2028) gives
	// the next working day off: Tuesday 2 January 2029 follows the New Year
	// days, which themselves move past the weekend.
	data := registry.KazakhstanData()
	data.Holidays = append(data.Holidays, registry.Holiday{Name: "Test Eve",
		Month: time.December, Day: 31, From: 2024, Moves: true})
	c, err := registry.NewKazakhstanCalendar(data)
	require.NoError(t, err)
	assert.False(t, c.IsWorkingDay(registry.Date(2029, 1, 1)))
	assert.False(t, c.IsWorkingDay(registry.Date(2029, 1, 2)))
	assert.False(t, c.IsWorkingDay(registry.Date(2029, 1, 3)), "moved from 31 December")
	assert.True(t, c.IsWorkingDay(registry.Date(2029, 1, 4)))
}

func TestCalendarCopiesItsData(t *testing.T) {
	data := registry.KazakhstanData()
	c, err := registry.NewKazakhstanCalendar(data)
	require.NoError(t, err)
	data.Holidays[0].Day = 3 // New Year on 3 January, after the fact
	assert.True(t, c.IsWorkingDay(registry.Date(2025, 1, 6)))
	assert.False(t, c.IsWorkingDay(registry.Date(2025, 1, 1)))

	leap := registry.CalendarData{Holidays: []registry.Holiday{
		{Name: "Leap", Month: time.February, Day: 29, From: 2024}}}
	c, err = registry.NewKazakhstanCalendar(leap)
	require.NoError(t, err)
	assert.False(t, c.IsWorkingDay(registry.Date(2028, 2, 29)))
	assert.True(t, c.IsWorkingDay(registry.Date(2027, 3, 1)))

	_, err = registry.NewKazakhstanCalendar(registry.CalendarData{Transfers: []registry.Transfer{
		{Working: registry.Date(2025, 1, 6)}}})
	assert.Error(t, err, "a Monday cannot become a working day")
}
