package application

import (
	"fmt"
	"strings"

	"github.com/kezek/kezek/registry"
)

// The codes of validation problems. Like every [Code] they are only ever
// added, never changed.
const (
	// ProblemRequired means a required field is empty.
	ProblemRequired Code = "required"
	// ProblemIINFormat means an IIN is not twelve digits.
	ProblemIINFormat = Code(registry.CodeIINFormat)
	// ProblemIINDate means the birth date in an IIN typed by hand is not a
	// real date.
	ProblemIINDate = Code(registry.CodeIINDate)
	// ProblemIINCentury means the century digit of an IIN typed by hand is not
	// 1 to 6.
	ProblemIINCentury = Code(registry.CodeIINCentury)
	// ProblemIINChecksum means the check digit of an IIN typed by hand does
	// not match.
	ProblemIINChecksum = Code(registry.CodeIINChecksum)
	// ProblemNameInvalid means a name holds something other than letters,
	// spaces, hyphens and apostrophes, or no letter.
	ProblemNameInvalid Code = "name.invalid"
	// ProblemPhoneInvalid means the phone number is not a Kazakhstan number.
	ProblemPhoneInvalid Code = "phone.invalid"
	// ProblemEmailInvalid means the e-mail address is malformed.
	ProblemEmailInvalid Code = "email.invalid"
	// ProblemChannelUnknown means the channel is not one of the three.
	ProblemChannelUnknown Code = "channel.unknown"
	// ProblemSexUnknown means the child's sex is not given.
	ProblemSexUnknown Code = "sex.unknown"
	// ProblemProvenanceUnknown means the source of a person's data is not
	// given.
	ProblemProvenanceUnknown Code = "provenance.unknown"
	// ProblemEnteredByMissing means data typed by hand does not say who typed
	// it.
	ProblemEnteredByMissing Code = "provenance.entered_by_missing"
	// ProblemBornInFuture means the child is born after the day of
	// application.
	ProblemBornInFuture Code = "child.born_in_future"
	// ProblemTooOld means the child has reached the age limit on the day of
	// application.
	ProblemTooOld Code = "child.too_old"
	// ProblemIINBirthDateMismatch means the child's IIN encodes another birth
	// date.
	ProblemIINBirthDateMismatch Code = "child.iin_birth_date_mismatch"
	// ProblemIINSexMismatch means the child's IIN encodes the other sex.
	ProblemIINSexMismatch Code = "child.iin_sex_mismatch"
	// ProblemApplicantIsChild means the applicant and the child have one IIN.
	ProblemApplicantIsChild Code = "applicant.is_child"
	// ProblemMissingBirthCertificate means no birth certificate is attached
	// although the civil registry did not confirm the birth.
	ProblemMissingBirthCertificate Code = "document.missing.birth_certificate"
	// ProblemMissingPMPCConclusion means a correctional group is asked for
	// without a PMPC conclusion.
	ProblemMissingPMPCConclusion Code = "document.missing.pmpc_conclusion"
	// ProblemMissingMedicalConclusion means a sanatorium group is asked for
	// without a medical conclusion.
	ProblemMissingMedicalConclusion Code = "document.missing.medical_conclusion"
	// ProblemDocumentKindUnknown means a document's kind is not known.
	ProblemDocumentKindUnknown Code = "document.kind_unknown"
	// ProblemDocumentExpired means a document had expired on the day of
	// application.
	ProblemDocumentExpired Code = "document.expired"
	// ProblemDocumentIssuedInFuture means a document is dated after the day of
	// application.
	ProblemDocumentIssuedInFuture Code = "document.issued_in_future"
	// ProblemGroupTypeUnknown means the group type is not known.
	ProblemGroupTypeUnknown Code = "group_type.unknown"
	// ProblemLanguageUnknown means the language of instruction is not known.
	ProblemLanguageUnknown Code = "language.unknown"
	// ProblemTooManyPreferences means more organisations are chosen than the
	// rules allow.
	ProblemTooManyPreferences Code = "preferences.too_many"
	// ProblemDuplicatePreference means an organisation is chosen twice.
	ProblemDuplicatePreference Code = "preferences.duplicate"
	// ProblemAdmissionDatePast means the desired admission date is before the
	// day of application.
	ProblemAdmissionDatePast Code = "admission_date.past"
	// ProblemCategoryUnknown means a priority category is not one the rules
	// accept.
	ProblemCategoryUnknown Code = "priority.category_unknown"
	// ProblemDuplicateClaim means a priority category is claimed twice.
	ProblemDuplicateClaim Code = "priority.duplicate"
	// ProblemEvidenceMissing means no document of a kind that proves the claim
	// is attached.
	ProblemEvidenceMissing Code = "priority.evidence_missing"
	// ProblemEvidenceExpired means every document that would prove the claim
	// had expired.
	ProblemEvidenceExpired Code = "priority.evidence_expired"
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
