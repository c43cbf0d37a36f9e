package queue_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

func TestExplainNamesEveryMove(t *testing.T) {
	q := queue.New(queue.KZ2024())
	add(t, q, entry(1, queue.General), entry(2, queue.General), entry(4, queue.General),
		entry(5, queue.General)) // entry 4 is the one explained
	since := base.AddDate(0, 1, 0)
	at := func(days int) time.Time { return since.AddDate(0, 0, days) }

	// An extraordinary child joins ahead.
	_, err := q.Add(entry(10, queue.Extraordinary), at(1))
	require.NoError(t, err)
	// A general child who applied before entry 4 is registered late.
	late := entry(3, queue.General)
	late.AppliedAt = base.Add(150 * time.Second)
	_, err = q.Add(late, at(2))
	require.NoError(t, err)
	// A child ahead is referred.
	_, err = q.Refer(id(1), at(3))
	require.NoError(t, err)
	// A child ahead is stop-listed until day 6 (its referral lapsed).
	stopped := entry(2, queue.General)
	stopped.StopListedUntil = registry.DateOf(at(6))
	_, err = q.Change(stopped, at(4))
	require.NoError(t, err)
	// A primary child joins: it goes ahead under the one-to-three schedule.
	_, err = q.Add(entry(11, queue.Primary), at(5))
	require.NoError(t, err)

	x, err := q.Explain(id(4), since, registry.DateOf(at(7)))
	require.NoError(t, err)

	var got []string
	for _, m := range x.Moves {
		got = append(got, fmt.Sprintf("%s %d->%d", m.Rule, m.From, m.To))
	}
	assert.Equal(t, []string{
		"higher_class 3->4",
		"earlier_application 4->5",
		"left_ahead 5->4",
		"stop_listed 4->3",
		"interleave 3->4",
		"stop_list_ended 4->5",
	}, got)
	assert.Equal(t, 3, x.From)
	assert.Equal(t, 5, x.Position)
	assert.Equal(t, queue.ClassCounts{Extraordinary: 1, Primary: 1, General: 2}, x.Ahead)
	assert.Equal(t, queue.General, x.Key.Class)
}

func TestExplainStopListLifted(t *testing.T) {
	q := queue.New(queue.Regulation2012())
	stopped := entry(1, queue.General)
	stopped.StopListedUntil = registry.Date(2025, 9, 20)
	add(t, q, stopped, entry(2, queue.General))

	since := clocks[q]
	lifted := entry(1, queue.General)
	_, err := q.Change(lifted, tick(q, since.Add(time.Hour)))
	require.NoError(t, err)

	x, err := q.Explain(id(2), since, today)
	require.NoError(t, err)
	require.Len(t, x.Moves, 1)
	assert.Equal(t, queue.RuleStopListLifted, x.Moves[0].Rule)
	assert.Equal(t, 1, x.Moves[0].From)
	assert.Equal(t, 2, x.Moves[0].To)
}
