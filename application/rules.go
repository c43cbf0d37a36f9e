package application

import "fmt"

// The defaults of [Rules], from today's national rules (Order No. 254 of
// 2020 as amended in 2024).
const (
	// DefaultAgeLimit means a child must be under 6 at application.
	DefaultAgeLimit = 6
	// DefaultMaxPreferences means up to 4 preschool organisations may be
	// chosen.
	DefaultMaxPreferences = 4
	// DefaultEmployerCertificateMonths means an employer's certificate proves a
	// right for one month after issue.
	DefaultEmployerCertificateMonths = 1
)

// Rules are the parameters of application validation. A zero field takes
// its default, so Rules{} validates by today's national rules; a negative
// field is an error ([CodeRulesInvalid]).
type Rules struct {
	// AgeLimit is the age in full years a child must be under on the day
	// of submission. Defaults to [DefaultAgeLimit]; the 2012 regulation
	// used 7.
	AgeLimit int
	// MaxPreferences is how many preschool organisations an applicant may
	// choose. Defaults to [DefaultMaxPreferences]; older rules allowed 1.
	MaxPreferences int
	// EmployerCertificateMonths is how long after issue an employer's
	// certificate proves a priority right. Defaults to
	// [DefaultEmployerCertificateMonths].
	EmployerCertificateMonths int
	// Evidence lists, for each priority category these rules accept, the
	// kinds of document any one of which proves it. A category missing from
	// the map is not accepted. Defaults to [DefaultEvidence] when nil.
	Evidence map[PriorityCategory][]DocumentKind
}

// DefaultEvidence returns the documents that prove each priority category
// under today's rules: a certificate from the place of service for the
// extraordinary categories and for teachers, and the certificate or
// decision that establishes the status for the others.
func DefaultEvidence() map[PriorityCategory][]DocumentKind {
	service := []DocumentKind{DocEmployerCertificate}
	return map[PriorityCategory][]DocumentKind{
		CategoryMilitary:            service,
		CategorySpecialStateBody:    service,
		CategoryLostInService:       service,
		CategoryTeacher:             service,
		CategoryDisabledParent:      {DocDisabilityCertificate},
		CategoryDisabledChildFamily: {DocDisabilityCertificate},
		CategoryWithoutParentalCare: {DocGuardianshipDecision},
		CategoryOrphan:              {DocGuardianshipDecision},
		CategoryLargeFamily:         {DocLargeFamilyCertificate},
		CategorySpecialNeeds:        {DocPMPCConclusion},
	}
}

// Regulation2012Rules returns the rules of the 2012 regulation: children
// under 7, and one chosen organisation.
func Regulation2012Rules() Rules {
	return Rules{AgeLimit: 7, MaxPreferences: 1}
}

// Check reports a parameter out of range as an [*Error] with
// [CodeRulesInvalid].
func (r Rules) Check() error {
	fields := []struct {
		name  string
		value int
	}{
		{"age limit", r.AgeLimit},
		{"max preferences", r.MaxPreferences},
		{"employer certificate months", r.EmployerCertificateMonths},
	}
	for _, f := range fields {
		if f.value < 0 {
			return &Error{
				Code:    CodeRulesInvalid,
				Message: fmt.Sprintf("rules: %s is negative", f.name),
			}
		}
	}
	return nil
}

// WithDefaults returns r with every zero field set to its default.
func (r Rules) WithDefaults() Rules {
	if r.AgeLimit == 0 {
		r.AgeLimit = DefaultAgeLimit
	}
	if r.MaxPreferences == 0 {
		r.MaxPreferences = DefaultMaxPreferences
	}
	if r.EmployerCertificateMonths == 0 {
		r.EmployerCertificateMonths = DefaultEmployerCertificateMonths
	}
	if r.Evidence == nil {
		r.Evidence = DefaultEvidence()
	}
	return r
}
