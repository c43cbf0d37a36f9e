package registry

// BINKind is the kind of organisation a BIN was issued to, from its fifth
// digit.
type BINKind byte

// The kinds of BIN.
const (
	// ResidentEntity is a resident legal entity (digit 4).
	ResidentEntity BINKind = 4
	// NonResidentEntity is a non-resident legal entity (digit 5).
	NonResidentEntity BINKind = 5
	// JointEntrepreneur is an individual entrepreneur in a joint venture
	// (digit 6).
	JointEntrepreneur BINKind = 6
)

// BIN is a business identification number: twelve digits, the first four
// the year and month of registration (YYMM), the fifth the kind, the sixth
// an attribute, and the last a check digit computed as for an IIN. A BIN
// names a legal entity, not a person, so it is rendered in full. The zero
// value is the empty BIN; BIN values compare with ==.
type BIN struct {
	digits string
}

// ParseBIN parses a BIN strictly: twelve ASCII digits, a month from 01 to
// 12 in digits 3 and 4, a known kind in digit 5 and a matching check digit.
// Errors are [*Error] values with the codes [CodeBINFormat], [CodeBINDate],
// [CodeBINKind] and [CodeBINChecksum].
func ParseBIN(s string) (BIN, error) {
	if !twelveDigits(s) {
		return BIN{}, errorf(CodeBINFormat, "bin: not twelve digits")
	}
	if m := atoi2(s[2:4]); m < 1 || m > 12 {
		return BIN{}, errorf(CodeBINDate, "bin: month is not 01 to 12")
	}
	switch BINKind(s[4] - '0') {
	case ResidentEntity, NonResidentEntity, JointEntrepreneur:
	default:
		return BIN{}, errorf(CodeBINKind, "bin: unknown kind digit")
	}
	if d, ok := checkDigit(s); !ok || s[11]-'0' != d {
		return BIN{}, errorf(CodeBINChecksum, "bin: check digit does not match")
	}
	return BIN{digits: s}, nil
}

// ParseBINLenient accepts any twelve ASCII digits as a BIN, for values read
// from certificates and registers that may fail the checks of [ParseBIN].
func ParseBINLenient(s string) (BIN, error) {
	if !twelveDigits(s) {
		return BIN{}, errorf(CodeBINFormat, "bin: not twelve digits")
	}
	return BIN{digits: s}, nil
}

// Digits returns the twelve digits, or "" for the zero BIN.
func (b BIN) Digits() string {
	return b.digits
}

// String returns the twelve digits.
func (b BIN) String() string {
	return b.digits
}

// IsZero reports whether b is the zero BIN.
func (b BIN) IsZero() bool {
	return b.digits == ""
}

// Kind returns the kind encoded in the fifth digit, or 0 for the zero BIN.
func (b BIN) Kind() BINKind {
	if b.digits == "" {
		return 0
	}
	return BINKind(b.digits[4] - '0')
}

// MarshalText implements encoding.TextMarshaler.
func (b BIN) MarshalText() ([]byte, error) {
	return []byte(b.digits), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with the rules of
// [ParseBIN]. Empty text gives the zero BIN.
func (b *BIN) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*b = BIN{}
		return nil
	}
	v, err := ParseBIN(string(text))
	if err != nil {
		return err
	}
	*b = v
	return nil
}
