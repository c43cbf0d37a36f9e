package queue_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

func TestAddRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(e *queue.Entry)
		code   queue.Code
	}{
		{"NoID", func(e *queue.Entry) { e.ID = uuid.Nil }, queue.CodeInvalidEntry},
		{"UnknownClass", func(e *queue.Entry) { e.Class = 7 }, queue.CodeInvalidEntry},
		{"NoDistrict", func(e *queue.Entry) { e.Partition.District = "" }, queue.CodeInvalidEntry},
		{"UnknownGroup", func(e *queue.Entry) { e.Partition.Group = "nursery" },
			queue.CodeInvalidEntry},
		{"BornOutsideCohort", func(e *queue.Entry) { e.BirthDate = registry.Date(2022, 12, 31) },
			queue.CodeInvalidEntry},
		{"AppliedBefore2000", func(e *queue.Entry) {
			e.AppliedAt = time.Date(1999, 12, 31, 0, 0, 0, 0, time.UTC)
		}, queue.CodeInvalidEntry},
		{"OtherLanguage", func(e *queue.Entry) {
			e.Partition.Language = registry.Kazakh
			e.Language = registry.Russian
		}, queue.CodeInvalidEntry},
		{"StopListBefore2000", func(e *queue.Entry) {
			e.StopListedUntil = registry.Date(1999, 12, 1)
		}, queue.CodeInvalidEntry},
		{"CohortTooLate", func(e *queue.Entry) {
			e.Partition.Cohort = 2081
			e.BirthDate = registry.Date(2081, 1, 1)
		}, queue.CodeInvalidEntry},
		{"UnknownLanguage", func(e *queue.Entry) { e.Language = "xx" }, queue.CodeInvalidEntry},
		{"Duplicate", func(e *queue.Entry) { e.ID = id(1) }, queue.CodeDuplicate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := queue.New(queue.KZ2024())
			add(t, q, entry(1, queue.General))
			e := entry(2, queue.General)
			tt.change(&e)
			_, err := q.Add(e, tick(q, base))
			var qe *queue.Error
			require.ErrorAs(t, err, &qe)
			assert.Equal(t, tt.code, qe.Code)
			assert.Equal(t, 1, q.Len(), "nothing added")
		})
	}
}

func TestUnknownIDs(t *testing.T) {
	q := queue.New(queue.KZ2024())
	for _, err := range []error{
		func() error { _, err := q.Remove(id(9), base, "x"); return err }(),
		func() error { _, err := q.Refer(id(9), base); return err }(),
		func() error { _, err := q.Change(entry(9, queue.General), base); return err }(),
		func() error { _, err := q.Position(id(9), today); return err }(),
		func() error { _, err := q.Explain(id(9), base, today); return err }(),
	} {
		var qe *queue.Error
		require.ErrorAs(t, err, &qe)
		assert.Equal(t, queue.CodeNotFound, qe.Code)
	}
	_, ok := q.Get(id(9))
	assert.False(t, ok)
}

func TestChange(t *testing.T) {
	q := queue.New(queue.KZ2024())
	add(t, q, classes("GGGG", "ds-1")...)

	// Entry 4's primary right is confirmed: it goes first.
	e := entry(4, queue.Primary, "ds-1", "ds-2")
	e.Confirmed = true
	events, err := q.Change(e, tick(q, base.AddDate(0, 1, 0)))
	require.NoError(t, err)
	require.Len(t, events, 1)
	assert.Equal(t, queue.EventChanged, events[0].Kind)
	assert.Equal(t, []int{4, 1, 2, 3}, order(q, "", today))
	assert.Equal(t, []int{4}, order(q, "ds-2", today))

	got, ok := q.Get(id(4))
	require.True(t, ok)
	assert.Equal(t, e, got)

	moved := e
	moved.Partition.Cohort = 2022
	moved.BirthDate = registry.Date(2022, 5, 5)
	_, err = q.Change(moved, tick(q, base))
	var qe *queue.Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeInvalidEntry, qe.Code)
}

