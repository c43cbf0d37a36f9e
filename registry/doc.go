// Package registry holds what every other kezek package builds on: the
// national identifiers of people and organisations (IIN and BIN), the
// identifiers of places (region, district, preschool organisation), the
// attributes of a kindergarten group (group type, language of instruction),
// and Kazakhstan's civil time.
//
// It also holds the working-day calendar ([Calendar], and
// [KazakhstanCalendar] with the country's holidays and moved days of rest
// as dated, replaceable data), and will declare the interfaces of the state
// registers the service consults (the register of persons, the civil
// registry of births, the register of preschool organisations).
//
// Registry imports no other kezek package.
//
// # Identifiers and personal data
//
// An [IIN] identifies a person, so every default rendering of it is masked
// to its last four digits: String, every fmt verb, slog, and text and JSON
// marshalling. Code that must store or transmit the full number asks for it
// by name with [IIN.Digits]. [ParseIIN] is strict and is meant for what
// people type; [ParseIINLenient] accepts any twelve digits, for values taken
// from certificates and registers that do not always pass the checks.
//
// A [BIN] identifies a legal entity; it is public and is rendered in full.
//
// # Civil dates
//
// Instants are kept in UTC. A civil date (a birth date, a deadline) is a
// Kazakhstan calendar date, represented as a time.Time at 00:00 UTC on that
// date; [DateOf] turns an instant into the Kazakhstan date it falls on, and
// [Date] builds one from its parts.
//
// # Working days
//
// Deadlines (an offer's window, a referral's validity) count working days.
// [KazakhstanCalendar] knows Saturdays and Sundays, the public holidays in
// force each year, the rule that a national or state holiday falling on a
// weekend gives the next working day off, the first day of Kurban Ait per
// year, and the days moved by order of the Minister of Labour. The data
// ([KazakhstanData]) cites its sources and is checked against the
// Ministry's published totals for 2024 and 2025; what could not be
// confirmed (Kurban Ait in 2027, orders for 2027) is left out and said so.
package registry
