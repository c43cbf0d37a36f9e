// Package queue will keep the electronic queue for kindergarten places: the
// queue of each partition (district, birth-year cohort, group type and,
// optionally, language of instruction), the ordering policies (today's
// national rules, the 2012 regulation, points), the offer, accept and refuse
// state machine, allocation of vacant places, and simulation of policies on
// synthetic cities.
//
// The package is pure: it does no I/O, takes no context and reads no clock.
// Each transition is a function of the current state, the command and the
// time passed in, and returns the new state and the events it caused, so
// the same inputs always give the same queue.
//
// It imports only package registry.
package queue
