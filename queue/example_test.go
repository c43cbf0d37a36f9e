package queue_test

import (
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

func Example() {
	q := queue.New(queue.KZ2024())
	konaev := queue.Partition{District: "196800000", Cohort: 2023,
		Group: registry.GroupGeneral}
	received := time.Date(2024, 2, 1, 4, 0, 0, 0, time.UTC)

	// Five applications, received a minute apart.
	for i, class := range []queue.Class{queue.General, queue.General,
		queue.Primary, queue.General, queue.Extraordinary} {
		e := queue.Entry{
			ID:          uuid.MustParse(fmt.Sprintf("01900000-0000-7000-8000-%012d", i+1)),
			Partition:   konaev,
			Class:       class,
			AppliedAt:   received.Add(time.Duration(i) * time.Minute),
			BirthDate:   registry.Date(2023, 5, 17),
			Preferences: []registry.OrganisationID{"balapan-12"},
		}
		if _, err := q.Add(e, e.AppliedAt); err != nil {
			fmt.Println(err)
			return
		}
	}

	// The first general applicant: behind the extraordinary child and,
	// since a primary child is due first under one-to-three, the primary one.
	first := uuid.MustParse("01900000-0000-7000-8000-000000000001")
	pos, _ := q.Position(first, registry.Date(2025, 9, 1))
	fmt.Println("position:", pos.InPartition)
	fmt.Println("at balapan-12:", pos.Organisations[0].Position)

	// A place frees up at balapan-12: who is offered it?
	next, _ := q.Next(queue.Vacancy{Organisation: "balapan-12",
		Partition: konaev, Seats: 1}, registry.Date(2025, 9, 1))
	fmt.Println("next:", next.Class)
	// Output:
	// position: 3
	// at balapan-12: 3
	// next: extraordinary
}