func TestStopListedLeaveOthersCount(t *testing.T) {
	q := queue.New(queue.Regulation2012())
	add(t, q, classes("GGG")...)
	e := entry(1, queue.General)
	e.StopListedUntil = registry.Date(2025, 9, 11)
	_, err := q.Change(e, tick(q, base))
	require.NoError(t, err)

	pos := func(n int, date time.Time) int {
		p, err := q.Position(id(n), date)
		require.NoError(t, err)
		return p.InPartition
	}
	assert.Equal(t, 1, pos(2, registry.Date(2025, 9, 10)))
	assert.Equal(t, 2, pos(2, registry.Date(2025, 9, 11)))
	assert.Equal(t, 1, pos(1, registry.Date(2025, 9, 10)), "its own stop-list keeps its place")
	assert.Equal(t, []int{2, 3}, order(q, "", registry.Date(2025, 9, 10)))
}

func TestGetRoundTrips(t *testing.T) {
	q := queue.New(queue.KZ2024())
	e := entry(1, queue.Primary, "ds-1", "ds-2", "ds-3", "ds-4", "ds-5", "ds-6")
	e.Confirmed = true
	e.Batch = "twins"
	e.Language = registry.Kazakh
	e.StopListedUntil = registry.Date(2025, 1, 1)
	add(t, q, e)
	got, ok := q.Get(id(1))
	require.True(t, ok)
	assert.Equal(t, e, got)
	assert.True(t, got.StopListed(registry.Date(2024, 12, 31)))
	assert.False(t, got.StopListed(registry.Date(2025, 1, 1)))

	pos, err := q.Position(id(1), today)
	require.NoError(t, err)
	assert.Len(t, pos.Organisations, 6)
	assert.Equal(t, "ds-6", string(pos.Organisations[5].Organisation))
}

func TestRestoreRejects(t *testing.T) {
	q := queue.New(queue.KZ2024())
	add(t, q, classes("PG")...)
	good := q.Snapshot()

	bad := []func(s *queue.Snapshot){
		func(s *queue.Snapshot) { s.Policy.Kind = "fifo" },
		func(s *queue.Snapshot) { s.Counters[0].SincePrimary = 4 },
		func(s *queue.Snapshot) { s.Events[1].Seq = 1 },
		func(s *queue.Snapshot) { s.Seq = 1 },
		func(s *queue.Snapshot) { s.Entries[1].ID = s.Entries[0].ID },
		func(s *queue.Snapshot) { s.Events = s.Events[1:] },
		func(s *queue.Snapshot) { s.Entries[0].Class = queue.General },
		func(s *queue.Snapshot) { s.Events[0].Kind = "teleported" },
	}
	for i, change := range bad {
		s := q.Snapshot()
		change(&s)
		_, err := queue.Restore(s)
		var qe *queue.Error
		require.ErrorAs(t, err, &qe, "case %d", i)
		assert.Equal(t, queue.CodeInvalidSnapshot, qe.Code)
	}
	_, err := queue.Restore(good)
	assert.NoError(t, err)
}

func TestCommandsRunForward(t *testing.T) {
	q := queue.New(queue.KZ2024())
	add(t, q, classes("GG")...)
	last := clocks[q]

	_, err := q.Refer(id(1), last.Add(-time.Minute))
	var qe *queue.Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeOutOfOrder, qe.Code)
	assert.Equal(t, 2, q.Len(), "nothing changed")

	_, err = q.Refer(id(1), last)
	assert.NoError(t, err, "the same moment is fine")
}

func TestRestoreWithoutHistory(t *testing.T) {
	q := queue.New(queue.KZ2024())
	add(t, q, classes("PGG")...)
	s := q.Snapshot()
	s.Events = nil
	r, err := queue.Restore(s)
	require.NoError(t, err)
	assert.Equal(t, letters(q), letters(r))

	_, err = r.Explain(id(2), base, today)
	var qe *queue.Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeNoHistory, qe.Code)
}

func TestZeroPolicyMeansKZ2024(t *testing.T) {
	q := queue.New(queue.Policy{})
	assert.Equal(t, queue.KindKZ2024, q.Policy().Kind())
	assert.Equal(t, queue.DefaultRatio, q.Counter(part))
}
