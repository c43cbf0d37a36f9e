package queue_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/queue"
)

func TestRegulation2012IgnoresClasses(t *testing.T) {
	q := queue.New(queue.Regulation2012())
	add(t, q, classes("GPEGP")...)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, order(q, "", today))
	assertPositionsMatchOrder(t, q)
	assert.Equal(t, 7, q.Policy().Spec().MaxAge)
}

func TestApplicationTimeNotRegistrationTime(t *testing.T) {
	// Entry 2 applied before entry 3 but was registered after it, once its
	// checks came back: it still goes ahead.
	q := queue.New(queue.Regulation2012())
	add(t, q, entry(1, queue.General), entry(3, queue.General))
	_, err := q.Add(entry(2, queue.General), tick(q, base.Add(time.Hour)))
	require.NoError(t, err)
	assert.Equal(t, []int{1, 2, 3}, order(q, "", today))
}

func TestTiesBreakDeterministically(t *testing.T) {
	same := func(n int) queue.Entry {
		e := entry(n, queue.General)
		e.AppliedAt = base
		return e
	}
	q := queue.New(queue.Regulation2012())
	add(t, q, same(3), same(1), same(2))
	assert.Equal(t, []int{1, 2, 3}, order(q, "", today), "by ID")

	draw := func(seed uint64) []int {
		p, err := queue.NewPolicy(queue.PolicySpec{Kind: queue.KindRegulation2012,
			Seed: seed, TieBreakers: []queue.TieBreaker{{By: queue.ByLottery}}})
		require.NoError(t, err)
		q := queue.New(p)
		for n := 1; n <= 8; n++ {
			add(t, q, same(n))
		}
		return order(q, "", today)
	}
	assert.Equal(t, draw(42), draw(42), "a seed always draws alike")
	assert.NotEqual(t, draw(42), draw(43))
	assert.NotEqual(t, []int{1, 2, 3, 4, 5, 6, 7, 8}, draw(42))
}

func TestPoints(t *testing.T) {
	d := decimal.RequireFromString
	p, err := queue.NewPolicy(queue.PolicySpec{
		Kind: queue.KindPoints,
		Criteria: []queue.Criterion{
			{Name: "need", Weight: d("10")},
			{Name: "siblings", Weight: d("2.5")},
			{Name: "distance_km", Weight: d("-0.1")},
		},
		TieBreakers: []queue.TieBreaker{
			{By: queue.ByCriterion, Criterion: "tax", Ascending: true},
			{By: queue.ByApplicationTime},
		},
	})
	require.NoError(t, err)

	scored := func(n int, need, siblings, km, tax string) queue.Entry {
		e := entry(n, queue.General)
		e.Criteria = map[string]decimal.Decimal{"need": d(need),
			"siblings": d(siblings), "distance_km": d(km), "tax": d(tax)}
		return e
	}
	q := queue.New(p)
	add(t, q,
		scored(1, "1", "0", "3", "100"),   // 9.7
		scored(2, "1", "1", "0.3", "100"), // 12.47
		scored(3, "1", "0", "3", "90"),    // 9.7, lower tax
		scored(4, "0", "4", "0", "50"),    // 10
		scored(5, "1", "0", "2.9", "100"), // 9.71
		// Scores are exact decimals: entry 6 ties entry 1 (and 3) at 9.7,
		// then loses to 3 on tax and to 1 on application time.
		scored(6, "1", "0", "3.0", "100"), // 9.7
	)
	assert.Equal(t, []int{2, 4, 5, 3, 1, 6}, order(q, "", today))
	assertPositionsMatchOrder(t, q)

	x, err := q.Explain(id(5), base, today)
	require.NoError(t, err)
	assert.True(t, x.Key.Score.Equal(d("9.71")), "score %s", x.Key.Score)
}

func TestNewPolicyRejects(t *testing.T) {
	one := []queue.Criterion{{Name: "a", Weight: decimal.NewFromInt(1)}}
	tests := []struct {
		name string
		spec queue.PolicySpec
	}{
		{"UnknownKind", queue.PolicySpec{Kind: "fifo"}},
		{"NegativeRatio", queue.PolicySpec{Kind: queue.KindKZ2024, Ratio: -1}},
		{"RatioOutsideKZ2024", queue.PolicySpec{Kind: queue.KindRegulation2012, Ratio: 2}},
		{"PointsWithoutCriteria", queue.PolicySpec{Kind: queue.KindPoints}},
		{"CriteriaOutsidePoints", queue.PolicySpec{Kind: queue.KindKZ2024, Criteria: one}},
		{"DuplicateCriterion", queue.PolicySpec{Kind: queue.KindPoints,
			Criteria: append(one, one...)}},
		{"UnknownTieBreaker", queue.PolicySpec{Kind: queue.KindKZ2024,
			TieBreakers: []queue.TieBreaker{{By: "shoe_size"}}}},
		{"CriterionTieBreakerWithoutName", queue.PolicySpec{Kind: queue.KindKZ2024,
			TieBreakers: []queue.TieBreaker{{By: queue.ByCriterion}}}},
		{"MinAgeAboveMax", queue.PolicySpec{Kind: queue.KindKZ2024, MinAgeMonths: 80}},
		{"NegativeAge", queue.PolicySpec{Kind: queue.KindKZ2024, MaxAge: -1}},
		{"HugeRatio", queue.PolicySpec{Kind: queue.KindKZ2024, Ratio: 101}},
		{"HugeAge", queue.PolicySpec{Kind: queue.KindKZ2024, MaxAge: 19}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := queue.NewPolicy(tt.spec)
			var e *queue.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, queue.CodeInvalidPolicy, e.Code)
		})
	}
}

func TestPolicyDefaults(t *testing.T) {
	s := queue.KZ2024().Spec()
	assert.Equal(t, queue.DefaultRatio, s.Ratio)
	assert.Equal(t, queue.DefaultMinAgeMonths, s.MinAgeMonths)
	assert.Equal(t, queue.DefaultMaxAge, s.MaxAge)

	voucher, err := queue.NewPolicy(queue.PolicySpec{Kind: queue.KindKZ2024, MinAgeMonths: 18})
	require.NoError(t, err)
	assert.Equal(t, 18, voucher.Spec().MinAgeMonths)
}

func TestCriteriaBounds(t *testing.T) {
	d := decimal.RequireFromString
	for _, v := range []decimal.Decimal{
		decimal.New(1, 3_000_000), d("1000000000000"), d("0.0000000000001"),
		decimal.New(1, -50),
	} {
		e := entry(1, queue.General)
		e.Criteria = map[string]decimal.Decimal{"need": v}
		_, err := queue.New(pointsPolicyForTest(t)).Add(e, base)
		var qe *queue.Error
		require.ErrorAs(t, err, &qe, "%s", v)
		assert.Equal(t, queue.CodeInvalidEntry, qe.Code)
	}
	e := entry(1, queue.General)
	e.Criteria = map[string]decimal.Decimal{"need": d("999999999999.000000000001")}
	_, err := queue.New(pointsPolicyForTest(t)).Add(e, base)
	assert.NoError(t, err)

	_, err = queue.NewPolicy(queue.PolicySpec{Kind: queue.KindPoints,
		Criteria: []queue.Criterion{{Name: "a", Weight: decimal.New(1, 900)}}})
	assert.Error(t, err)
}

func pointsPolicyForTest(t *testing.T) queue.Policy {
	p, err := queue.NewPolicy(queue.PolicySpec{Kind: queue.KindPoints,
		Criteria: []queue.Criterion{{Name: "need", Weight: decimal.NewFromInt(1)}}})
	require.NoError(t, err)
	return p
}
