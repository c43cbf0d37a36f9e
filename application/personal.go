package application

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"unicode/utf8"

	"github.com/kezek/kezek/registry"
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

// trimmed returns n without spaces around its parts.
func (n FullName) trimmed() FullName {
	return FullName{
		Surname:    strings.TrimSpace(n.Surname),
		GivenName:  strings.TrimSpace(n.GivenName),
		Patronymic: strings.TrimSpace(n.Patronymic),
	}
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
	registry.FormatMasked(f, verb, n.Masked())
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
	registry.FormatMasked(f, verb, c.Masked())
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

// childView is what default renderings show of a child: with the birth
// date and sex beside the last four digits, an IIN could be rebuilt, so
// only the birth year shows.
type childView struct {
	IIN        registry.IIN
	Name       FullName
	BirthYear  int `json:",omitempty"`
	Provenance Provenance
}

func (c Child) view() childView {
	v := childView{IIN: c.IIN, Name: c.Name, Provenance: c.Provenance}
	if !c.BirthDate.IsZero() {
		v.BirthYear = c.BirthDate.Year()
	}
	return v
}

// Format implements fmt.Formatter: every verb prints the child with the
// IIN and name masked and only the year of birth.
func (c Child) Format(f fmt.State, verb rune) {
	fmt.Fprintf(f, fmt.FormatString(f, verb), c.view())
}

// LogValue implements slog.LogValuer with the masked view of Format.
func (c Child) LogValue() slog.Value {
	return slog.AnyValue(c.view())
}

// MarshalJSON implements json.Marshaler with the masked view of Format.
// JSON input with every field of Child still decodes.
func (c Child) MarshalJSON() ([]byte, error) {
	return json.Marshal(c.view())
}
