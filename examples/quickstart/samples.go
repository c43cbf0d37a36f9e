package main

import (
	"time"

	"github.com/kezek/kezek/application"
	"github.com/kezek/kezek/registry"
)

// samples returns two applications received at: one complete, typed by a
// clerk at a public service centre, and one with mistakes.
func samples(at time.Time) (good, bad *application.Application) {
	clerk := application.Actor{Role: application.RoleClerk, ID: "psc-0451"}
	typed := application.Provenance{
		Source: application.SourceManual, EnteredBy: clerk, At: at,
	}
	mother, _ := registry.ParseIIN("900201400552")
	child, _ := registry.ParseIIN("210303600347")

	good = &application.Application{
		Channel: application.ServiceCentre,
		Applicant: application.Applicant{
			IIN: mother,
			Name: application.FullName{Surname: "Жақсыбекова",
				GivenName: "Әйгерім", Patronymic: "Серікқызы"},
			Address:    "Қонаев қ., Абай к-сі, 12",
			Phone:      "8 (701) 234-56-78",
			Provenance: typed,
		},
		Child: application.Child{
			IIN: child,
			Name: application.FullName{Surname: "Нұрланова",
				GivenName: "Аружан", Patronymic: "Бауыржанқызы"},
			BirthDate:  registry.Date(2021, 3, 3),
			Sex:        registry.Female,
			Provenance: typed,
		},
		Region:   "190000000",
		District: "196800000",
		Preferences: application.Preferences{
			Organisations: []registry.OrganisationID{"ds-12", "ds-7"},
			Language:      registry.Kazakh,
			GroupType:     registry.GroupGeneral,
		},
		Claims: []application.PriorityClaim{{
			Category: application.CategoryLargeFamily,
			Evidence: []application.Document{{
				Kind:     application.DocLargeFamilyCertificate,
				IssuedOn: registry.Date(2024, 1, 10),
			}},
		}},
		Documents: []application.Document{{
			Kind:     application.DocBirthCertificate,
			IssuedOn: registry.Date(2021, 3, 10),
		}},
		SubmittedAt: at,
		SignedBy:    clerk,
	}

	bad = copyOf(good)
	bad.Applicant.Phone = "+7 916 123 45 67"
	bad.Child.Sex = registry.Male
	bad.Preferences.GroupType = registry.GroupCorrectional
	bad.Preferences.Organisations = append(bad.Preferences.Organisations, "ds-12")
	bad.Claims = []application.PriorityClaim{{
		Category: application.CategoryMilitary,
		Evidence: []application.Document{{
			Kind:     application.DocEmployerCertificate,
			IssuedOn: registry.Date(2025, 6, 1),
		}},
	}}
	return good, bad
}

// copyOf returns a copy of a that shares no slices with it.
func copyOf(a *application.Application) *application.Application {
	c := *a
	c.Preferences.Organisations = append([]registry.OrganisationID(nil),
		a.Preferences.Organisations...)
	c.Claims = append([]application.PriorityClaim(nil), a.Claims...)
	c.Documents = append([]application.Document(nil), a.Documents...)
	return &c
}
