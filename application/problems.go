package application

import (
	"fmt"
	"strings"

	"github.com/kezek/kezek/registry"
)

// The codes of validation problems. Like every [Code] they are only ever
// added, never changed.
const (
	ProblemRequired                 Code = "required"
	ProblemIINFormat                     = Code(registry.CodeIINFormat)
	ProblemIINDate                       = Code(registry.CodeIINDate)
	ProblemIINCentury                    = Code(registry.CodeIINCentury)
	ProblemIINChecksum                   = Code(registry.CodeIINChecksum)
	ProblemNameInvalid              Code = "name.invalid"
	ProblemPhoneInvalid             Code = "phone.invalid"
	ProblemEmailInvalid             Code = "email.invalid"
	ProblemChannelUnknown           Code = "channel.unknown"
	ProblemSexUnknown               Code = "sex.unknown"
	ProblemProvenanceUnknown        Code = "provenance.unknown"
	ProblemEnteredByMissing         Code = "provenance.entered_by_missing"
	ProblemBornInFuture             Code = "child.born_in_future"
	ProblemTooOld                   Code = "child.too_old"
	ProblemIINBirthDateMismatch     Code = "child.iin_birth_date_mismatch"
	ProblemIINSexMismatch           Code = "child.iin_sex_mismatch"
	ProblemApplicantIsChild         Code = "applicant.is_child"
	ProblemMissingBirthCertificate  Code = "document.missing.birth_certificate"
	ProblemMissingPMPCConclusion    Code = "document.missing.pmpc_conclusion"
	ProblemMissingMedicalConclusion Code = "document.missing.medical_conclusion"
	ProblemDocumentKindUnknown      Code = "document.kind_unknown"
	ProblemDocumentExpired          Code = "document.expired"
	ProblemDocumentIssuedInFuture   Code = "document.issued_in_future"
	ProblemGroupTypeUnknown         Code = "group_type.unknown"
	ProblemLanguageUnknown          Code = "language.unknown"
	ProblemTooManyPreferences       Code = "preferences.too_many"
	ProblemDuplicatePreference      Code = "preferences.duplicate"
	ProblemAdmissionDatePast        Code = "admission_date.past"
	ProblemCategoryUnknown          Code = "priority.category_unknown"
	ProblemDuplicateClaim           Code = "priority.duplicate"
	ProblemEvidenceMissing          Code = "priority.evidence_missing"
	ProblemEvidenceExpired          Code = "priority.evidence_expired"
)

// Problem is one thing wrong with an application.
type Problem struct {
	// Field is the path of the field at fault, such as "child.iin" or
	// "preferences.organisations[2]"; empty for the application as a whole.
	Field string
	// Code is the stable kind of problem.
	Code Code
	// Message explains the problem to a person, in three languages.
	Message Message
}

// String returns the field and code, for example "child.iin: iin.checksum".
func (p Problem) String() string {
	if p.Field == "" {
		return string(p.Code)
	}
	return p.Field + ": " + string(p.Code)
}

// ValidationError lists every problem found in an application. Its
// [ErrorCode] is [CodeInvalid].
type ValidationError struct {
	// Problems are in the order of the application's fields.
	Problems []Problem
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.String()
	}
	noun := "problems"
	if len(e.Problems) == 1 {
		noun = "problem"
	}
	return fmt.Sprintf("application: %d %s: %s",
		len(e.Problems), noun, strings.Join(parts, "; "))
}

func (e *ValidationError) code() Code { return CodeInvalid }

// Has reports whether a problem with the code was found at the field.
func (e *ValidationError) Has(field string, code Code) bool {
	for _, p := range e.Problems {
		if p.Field == field && p.Code == code {
			return true
		}
	}
	return false
}
