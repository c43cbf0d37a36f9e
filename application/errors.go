package application

import (
	"errors"

	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// Code is a stable, machine-readable kind of error or validation problem.
// Codes are only ever added, never renamed or reused, so callers may switch
// on them, store them and map them to their own (HTTP statuses, portal
// messages).
type Code string

// The codes of this package's errors. Validation problems have codes of
// their own, listed with [Problem].
const (
	// CodeInternal is what [ErrorCode] reports for an error it does not know.
	CodeInternal Code = "internal"
	// CodeNotFound means the thing asked for does not exist.
	CodeNotFound Code = "not_found"
	// CodeConflict means the change collides with another one (a stale status,
	// a duplicate, a violated uniqueness rule).
	CodeConflict Code = "conflict"
	// CodeInvalid means the application has validation problems; see
	// [ValidationError].
	CodeInvalid Code = "invalid"
	// CodeRulesInvalid means a [Rules] value has a parameter out of range.
	CodeRulesInvalid Code = "rules.invalid"
	// CodeIllegalTransition means the status diagram has no such arrow, or the
	// transition lacks what its target status needs (a reason, a date).
	CodeIllegalTransition Code = "status.illegal_transition"
	// CodeStaleStatus means a transition was computed from a status that is no
	// longer current.
	CodeStaleStatus Code = "status.stale"
	// CodeOutOfOrder means a transition is dated before the one it follows.
	CodeOutOfOrder Code = "status.out_of_order"
)

// Error is an error with a stable [Code]. Its message never contains names,
// IINs or other personal data.
type Error struct {
	// Code says what kind of error this is.
	Code Code
	// Message describes the error in lower-case English.
	Message string
	// Err is the underlying error, if any.
	Err error
}

func (e *Error) Error() string {
	if e.Err == nil {
		return e.Message
	}
	if e.Message == "" {
		return e.Err.Error()
	}
	return e.Message + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *Error) Unwrap() error {
	return e.Err
}

// Storage adapters wrap these sentinels (with %w) so that callers can test
// for them with errors.Is, whatever the database.
var (
	// ErrNotFound reports that a stored item does not exist.
	ErrNotFound = &Error{Code: CodeNotFound, Message: "not found"}
	// ErrConflict reports a change that collides with another one.
	ErrConflict = &Error{Code: CodeConflict, Message: "conflict"}
)

// ErrorCode returns the code of the first error in err's chain that carries
// one: an [*Error], a [*ValidationError], a [*TransitionError], a
// [*registry.Error] or a [*queue.Error]. It returns "" for nil and [CodeInternal] for an error
// with no code, so unexpected failures are never mistaken for the caller's
// fault.
func ErrorCode(err error) Code {
	if err == nil {
		return ""
	}

	var c coded
	if errors.As(err, &c) {
		return c.code()
	}
	var re *registry.Error
	if errors.As(err, &re) {
		return Code(re.Code)
	}
	var qe *queue.Error
	if errors.As(err, &qe) {
		return Code(qe.Code)
	}
	return CodeInternal
}

// coded is implemented by this package's error types.
type coded interface {
	error
	code() Code
}

func (e *Error) code() Code { return e.Code }
