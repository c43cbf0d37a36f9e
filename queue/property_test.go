package queue_test

import (
	"math/rand/v2"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

var (
	propParts = []queue.Partition{part, {District: "196400000", Cohort: 2023,
		Group: registry.GroupGeneral}}
	propOrgs = []registry.OrganisationID{"ds-1", "ds-2", "ds-3", "ds-4"}
)

// drawPolicy draws one of the ordering policies with random parameters.
func drawPolicy(t *rapid.T) queue.Policy {
	spec := queue.PolicySpec{Kind: rapid.SampledFrom([]queue.Kind{
		queue.KindKZ2024, queue.KindRegulation2012, queue.KindPoints}).Draw(t, "kind")}
	switch spec.Kind {
	case queue.KindKZ2024:
		spec.Ratio = rapid.IntRange(1, 4).Draw(t, "ratio")
	case queue.KindPoints:
		spec.Criteria = []queue.Criterion{{Name: "need", Weight: decimal.NewFromInt(2)}}
	}
	if rapid.Bool().Draw(t, "lottery") {
		spec.TieBreakers = append(spec.TieBreakers, queue.TieBreaker{By: queue.ByLottery})
		spec.Seed = rapid.Uint64().Draw(t, "seed")
	}
	p, err := queue.NewPolicy(spec)
	require.NoError(t, err)
	return p
}

// drawEntry draws an entry with a random partition, class, application time
// (often equal to another's, to exercise ties), preferences and stop-list.
func drawEntry(t *rapid.T, n int, now time.Time) queue.Entry {
	e := queue.Entry{
		ID:        id(n),
		Partition: rapid.SampledFrom(propParts).Draw(t, "part"),
		Class:     queue.Class(rapid.IntRange(0, 2).Draw(t, "class")),
		AppliedAt: base.Add(time.Duration(rapid.IntRange(0, 40).Draw(t, "applied")) * time.Hour),
		BirthDate: registry.Date(2023, 3, 1),
		Criteria: map[string]decimal.Decimal{
			"need": decimal.NewFromInt(int64(rapid.IntRange(0, 3).Draw(t, "need")))},
	}
	for _, o := range propOrgs {
		if rapid.Bool().Draw(t, "prefers") {
			e.Preferences = append(e.Preferences, o)
		}
	}
	if rapid.IntRange(0, 4).Draw(t, "stopped") == 0 {
		e.StopListedUntil = registry.DateOf(now).AddDate(0, 0, rapid.IntRange(1, 6).Draw(t, "days"))
	}
	return e
}

// checkPositions checks the partitions, whole and for each organisation:
// Position agrees with the order Ordered plays out, on the date.
func checkPositions(t require.TestingT, q *queue.Queue, parts []queue.Partition,
	date time.Time) {
	for _, p := range parts {
		for _, org := range append([]registry.OrganisationID{""}, propOrgs...) {
			i := 0
			for e := range q.Ordered(p, org, date) {
				i++
				pos, err := q.Position(e.ID, date)
				require.NoError(t, err)
				got := pos.InPartition
				for _, op := range pos.Organisations {
					if op.Organisation == org {
						got = op.Position
					}
				}
				require.Equal(t, i, got, "entry %d in %s at %q", number(e.ID), p, org)
			}
		}
	}
}

func TestQueueProperties(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := queue.New(drawPolicy(t))
		now := base.AddDate(0, 6, 0)
		var queued []uuid.UUID
		live := map[uuid.UUID][]int{} // tracked positions after each step
		var times []time.Time

		steps := rapid.IntRange(1, 300).Draw(t, "steps")
		for n := 1; n <= steps; n++ {
			hours := rapid.IntRange(0, 30).Draw(t, "hours")
			now = now.Add(time.Minute + time.Duration(hours)*time.Hour)
			queued = step(t, q, n, now, queued)
			day := registry.DateOf(now)
			checkPositions(t, q, propParts, day)

			// Record every entry's position after this step, 0 when it
			// is not queued.
			times = append(times, now)
			for _, u := range queued {
				if live[u] == nil {
					live[u] = make([]int, len(times)-1)
				}
			}
			for u := range live {
				pos, _ := q.Position(u, day)
				live[u] = append(live[u], pos.InPartition)
			}
		}

		checkInsertionOrder(t, q, registry.DateOf(now))
		checkExplain(t, q, queued, live, times, now)
	})
}

