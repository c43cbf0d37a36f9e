package registry

import (
	"fmt"
	"log/slog"
	"time"
)

// Sex is a person's sex as encoded in an IIN.
type Sex int

// The values of Sex. The zero value means unknown.
const (
	SexUnknown Sex = iota
	Male
	Female
)

// String returns "male", "female" or "unknown".
func (s Sex) String() string {
	switch s {
	case Male:
		return "male"
	case Female:
		return "female"
	}
	return "unknown"
}

// MarshalText implements encoding.TextMarshaler with the words of String.
func (s Sex) MarshalText() ([]byte, error) {
	return []byte(s.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler. It accepts "male",
// "female", and "unknown" or "" for [SexUnknown].
func (s *Sex) UnmarshalText(text []byte) error {
	switch string(text) {
	case "male":
		*s = Male
	case "female":
		*s = Female
	case "unknown", "":
		*s = SexUnknown
	default:
		return errorf(CodeSex, "sex: not male, female or unknown")
	}
	return nil
}

// IIN is an individual identification number: twelve digits that encode a
// person's birth date and sex and end in a check digit. The zero value is
// the empty IIN.
//
// IIN values compare with ==. Every default rendering of an IIN is masked to
// its last four digits; only [IIN.Digits] returns the full number. The
// number is held scrambled, so that even a printer that bypasses the
// methods (fmt on an unexported field holding an IIN, a reflection-based
// diff) shows no digits.
type IIN struct {
	v uint64 // (number+1) XOR scramble; 0 for the zero IIN
}

// scramble is above every twelve-digit number, so no IIN is held as 0.
const scramble = 0x5a3c_96e1_d2b4_f00d

func makeIIN(s string) IIN {
	var n uint64
	for i := range len(s) {
		n = n*10 + uint64(s[i]-'0')
	}
	return IIN{v: (n + 1) ^ scramble}
}

// ParseIIN parses an IIN as a person would type it. It accepts exactly
// twelve ASCII digits whose first six are a real date (YYMMDD), whose
// seventh gives the century and sex (1 and 2: the 1800s, 3 and 4: the 1900s,
// 5 and 6: the 2000s; odd male, even female) and whose last is the check
// digit. Errors are [*Error] values with the codes [CodeIINFormat],
// [CodeIINDate], [CodeIINCentury] and [CodeIINChecksum]; their messages do
// not contain the input.
func ParseIIN(s string) (IIN, error) {
	if !twelveDigits(s) {
		return IIN{}, errorf(CodeIINFormat, "iin: not twelve digits")
	}
	if s[6] < '1' || s[6] > '6' {
		return IIN{}, errorf(CodeIINCentury, "iin: unknown century digit")
	}
	if _, ok := iinBirthDate(s); !ok {
		return IIN{}, errorf(CodeIINDate, "iin: birth date is not a real date")
	}
	if d, ok := checkDigit(s); !ok || s[11]-'0' != d {
		return IIN{}, errorf(CodeIINChecksum, "iin: check digit does not match")
	}
	return makeIIN(s), nil
}

// ParseIINLenient accepts any twelve ASCII digits as an IIN, without
// checking the date, century or check digit. It is for identifiers read from
// certificates, registers and storage, which are authoritative even when
// they fail those checks (the certification authority's test certificates
// do). Use [ParseIIN] for what people type, and [IIN.Valid] to learn whether
// a lenient value would also pass the strict checks.
func ParseIINLenient(s string) (IIN, error) {
	if !twelveDigits(s) {
		return IIN{}, errorf(CodeIINFormat, "iin: not twelve digits")
	}
	return makeIIN(s), nil
}

// Digits returns the full twelve digits, or "" for the zero IIN. It is the
// one way to read the whole number: use it for storage and wire formats,
// never for logs or messages.
func (n IIN) Digits() string {
	if n.v == 0 {
		return ""
	}
	return fmt.Sprintf("%012d", (n.v^scramble)-1)
}

// IsZero reports whether n is the zero IIN.
func (n IIN) IsZero() bool {
	return n.v == 0
}

// Valid reports whether n passes the checks of [ParseIIN].
func (n IIN) Valid() bool {
	_, err := ParseIIN(n.Digits())
	return err == nil
}

// BirthDate returns the birth date encoded in n as a civil date (see the
// package doc), or the zero time when n does not encode a valid date.
func (n IIN) BirthDate() time.Time {
	if !n.Valid() {
		return time.Time{}
	}
	d, _ := iinBirthDate(n.Digits())
	return d
}

// Sex returns the sex encoded in n, or [SexUnknown] when n is not valid.
func (n IIN) Sex() Sex {
	if !n.Valid() {
		return SexUnknown
	}
	if (n.Digits()[6]-'0')%2 == 1 {
		return Male
	}
	return Female
}

// Masked returns n with all but its last four digits replaced by '*', or ""
// for the zero IIN. It is what every default rendering of n shows.
func (n IIN) Masked() string {
	if n.v == 0 {
		return ""
	}
	return "********" + n.Digits()[8:]
}

// String returns the masked IIN.
func (n IIN) String() string {
	return n.Masked()
}

// Format implements fmt.Formatter so that every verb, %v, %+v, %#v, %s, %q
// and %d included, prints the masked IIN, padded as the width and flags
// ask.
func (n IIN) Format(f fmt.State, verb rune) {
	FormatMasked(f, verb, n.Masked())
}

// FormatMasked prints masked, a masked rendering of personal data, for any
// fmt verb: as %q for 'q' and as %s for the others, with the state's width
// and flags. Types that mask personal data use it in their Format methods.
func FormatMasked(f fmt.State, verb rune, masked string) {
	if verb != 'q' {
		verb = 's'
	}
	fmt.Fprintf(f, fmt.FormatString(f, verb), masked)
}

// LogValue implements slog.LogValuer: logs show the masked IIN.
func (n IIN) LogValue() slog.Value {
	return slog.StringValue(n.Masked())
}

// MarshalText implements encoding.TextMarshaler and returns the masked IIN,
// so encoding a structure that holds an IIN never reveals it. Storage and
// wire formats must write [IIN.Digits] explicitly.
func (n IIN) MarshalText() ([]byte, error) {
	return []byte(n.Masked()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with the strict rules of
// [ParseIIN], for input typed by people. Empty text gives the zero IIN.
// Masked text, as produced by MarshalText, does not parse.
func (n *IIN) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*n = IIN{}
		return nil
	}
	v, err := ParseIIN(string(text))
	if err != nil {
		return err
	}
	*n = v
	return nil
}

// iinBirthDate decodes the birth date of a twelve-digit string whose seventh
// digit is already known to be 1 to 6.
func iinBirthDate(s string) (time.Time, bool) {
	century := 1800 + 100*int((s[6]-'1')/2)
	year := century + atoi2(s[0:2])
	return civilDate(year, atoi2(s[2:4]), atoi2(s[4:6]))
}

// atoi2 converts two ASCII digits to their value.
func atoi2(s string) int {
	return int(s[0]-'0')*10 + int(s[1]-'0')
}
