package queue

// Code is a stable, machine-readable kind of error. Codes are only ever
// added, never renamed or reused.
type Code string

// The codes of this package's errors.
const (
	// CodeNotFound means no entry with that ID is in the queue.
	CodeNotFound Code = "queue.not_found"
	// CodeDuplicate means an entry with that ID is already in the queue.
	CodeDuplicate Code = "queue.duplicate"
	// CodeInvalidEntry means an entry lacks something the queue needs or has a
	// value out of range; the message says which field.
	CodeInvalidEntry Code = "queue.invalid_entry"
	// CodeInvalidPolicy means an ordering policy has a parameter out of range.
	CodeInvalidPolicy Code = "queue.invalid_policy"
	// CodeOutOfOrder means a command is dated before the last event of its
	// partition: a partition's history runs forward.
	CodeOutOfOrder Code = "queue.out_of_order"
	// CodeNoHistory means Explain was asked about an entry whose
	// partition's events do not reach back to it, as after restoring a
	// snapshot without events.
	CodeNoHistory Code = "queue.no_history"
	// CodeIllegalMove means an offer or a referral was asked to move along
	// an arrow its state diagram does not have, or at a time that does not
	// fit (an answer after the deadline, an expiry before it).
	CodeIllegalMove Code = "queue.illegal_move"
	// CodeBlackout means nothing is published and no referral is issued in
	// the profile's blackout (August, while groups move up an age).
	CodeBlackout Code = "queue.blackout"
	// CodeInvalidSnapshot means a snapshot cannot be restored.
	CodeInvalidSnapshot Code = "queue.invalid_snapshot"
)

// Error is an error with a stable [Code]. Its message never contains
// personal data; entries are named by application ID only.
type Error struct {
	// Code says what kind of error this is.
	Code Code
	// Message describes the error in lower-case English.
	Message string
}

func (e *Error) Error() string {
	return e.Message
}

func errorf(code Code, message string) *Error {
	return &Error{Code: code, Message: "queue: " + message}
}
