package queue_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// letters returns the classes of the ordered entries as letters.
func letters(q *queue.Queue) string {
	var b strings.Builder
	for e := range q.Ordered(part, "", today) {
		b.WriteByte("EPG"[e.Class])
	}
	return b.String()
}

func TestKZ2024Order(t *testing.T) {
	tests := []struct {
		name    string
		classes string // in application order
		ratio   int
		want    string
	}{
		{"ExtraordinaryFirst", "GGPEGE", 0, "EEPGGG"},
		{"OneToThree", "GGGGGGGPPP", 0, "PGGGPGGGPG"},
		{"PrimaryRunsOut", "PGGGGGGGG", 0, "PGGGGGGGG"},
		{"GeneralRunsOut", "PPPPG", 0, "PGPPP"},
		{"OnlyGeneral", "GGG", 0, "GGG"},
		{"OnlyPrimary", "PPP", 0, "PPP"},
		{"RatioOne", "GGGPPP", 1, "PGPGPG"},
		{"RatioFive", "PPGGGGGGG", 5, "PGGGGGPGG"},
		{"Empty", "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := queue.NewPolicy(queue.PolicySpec{Kind: queue.KindKZ2024, Ratio: tt.ratio})
			require.NoError(t, err)
			q := queue.New(p)
			add(t, q, classes(tt.classes)...)
			assert.Equal(t, tt.want, letters(q))
			assertPositionsMatchOrder(t, q)
		})
	}
}

// assertPositionsMatchOrder checks that Position, computed in closed form,
// agrees with the order Ordered plays out, in the partition and for each
// organisation.
func assertPositionsMatchOrder(t *testing.T, q *queue.Queue) {
	t.Helper()
	i := 0
	orgs := map[registry.OrganisationID]bool{}
	for e := range q.Ordered(part, "", today) {
		i++
		pos, err := q.Position(e.ID, today)
		require.NoError(t, err)
		assert.Equal(t, i, pos.InPartition, "entry %d", number(e.ID))
		for _, op := range pos.Organisations {
			orgs[op.Organisation] = true
		}
	}
	for org := range orgs {
		j := 0
		for e := range q.Ordered(part, org, today) {
			j++
			pos, _ := q.Position(e.ID, today)
			for _, op := range pos.Organisations {
				if op.Organisation == org {
					assert.Equal(t, j, op.Position, "entry %d at %s", number(e.ID), org)
				}
			}
		}
	}
}

func TestKZ2024CounterCountsReferrals(t *testing.T) {
	q := queue.New(queue.KZ2024())
	add(t, q, classes("PPPGGGGGGGGE")...)
	require.Equal(t, "EPGGGPGGGPGG", letters(q))
	assert.Equal(t, 3, q.Counter(part), "a primary child is due first")

	// A referral to an extraordinary child leaves the counter alone.
	refer(t, q, 12)
	assert.Equal(t, 3, q.Counter(part))

	// The primary child is referred: three general children are due.
	refer(t, q, 1)
	assert.Equal(t, 0, q.Counter(part))
	assert.Equal(t, "GGGPGGGPGG", letters(q))

	// A declined offer changes nothing: the child keeps its place and the
	// counter does not move, so a general child is still due.
	offered := next(q, queue.Vacancy{Partition: part, Seats: 1, OpenToAll: true}, today)
	require.Equal(t, 4, offered)
	pos, err := q.Position(id(4), today)
	require.NoError(t, err)
	assert.Equal(t, 1, pos.InPartition)
	assert.Equal(t, 0, q.Counter(part))

	refer(t, q, 4)
	refer(t, q, 5)
	assert.Equal(t, 2, q.Counter(part))
	assert.Equal(t, "GPGGGPGG", letters(q))

	// A cancelled referral gives nothing back: the child returns at its
	// application time, the counter stays.
	add(t, q, entry(4, queue.General))
	assert.Equal(t, 2, q.Counter(part))
	assert.Equal(t, "GPGGGPGGG", letters(q))
	assertPositionsMatchOrder(t, q)
}

func TestKZ2024CounterSurvivesRestore(t *testing.T) {
	q := queue.New(queue.KZ2024())
	add(t, q, classes("PPGGGGGG")...)
	refer(t, q, 1)
	refer(t, q, 3)
	want := letters(q)

	r, err := queue.Restore(q.Snapshot())
	require.NoError(t, err)
	assert.Equal(t, 1, r.Counter(part))
	assert.Equal(t, want, letters(r))

	// Both go on alike.
	refer(t, q, 4)
	refer(t, r, 4)
	assert.Equal(t, letters(q), letters(r))
	assert.Equal(t, q.Snapshot(), r.Snapshot())
}

func refer(t *testing.T, q *queue.Queue, n int) {
	t.Helper()
	_, err := q.Refer(id(n), tick(q, base.AddDate(1, 0, n)))
	require.NoError(t, err)
}
