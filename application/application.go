package application

import (
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/kezek/kezek/registry"
)

// Channel is the way an application reached the service.
type Channel string

// The channels of the regulation.
const (
	// Portal is the e-government portal: the applicant applies online and
	// signs with their own digital signature.
	Portal Channel = "portal"
	// ServiceCentre is a public service centre: a clerk takes the paper
	// originals, enters the data and signs with the clerk's signature.
	ServiceCentre Channel = "service_centre"
	// EducationDepartment is the district education department, the service
	// provider, taking an application directly.
	EducationDepartment Channel = "education_department"
)

// Valid reports whether c is one of the known channels.
func (c Channel) Valid() bool {
	switch c {
	case Portal, ServiceCentre, EducationDepartment:
		return true
	}
	return false
}

// Application is a request to register a child in the queue for a
// kindergarten place. Its status is not a field: it is the projection of
// the application's recorded transitions (see [History]).
//
// Formatting, logging or JSON-encoding an Application masks every IIN, name
// and other personal field; [EncodeRecord] is the codec that keeps them.
type Application struct {
	// ID identifies the application; [NewID] makes one (a UUIDv7, so IDs
	// sort by creation time).
	ID uuid.UUID
	// RegistrationNumber is the human-readable number given at
	// registration, unique within the region and year; empty before.
	RegistrationNumber string
	// Channel is how the application was received.
	Channel Channel
	// Applicant is the parent or legal representative.
	Applicant Applicant
	// Child is the child to be placed.
	Child Child
	// Region is where the application is registered and numbered.
	Region registry.RegionID
	// District is the district whose queue the child joins.
	District registry.DistrictID
	// Preferences say which places the applicant wants.
	Preferences Preferences
	// Claims are the priority rights the applicant claims, each with its
	// evidence.
	Claims []PriorityClaim
	// Documents are the other attached documents (birth certificate,
	// conclusions).
	Documents []Document
	// SubmittedAt is the instant the application was received, in UTC. The
	// queue order counts from it.
	SubmittedAt time.Time
	// SignedBy is who signed the application: the applicant on the portal,
	// the clerk at a counter. Zero until it is signed.
	SignedBy Actor
}

// NewID returns a new application ID, a UUIDv7.
func NewID() (uuid.UUID, error) {
	return uuid.NewV7()
}

// Applicant is the parent or legal representative who applies.
type Applicant struct {
	// IIN is the applicant's identification number.
	IIN registry.IIN
	// Name is the applicant's full name.
	Name FullName
	// Address is the applicant's address, as one line.
	Address Confidential
	// Phone is a phone number; validation requires a Kazakhstan number
	// that [NormalizePhone] accepts.
	Phone Confidential
	// Email is an e-mail address, optional.
	Email Confidential
	// Provenance says where the personal data came from.
	Provenance Provenance
}

// Child is the child to be placed.
type Child struct {
	// IIN is the child's identification number.
	IIN registry.IIN
	// Name is the child's full name.
	Name FullName
	// BirthDate is the civil date of birth (see package registry). Only the
	// year, month and day in the value's own location are read.
	BirthDate time.Time
	// Sex is the child's sex.
	Sex registry.Sex
	// Provenance says where the data came from; when the civil registry
	// confirmed the birth, no birth certificate needs to be attached.
	Provenance Provenance
}

// Source is where a person's data came from.
type Source string

// The sources of personal data.
const (
	// SourceRegister means the data was returned by a state register (the
	// register of persons for the applicant, the civil registry for the
	// child).
	SourceRegister Source = "register"
	// SourceManual means the register had no record, and the data was typed by
	// hand from an identity document or a birth certificate. It stays
	// marked as unconfirmed.
	SourceManual Source = "manual"
)

// Provenance records where a person's data came from and, when it was typed
// by hand, by whom and when.
type Provenance struct {
	// Source is the register or the hand that supplied the data.
	Source Source
	// EnteredBy is who typed the data; required for [SourceManual].
	EnteredBy Actor
	// At is when the data was fetched or typed.
	At time.Time
}

// Confirmed reports whether a register supplied the data.
func (p Provenance) Confirmed() bool {
	return p.Source == SourceRegister
}

// Preferences are the places an applicant asks for.
type Preferences struct {
	// Organisations are the preschool organisations wanted, most wanted
	// first; [Rules.MaxPreferences] caps their number.
	Organisations []registry.OrganisationID
	// Language is the language of instruction wanted; empty means any.
	Language registry.Language
	// GroupType is the kind of group the child needs; empty means general.
	GroupType registry.GroupType
	// AdmissionDate is the civil date from which a place is wanted; zero
	// means as soon as possible.
	AdmissionDate time.Time
}

// PriorityClaim is a priority right the applicant claims for the child.
type PriorityClaim struct {
	// Category is the right claimed.
	Category PriorityCategory
	// Evidence are the documents that prove it; [Rules.Evidence] says which
	// kinds prove which category.
	Evidence []Document
}

// Document is a document attached to an application.
type Document struct {
	// Kind says what the document is.
	Kind DocumentKind
	// Number is the document's number or series and number.
	Number Confidential
	// Issuer is the body that issued it.
	Issuer string
	// IssuedOn is the civil date of issue.
	IssuedOn time.Time
	// ExpiresOn is the civil date after which the document is no longer
	// valid; zero when it does not expire by its own terms.
	ExpiresOn time.Time
}

// Normalize rewrites a's free-form fields into their canonical form: the
// applicant's phone number in E.164 (when [NormalizePhone] accepts it),
// and names, address and e-mail without surrounding spaces. It leaves
// anything it cannot normalise for [Rules.Validate] to report.
func (a *Application) Normalize() {
	if p, err := NormalizePhone(a.Applicant.Phone.Reveal()); err == nil {
		a.Applicant.Phone = Confidential(p)
	}
	a.Applicant.Address = Confidential(strings.TrimSpace(a.Applicant.Address.Reveal()))
	a.Applicant.Email = Confidential(strings.TrimSpace(a.Applicant.Email.Reveal()))
	a.Applicant.Name = a.Applicant.Name.trimmed()
	a.Child.Name = a.Child.Name.trimmed()
}
