package queue_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

func vacancy(org registry.OrganisationID) queue.Vacancy {
	return queue.Vacancy{Organisation: org, Partition: part, Seats: 1}
}

// next returns the number of the entry Next picks, or 0.
func next(q *queue.Queue, v queue.Vacancy, date time.Time) int {
	e, ok := q.Next(v, date)
	if !ok {
		return 0
	}
	return number(e.ID)
}

func TestNextFiltersByPreference(t *testing.T) {
	q := queue.New(queue.KZ2024())
	add(t, q,
		entry(1, queue.General, "ds-1"),
		entry(2, queue.General, "ds-2", "ds-1"),
		entry(3, queue.Primary, "ds-2"),
		entry(4, queue.General, "ds-3"),
		entry(5, queue.Extraordinary, "ds-3"),
	)

	tests := []struct {
		name string
		v    queue.Vacancy
		want int
	}{
		{"FirstChoiceGeneral", vacancy("ds-1"), 1},
		{"PrimaryDueFirst", vacancy("ds-2"), 3},
		{"ExtraordinaryFirst", vacancy("ds-3"), 5},
		{"NobodyChoseIt", vacancy("ds-9"), 0},
		{"OpenToAll", queue.Vacancy{Organisation: "ds-9", Partition: part, Seats: 1,
			OpenToAll: true}, 5},
		{"OtherPartition", queue.Vacancy{Organisation: "ds-1", Seats: 1,
			Partition: queue.Partition{District: "x", Cohort: 2023,
				Group: registry.GroupGeneral}}, 0},
		{"NoSeats", queue.Vacancy{Organisation: "ds-1", Partition: part}, 0},
		{"NoOrganisation", queue.Vacancy{Partition: part, Seats: 1}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, next(q, tt.v, today))
		})
	}
}

func TestNextFollowsTheCounter(t *testing.T) {
	q := queue.New(queue.KZ2024())
	add(t, q, classes("GGGGPP", "ds-1")...)

	var got []int
	for range 6 {
		n := next(q, vacancy("ds-1"), today)
		got = append(got, n)
		refer(t, q, n)
	}
	assert.Equal(t, []int{5, 1, 2, 3, 6, 4}, got)
}

func TestNextEligibility(t *testing.T) {
	young := entry(1, queue.General, "ds-1")
	young.BirthDate = registry.Date(2023, 9, 2)
	old := entry(2, queue.General, "ds-1")
	old.BirthDate = registry.Date(2023, 1, 1)
	stopped := entry(3, queue.General, "ds-1")
	stopped.StopListedUntil = registry.Date(2025, 9, 11)
	twin1 := entry(4, queue.General, "ds-1")
	twin1.Batch = "family-7"
	twin2 := entry(5, queue.General, "ds-1")
	twin2.Batch = "family-7"

	q := queue.New(queue.KZ2024())
	add(t, q, young, old, stopped, twin1, twin2)

	at := func(y int, m time.Month, d int, seats int) queue.Vacancy {
		v := vacancy("ds-1")
		v.AdmissionDate, v.Seats = registry.Date(y, m, d), seats
		return v
	}
	tests := []struct {
		name string
		v    queue.Vacancy
		date time.Time
		want int
	}{
		// On 1 September 2025 the child born on 2 September 2023 is not yet
		// two; the one born in January is.
		{"TooYoung", at(2025, 9, 1, 1), today, 2},
		{"TwoByAdmission", at(2025, 9, 2, 1), today, 1},
		// In 2029 the January child is six and no longer offered places.
		{"TooOld", at(2029, 1, 1, 1), registry.Date(2028, 12, 1), 1},
		{"AllOldEnough", at(2025, 9, 10, 1), registry.Date(2025, 9, 10), 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, next(q, tt.v, tt.date))
		})
	}

	// Remove the first two: the stop-listed child waits for its date, and
	// twins need two seats.
	for _, n := range []int{1, 2} {
		_, err := q.Remove(id(n), tick(q, base), "test")
		require.NoError(t, err)
	}
	assert.Equal(t, 0, next(q, at(2025, 9, 10, 1), registry.Date(2025, 9, 10)))
	assert.Equal(t, 4, next(q, at(2025, 9, 10, 2), registry.Date(2025, 9, 10)))
	assert.Equal(t, 3, next(q, at(2025, 9, 11, 1), registry.Date(2025, 9, 11)))
}
