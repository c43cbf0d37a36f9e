package queue_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

var batchOrgs = []registry.OrganisationID{"ds-1", "ds-2", "ds-3"}

// TestAllocateIsApplicantOptimal builds small random markets and checks
// deferred acceptance against a search of every allocation: the result is
// stable, and every child likes it at least as well as any other stable
// allocation.
func TestAllocateIsApplicantOptimal(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		q := queue.New(queue.Regulation2012())
		n := rapid.IntRange(1, 5).Draw(t, "children")
		prefs := make([][]registry.OrganisationID, n)
		for i := range n {
			k := rapid.IntRange(1, 3).Draw(t, "k")
			prefs[i] = rapid.Permutation(batchOrgs).Draw(t, "prefs")[:k]
			e := entry(i+1, queue.General, prefs[i]...)
			minutes := rapid.IntRange(0, 20).Draw(t, "applied")
			e.AppliedAt = base.Add(time.Duration(minutes) * time.Minute)
			_, err := q.Add(e, base.AddDate(1, 0, i))
			require.NoError(t, err)
		}
		caps := map[registry.OrganisationID]int{}
		var seats []queue.Seats
		for _, o := range batchOrgs {
			caps[o] = rapid.IntRange(0, 2).Draw(t, "cap")
			seats = append(seats, queue.Seats{Organisation: o, Partition: part, Count: caps[o]})
		}

		r, err := q.Allocate(seats, today)
		require.NoError(t, err)
		require.Empty(t, r.BlockingPairs)

		// Priority: the partition's order.
		var order []uuid.UUID
		for e := range q.Ordered(part, "", today) {
			order = append(order, e.ID)
		}
		got := make([]int, n) // index into prefs[i], or len(prefs[i]) if none
		for i := range n {
			got[i] = len(prefs[i])
		}
		for _, m := range r.Matches {
			i := number(m.Application) - 1
			got[i] = slices.Index(prefs[i], m.Organisation)
		}
		best := bestStable(prefs, caps, order)
		require.Equal(t, best, got)
	})
}

// bestStable searches every allocation and returns the applicant-optimal
// stable one, as each child's preference index (len if unplaced).
func bestStable(prefs [][]registry.OrganisationID, caps map[registry.OrganisationID]int,
	order []uuid.UUID) []int {
	n := len(prefs)
	rank := map[int]int{}
	for r, u := range order {
		rank[number(u)-1] = r
	}
	var stable [][]int
	choice := make([]int, n)
	var walk func(i int)
	walk = func(i int) {
		if i == n {
			if isStable(prefs, caps, rank, choice) {
				stable = append(stable, slices.Clone(choice))
			}
			return
		}
		for c := 0; c <= len(prefs[i]); c++ {
			choice[i] = c
			walk(i + 1)
		}
	}
	walk(0)

	for _, s := range stable {
		optimal := true
		for _, o := range stable {
			for i := range n {
				if o[i] < s[i] {
					optimal = false
				}
			}
		}
		if optimal {
			return s
		}
	}
	panic(fmt.Sprint("no applicant-optimal stable allocation among ", stable))
}

func isStable(prefs [][]registry.OrganisationID, caps map[registry.OrganisationID]int,
	rank map[int]int, choice []int) bool {
	held := map[registry.OrganisationID][]int{}
	for i, c := range choice {
		if c < len(prefs[i]) {
			held[prefs[i][c]] = append(held[prefs[i][c]], i)
		}
	}
	for o, h := range held {
		if len(h) > caps[o] {
			return false
		}
	}
	for i, c := range choice {
		for _, o := range prefs[i][:c] {
			if len(held[o]) < caps[o] {
				return false
			}
			for _, j := range held[o] {
				if rank[j] > rank[i] {
					return false
				}
			}
		}
	}
	return true
}

func TestAllocateTwinsTogether(t *testing.T) {
	q := queue.New(queue.Regulation2012())
	twin1 := entry(1, queue.General, "ds-1", "ds-2")
	twin1.Batch = "family"
	twin2 := entry(2, queue.General, "ds-1", "ds-2")
	twin2.Batch = "family"
	add(t, q, twin1, twin2, entry(3, queue.General, "ds-1"))

	r, err := q.Allocate([]queue.Seats{
		{Organisation: "ds-1", Partition: part, Count: 1},
		{Organisation: "ds-2", Partition: part, Count: 2},
	}, today)
	require.NoError(t, err)
	assert.Equal(t, []queue.Match{
		{Application: id(1), Organisation: "ds-2"},
		{Application: id(2), Organisation: "ds-2"},
		{Application: id(3), Organisation: "ds-1"},
	}, r.Matches)
	assert.Empty(t, r.BlockingPairs)
	// The twins come first but ds-1 has one seat, which child 3, of lower
	// priority, holds: reported apart.
	assert.Equal(t, []queue.BlockingPair{{Application: id(1), Organisation: "ds-1"}},
		r.BlockedBatches)

	r, err = q.Allocate([]queue.Seats{
		{Organisation: "ds-1", Partition: part, Count: 2},
	}, today)
	require.NoError(t, err)
	assert.Len(t, r.Matches, 2)
	assert.Equal(t, []uuid.UUID{id(3)}, r.Unplaced)
}

func TestAllocateRejects(t *testing.T) {
	q := queue.New(queue.KZ2024())
	_, err := q.Allocate([]queue.Seats{{Partition: part, Count: 1}}, today)
	var qe *queue.Error
	require.ErrorAs(t, err, &qe)
	assert.Equal(t, queue.CodeInvalidEntry, qe.Code)
}
