package application_test

import (
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/application"
	"github.com/kezek/kezek/registry"
)

// receivedAt is when the fixture applications arrive: 15 September 2025,
// 10:00 in Kazakhstan.
var receivedAt = time.Date(2025, 9, 15, 5, 0, 0, 0, time.UTC)

// person is a fixture person: the leak test looks for these values in
// everything the package renders.
type person struct {
	iin  string
	name application.FullName
}

var (
	mother = person{"900201400552", application.FullName{
		Surname: "Жақсыбекова", GivenName: "Әйгерім", Patronymic: "Серікқызы"}}
	father = person{"850515300713", application.FullName{
		Surname: "Нұрланов", GivenName: "Бауыржан", Patronymic: "Ерланұлы"}}
	daughter = person{"210303600347", application.FullName{
		Surname: "Нұрланова", GivenName: "Аружан", Patronymic: "Бауыржанқызы"}}
	son = person{"210303500122", application.FullName{
		Surname: "Нұрланов", GivenName: "Алихан", Patronymic: "Бауыржанұлы"}}
)

var clerk = application.Actor{Role: application.RoleClerk, ID: "psc-0451"}

func mustIIN(t testing.TB, s string) registry.IIN {
	t.Helper()
	n, err := registry.ParseIINLenient(s)
	require.NoError(t, err)
	return n
}

// validApplication returns an application that passes Rules{} on
// receivedAt: typed by a clerk at a service centre, with a large-family
// claim and a birth certificate.
func validApplication(t testing.TB) *application.Application {
	t.Helper()
	manual := application.Provenance{
		Source: application.SourceManual, EnteredBy: clerk, At: receivedAt,
	}
	return &application.Application{
		ID:      uuid.MustParse("01990f3a-8c00-7000-8000-000000000001"),
		Channel: application.ServiceCentre,
		Applicant: application.Applicant{
			IIN:        mustIIN(t, mother.iin),
			Name:       mother.name,
			Address:    "Қонаев қ., Абай к-сі, 12, 5 п.",
			Phone:      "8 (701) 234-56-78",
			Email:      "aigerim.zh@example.kz",
			Provenance: manual,
		},
		Child: application.Child{
			IIN:        mustIIN(t, daughter.iin),
			Name:       daughter.name,
			BirthDate:  registry.Date(2021, 3, 3),
			Sex:        registry.Female,
			Provenance: manual,
		},
		Region:   "190000000",
		District: "196800000",
		Preferences: application.Preferences{
			Organisations: []registry.OrganisationID{"ds-12", "ds-7"},
			Language:      registry.Kazakh,
			GroupType:     registry.GroupGeneral,
			AdmissionDate: registry.Date(2026, 9, 1),
		},
		Claims: []application.PriorityClaim{{
			Category: application.CategoryLargeFamily,
			Evidence: []application.Document{{
				Kind:     application.DocLargeFamilyCertificate,
				Number:   "KM-0045123",
				Issuer:   "Қонаев қ. әкімдігі",
				IssuedOn: registry.Date(2024, 1, 10),
			}},
		}},
		Documents: []application.Document{{
			Kind:     application.DocBirthCertificate,
			Number:   "I-АЛ 0123456",
			Issuer:   "АХАЖ",
			IssuedOn: registry.Date(2021, 3, 10),
		}},
		SubmittedAt: receivedAt,
		SignedBy:    clerk,
	}
}
