package registry_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/kezek/kezek/registry"
)

func TestDateOfDayBoundary(t *testing.T) {
	tests := []struct {
		name    string
		instant time.Time
		want    time.Time
	}{
		// Since 1 March 2024 the country keeps UTC+5: midnight is 19:00 UTC.
		{"BeforeMidnightUTC5",
			time.Date(2024, 6, 1, 18, 59, 59, 0, time.UTC), registry.Date(2024, 6, 1)},
		{"MidnightUTC5", time.Date(2024, 6, 1, 19, 0, 0, 0, time.UTC), registry.Date(2024, 6, 2)},
		{"NewYearUTC5", time.Date(2025, 12, 31, 19, 0, 0, 0, time.UTC), registry.Date(2026, 1, 1)},
		// Before the change Almaty kept UTC+6: midnight was 18:00 UTC.
		{"BeforeMidnightUTC6",
			time.Date(2023, 6, 1, 17, 59, 59, 0, time.UTC), registry.Date(2023, 6, 1)},
		{"MidnightUTC6", time.Date(2023, 6, 1, 18, 0, 0, 0, time.UTC), registry.Date(2023, 6, 2)},
		{"OtherZoneInput",
			time.Date(2026, 3, 1, 23, 30, 0, 0, time.FixedZone("CET", 3600)),
			registry.Date(2026, 3, 2)},
		{"Zero", time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, registry.DateOf(tt.instant))
		})
	}
}

func TestKazakhstanOffset(t *testing.T) {
	_, after := time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC).In(registry.Kazakhstan).Zone()
	_, before := time.Date(2024, 2, 28, 0, 0, 0, 0, time.UTC).In(registry.Kazakhstan).Zone()
	assert.Equal(t, 5*3600, after)
	assert.Equal(t, 6*3600, before)
}

func TestAgeOn(t *testing.T) {
	tests := []struct {
		name     string
		born, on time.Time
		want     int
	}{
		{"DayBeforeBirthday", registry.Date(2020, 3, 5), registry.Date(2026, 3, 4), 5},
		{"OnBirthday", registry.Date(2020, 3, 5), registry.Date(2026, 3, 5), 6},
		{"Newborn", registry.Date(2026, 3, 5), registry.Date(2026, 3, 5), 0},
		{"NotBornYet", registry.Date(2026, 3, 6), registry.Date(2026, 3, 5), -1},
		{"LeapDayCommonYearFeb28", registry.Date(2020, 2, 29), registry.Date(2021, 2, 28), 0},
		{"LeapDayCommonYearMar1", registry.Date(2020, 2, 29), registry.Date(2021, 3, 1), 1},
		{"LeapDayLeapYear", registry.Date(2020, 2, 29), registry.Date(2024, 2, 29), 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, registry.AgeOn(tt.born, tt.on))
		})
	}
}
