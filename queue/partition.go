package queue

import (
	"fmt"

	"github.com/kezek/kezek/registry"
)

// Class is a priority class. Lower values come first where a policy ranks
// classes.
type Class uint8

// The priority classes of today's rules.
const (
	// Extraordinary is the class of children of military personnel and of
	// special state bodies, including those who died or went missing in
	// service.
	Extraordinary Class = iota
	// Primary is the class of children of disabled legal representatives,
	// without parental care, orphans, from large families, with special
	// educational needs, and in some cities others.
	Primary
	// General is the class of everyone else.
	General
)

// numClasses is the number of priority classes.
const numClasses = 3

// String returns "extraordinary", "primary" or "general".
func (c Class) String() string {
	switch c {
	case Extraordinary:
		return "extraordinary"
	case Primary:
		return "primary"
	case General:
		return "general"
	}
	return fmt.Sprintf("class(%d)", uint8(c))
}

// Valid reports whether c is one of the three classes.
func (c Class) Valid() bool {
	return c < numClasses
}

// Partition is one queue: the children who compete for the same places.
// Queues are kept per district, birth-year cohort and group type, and,
// where a region chooses, per language of instruction.
type Partition struct {
	// District is the district whose queue it is.
	District registry.DistrictID
	// Cohort is the children's year of birth, from 2000 to 2080.
	Cohort int
	// Group is the group type.
	Group registry.GroupType
	// Language is the language of instruction, or empty when the region's
	// queues do not depend on it.
	Language registry.Language
}

// String returns the partition as "district/cohort/group[/language]".
func (p Partition) String() string {
	s := fmt.Sprintf("%s/%d/%s", p.District, p.Cohort, p.Group)
	if p.Language != "" {
		s += "/" + string(p.Language)
	}
	return s
}

// check reports what is wrong with p, or nil.
func (p Partition) check() error {
	switch {
	case p.District == "":
		return errorf(CodeInvalidEntry, "partition has no district")
	case p.Cohort < 2000 || p.Cohort > 2080:
		return errorf(CodeInvalidEntry,
			"partition cohort is not a year from 2000 to 2080")
	case !p.Group.Valid():
		return errorf(CodeInvalidEntry, "partition group type is unknown")
	case p.Language != "" && !p.Language.Valid():
		return errorf(CodeInvalidEntry, "partition language is unknown")
	}
	return nil
}
