package application

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/registry"
)

// recordVersion is the version of the record format written by
// EncodeRecord. DecodeRecord reads this version only.
const recordVersion = 1

// EncodeRecord encodes a as JSON with every personal field in full: the
// storage and wire form of an application. Unlike json.Marshal, which masks
// IINs, names and other personal data, its output is personal data and must
// be kept and sent as such.
func EncodeRecord(a *Application) ([]byte, error) {
	return json.Marshal(toRecord(a))
}

// DecodeRecord decodes the output of [EncodeRecord]. IINs are read with
// [registry.ParseIINLenient], since a stored IIN may come from a register.
// Malformed input is an [*Error] with [CodeInvalid].
func DecodeRecord(data []byte) (*Application, error) {
	var r appRecord
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, decodeError(err)
	}
	if r.Version != recordVersion {
		return nil, &Error{
			Code:    CodeInvalid,
			Message: fmt.Sprintf("decode record: unknown version %d", r.Version),
		}
	}
	return r.application()
}

// The record types mirror the model with plain strings where the model has
// masking types.
type (
	appRecord struct {
		Version            int
		ID                 uuid.UUID
		RegistrationNumber string
		Channel            Channel
		Applicant          personRecord
		Child              personRecord
		Region             registry.RegionID
		District           registry.DistrictID
		Preferences        Preferences
		Claims             []claimRecord
		Documents          []documentRecord
		SubmittedAt        time.Time
		SignedBy           Actor
	}
	personRecord struct {
		IIN        string
		Name       nameRecord
		Address    string `json:",omitempty"`
		Phone      string `json:",omitempty"`
		Email      string `json:",omitempty"`
		BirthDate  time.Time
		Sex        registry.Sex
		Provenance Provenance
	}
	// nameRecord has FullName's fields and none of its methods.
	nameRecord  FullName
	claimRecord struct {
		Category PriorityCategory
		Evidence []documentRecord
	}
	documentRecord struct {
		Kind      DocumentKind
		Number    string
		Issuer    string
		IssuedOn  time.Time
		ExpiresOn time.Time
	}
)

func toRecord(a *Application) appRecord {
	return appRecord{
		Version:            recordVersion,
		ID:                 a.ID,
		RegistrationNumber: a.RegistrationNumber,
		Channel:            a.Channel,
		Applicant: personRecord{
			IIN:        a.Applicant.IIN.Digits(),
			Name:       nameRecord(a.Applicant.Name),
			Address:    a.Applicant.Address.Reveal(),
			Phone:      a.Applicant.Phone.Reveal(),
			Email:      a.Applicant.Email.Reveal(),
			Provenance: a.Applicant.Provenance,
		},
		Child: personRecord{
			IIN:        a.Child.IIN.Digits(),
			Name:       nameRecord(a.Child.Name),
			BirthDate:  a.Child.BirthDate,
			Sex:        a.Child.Sex,
			Provenance: a.Child.Provenance,
		},
		Region:      a.Region,
		District:    a.District,
		Preferences: a.Preferences,
		Claims:      claimRecords(a.Claims),
		Documents:   documentRecords(a.Documents),
		SubmittedAt: a.SubmittedAt,
		SignedBy:    a.SignedBy,
	}
}

func (r appRecord) application() (*Application, error) {
	applicant, err := recordIIN(r.Applicant.IIN)
	if err != nil {
		return nil, err
	}
	child, err := recordIIN(r.Child.IIN)
	if err != nil {
		return nil, err
	}

	return &Application{
		ID:                 r.ID,
		RegistrationNumber: r.RegistrationNumber,
		Channel:            r.Channel,
		Applicant: Applicant{
			IIN:        applicant,
			Name:       FullName(r.Applicant.Name),
			Address:    Confidential(r.Applicant.Address),
			Phone:      Confidential(r.Applicant.Phone),
			Email:      Confidential(r.Applicant.Email),
			Provenance: r.Applicant.Provenance,
		},
		Child: Child{
			IIN:        child,
			Name:       FullName(r.Child.Name),
			BirthDate:  r.Child.BirthDate,
			Sex:        r.Child.Sex,
			Provenance: r.Child.Provenance,
		},
		Region:      r.Region,
		District:    r.District,
		Preferences: r.Preferences,
		Claims:      claims(r.Claims),
		Documents:   documents(r.Documents),
		SubmittedAt: r.SubmittedAt,
		SignedBy:    r.SignedBy,
	}, nil
}

// decodeError reports a JSON decoding error without its text, which can
// quote the personal data being decoded.
func decodeError(err error) error {
	var (
		syntax *json.SyntaxError
		typ    *json.UnmarshalTypeError
		msg    = "decode record: malformed value"
	)
	switch {
	case errors.As(err, &syntax):
		msg = fmt.Sprintf("decode record: syntax error at byte %d", syntax.Offset)
	case errors.As(err, &typ):
		msg = fmt.Sprintf("decode record: wrong type for field %s", typ.Field)
	}
	return &Error{Code: CodeInvalid, Message: msg}
}

// recordIIN reads a stored IIN; an empty one is the zero IIN.
func recordIIN(s string) (registry.IIN, error) {
	if s == "" {
		return registry.IIN{}, nil
	}
	n, err := registry.ParseIINLenient(s)
	if err != nil {
		return registry.IIN{}, &Error{Code: CodeInvalid,
			Message: "decode record: an iin is not twelve digits"}
	}
	return n, nil
}

func claimRecords(cs []PriorityClaim) []claimRecord {
	if cs == nil {
		return nil
	}
	out := make([]claimRecord, len(cs))
	for i, c := range cs {
		out[i] = claimRecord{c.Category, documentRecords(c.Evidence)}
	}
	return out
}

func claims(rs []claimRecord) []PriorityClaim {
	if rs == nil {
		return nil
	}
	out := make([]PriorityClaim, len(rs))
	for i, r := range rs {
		out[i] = PriorityClaim{r.Category, documents(r.Evidence)}
	}
	return out
}

func documentRecords(ds []Document) []documentRecord {
	if ds == nil {
		return nil
	}
	out := make([]documentRecord, len(ds))
	for i, d := range ds {
		out[i] = documentRecord{d.Kind, d.Number.Reveal(), d.Issuer,
			d.IssuedOn, d.ExpiresOn}
	}
	return out
}

func documents(rs []documentRecord) []Document {
	if rs == nil {
		return nil
	}
	out := make([]Document, len(rs))
	for i, r := range rs {
		out[i] = Document{r.Kind, Confidential(r.Number), r.Issuer,
			r.IssuedOn, r.ExpiresOn}
	}
	return out
}
