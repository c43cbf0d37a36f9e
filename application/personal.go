package application

import (
	"fmt"
	"log/slog"
	"strings"
	"unicode/utf8"
)

// FullName is a person's name as Kazakh documents give it. Names are
// personal data: every default rendering (String, fmt verbs, slog, text and
// JSON marshalling) shows only initials, and code reads the parts through
// the fields explicitly.
type FullName struct {
	// Surname is the family name (тегі / фамилия).
	Surname string
	// GivenName is the first name (аты / имя).
	GivenName string
	// Patronymic is the father's name (әкесінің аты / отчество); many
	// people have none.
	Patronymic string
}

// IsZero reports whether every part of n is empty.
func (n FullName) IsZero() bool {
	return n == FullName{}
}

// Masked returns each part of n reduced to its first letter and "***",
// for example "А*** Б***".
func (n FullName) Masked() string {
	var parts []string
	for _, p := range []string{n.Surname, n.GivenName, n.Patronymic} {
		if p = strings.TrimSpace(p); p != "" {
			r, _ := utf8.DecodeRuneInString(p)
			parts = append(parts, string(r)+"***")
		}
	}
	return strings.Join(parts, " ")
}

// String returns the masked name.
func (n FullName) String() string {
	return n.Masked()
}

// Format implements fmt.Formatter: every verb prints the masked name.
func (n FullName) Format(f fmt.State, verb rune) {
	formatMasked(f, verb, n.Masked())
}

// LogValue implements slog.LogValuer: logs show the masked name.
func (n FullName) LogValue() slog.Value {
	return slog.StringValue(n.Masked())
}

// MarshalText implements encoding.TextMarshaler with the masked name, so
// encoding an application never reveals it. JSON input in the form
// {"Surname": ..., "GivenName": ..., "Patronymic": ...} still decodes.
func (n FullName) MarshalText() ([]byte, error) {
	return []byte(n.Masked()), nil
}

// Confidential is a piece of personal data held as text: an address, a
// phone number, an e-mail address, a document number. Every default
// rendering shows "***"; [Confidential.Reveal] returns the text.
type Confidential string

// Reveal returns the text itself. Use it for storage, delivery and display
// to the person the data belongs to, never for logs or messages.
func (c Confidential) Reveal() string {
	return string(c)
}

// Masked returns "***", or "" when c is empty.
func (c Confidential) Masked() string {
	if c == "" {
		return ""
	}
	return "***"
}

// String returns the masked text.
func (c Confidential) String() string {
	return c.Masked()
}

// Format implements fmt.Formatter: every verb prints the masked text.
func (c Confidential) Format(f fmt.State, verb rune) {
	formatMasked(f, verb, c.Masked())
}

// LogValue implements slog.LogValuer: logs show the masked text.
func (c Confidential) LogValue() slog.Value {
	return slog.StringValue(c.Masked())
}

// MarshalText implements encoding.TextMarshaler with the masked text.
func (c Confidential) MarshalText() ([]byte, error) {
	return []byte(c.Masked()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: the text is taken as
// it is, so forms and API requests decode.
func (c *Confidential) UnmarshalText(text []byte) error {
	*c = Confidential(text)
	return nil
}

// formatMasked prints a masked value for any fmt verb.
func formatMasked(f fmt.State, verb rune, masked string) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", masked)
		return
	}
	fmt.Fprint(f, masked)
}
