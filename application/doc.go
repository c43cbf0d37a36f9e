// Package application models an application for a kindergarten place: who
// applies for which child, what they ask for and claim, the documents
// attached, where each piece of personal data came from, and the statuses
// the application passes through.
//
// It will also hold the services that run every command (intake, vacancies
// and offers) in one transaction through the stores it declares; adapters
// implement those stores.
//
// # Validation
//
// [Rules.Validate] checks an application on the day it is received and
// reports every problem at once, each with a field path, a stable [Code] and
// a message in Kazakh, Russian and English. [Rules] holds the parameters
// (age limit, number of preferences, how long an employer's certificate
// proves a right, which documents prove which priority category); its zero
// value means today's national rules, and [Regulation2012Rules] gives the
// rules of the 2012 regulation.
//
// # Statuses
//
// An application's status is the projection of its recorded transitions
// ([History]); each [Transition] records the time, the [Actor] and a
// [Reason]. A transition the diagram does not allow is an error, never a
// silent no-op. The main paths:
//
//	draft ─► submitted ─► pending ─► registered ─► waiting ◄─► notified
//	             │           │           │          ▲   ▲         │
//	             └─► refused ◄┘          │          │   │         ▼
//	                                     └──────────┼───┼──► referred
//	                                                │   │      │   │
//	                    stop-listed (until a date) ─┘   │      │   ▼
//	                         ▲                          │      │ enrolled
//	                         └──────────────────────────┼──────┘
//	                    inactive ◄──────────────────────┘ (and back)
//
// Every arrow, as [Status.Next] returns them (a test keeps this list and
// the code in step):
//
//   - draft: submitted, removed
//   - submitted: pending, registered, refused, removed
//   - pending: registered, refused, removed
//   - registered: waiting, referred, removed
//   - waiting: notified, referred, stop-listed, inactive, removed
//   - notified: referred, waiting, inactive, removed
//   - referred: enrolled, waiting, stop-listed, removed
//   - stop-listed: waiting, removed
//   - inactive: waiting, removed
//   - enrolled: archived
//   - refused: archived
//   - removed: archived
//   - archived: nothing
//
// What the arrows mean: registered to referred, a place was vacant at once;
// waiting to referred, a direct referral; notified to referred, the offer
// was accepted; notified to waiting, the offer was declined or went
// unanswered in the sequential modes (in voucher mode those lead to removed
// or inactive); referred to waiting, the referral was cancelled; referred to
// stop-listed, the referral expired or a benefit was not confirmed; a
// stop-listed child returns to waiting no earlier than the end date.
// Refused needs a reason; removed needs one of the removal reasons
// (declined, unanswered, parent's request, aged out, duplicate).
//
// # Personal data
//
// IINs, names, addresses, phone numbers, e-mail addresses and document
// numbers are masked in every default rendering (fmt, slog, text and JSON
// encoding), so logging or encoding a whole [Application] cannot leak them;
// a child's birth date shows only its year. No error message of this
// package contains them. [EncodeRecord] and [DecodeRecord] are the explicit
// codec for storage and the wire.
//
// BUG(application): fmt cannot call the methods of a value held in an
// unexported struct field, so a [FullName], [Confidential] or [Child] kept
// in an unexported field of the caller's own struct prints unmasked. Keep
// them in exported fields, or log the application itself.
package application