// step applies one random command and returns the queued IDs.
func step(t *rapid.T, q *queue.Queue, n int, now time.Time, queued []uuid.UUID) []uuid.UUID {
	op := rapid.IntRange(0, 9).Draw(t, "op")
	if len(queued) == 0 || op < 5 {
		e := drawEntry(t, n, now)
		_, err := q.Add(e, now)
		require.NoError(t, err)
		return append(queued, e.ID)
	}

	i := rapid.IntRange(0, len(queued)-1).Draw(t, "which")
	u := queued[i]
	var err error
	switch {
	case op < 7:
		_, err = q.Refer(u, now)
	case op < 8:
		_, err = q.Remove(u, now, "parent_request")
	default:
		old, _ := q.Get(u)
		e := drawEntry(t, number(u), now)
		e.Partition, e.AppliedAt = old.Partition, old.AppliedAt
		_, err = q.Change(e, now)
		require.NoError(t, err)
		return queued
	}
	require.NoError(t, err)
	return append(queued[:i:i], queued[i+1:]...)
}

// checkInsertionOrder rebuilds the queue from its entries in a random order
// and checks that every partition comes out in the same order.
func checkInsertionOrder(t *rapid.T, q *queue.Queue, date time.Time) {
	s := q.Snapshot()
	s.Entries = rapid.Permutation(s.Entries).Draw(t, "insertion order")
	r, err := queue.Restore(s)
	require.NoError(t, err)
	for _, p := range propParts {
		for _, org := range append([]registry.OrganisationID{""}, propOrgs...) {
			var want, got []uuid.UUID
			for e := range q.Ordered(p, org, date) {
				want = append(want, e.ID)
			}
			for e := range r.Ordered(p, org, date) {
				got = append(got, e.ID)
			}
			require.Equal(t, want, got, "%s at %q", p, org)
		}
	}
}

// checkExplain checks that Explain accounts for every change of a queued
// entry's position since a random earlier step, and that it explains the
// same after a snapshot and restore.
func checkExplain(t *rapid.T, q *queue.Queue, queued []uuid.UUID,
	live map[uuid.UUID][]int, times []time.Time, now time.Time) {
	if len(queued) == 0 {
		return
	}
	u := rapid.SampledFrom(queued).Draw(t, "explained")
	k := rapid.IntRange(0, len(times)-1).Draw(t, "since")
	date := registry.DateOf(now)

	x, err := q.Explain(u, times[k], date)
	require.NoError(t, err)
	pos, _ := q.Position(u, date)
	require.Equal(t, pos.InPartition, x.Position)
	require.Equal(t, live[u][k], x.From, "position at since")

	at := x.From
	for _, m := range x.Moves {
		require.Equal(t, at, m.From, "moves chain")
		require.NotEqual(t, m.From, m.To)
		require.NotEmpty(t, m.Rule)
		at = m.To
	}
	require.Equal(t, x.Position, at, "moves end at the position")

	ahead := x.Ahead.Extraordinary + x.Ahead.Primary + x.Ahead.General
	require.Equal(t, x.Position-1, ahead, "%+v %v", x.Ahead, q.Policy().Spec())

	r, err := queue.Restore(q.Snapshot())
	require.NoError(t, err)
	again, err := r.Explain(u, times[k], date)
	require.NoError(t, err)
	require.Equal(t, x, again)
}

// TestLargeQueues runs thousands of commands on queues deep enough for
// their trees to have several levels, with many ties (equal application
// times, equal scores), and checks every position against the order played
// out, then a restore.
func TestLargeQueues(t *testing.T) {
	for _, p := range benchPolicies {
		t.Run(p.name, func(t *testing.T) {
			q := queue.New(p.policy())
			r := rand.New(rand.NewPCG(7, 7))
			now := base.AddDate(1, 0, 0)
			var queued []uuid.UUID
			for n := 1; n <= 6000; n++ {
				now = now.Add(time.Minute)
				if len(queued) > 0 && r.IntN(3) == 0 {
					i := r.IntN(len(queued))
					_, err := q.Remove(queued[i], now, "test")
					require.NoError(t, err)
					queued = append(queued[:i], queued[i+1:]...)
					continue
				}
				e := entry(n, queue.Class(r.IntN(3)), propOrgs[r.IntN(len(propOrgs))])
				e.AppliedAt = base.Add(time.Duration(r.IntN(20)) * time.Hour)
				e.Criteria = map[string]decimal.Decimal{
					"need": decimal.NewFromInt(int64(r.IntN(3)))}
				_, err := q.Add(e, now)
				require.NoError(t, err)
				queued = append(queued, e.ID)
			}

			checkPositions(t, q, []queue.Partition{part}, today)
			n := 0
			for range q.Ordered(part, "", today) {
				n++
			}
			require.Equal(t, q.Len(), n)
			s := q.Snapshot()
			restored, err := queue.Restore(s)
			require.NoError(t, err)
			assert.Equal(t, s, restored.Snapshot())
		})
	}
}
