package queue_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// part is the partition most tests use: Konaev town, children born in
// 2023, general groups.
var part = queue.Partition{District: "196800000", Cohort: 2023, Group: registry.GroupGeneral}

// base is when the first fixture application arrives.
var base = time.Date(2024, 1, 10, 4, 0, 0, 0, time.UTC)

// id returns a fixed application ID for a small number.
func id(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("01900000-0000-7000-8000-%012d", n))
}

// entry returns a fixture entry: application n, of class c, received n
// minutes after base, born on 1 March 2023, choosing the organisations.
func entry(n int, c queue.Class, orgs ...registry.OrganisationID) queue.Entry {
	return queue.Entry{
		ID:          id(n),
		Partition:   part,
		Class:       c,
		AppliedAt:   base.Add(time.Duration(n) * time.Minute),
		BirthDate:   registry.Date(2023, 3, 1),
		Preferences: orgs,
	}
}

// clocks holds the time of the last command each test queue was given.
var clocks = map[*queue.Queue]time.Time{}

// tick returns a moment for the next command to q: at, or a second after
// the last command when at is not later, since a partition's commands must
// come in time order.
func tick(q *queue.Queue, at time.Time) time.Time {
	if last := clocks[q]; !at.After(last) {
		at = last.Add(time.Second)
	}
	clocks[q] = at
	return at
}

// add adds the entries to q, each at its application time or, when that is
// past, just after the last command.
func add(t *testing.T, q *queue.Queue, entries ...queue.Entry) {
	t.Helper()
	for _, e := range entries {
		_, err := q.Add(e, tick(q, e.AppliedAt))
		require.NoError(t, err)
	}
}

// order returns the numbers of the entries of the partition in order.
func order(q *queue.Queue, org registry.OrganisationID, date time.Time) []int {
	var out []int
	for e := range q.Ordered(part, org, date) {
		out = append(out, number(e.ID))
	}
	return out
}

// number returns n for id(n).
func number(u uuid.UUID) int {
	var n int
	fmt.Sscanf(u.String()[24:], "%d", &n)
	return n
}

// today is the date most tests ask about.
var today = registry.Date(2025, 9, 1)

// classes builds entries numbered from 1 whose classes are given by the
// letters of s: E, P or G.
func classes(s string, orgs ...registry.OrganisationID) []queue.Entry {
	var out []queue.Entry
	for i, r := range s {
		c := map[rune]queue.Class{'E': queue.Extraordinary, 'P': queue.Primary,
			'G': queue.General}[r]
		out = append(out, entry(i+1, c, slices.Clone(orgs)...))
	}
	return out
}
