package application_test

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/application"
	"github.com/kezek/kezek/registry"
)

// problems returns the "field: code" form of every problem in err.
func problems(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *application.ValidationError
	require.ErrorAs(t, err, &ve)
	out := make([]string, len(ve.Problems))
	for i, p := range ve.Problems {
		out[i] = p.String()
	}
	return out
}

func TestValidateAcceptsValidApplication(t *testing.T) {
	a := validApplication(t)
	assert.NoError(t, application.Rules{}.Validate(a, receivedAt))
}

func TestValidate(t *testing.T) {
	employer := func(issued time.Time) application.Document {
		return application.Document{
			Kind: application.DocEmployerCertificate, IssuedOn: issued,
		}
	}
	confirmed := application.Provenance{Source: application.SourceRegister}

	tests := []struct {
		name   string
		rules  application.Rules
		change func(a *application.Application)
		want   []string
	}{{
		name:   "ApplicantIINChecksum",
		change: func(a *application.Application) { a.Applicant.IIN = mustIIN(t, "900201400553") },
		want:   []string{"applicant.iin: iin.checksum"},
	}, {
		name:   "ApplicantIINDate",
		change: func(a *application.Application) { a.Applicant.IIN = mustIIN(t, "901301400552") },
		want:   []string{"applicant.iin: iin.date"},
	}, {
		name:   "ApplicantIINCentury",
		change: func(a *application.Application) { a.Applicant.IIN = mustIIN(t, "900201900552") },
		want:   []string{"applicant.iin: iin.century"},
	}, {
		name: "RegisterIINIsNotRechecked",
		change: func(a *application.Application) {
			a.Applicant.IIN = mustIIN(t, "123456789011")
			a.Applicant.Provenance = confirmed
		},
	}, {
		name:   "MissingIIN",
		change: func(a *application.Application) { a.Child.IIN = registry.IIN{} },
		want:   []string{"child.iin: required"},
	}, {
		name:   "ChildIINBirthDateMismatch",
		change: func(a *application.Application) { a.Child.BirthDate = registry.Date(2021, 3, 4) },
		want:   []string{"child.iin: child.iin_birth_date_mismatch"},
	}, {
		name:   "ChildIINSexMismatch",
		change: func(a *application.Application) { a.Child.Sex = registry.Male },
		want:   []string{"child.iin: child.iin_sex_mismatch"},
	}, {
		name:   "ChildSexUnknown",
		change: func(a *application.Application) { a.Child.Sex = registry.SexUnknown },
		want:   []string{"child.sex: sex.unknown"},
	}, {
		name: "ChildTooOld",
		change: func(a *application.Application) {
			a.Child.IIN = mustIIN(t, "190914500009")
			a.Child.BirthDate = registry.Date(2019, 9, 14)
			a.Child.Sex = registry.Male
		},
		want: []string{"child.birth_date: child.too_old"},
	}, {
		name: "ChildTurnsSixTomorrow",
		change: func(a *application.Application) {
			a.Child.IIN = mustIIN(t, "190916500006")
			a.Child.BirthDate = registry.Date(2019, 9, 16)
			a.Child.Sex = registry.Male
		},
	}, {
		name:  "ChildOfSixUnder2012Rules",
		rules: application.Regulation2012Rules(),
		change: func(a *application.Application) {
			a.Child.IIN = mustIIN(t, "190914500009")
			a.Child.BirthDate = registry.Date(2019, 9, 14)
			a.Child.Sex = registry.Male
			a.Preferences.Organisations = a.Preferences.Organisations[:1]
		},
	}, {
		name: "ChildBornInFuture",
		change: func(a *application.Application) {
			a.Child.IIN = mustIIN(t, "250916600002")
			a.Child.BirthDate = registry.Date(2025, 9, 16)
		},
		want: []string{"child.birth_date: child.born_in_future"},
	}, {
		name:   "MissingBirthDate",
		change: func(a *application.Application) { a.Child.BirthDate = time.Time{} },
		want:   []string{"child.birth_date: required"},
	}, {
		name:   "ApplicantIsChild",
		change: func(a *application.Application) { a.Applicant.IIN = a.Child.IIN },
		want:   []string{"applicant.iin: applicant.is_child"},
	}, {
		name:   "BirthCertificateMissing",
		change: func(a *application.Application) { a.Documents = nil },
		want:   []string{"documents: document.missing.birth_certificate"},
	}, {
		name: "BirthConfirmedByRegister",
		change: func(a *application.Application) {
			a.Documents = nil
			a.Child.Provenance = confirmed
		},
	}, {
		name: "PMPCConclusionMissing",
		change: func(a *application.Application) {
			a.Preferences.GroupType = registry.GroupCorrectional
		},
		want: []string{"documents: document.missing.pmpc_conclusion"},
	}, {
		name: "MedicalConclusionMissing",
		change: func(a *application.Application) {
			a.Preferences.GroupType = registry.GroupSanatorium
		},
		want: []string{"documents: document.missing.medical_conclusion"},
	}, {
		name: "MedicalConclusionAttached",
		change: func(a *application.Application) {
			a.Preferences.GroupType = registry.GroupSanatorium
			a.Documents = append(a.Documents, application.Document{
				Kind: application.DocMedicalConclusion, IssuedOn: registry.Date(2025, 9, 1),
			})
		},
	}, {
		name: "EvidenceMissing",
		change: func(a *application.Application) {
			a.Claims[0].Evidence[0].Kind = application.DocDisabilityCertificate
		},
		want: []string{"claims[0].evidence: priority.evidence_missing"},
	}, {
		name: "EmployerCertificateOneMonthOld",
		change: func(a *application.Application) {
			a.Claims = []application.PriorityClaim{{
				Category: application.CategoryMilitary,
				Evidence: []application.Document{employer(registry.Date(2025, 8, 15))},
			}}
		},
	}, {
		name: "EmployerCertificateTooOld",
		change: func(a *application.Application) {
			a.Claims = []application.PriorityClaim{{
				Category: application.CategoryMilitary,
				Evidence: []application.Document{employer(registry.Date(2025, 8, 14))},
			}}
		},
		want: []string{"claims[0].evidence: priority.evidence_expired"},
	}, {
		name:  "EmployerCertificateLongerValidity",
		rules: application.Rules{EmployerCertificateMonths: 3},
		change: func(a *application.Application) {
			a.Claims = []application.PriorityClaim{{
				Category: application.CategoryMilitary,
				Evidence: []application.Document{employer(registry.Date(2025, 7, 1))},
			}}
		},
	}, {
		name: "OneValidEvidenceIsEnough",
		change: func(a *application.Application) {
			a.Claims = []application.PriorityClaim{{
				Category: application.CategoryMilitary,
				Evidence: []application.Document{
					employer(registry.Date(2025, 1, 1)),
					employer(registry.Date(2025, 9, 1)),
				},
			}}
		},
	}, {
		name: "EvidenceExpiryDatePassed",
		change: func(a *application.Application) {
			a.Claims[0].Evidence[0].ExpiresOn = registry.Date(2025, 9, 14)
		},
		want: []string{"claims[0].evidence: priority.evidence_expired"},
	}, {
		name: "EvidenceExpiresOnTheDay",
		change: func(a *application.Application) {
			a.Claims[0].Evidence[0].ExpiresOn = registry.Date(2025, 9, 15)
		},
	}, {
		name: "EvidenceUndated",
		change: func(a *application.Application) {
			a.Claims[0].Evidence[0].IssuedOn = time.Time{}
		},
		want: []string{"claims[0].evidence[0].issued_on: required"},
	}, {
		name:   "CategoryUnknown",
		change: func(a *application.Application) { a.Claims[0].Category = "veteran" },
		want:   []string{"claims[0].category: priority.category_unknown"},
	}, {
		name: "CategoryNotAcceptedByCity",
		rules: application.Rules{
			Evidence: map[application.PriorityCategory][]application.DocumentKind{
				application.CategoryMilitary: {application.DocEmployerCertificate},
			},
		},
		want: []string{"claims[0].category: priority.category_unknown"},
	}, {
		name:   "DuplicateClaim",
		change: func(a *application.Application) { a.Claims = append(a.Claims, a.Claims[0]) },
		want:   []string{"claims[1].category: priority.duplicate"},
	}, {
		name: "DocumentExpired",
		change: func(a *application.Application) {
			a.Documents[0].ExpiresOn = registry.Date(2025, 1, 1)
		},
		want: []string{"documents[0]: document.expired"},
	}, {
		name: "DocumentIssuedInFuture",
		change: func(a *application.Application) {
			a.Documents[0].IssuedOn = registry.Date(2025, 9, 16)
		},
		want: []string{"documents[0].issued_on: document.issued_in_future"},
	}, {
		name:   "DocumentKindUnknown",
		change: func(a *application.Application) { a.Documents[0].Kind = "passport" },
		want: []string{
			"documents: document.missing.birth_certificate",
			"documents[0].kind: document.kind_unknown",
		},
	}, {
		name:   "PhoneNormalised",
		change: func(a *application.Application) { a.Applicant.Phone = "+7 747 123 4567" },
	}, {
		name:   "PhoneForeign",
		change: func(a *application.Application) { a.Applicant.Phone = "+7 916 123 4567" },
		want:   []string{"applicant.phone: phone.invalid"},
	}, {
		name:   "PhoneMissing",
		change: func(a *application.Application) { a.Applicant.Phone = "" },
		want:   []string{"applicant.phone: required"},
	}, {
		name:   "EmailInvalid",
		change: func(a *application.Application) { a.Applicant.Email = "aigerim at example" },
		want:   []string{"applicant.email: email.invalid"},
	}, {
		name: "TooManyPreferences",
		change: func(a *application.Application) {
			a.Preferences.Organisations = []registry.OrganisationID{"a", "b", "c", "d", "e"}
		},
		want: []string{"preferences.organisations: preferences.too_many"},
	}, {
		name:  "TooManyPreferences2012",
		rules: application.Regulation2012Rules(),
		want:  []string{"preferences.organisations: preferences.too_many"},
	}, {
		name: "DuplicatePreference",
		change: func(a *application.Application) {
			a.Preferences.Organisations = []registry.OrganisationID{"a", "b", "a"}
		},
		want: []string{"preferences.organisations[2]: preferences.duplicate"},
	}, {
		name:   "NoPreference",
		change: func(a *application.Application) { a.Preferences.Organisations = nil },
		want:   []string{"preferences.organisations: required"},
	}, {
		name: "AdmissionDatePast",
		change: func(a *application.Application) {
			a.Preferences.AdmissionDate = registry.Date(2025, 9, 14)
		},
		want: []string{"preferences.admission_date: admission_date.past"},
	}, {
		name: "AdmissionDateToday",
		change: func(a *application.Application) {
			a.Preferences.AdmissionDate = registry.Date(2025, 9, 15)
		},
	}, {
		name:   "GroupTypeUnknown",
		change: func(a *application.Application) { a.Preferences.GroupType = "nursery" },
		want:   []string{"preferences.group_type: group_type.unknown"},
	}, {
		name:   "LanguageUnknown",
		change: func(a *application.Application) { a.Preferences.Language = "de" },
		want:   []string{"preferences.language: language.unknown"},
	}, {
		name:   "NameWithDigits",
		change: func(a *application.Application) { a.Child.Name.GivenName = "Аружан2" },
		want:   []string{"child.name.given_name: name.invalid"},
	}, {
		name:   "NameHyphenApostrophe",
		change: func(a *application.Application) { a.Applicant.Name.Surname = "О'Нил-Жақсыбекова" },
	}, {
		name: "ManualDataWithoutTypist",
		change: func(a *application.Application) {
			a.Child.Provenance.EnteredBy = application.Actor{}
		},
		want: []string{"child.provenance.entered_by: provenance.entered_by_missing"},
	}, {
		name: "ProvenanceUnknown",
		change: func(a *application.Application) {
			a.Applicant.Provenance = application.Provenance{}
		},
		want: []string{"applicant.provenance.source: provenance.unknown"},
	}, {
		name:   "ChannelUnknown",
		change: func(a *application.Application) { a.Channel = "fax" },
		want:   []string{"channel: channel.unknown"},
	}, {
		name:   "DistrictMissing",
		change: func(a *application.Application) { a.District = "" },
		want:   []string{"district: required"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := validApplication(t)
			if tt.change != nil {
				tt.change(a)
			}
			got := problems(t, tt.rules.Validate(a, receivedAt))
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestValidateDayBoundary(t *testing.T) {
	// The child turns six on 15 September 2025. At 18:59 UTC on the 14th it
	// is still the 14th in Kazakhstan (UTC+5); at 19:00 UTC it is the 15th.
	a := validApplication(t)
	a.Child.IIN = mustIIN(t, "190915600000")
	a.Child.BirthDate = registry.Date(2019, 9, 15)
	a.Preferences.AdmissionDate = time.Time{}

	before := time.Date(2025, 9, 14, 18, 59, 0, 0, time.UTC)
	after := time.Date(2025, 9, 14, 19, 0, 0, 0, time.UTC)
	assert.NoError(t, application.Rules{}.Validate(a, before))
	assert.Equal(t, []string{"child.birth_date: child.too_old"},
		problems(t, application.Rules{}.Validate(a, after)))
}

func TestValidateReportsEveryProblem(t *testing.T) {
	a := &application.Application{
		Applicant: application.Applicant{Phone: "12345"},
		Preferences: application.Preferences{
			Organisations: []registry.OrganisationID{"a", "a"},
			GroupType:     registry.GroupCorrectional,
		},
	}
	got := problems(t, application.Rules{}.Validate(a, receivedAt))
	for _, want := range []string{
		"channel: channel.unknown",
		"region: required",
		"applicant.iin: required",
		"applicant.phone: phone.invalid",
		"child.birth_date: required",
		"preferences.organisations[1]: preferences.duplicate",
		"documents: document.missing.birth_certificate",
		"documents: document.missing.pmpc_conclusion",
	} {
		assert.Contains(t, got, want)
	}
	assert.GreaterOrEqual(t, len(got), 15)
}

func TestValidateProblemMessages(t *testing.T) {
	a := validApplication(t)
	a.Preferences.Organisations = []registry.OrganisationID{"a", "b", "c", "d", "e"}
	err := application.Rules{}.Validate(a, receivedAt)

	var ve *application.ValidationError
	require.ErrorAs(t, err, &ve)
	require.Len(t, ve.Problems, 1)
	m := ve.Problems[0].Message
	assert.Equal(t,
		"Too many preschool organisations are chosen; the most allowed: 4.",
		m.English)
	assert.Equal(t,
		"Выбрано слишком много дошкольных организаций; не более: 4.",
		m.Russian)
	assert.Equal(t,
		"Мектепке дейінгі ұйымдар тым көп таңдалған; ең көбі: 4.",
		m.Kazakh)
	assert.Equal(t, m.Kazakh, m.In(registry.Kazakh))
	assert.Equal(t, m.Russian, m.In(registry.Russian))
	assert.Equal(t, m.English, m.In(registry.Uzbek))
	assert.True(t, ve.Has("preferences.organisations", application.ProblemTooManyPreferences))
	assert.Equal(t, application.CodeInvalid, application.ErrorCode(err))
}

func TestRulesCheck(t *testing.T) {
	a := validApplication(t)
	err := application.Rules{AgeLimit: -1}.Validate(a, receivedAt)
	assert.Equal(t, application.CodeRulesInvalid, application.ErrorCode(err))
	assert.NoError(t, application.Regulation2012Rules().Check())

	d := application.Rules{}.WithDefaults()
	assert.Equal(t, application.DefaultAgeLimit, d.AgeLimit)
	assert.Equal(t, application.DefaultMaxPreferences, d.MaxPreferences)
	assert.Equal(t, application.DefaultEmployerCertificateMonths, d.EmployerCertificateMonths)
	assert.Len(t, d.Evidence, 10)
}

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"+77012345678", "+77012345678"},
		{"+7 (701) 234-56-78", "+77012345678"},
		{"8 701 234 56 78", "+77012345678"},
		{"87012345678", "+77012345678"},
		{"77012345678", "+77012345678"},
		{"7012345678", "+77012345678"},
		{" 8.727.250.00.00 ", "+77272500000"},
		{"+7 600 123 4567", "+76001234567"},
		{"+7 916 123 4567", ""},
		{"+8 701 234 5678", ""},
		{"+87012345678", ""},
		{"701234567", ""},
		{"870123456789", ""},
		{"+7 701 234 56 7x", ""},
		{"", ""},
		{"+", ""},
		{"٧٠١٢٣٤٥٦٧٨", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := application.NormalizePhone(tt.in)
			if tt.want == "" {
				assert.Equal(t, application.ProblemPhoneInvalid, application.ErrorCode(err))
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func FuzzValidate(f *testing.F) {
	f.Add("900201400552", "210303600347", "+77012345678", int64(0), int64(0),
		"ds-1", "general", "kk", "large_family", "large_family_certificate")
	f.Add("", "", "", int64(-1e12), int64(1e12), "", "", "", "", "")
	f.Add("123456789011", "000000000000", "8 (701)", int64(1), int64(-1),
		"x", "sanatorium", "xx", "military", "employer_certificate")
	f.Fuzz(func(t *testing.T, applicant, child, phone string, born, issued int64,
		org, group, lang, category, kind string) {
		a := validApplication(t)
		a.Applicant.IIN, _ = registry.ParseIINLenient(applicant)
		a.Child.IIN, _ = registry.ParseIINLenient(child)
		a.Applicant.Phone = application.Confidential(phone)
		a.Child.BirthDate = time.Unix(born, 0)
		a.Preferences.Organisations = []registry.OrganisationID{registry.OrganisationID(org)}
		a.Preferences.GroupType = registry.GroupType(group)
		a.Preferences.Language = registry.Language(lang)
		a.Claims = []application.PriorityClaim{{
			Category: application.PriorityCategory(category),
			Evidence: []application.Document{{
				Kind:     application.DocumentKind(kind),
				IssuedOn: time.Unix(issued, 0),
			}},
		}}

		err := application.Rules{}.Validate(a, receivedAt)
		if err == nil {
			return
		}
		var ve *application.ValidationError
		require.ErrorAs(t, err, &ve)
		for _, p := range ve.Problems {
			require.NotEmpty(t, p.Code)
			for _, text := range []string{p.Message.Kazakh, p.Message.Russian, p.Message.English} {
				require.NotEmpty(t, text)
				require.NotContains(t, text, "%!", "message of %s", p.Code)
				require.NotEqual(t, string(p.Code), text, "no message for %s", p.Code)
			}
		}
		if len(applicant) >= 8 {
			require.NotContains(t, err.Error(), applicant)
		}
	})
}

func ExampleRules_Validate() {
	a := &application.Application{
		Channel: application.Portal,
		Child: application.Child{
			Name: application.FullName{Surname: "Нұрланова", GivenName: "Аружан"},
		},
	}
	a.Child.IIN, _ = registry.ParseIINLenient("210303600348")

	// Personal data prints masked.
	fmt.Println("child:", a.Child.IIN, a.Child.Name)

	at := time.Date(2025, 9, 15, 5, 0, 0, 0, time.UTC)
	err := application.Rules{}.Validate(a, at)

	var invalid *application.ValidationError
	if errors.As(err, &invalid) {
		fmt.Println(len(invalid.Problems), "problems, among them:")
		for _, p := range invalid.Problems[8:11] {
			fmt.Printf("%s (%s): %s\n", p.Field, p.Code, p.Message.English)
		}
		fmt.Println(invalid.Problems[8].Message.Kazakh)
	}
	// Output:
	// child: ********0348 Н*** А***
	// 14 problems, among them:
	// child.iin (iin.checksum): The check digit of the IIN does not match.
	// child.provenance.source (provenance.unknown): The source of the data is unknown.
	// child.sex (sex.unknown): The child's sex is not given.
	// ЖСН-нің бақылау цифры сәйкес келмейді.
}

func TestNormalize(t *testing.T) {
	a := validApplication(t)
	a.Applicant.Name.Surname = "  Жақсыбекова "
	a.Applicant.Email = " aigerim.zh@example.kz "
	a.Normalize()
	assert.Equal(t, application.Confidential("+77012345678"), a.Applicant.Phone)
	assert.Equal(t, "Жақсыбекова", a.Applicant.Name.Surname)
	assert.Equal(t, application.Confidential("aigerim.zh@example.kz"), a.Applicant.Email)

	a.Applicant.Phone = "+7 916 123 4567"
	a.Normalize()
	assert.Equal(t, application.Confidential("+7 916 123 4567"), a.Applicant.Phone)
}

func TestEmployerCertificateAtMonthEnd(t *testing.T) {
	// Issued on 31 January 2025, a one-month certificate lasts to 28
	// February, not to 3 March.
	a := validApplication(t)
	a.Claims = []application.PriorityClaim{{
		Category: application.CategoryMilitary,
		Evidence: []application.Document{{
			Kind: application.DocEmployerCertificate, IssuedOn: registry.Date(2025, 1, 31),
		}},
	}}
	a.Child.BirthDate = registry.Date(2021, 3, 3)
	a.Preferences.AdmissionDate = time.Time{}

	on := func(y int, m time.Month, d int) time.Time {
		return time.Date(y, m, d, 5, 0, 0, 0, time.UTC)
	}
	assert.NoError(t, application.Rules{}.Validate(a, on(2025, 2, 28)))
	assert.Equal(t, []string{"claims[0].evidence: priority.evidence_expired"},
		problems(t, application.Rules{}.Validate(a, on(2025, 3, 1))))
}

func TestNameNeedsALetter(t *testing.T) {
	a := validApplication(t)
	a.Child.Name.Patronymic = "-'"
	assert.Equal(t, []string{"child.name.patronymic: name.invalid"},
		problems(t, application.Rules{}.Validate(a, receivedAt)))
}
