package queue_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"runtime"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/shopspring/decimal"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// The benchmarks run on a million waiting entries in three shapes: one
// partition whose children choose among 100 organisations; one partition
// whose children choose among 10,000; and 100 districts (partitions) whose
// children choose among their district's 100 organisations, 10,000 in all.
// Run them with (the naive scan and the memory reports take fewer rounds):
//
//	go test ./queue -run '^$' -benchmem -benchtime 200000x \
//	    -bench 'Queue(Position|Next|Add|AddLate|Remove|Allocate)$|IDLookupFloor'
//	go test ./queue -run '^$' -bench 'QueuePositionNaive' -benchtime 20x
//	go test ./queue -run '^$' -bench 'QueueMemory|QueueHistory' -benchtime 1x
const benchSize = 1_000_000

type benchShape struct {
	name      string
	districts int
	orgs      int // per district
}

var benchShapes = []benchShape{
	{"OnePartition", 1, 100},
	{"OnePartition10kOrgs", 1, 10_000},
	{"100Districts10kOrgs", 100, 100},
}

var benchPolicies = []struct {
	name   string
	policy func() queue.Policy
}{
	{"KZ2024", queue.KZ2024},
	{"Regulation2012", queue.Regulation2012},
	{"Points", pointsPolicy},
}

func pointsPolicy() queue.Policy {
	p, err := queue.NewPolicy(queue.PolicySpec{
		Kind: queue.KindPoints,
		Criteria: []queue.Criterion{
			{Name: "need", Weight: decimal.RequireFromString("10")},
			{Name: "siblings", Weight: decimal.RequireFromString("2.5")},
		},
	})
	if err != nil {
		panic(err)
	}
	return p
}

// benchEntry makes the i-th synthetic entry of a shape: 5% extraordinary,
// 15% primary, the rest general; one to four preferred organisations of
// its district; application times spread over three years.
func benchEntry(s benchShape, r *rand.Rand, i int) queue.Entry {
	d := r.IntN(s.districts)
	class := queue.General
	switch x := r.IntN(100); {
	case x < 5:
		class = queue.Extraordinary
	case x < 20:
		class = queue.Primary
	}
	e := queue.Entry{
		ID: uuid.UUID{0: 1, 8: byte(i >> 24), 9: byte(i >> 16), 10: byte(i >> 8),
			11: byte(i), 12: byte(r.Uint32()), 13: byte(r.Uint32())},
		Partition: queue.Partition{District: registry.DistrictID(fmt.Sprint("d", d)),
			Cohort: 2023, Group: registry.GroupGeneral},
		Class:     class,
		AppliedAt: base.Add(time.Duration(r.Int64N(int64(3 * 365 * 24 * time.Hour)))),
		BirthDate: registry.Date(2023, time.Month(1+r.IntN(12)), 1+r.IntN(28)),
		Criteria: map[string]decimal.Decimal{
			"need":     decimal.NewFromInt(int64(r.IntN(5))),
			"siblings": decimal.NewFromInt(int64(r.IntN(3))),
		},
	}
	for range 1 + r.IntN(4) {
		org := registry.OrganisationID(fmt.Sprint("d", d, "-o", r.IntN(s.orgs)))
		e.Preferences = append(e.Preferences, org)
	}
	return e
}

// registered is when the benchmarks add entries: after every application
// time, since a partition's commands run forward.
var registered = base.AddDate(10, 0, 0)

// randomVacancy returns one seat at a random organisation of a shape.
func randomVacancy(s benchShape, r *rand.Rand) queue.Vacancy {
	d := r.IntN(s.districts)
	return queue.Vacancy{
		Organisation: registry.OrganisationID(fmt.Sprint("d", d, "-o", r.IntN(s.orgs))),
		Partition: queue.Partition{District: registry.DistrictID(fmt.Sprint("d", d)),
			Cohort: 2023, Group: registry.GroupGeneral},
		Seats: 1,
	}
}

func benchEntries(s benchShape, n int, seed uint64) []queue.Entry {
	r := rand.New(rand.NewPCG(seed, 1))
	out := make([]queue.Entry, n)
	for i := range out {
		out[i] = benchEntry(s, r, int(seed)<<28|i)
	}
	return out
}

// built holds queues already built, by shape and policy, for the
// benchmarks that do not change them.
var built = map[string]*benchQueue{}

type benchQueue struct {
	q       *queue.Queue
	entries []queue.Entry
}

