package application

import (
	"errors"
	"fmt"
	"net/mail"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/kezek/kezek/registry"
)

// Validate checks the application a against the rules as of the instant at,
// normally the moment it was received, and returns a [*ValidationError]
// listing every problem found, or nil. The Kazakhstan civil date of at is
// the day of application for ages, expiry and the admission date. An
// invalid r is reported as an [*Error] with [CodeRulesInvalid] before any
// check.
//
// IINs typed by hand must pass [registry.ParseIIN]; IINs confirmed by a
// register are taken as the register gives them.
func (r Rules) Validate(a *Application, at time.Time) error {
	if err := r.Check(); err != nil {
		return err
	}

	v := &validator{rules: r.WithDefaults(), day: registry.DateOf(at)}
	v.application(a)
	if len(v.problems) == 0 {
		return nil
	}
	return &ValidationError{Problems: v.problems}
}

// validator collects the problems of one application.
type validator struct {
	rules    Rules
	day      time.Time
	problems []Problem
}

func (v *validator) add(field string, code Code, args ...any) {
	v.problems = append(v.problems, Problem{
		Field:   field,
		Code:    code,
		Message: messageFor(code, args...),
	})
}

func (v *validator) application(a *Application) {
	if !a.Channel.Valid() {
		v.add("channel", ProblemChannelUnknown)
	}
	v.required("region", string(a.Region))
	v.required("district", string(a.District))

	v.applicant(a.Applicant)
	v.child(a.Child)
	if !a.Child.IIN.IsZero() && a.Child.IIN == a.Applicant.IIN {
		v.add("applicant.iin", ProblemApplicantIsChild)
	}

	v.preferences(a.Preferences)
	v.requiredDocuments(a)
	for i, d := range a.Documents {
		field := fmt.Sprintf("documents[%d]", i)
		if v.document(field, d) && v.expired(d) {
			v.add(field, ProblemDocumentExpired)
		}
	}
	v.claims(a.Claims)
}

func (v *validator) applicant(p Applicant) {
	v.iin("applicant.iin", p.IIN, p.Provenance)
	v.name("applicant.name", p.Name)
	v.provenance("applicant.provenance", p.Provenance)
	v.required("applicant.address", p.Address.Reveal())

	if p.Phone == "" {
		v.add("applicant.phone", ProblemRequired)
	} else if _, err := NormalizePhone(p.Phone.Reveal()); err != nil {
		v.add("applicant.phone", ProblemPhoneInvalid)
	}
	if p.Email != "" && !validEmail(p.Email.Reveal()) {
		v.add("applicant.email", ProblemEmailInvalid)
	}
}

func (v *validator) child(c Child) {
	v.iin("child.iin", c.IIN, c.Provenance)
	v.name("child.name", c.Name)
	v.provenance("child.provenance", c.Provenance)
	if c.Sex != registry.Male && c.Sex != registry.Female {
		v.add("child.sex", ProblemSexUnknown)
	}
	if c.BirthDate.IsZero() {
		v.add("child.birth_date", ProblemRequired)
		return
	}

	born := dateOnly(c.BirthDate)
	switch {
	case born.After(v.day):
		v.add("child.birth_date", ProblemBornInFuture)
	case registry.AgeOn(born, v.day) >= v.rules.AgeLimit:
		v.add("child.birth_date", ProblemTooOld, v.rules.AgeLimit)
	}

	// A number that does not decode (lenient, from a register) has nothing
	// to agree with.
	if !c.IIN.Valid() {
		return
	}
	if !c.IIN.BirthDate().Equal(born) {
		v.add("child.iin", ProblemIINBirthDateMismatch)
	}
	if c.Sex != registry.SexUnknown && c.IIN.Sex() != c.Sex {
		v.add("child.iin", ProblemIINSexMismatch)
	}
}

// iin checks an IIN: present, and passing the strict checks unless a
// register supplied it.
func (v *validator) iin(field string, n registry.IIN, p Provenance) {
	if n.IsZero() {
		v.add(field, ProblemRequired)
		return
	}
	if p.Confirmed() {
		return
	}

	_, err := registry.ParseIIN(n.Digits())
	var re *registry.Error
	if errors.As(err, &re) {
		v.add(field, Code(re.Code))
	}
}

func (v *validator) name(field string, n FullName) {
	v.required(field+".surname", n.Surname)
	v.required(field+".given_name", n.GivenName)

	parts := map[string]string{
		"surname": n.Surname, "given_name": n.GivenName,
		"patronymic": n.Patronymic,
	}
	for _, part := range []string{"surname", "given_name", "patronymic"} {
		if !validName(parts[part]) {
			v.add(field+"."+part, ProblemNameInvalid)
		}
	}
}

func (v *validator) provenance(field string, p Provenance) {
	switch p.Source {
	case SourceRegister:
	case SourceManual:
		if p.EnteredBy.IsZero() {
			v.add(field+".entered_by", ProblemEnteredByMissing)
		}
	default:
		v.add(field+".source", ProblemProvenanceUnknown)
	}
}

