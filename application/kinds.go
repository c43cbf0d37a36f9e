package application

// PriorityCategory is a priority right an applicant can claim. Which queue
// class (extraordinary, primary) a category belongs to is decided by the
// queue's ordering policy, not here.
type PriorityCategory string

// The priority categories of today's rules.
const (
	// CategoryMilitary is for children of military personnel.
	CategoryMilitary PriorityCategory = "military"
	// CategorySpecialStateBody is for children of employees of special
	// state bodies.
	CategorySpecialStateBody PriorityCategory = "special_state_body"
	// CategoryLostInService is for children of military personnel or of
	// special state body employees who died or went missing in service.
	CategoryLostInService PriorityCategory = "lost_in_service"
	// CategoryDisabledParent is for children whose legal representatives
	// are disabled.
	CategoryDisabledParent PriorityCategory = "disabled_parent"
	// CategoryWithoutParentalCare is for children left without parental
	// care.
	CategoryWithoutParentalCare PriorityCategory = "without_parental_care"
	// CategoryOrphan is for orphans.
	CategoryOrphan PriorityCategory = "orphan"
	// CategoryLargeFamily is for children from large families.
	CategoryLargeFamily PriorityCategory = "large_family"
	// CategorySpecialNeeds is for children with special educational needs.
	CategorySpecialNeeds PriorityCategory = "special_educational_needs"
	// CategoryDisabledChildFamily is for children of families raising a
	// disabled child (a right in some cities only).
	CategoryDisabledChildFamily PriorityCategory = "disabled_child_family"
	// CategoryTeacher is for teachers' children (a right in some cities
	// only).
	CategoryTeacher PriorityCategory = "teacher"
)

// DocumentKind says what an attached document is.
type DocumentKind string

// The kinds of document.
const (
	// DocBirthCertificate is the child's birth certificate; it is not
	// needed when the civil registry confirmed the birth.
	DocBirthCertificate DocumentKind = "birth_certificate"
	// DocPMPCConclusion is the conclusion of the psychological-medical-
	// pedagogical commission, required for a correctional group.
	DocPMPCConclusion DocumentKind = "pmpc_conclusion"
	// DocMedicalConclusion is a medical conclusion, required for a
	// sanatorium group.
	DocMedicalConclusion DocumentKind = "medical_conclusion"
	// DocEmployerCertificate is a certificate from the employer or place
	// of service, valid for [Rules.EmployerCertificateMonths] after issue.
	DocEmployerCertificate DocumentKind = "employer_certificate"
	// DocDisabilityCertificate is a certificate of disability.
	DocDisabilityCertificate DocumentKind = "disability_certificate"
	// DocLargeFamilyCertificate is a certificate of a large family.
	DocLargeFamilyCertificate DocumentKind = "large_family_certificate"
	// DocGuardianshipDecision is a decision establishing guardianship or
	// trusteeship.
	DocGuardianshipDecision DocumentKind = "guardianship_decision"
)
