// Package queue keeps the electronic queue for kindergarten places: the
// queue of each partition, ordered by a policy, the positions it gives each
// child and why they move, and who is next for a free place.
//
// The package is pure: it does no I/O, takes no context and reads no clock.
// Each command takes the time it happens at and returns the events it
// caused, so the same commands always give the same queue. It imports only
// package registry.
//
// # Partitions
//
// Children compete only within a [Partition]: a district, a birth-year
// cohort and a group type (general, correctional, sanatorium), and, where a
// region chooses, a language of instruction. An [Entry] is what the queue
// knows of one application: no names, no IINs.
//
// # Ordering policies
//
// A [Policy] is a value built from a [PolicySpec], plain data that can be
// stored and compared; [NewPolicy] checks it. Defaults follow today's
// national rules (Order No. 254 of 2020 as amended in 2024):
//
//   - [KindKZ2024] ([KZ2024]): the extraordinary class first, by application
//     time; then the primary and general classes interleaved, one primary
//     referral to every Ratio general ones (Ratio 3 by default). The
//     interleaving counter belongs to each partition: a referral to a
//     primary child resets it, one to a general child adds one (up to the
//     ratio); a declined offer, a referral to an extraordinary child and a
//     cancelled referral change nothing. It is part of the queue's state and
//     of its [Snapshot]. When one stream is empty the other goes on.
//   - [KindRegulation2012] ([Regulation2012]): the 2012 Almaty region
//     regulation, one class, first come first served; children up to 7.
//   - [KindPoints]: a score of weighted criteria, decimal so that it adds up
//     and compares exactly, highest first.
//
// Ties break by the policy's [TieBreaker] list (application time, age, a
// seeded lottery, a criterion) and last by the application ID, so the
// order is a function of the entries, the policy, its seed and the counters
// alone: no map order, no clock, nothing else.
//
// Order counts from [Entry.AppliedAt], the moment the application was
// received, not from when it was added: a parent whose checks were delayed
// loses no place.
//
// # Positions, offers and explanations
//
// [Queue.Position] gives an entry's place in its partition and among those
// who chose each of its organisations; see [Position] for exactly what it
// counts. [Queue.Next] picks the child to offer a [Vacancy]: the first, in
// that order, who chose the organisation (or any, for a place open to all),
// is not stop-listed, has reached the minimum age and not the maximum on
// the admission date, and, for twins, finds a seat for each of the batch.
// [Queue.Refer] records the accepted offer and moves the counter.
//
// [Queue.Explain] answers a parent's "why did my number change": the
// entry's ranking key, how many of each class are ahead, and every move
// since a moment, each tied to the event (or the stop-list ending) that
// caused it and the rule that applied. It replays the partition's events,
// which a [Snapshot] keeps.
//
// # Offers and referrals
//
// An [Offer] of a place and a [Referral] each follow a state diagram held
// as data ([OfferState.Next], [ReferralState.Next]); any other move is an
// [*Error] with [CodeIllegalMove], never a silent no-op:
//
//	offer:    open ─┬─► accepted            referral:  issued ─┬─► enrolled
//	                ├─► declined                               ├─► expired
//	                ├─► expired (at the deadline, not before)  └─► cancelled
//	                └─► withdrawn
//
// An open offer cannot be accepted or declined once its deadline has
// passed. A referral may be extended once, to at most MaxExtensionDays
// after issue. A [Profile] bundles an ordering policy with the windows
// ([Window], in working days of a registry.Calendar or in calendar days),
// the stop-list length, the August blackout and the allocation mode; the
// named profiles are [KZ2024Profile], [VoucherProfile] and
// [Regulation2012Profile].
//
// An [Allocator] runs sequential allocation on a queue: [Allocator.Publish]
// offers a vacancy's seats to the children due next (those without an open
// offer); [Allocator.Accept] issues a referral and takes the child out of
// the queue, which moves the KZ2024 counter; [Allocator.Decline] keeps the
// child in its place and offers the seat to the next. [Allocator.Due],
// given the time, carries out everything that fell due, in order: offers
// expire like declines, unused referrals lapse and return the child to the
// queue at its application time, stop-listed, and a referral whose
// extraordinary right went unconfirmed is cancelled and the child returns
// to the general stream, stop-listed. [Allocator.IssueStaffReferral]
// issues a flagged referral out of the queue's order (a staff member's
// child, by order of the head); [Allocator.RefuseEnrolment] records an
// organisation turning a child away, the referral staying valid; the public
// protocols are [Allocator.VacancyProtocol] and [Allocator.ReferralProtocol].
//
// # Batch allocation
//
// [Queue.Allocate] runs the annual wave: applicant-proposing deferred
// acceptance over the children's ranked preferences and each
// organisation's seats per partition, organisations ranking children by
// the partition's order. It returns the matching and a stability report:
// no blocking pair among single children; twins are placed together or not
// at all, and a batch kept out by a child of lower priority is reported
// apart.
//
// # Performance
//
// Each partition keeps its entries, and those who chose each organisation,
// in order-statistic B+ trees, so that adding, removing and ranking an
// entry take O(log n); entries are held compactly, with interned IDs. See
// BENCHMARKS.md for measurements. A Queue is not safe for concurrent use.
package queue