// build returns a queue of benchSize entries, built without recording
// events, as a restore does.
func build(b *testing.B, s benchShape, name string, policy func() queue.Policy) *benchQueue {
	key := s.name + "/" + name
	if bq, ok := built[key]; ok {
		return bq
	}
	entries := benchEntries(s, benchSize, 1)
	q, err := queue.Restore(queue.Snapshot{Policy: policy().Spec(), Entries: entries})
	if err != nil {
		b.Fatal(err)
	}
	bq := &benchQueue{q: q, entries: entries}
	built[key] = bq
	return bq
}

func heap() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// forEach runs the benchmark body for each shape and policy.
func forEach(b *testing.B, body func(b *testing.B, s benchShape, name string,
	policy func() queue.Policy)) {
	for _, s := range benchShapes {
		for _, p := range benchPolicies {
			b.Run(s.name+"/"+p.name, func(b *testing.B) { body(b, s, p.name, p.policy) })
		}
	}
}

func BenchmarkQueuePosition(b *testing.B) {
	forEach(b, func(b *testing.B, s benchShape, name string, policy func() queue.Policy) {
		bq := build(b, s, name, policy)
		r := rand.New(rand.NewPCG(2, 2))
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			e := &bq.entries[r.IntN(len(bq.entries))]
			if _, err := bq.q.Position(e.ID, today); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkQueuePositionNaive finds positions by a linear scan, as a
// COUNT(*) over a table would: it counts the entries of the partition (and,
// under KZ2024, of the class) that come before the one asked about. The
// ratio to BenchmarkQueuePosition is what the index buys.
func BenchmarkQueuePositionNaive(b *testing.B) {
	for _, s := range benchShapes {
		for _, p := range benchPolicies[:2] {
			b.Run(s.name+"/"+p.name, func(b *testing.B) {
				bq := build(b, s, p.name, p.policy)
				byClass := p.name == "KZ2024"
				r := rand.New(rand.NewPCG(2, 2))
				b.ReportAllocs()
				b.ResetTimer()
				for range b.N {
					x := &bq.entries[r.IntN(len(bq.entries))]
					ahead := 0
					for i := range bq.entries {
						e := &bq.entries[i]
						if e.Partition == x.Partition && (!byClass || e.Class == x.Class) &&
							before(e, x) {
							ahead++
						}
					}
					if ahead < 0 {
						b.Fatal("impossible")
					}
				}
			})
		}
	}
}

// before reports whether a was received before b, the ID breaking ties.
func before(a, b *queue.Entry) bool {
	if !a.AppliedAt.Equal(b.AppliedAt) {
		return a.AppliedAt.Before(b.AppliedAt)
	}
	return bytes.Compare(a.ID[:], b.ID[:]) < 0
}

func BenchmarkQueueNext(b *testing.B) {
	forEach(b, func(b *testing.B, s benchShape, name string, policy func() queue.Policy) {
		bq := build(b, s, name, policy)
		r := rand.New(rand.NewPCG(3, 3))
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			if _, ok := bq.q.Next(randomVacancy(s, r), today); !ok {
				b.Fatal("no candidate")
			}
		}
	})
}

// BenchmarkQueueAdd adds new applications, received after every queued
// one, as the queue grows in service.
func BenchmarkQueueAdd(b *testing.B) {
	benchAdd(b, func(e *queue.Entry, i int) {
		e.AppliedAt = base.AddDate(3, 0, 0).Add(time.Duration(i) * time.Second)
	})
}

// BenchmarkQueueAddLate adds applications received at random times in the
// last three years, as when registrations were held up: the worst case,
// each landing at a random place in every index.
func BenchmarkQueueAddLate(b *testing.B) {
	benchAdd(b, func(*queue.Entry, int) {})
}

func benchAdd(b *testing.B, received func(e *queue.Entry, i int)) {
	forEach(b, func(b *testing.B, s benchShape, name string, policy func() queue.Policy) {
		q, err := queue.Restore(queue.Snapshot{Policy: policy().Spec(),
			Entries: benchEntries(s, benchSize, 1)})
		if err != nil {
			b.Fatal(err)
		}
		more := benchEntries(s, b.N, 9)
		for i := range more {
			received(&more[i], i)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := range more {
			if _, err := q.Add(more[i], registered); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkQueueRemove removes entries at random places (a parent's
// request, a duplicate): the worst case.
func BenchmarkQueueRemove(b *testing.B) {
	forEach(b, func(b *testing.B, s benchShape, name string, policy func() queue.Policy) {
		entries := benchEntries(s, benchSize+b.N, 1)
		q, err := queue.Restore(queue.Snapshot{Policy: policy().Spec(), Entries: entries})
		if err != nil {
			b.Fatal(err)
		}
		r := rand.New(rand.NewPCG(4, 4))
		r.Shuffle(len(entries), func(i, j int) { entries[i], entries[j] = entries[j], entries[i] })
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			if _, err := q.Remove(entries[i].ID, base, "bench"); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkQueueAllocate offers places one at a time at random
// organisations and refers the child offered each: Next, then Refer.
func BenchmarkQueueAllocate(b *testing.B) {
	forEach(b, func(b *testing.B, s benchShape, name string, policy func() queue.Policy) {
		q, err := queue.Restore(queue.Snapshot{Policy: policy().Spec(),
			Entries: benchEntries(s, benchSize, 1)})
		if err != nil {
			b.Fatal(err)
		}
		r := rand.New(rand.NewPCG(6, 6))
		b.ReportAllocs()
		b.ResetTimer()
		for range b.N {
			e, ok := q.Next(randomVacancy(s, r), today)
			if !ok {
				continue
			}
			if _, err := q.Refer(e.ID, base); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkQueueMemory reports the heap each waiting entry takes, without
// the history: run it with -benchtime 1x.
func BenchmarkQueueMemory(b *testing.B) {
	forEach(b, func(b *testing.B, s benchShape, name string, policy func() queue.Policy) {
		entries := benchEntries(s, benchSize, 1)
		spec := policy().Spec()
		for range b.N {
			before := heap()
			q, err := queue.Restore(queue.Snapshot{Policy: spec, Entries: entries})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(heap()-before)/benchSize, "heap-B/entry")
			runtime.KeepAlive(q)
		}
	})
}

// BenchmarkQueueHistory reports the heap per entry of a queue built by
// adding each entry, so with the history Explain reads: run it with
// -benchtime 1x and compare with BenchmarkQueueMemory.
func BenchmarkQueueHistory(b *testing.B) {
	s := benchShapes[1]
	entries := benchEntries(s, benchSize, 1)
	for range b.N {
		before := heap()
		q := queue.New(queue.KZ2024())
		for i := range entries {
			if _, err := q.Add(entries[i], registered); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(heap()-before)/benchSize, "heap-B/entry")
		runtime.KeepAlive(q)
	}
}

// BenchmarkIDLookupFloor looks up random application IDs in a map of a
// million, the first step of every queue operation: on a machine where a
// cache miss is slow, it sets a floor under Position, Remove and Change.
func BenchmarkIDLookupFloor(b *testing.B) {
	entries := benchEntries(benchShapes[0], benchSize, 1)
	m := make(map[uuid.UUID]uint32, len(entries))
	for i := range entries {
		m[entries[i].ID] = uint32(i)
	}
	r := rand.New(rand.NewPCG(5, 5))
	b.ResetTimer()
	for range b.N {
		if _, ok := m[entries[r.IntN(len(entries))].ID]; !ok {
			b.Fatal("missing")
		}
	}
}

// BenchmarkDeferredAcceptance runs a batch allocation of a million children
// over 10,000 organisations (100 districts of 100), each child ranking 5
// of its district's organisations, 25 seats each; the time includes
// turning the queue's entries into the market. Run it with -benchtime 1x.
func BenchmarkDeferredAcceptance(b *testing.B) {
	s := benchShapes[2]
	entries := benchEntries(s, benchSize, 1)
	r := rand.New(rand.NewPCG(8, 8))
	for i := range entries {
		d := entries[i].Partition.District
		entries[i].Preferences = nil
		for _, o := range r.Perm(s.orgs)[:5] {
			entries[i].Preferences = append(entries[i].Preferences,
				registry.OrganisationID(fmt.Sprint(d, "-o", o)))
		}
	}
	q, err := queue.Restore(queue.Snapshot{Policy: queue.KZ2024().Spec(), Entries: entries})
	if err != nil {
		b.Fatal(err)
	}
	var seats []queue.Seats
	for d := range s.districts {
		part := queue.Partition{District: registry.DistrictID(fmt.Sprint("d", d)),
			Cohort: 2023, Group: registry.GroupGeneral}
		for o := range s.orgs {
			seats = append(seats, queue.Seats{Partition: part, Count: 25,
				Organisation: registry.OrganisationID(fmt.Sprint("d", d, "-o", o))})
		}
	}

	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		res, err := q.Allocate(seats, today)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.BlockingPairs) > 0 {
			b.Fatal("unstable")
		}
		b.ReportMetric(float64(len(res.Matches)), "placed")
	}
}
