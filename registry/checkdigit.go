package registry

// checkDigit computes the control digit shared by IINs and BINs from the
// first eleven digits of d. The digits are weighted 1 to 11 and summed
// modulo 11; a result of 10 means a second pass with the weights 3 to 11, 1,
// 2. If that too gives 10, no check digit exists and ok is false.
func checkDigit(d string) (digit byte, ok bool) {
	sum := weightedSum(d, 1)
	if sum == 10 {
		sum = weightedSum(d, 3)
	}
	if sum == 10 {
		return 0, false
	}
	return byte(sum), true
}

// weightedSum returns the sum of the first eleven digits of d modulo 11,
// with weights starting at first and wrapping from 11 back to 1.
func weightedSum(d string, first int) int {
	sum := 0
	for i := range 11 {
		w := (first-1+i)%11 + 1
		sum += w * int(d[i]-'0')
	}
	return sum % 11
}

// twelveDigits reports whether s is exactly twelve ASCII digits.
func twelveDigits(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
