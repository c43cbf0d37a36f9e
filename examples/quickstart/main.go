// Quickstart validates an application for a kindergarten place, walks it
// through the statuses a parent sees, and shows a queue: positions, who
// gets a free place, and why a child's position moved.
//
// Without flags it checks two sample applications, one complete and one
// with mistakes, and prints what it finds. With -file it checks an
// application written as JSON (see sample.json); with -lang it speaks
// Kazakh (kk), Russian (ru) or English (en).
//
//	go run ./examples/quickstart
//	go run ./examples/quickstart -lang kk -file examples/quickstart/sample.json
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/kezek/kezek/application"
	"github.com/kezek/kezek/registry"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	flags := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	flags.SetOutput(out)
	lang := flags.String("lang", "en", "language of messages: kk, ru or en")
	file := flags.String("file", "", "an application as JSON to check")
	at := flags.String("at", "2025-09-15T10:00:00+05:00",
		"when the application is received (RFC 3339)")
	if err := flags.Parse(args); err != nil {
		return err
	}
	received, err := time.Parse(time.RFC3339, *at)
	if err != nil {
		return fmt.Errorf("parse -at: %w", err)
	}
	l := registry.Language(*lang)

	if *file != "" {
		a, err := readApplication(*file)
		if err != nil {
			return err
		}
		report(out, "application from "+*file, a, received, l)
		return nil
	}

	good, bad := samples(received)
	report(out, "complete application", good, received, l)
	fmt.Fprintln(out)
	report(out, "application with mistakes", bad, received, l)
	fmt.Fprintln(out)
	if err := walk(out, received); err != nil {
		return err
	}
	fmt.Fprintln(out)
	return queueDemo(out, received)
}

// readApplication decodes an application from a JSON file. IINs in the file
// must pass the strict checks, as anything a person types.
func readApplication(path string) (*application.Application, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var a application.Application
	if err := json.Unmarshal(data, &a); err != nil {
		return nil, fmt.Errorf("decode %s: %w", path, err)
	}
	return &a, nil
}

// report validates a and prints the result. Personal data prints masked.
func report(out io.Writer, title string, a *application.Application,
	at time.Time, l registry.Language) {
	fmt.Fprintf(out, "%s: child %v (IIN %v), applicant %v\n",
		title, a.Child.Name, a.Child.IIN, a.Applicant.Name)

	err := application.Rules{}.Validate(a, at)
	var invalid *application.ValidationError
	switch {
	case err == nil:
		fmt.Fprintln(out, "  no problems found")
	case errors.As(err, &invalid):
		fmt.Fprintf(out, "  problems found: %d\n", len(invalid.Problems))
		for _, p := range invalid.Problems {
			fmt.Fprintf(out, "  - %s [%s] %s\n", p.Field, p.Code, p.Message.In(l))
		}
	default:
		fmt.Fprintln(out, "  cannot validate:", err)
	}
}

// walk records the statuses of an application that is registered, offered
// a place, declines it, and accepts the next offer, then prints the
// history a parent would see.
func walk(out io.Writer, start time.Time) error {
	clerk := application.Actor{Role: application.RoleClerk, ID: "psc-0451"}
	parent := application.Actor{Role: application.RoleApplicant, ID: "portal-88213"}
	steps := []application.Transition{
		{To: application.StatusSubmitted, Actor: clerk},
		{To: application.StatusRegistered, Actor: application.System("intake")},
		{To: application.StatusWaiting, Actor: application.System("intake")},
		{To: application.StatusNotified, Actor: application.System("allocation")},
		{To: application.StatusWaiting, Actor: parent, Reason: "offer.declined"},
		{To: application.StatusNotified, Actor: application.System("allocation")},
		{To: application.StatusReferred, Actor: parent, Reason: "offer.accepted"},
	}
	days := []int{0, 0, 0, 120, 121, 200, 201}

	var h application.History
	for i, s := range steps {
		s.At = start.AddDate(0, 0, days[i]).UTC()
		var err error
		if h, err = h.Apply(s); err != nil {
			return err
		}
	}

	fmt.Fprintln(out, "service history:")
	for _, t := range h {
		fmt.Fprintf(out, "  %s  %-10s -> %-10s %-12s %s\n",
			registry.DateOf(t.At).Format(time.DateOnly), t.From, t.To,
			t.Actor.Role, t.Reason)
	}

	_, err := h.Apply(application.Transition{
		To: application.StatusArchived, At: start.AddDate(0, 0, 202),
	})
	fmt.Fprintf(out, "referred -> archived is refused: %v\n", err)
	return nil
}
