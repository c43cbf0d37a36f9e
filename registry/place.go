package registry

// RegionID identifies a region: an oblast, or a city of republican
// significance (Almaty, Astana, Shymkent). Registration numbers are unique
// within a region and year, and a child may have one active application per
// region. Deployments usually use the region's KATO code.
type RegionID string

// DistrictID identifies a district or town within a region. Queues are kept
// per district.
type DistrictID string

// OrganisationID identifies a preschool organisation (a kindergarten or a
// mini-centre) in the register of preschool organisations.
type OrganisationID string

// GroupType is the kind of kindergarten group a child needs. It is part of
// the queue partition: children waiting for different group types never
// compete for the same place.
type GroupType string

// The group types.
const (
	// GroupGeneral is an ordinary group.
	GroupGeneral GroupType = "general"
	// GroupCorrectional is a group for children with special educational
	// needs; a place requires a PMPC conclusion.
	GroupCorrectional GroupType = "correctional"
	// GroupSanatorium is a group for children with early or mild forms of
	// tuberculosis, or who are often ill; a place requires a medical
	// conclusion.
	GroupSanatorium GroupType = "sanatorium"
)

// Valid reports whether g is one of the known group types.
func (g GroupType) Valid() bool {
	switch g {
	case GroupGeneral, GroupCorrectional, GroupSanatorium:
		return true
	}
	return false
}

// Language is a language of instruction in a kindergarten group, as an ISO
// 639-1 code.
type Language string

// The languages of instruction found in Kazakhstan's kindergartens.
const (
	// Kazakh is the state language.
	Kazakh Language = "kk"
	// Russian is the official language used alongside Kazakh.
	Russian Language = "ru"
	// English is taught in some groups.
	English Language = "en"
	// Uzbek is taught in some groups of the south.
	Uzbek Language = "uz"
	// Uyghur is taught in some groups of Almaty and its region.
	Uyghur Language = "ug"
	// Tajik is taught in some groups of the south.
	Tajik Language = "tg"
)

// Valid reports whether l is one of the known languages of instruction.
func (l Language) Valid() bool {
	switch l {
	case Kazakh, Russian, English, Uzbek, Uyghur, Tajik:
		return true
	}
	return false
}
