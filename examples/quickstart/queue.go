package main

import (
	"fmt"
	"io"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// queueDemo puts six applications in a KZ2024 queue, follows one child's
// position as a place is referred, and prints why it moved.
func queueDemo(out io.Writer, start time.Time) error {
	q := queue.New(queue.KZ2024())
	konaev := queue.Partition{District: "196800000", Cohort: 2023,
		Group: registry.GroupGeneral}
	classes := []queue.Class{queue.General, queue.General, queue.Primary,
		queue.General, queue.Extraordinary, queue.General}

	ids := make([]uuid.UUID, len(classes))
	for i, c := range classes {
		ids[i] = uuid.NewSHA1(uuid.NameSpaceOID, []byte{byte(i)})
		e := queue.Entry{
			ID:          ids[i],
			Partition:   konaev,
			Class:       c,
			AppliedAt:   start.Add(time.Duration(i) * time.Hour),
			BirthDate:   registry.Date(2023, time.Month(1+i), 10),
			Preferences: []registry.OrganisationID{"balapan-12", "ak-bota-7"},
		}
		if _, err := q.Add(e, e.AppliedAt); err != nil {
			return err
		}
	}

	ours := ids[3]
	day := registry.Date(2025, 9, 1)
	fmt.Fprintln(out, "queue of Konaev, born 2023, general groups (KZ2024):")
	for e := range q.Ordered(konaev, "", day) {
		pos, _ := q.Position(e.ID, day)
		mark := ""
		if e.ID == ours {
			mark = "  <- our child"
		}
		fmt.Fprintf(out, "  %d. %-13s received %s%s\n", pos.InPartition, e.Class,
			e.AppliedAt.In(registry.Kazakhstan).Format("15:04"), mark)
	}

	// A place frees up at balapan-12 and goes to the child due next.
	v := queue.Vacancy{Organisation: "balapan-12", Partition: konaev, Seats: 1,
		AdmissionDate: day}
	since := start.Add(24 * time.Hour)
	for range 2 {
		next, ok := q.Next(v, day)
		if !ok {
			return fmt.Errorf("no child for the place")
		}
		fmt.Fprintf(out, "a place at balapan-12 goes to the %s child\n", next.Class)
		if _, err := q.Refer(next.ID, since.Add(time.Hour)); err != nil {
			return err
		}
	}

	x, err := q.Explain(ours, since, day)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "our child: position %d, was %d; ahead: %d extraordinary, "+
		"%d primary, %d general\n", x.Position, x.From, x.Ahead.Extraordinary,
		x.Ahead.Primary, x.Ahead.General)
	for _, m := range x.Moves {
		fmt.Fprintf(out, "  %d -> %d: %s (%s)\n", m.From, m.To, m.Kind, m.Rule)
	}
	return nil
}
