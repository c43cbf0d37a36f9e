package registry

// Code is a stable, machine-readable kind of error. Codes are part of the
// public contract: they are only ever added, never renamed or reused, so
// callers may switch on them and store them.
type Code string

// The codes of the errors this package returns.
const (
	// CodeIINFormat means an IIN is not exactly twelve ASCII digits.
	CodeIINFormat Code = "iin.format"
	// CodeIINDate means the first six digits of an IIN are not a real date.
	CodeIINDate Code = "iin.date"
	// CodeIINCentury means the seventh digit of an IIN is not 1 to 6.
	CodeIINCentury Code = "iin.century"
	// CodeIINChecksum means the check digit of an IIN does not match.
	CodeIINChecksum Code = "iin.checksum"
	// CodeSex means a sex is written as something other than "male", "female"
	// or "unknown".
	CodeSex Code = "sex.invalid"
	// CodeCalendar means calendar data is inconsistent: a holiday on a
	// date that does not exist, or in force for no year.
	CodeCalendar Code = "calendar.invalid"
	// CodeBINFormat means a BIN is not exactly twelve ASCII digits.
	CodeBINFormat Code = "bin.format"
	// CodeBINDate means the month in digits 3 and 4 of a BIN is not 01 to 12.
	CodeBINDate Code = "bin.date"
	// CodeBINKind means the fifth digit of a BIN is not a known kind (4, 5 or
	// 6).
	CodeBINKind Code = "bin.kind"
	// CodeBINChecksum means the check digit of a BIN does not match.
	CodeBINChecksum Code = "bin.checksum"
)

// Error is an error with a stable [Code]. Its message never contains the
// identifier or personal data that caused it.
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
	return &Error{Code: code, Message: message}
}
