package queue

import (
	"time"

	"github.com/google/uuid"
)

// EventKind says what happened to an entry.
type EventKind string

// The kinds of event.
const (
	// EventAdded means the entry joined the queue.
	EventAdded EventKind = "added"
	// EventChanged means the entry was replaced (class, preferences,
	// stop-list).
	EventChanged EventKind = "changed"
	// EventReferred means a referral was issued and the entry left the queue.
	EventReferred EventKind = "referred"
	// EventRemoved means the entry left the queue for another reason.
	EventRemoved EventKind = "removed"
)

// Event records one change of a queue. A partition's events, in order,
// rebuild its queue exactly; [Queue.Explain] reads them to account for
// every move of a position.
type Event struct {
	// Seq numbers the queue's events from 1, across partitions.
	Seq uint64
	// Kind says what happened.
	Kind EventKind
	// At is when it happened, as the caller passed it.
	At time.Time
	// ID is the application concerned.
	ID uuid.UUID
	// Partition is the queue concerned.
	Partition Partition
	// Entry is the entry as added or changed; zero for the other kinds.
	Entry Entry
	// Class is the class of a referred entry.
	Class Class
	// Reason is the caller's reason for a removal.
	Reason string
	// Counter is the partition's interleaving counter after the event.
	Counter int
}