func (v *validator) preferences(p Preferences) {
	if p.GroupType != "" && !p.GroupType.Valid() {
		v.add("preferences.group_type", ProblemGroupTypeUnknown)
	}
	if p.Language != "" && !p.Language.Valid() {
		v.add("preferences.language", ProblemLanguageUnknown)
	}
	if !p.AdmissionDate.IsZero() && dateOnly(p.AdmissionDate).Before(v.day) {
		v.add("preferences.admission_date", ProblemAdmissionDatePast)
	}

	orgs := p.Organisations
	switch {
	case len(orgs) == 0:
		v.add("preferences.organisations", ProblemRequired)
	case len(orgs) > v.rules.MaxPreferences:
		v.add("preferences.organisations", ProblemTooManyPreferences,
			v.rules.MaxPreferences)
	}
	seen := make(map[registry.OrganisationID]bool, len(orgs))
	for i, id := range orgs {
		field := fmt.Sprintf("preferences.organisations[%d]", i)
		switch {
		case id == "":
			v.add(field, ProblemRequired)
		case seen[id]:
			v.add(field, ProblemDuplicatePreference)
		}
		seen[id] = true
	}
}

// requiredDocuments checks that the documents the child's situation calls
// for are attached.
func (v *validator) requiredDocuments(a *Application) {
	need := func(kind DocumentKind, code Code) {
		if !hasKind(a.Documents, kind) {
			v.add("documents", code)
		}
	}
	if !a.Child.Provenance.Confirmed() {
		need(DocBirthCertificate, ProblemMissingBirthCertificate)
	}
	switch a.Preferences.GroupType {
	case registry.GroupCorrectional:
		need(DocPMPCConclusion, ProblemMissingPMPCConclusion)
	case registry.GroupSanatorium:
		need(DocMedicalConclusion, ProblemMissingMedicalConclusion)
	}
}

// document checks the fields of a document and reports whether it is dated,
// so that its expiry can be judged.
func (v *validator) document(field string, d Document) bool {
	if !knownKind(d.Kind) {
		v.add(field+".kind", ProblemDocumentKindUnknown)
	}
	if d.IssuedOn.IsZero() {
		v.add(field+".issued_on", ProblemRequired)
		return false
	}
	if dateOnly(d.IssuedOn).After(v.day) {
		v.add(field+".issued_on", ProblemDocumentIssuedInFuture)
	}
	return true
}

func (v *validator) claims(claims []PriorityClaim) {
	seen := make(map[PriorityCategory]bool, len(claims))
	for i, c := range claims {
		field := fmt.Sprintf("claims[%d]", i)
		kinds, ok := v.rules.Evidence[c.Category]
		switch {
		case !ok:
			v.add(field+".category", ProblemCategoryUnknown)
		case seen[c.Category]:
			v.add(field+".category", ProblemDuplicateClaim)
		}
		seen[c.Category] = true

		for j, d := range c.Evidence {
			v.document(fmt.Sprintf("%s.evidence[%d]", field, j), d)
		}
		if ok {
			v.evidence(field+".evidence", c.Evidence, kinds)
		}
	}
}

// evidence checks that at least one document of an accepted kind proves a
// claim on the day of application. A matching document without an issue
// date has its own problem already, and proves nothing.
func (v *validator) evidence(field string, docs []Document, kinds []DocumentKind) {
	var expired, undated bool
	for _, d := range docs {
		switch {
		case !slices.Contains(kinds, d.Kind):
		case d.IssuedOn.IsZero():
			undated = true
		case v.expired(d):
			expired = true
		default:
			return
		}
	}

	switch {
	case expired:
		v.add(field, ProblemEvidenceExpired)
	case !undated:
		v.add(field, ProblemEvidenceMissing)
	}
}

// expired reports whether d no longer proves anything on the day of
// application: past its own expiry date or, for an employer's certificate,
// older than the rules allow.
func (v *validator) expired(d Document) bool {
	if !d.ExpiresOn.IsZero() && dateOnly(d.ExpiresOn).Before(v.day) {
		return true
	}
	if d.Kind == DocEmployerCertificate && !d.IssuedOn.IsZero() {
		until := addMonths(dateOnly(d.IssuedOn), v.rules.EmployerCertificateMonths)
		return until.Before(v.day)
	}
	return false
}

func (v *validator) required(field, value string) {
	if strings.TrimSpace(value) == "" {
		v.add(field, ProblemRequired)
	}
}

// dateOnly returns the civil date of t's year, month and day in t's own
// location.
func dateOnly(t time.Time) time.Time {
	return registry.Date(t.Date())
}

// addMonths returns the civil date n months after d, or the last day of
// that month when it is shorter: a month after 31 January is 28 or 29
// February.
func addMonths(d time.Time, n int) time.Time {
	first := registry.Date(d.Year(), d.Month(), 1).AddDate(0, n, 0)
	last := first.AddDate(0, 1, -1).Day()
	return registry.Date(first.Year(), first.Month(), min(d.Day(), last))
}

// validName reports whether s holds only letters, spaces, hyphens and
// apostrophes, with at least one letter. The empty string is valid here;
// presence is checked apart.
func validName(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case unicode.Is(unicode.Mn, r):
		case r == ' ' || r == '-' || r == '\'' || r == '’' || r == 'ʼ':
		default:
			return false
		}
	}
	return s == "" || letters > 0
}

func validEmail(s string) bool {
	addr, err := mail.ParseAddress(s)
	return err == nil && addr.Address == strings.TrimSpace(s) &&
		strings.Contains(addr.Address, ".")
}

func knownKind(k DocumentKind) bool {
	switch k {
	case DocBirthCertificate, DocPMPCConclusion, DocMedicalConclusion,
		DocEmployerCertificate, DocDisabilityCertificate,
		DocLargeFamilyCertificate, DocGuardianshipDecision:
		return true
	}
	return false
}

func hasKind(docs []Document, kind DocumentKind) bool {
	for _, d := range docs {
		if d.Kind == kind {
			return true
		}
	}
	return false
}
