package application

import "strings"

// NormalizePhone returns a Kazakhstan phone number in E.164 form,
// "+7" and ten digits. It accepts the usual ways of writing one: with +7, 8
// or 7 in front, or the ten digits alone, with spaces, hyphens, dots and
// brackets anywhere. The ten digits must begin with 6 or 7, the ranges of
// Kazakhstan within country code 7. Anything else is an [*Error] with code
// [ProblemPhoneInvalid]; the message does not contain the number.
func NormalizePhone(raw string) (string, error) {
	digits, plus, ok := phoneDigits(raw)
	if !ok {
		return "", errPhone()
	}

	switch {
	case plus && len(digits) == 11 && digits[0] == '7':
		digits = digits[1:]
	case !plus && len(digits) == 11 && (digits[0] == '8' || digits[0] == '7'):
		digits = digits[1:]
	case !plus && len(digits) == 10:
	default:
		return "", errPhone()
	}

	if digits[0] != '6' && digits[0] != '7' {
		return "", errPhone()
	}
	return "+7" + digits, nil
}

func errPhone() error {
	return &Error{
		Code:    ProblemPhoneInvalid,
		Message: "phone: not a kazakhstan number",
	}
}

// phoneDigits strips separators from raw and returns its digits, whether it
// began with '+', and false if it holds anything else.
func phoneDigits(raw string) (digits string, plus bool, ok bool) {
	s := strings.TrimSpace(raw)
	if strings.HasPrefix(s, "+") {
		plus, s = true, s[1:]
	}

	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '.' || r == '(' || r == ')':
		default:
			return "", false, false
		}
	}
	return b.String(), plus, b.Len() > 0
}
