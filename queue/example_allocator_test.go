package queue_test

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// exampleQueue returns a KZ2024 queue of three general applications for
// balapan-12, numbered 1 to 3.
func exampleQueue() (*queue.Queue, queue.Partition) {
	q := queue.New(queue.KZ2024())
	konaev := queue.Partition{District: "196800000", Cohort: 2023,
		Group: registry.GroupGeneral}
	received := time.Date(2024, 2, 1, 4, 0, 0, 0, time.UTC)
	for n := 1; n <= 3; n++ {
		e := queue.Entry{
			ID:          exampleID(n),
			Partition:   konaev,
			Class:       queue.General,
			AppliedAt:   received.Add(time.Duration(n) * time.Minute),
			BirthDate:   registry.Date(2023, 5, 17),
			Preferences: []registry.OrganisationID{"balapan-12"},
		}
		if _, err := q.Add(e, e.AppliedAt); err != nil {
			panic(err)
		}
	}
	return q, konaev
}

func exampleID(n int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("01900000-0000-7000-8000-%012d", n))
}

func ExampleAllocator_Accept() {
	q, konaev := exampleQueue()
	a, _ := queue.NewAllocator(q, queue.KZ2024Profile(), registry.DefaultKazakhstanCalendar())

	// A seat frees up at balapan-12 on Monday 1 September 2025.
	at := time.Date(2025, 9, 1, 5, 0, 0, 0, time.UTC)
	offers, _ := a.Publish(exampleID(100), queue.Vacancy{
		Organisation: "balapan-12", Partition: konaev, Seats: 1}, at)
	offer := offers[0]
	fmt.Println("offered to", offer.Application == exampleID(1))

	// The parent accepts the next day: a referral is issued and the child
	// leaves the queue.
	referral, err := a.Accept(offer.ID, at.AddDate(0, 0, 1))
	fmt.Println(referral.State, "until", referral.ValidUntil.Format(time.DateOnly), err)
	_, waiting := q.Get(exampleID(1))
	fmt.Println("still waiting:", waiting)

	// The child is admitted.
	referral, _ = a.Enrol(referral.ID, at.AddDate(0, 0, 3))
	fmt.Println(referral.State)
	// Output:
	// offered to true
	// issued until 2025-09-09 <nil>
	// still waiting: false
	// enrolled
}

func ExampleAllocator_Decline() {
	q, konaev := exampleQueue()
	a, _ := queue.NewAllocator(q, queue.KZ2024Profile(), registry.DefaultKazakhstanCalendar())

	at := time.Date(2025, 9, 1, 5, 0, 0, 0, time.UTC)
	offers, _ := a.Publish(exampleID(100), queue.Vacancy{
		Organisation: "balapan-12", Partition: konaev, Seats: 1}, at)

	// The first parent declines: the seat goes to the next child, and the
	// first keeps its place in the queue.
	next, _ := a.Decline(offers[0].ID, at.Add(time.Hour))
	fmt.Println("next offer to child 2:", next[0].Application == exampleID(2))
	pos, _ := q.Position(exampleID(1), registry.Date(2025, 9, 1))
	fmt.Println("child 1 still at", pos.InPartition)

	// Nobody answers the second offer: after its deadline it expires and
	// the seat goes to the third child.
	fallen, _ := a.Due(next[0].Deadline)
	fmt.Println(len(fallen.Expired), "expired; next offer to child 3:",
		fallen.Made[0].Application == exampleID(3))
	// Output:
	// next offer to child 2: true
	// child 1 still at 1
	// 1 expired; next offer to child 3: true
}

func ExampleQueue_Allocate() {
	q, konaev := exampleQueue()

	// The annual wave: two seats at balapan-12 for three children who
	// chose it.
	result, _ := q.Allocate([]queue.Seats{
		{Organisation: "balapan-12", Partition: konaev, Count: 2},
	}, registry.Date(2025, 9, 1))
	for _, m := range result.Matches {
		fmt.Println(m.Application == exampleID(1) || m.Application == exampleID(2),
			m.Organisation)
	}
	fmt.Println("unplaced:", len(result.Unplaced), "blocking pairs:", len(result.BlockingPairs))
	// Output:
	// true balapan-12
	// true balapan-12
	// unplaced: 1 blocking pairs: 0
}
