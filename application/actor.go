package application

import "github.com/kezek/kezek/registry"

// Role is the capacity in which an actor runs a command.
type Role string

// The roles.
const (
	// RoleApplicant is a parent or legal representative acting for
	// themselves, on the portal.
	RoleApplicant Role = "applicant"
	// RoleClerk is an operator of a public service centre or of the district
	// education department who takes applications and signs them.
	RoleClerk Role = "clerk"
	// RoleOrganisationStaff is an employee of a preschool organisation who
	// publishes vacancies and enrols children.
	RoleOrganisationStaff Role = "organisation_staff"
	// RoleAuditor reads histories and logs and changes nothing.
	RoleAuditor Role = "auditor"
	// RoleSystem is the service itself: timers, allocation runs, imports.
	RoleSystem Role = "system"
)

// Valid reports whether r is one of the known roles.
func (r Role) Valid() bool {
	switch r {
	case RoleApplicant, RoleClerk, RoleOrganisationStaff, RoleAuditor,
		RoleSystem:
		return true
	}
	return false
}

// Actor is who a command runs on behalf of. It is recorded with every
// change of status and with data typed by hand.
type Actor struct {
	// Role is the capacity the actor acts in.
	Role Role
	// ID identifies the account or process: a portal account, a clerk's
	// staff number, a job name. It must not be an IIN or a name, since it
	// appears in histories shown to others and in logs.
	ID string
	// Organisation is the preschool organisation a [RoleOrganisationStaff]
	// actor works for; empty for the other roles.
	Organisation registry.OrganisationID
}

// System returns the actor for work the service does by itself; job names
// such as "allocation" or "expiry" tell such work apart.
func System(job string) Actor {
	return Actor{Role: RoleSystem, ID: job}
}

// IsZero reports whether a is the zero Actor.
func (a Actor) IsZero() bool {
	return a == Actor{}
}
