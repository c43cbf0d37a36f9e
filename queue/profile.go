package queue

import (
	"fmt"
	"time"

	"github.com/kezek/kezek/registry"
)

// Window is a length of time for an answer or a document: working days by
// default, calendar days where a city so decides (Astana gives one
// calendar day to answer an offer).
type Window struct {
	// Days is the length, at least 1.
	Days int
	// CalendarDays counts every day, not only working days.
	CalendarDays bool
}

// LastDay returns the civil date a window opened at the instant at ends
// on: the day it opens does not count, so a window of 3 working days opened
// on a Monday ends on Thursday.
func (w Window) LastDay(cal registry.Calendar, at time.Time) time.Time {
	day := registry.DateOf(at)
	if w.CalendarDays {
		return day.AddDate(0, 0, w.Days)
	}
	return cal.AddWorkingDays(day, w.Days)
}

// Deadline returns the instant a window opened at the instant at closes:
// midnight in Kazakhstan at the end of its last day.
func (w Window) Deadline(cal registry.Calendar, at time.Time) time.Time {
	return endOfDay(w.LastDay(cal, at))
}

// endOfDay returns the instant the civil date d ends in Kazakhstan.
func endOfDay(d time.Time) time.Time {
	y, m, day := d.AddDate(0, 0, 1).Date()
	return time.Date(y, m, day, 0, 0, 0, 0, registry.Kazakhstan).UTC()
}

// Mode is how places are allocated.
type Mode string

// The allocation modes.
const (
	// Sequential offers each place to the next eligible child; a declined
	// or unanswered offer leaves the child in the queue.
	Sequential Mode = "sequential"
	// Voucher is the 2024 pilot: the parent confirms, then chooses an
	// organisation; declining or not answering removes the child.
	Voucher Mode = "voucher"
)

// ProfileSpec is the queue side of a profile as data: the ordering policy
// and the windows, ages and lengths the offers and referrals follow. Zero
// numbers and windows (a Window with Days 0, whatever its CalendarDays)
// take the defaults of today's rules; OpenToAllAfterOffer, a switch, is off
// when zero, and [KZ2024Profile] turns it on as today's rules do.
type ProfileSpec struct {
	// Name names the profile.
	Name string
	// Policy orders the queue.
	Policy PolicySpec
	// Mode is the allocation mode. Defaults to [Sequential].
	Mode Mode
	// Offer is how long a parent has to answer an offer. Defaults to 3
	// working days.
	Offer Window
	// OpenToAllAfterOffer opens a place to every child of the cohort once
	// the window of its first offer has passed (or, when nobody could be
	// offered it, one window after publication).
	OpenToAllAfterOffer bool
	// Referral is how long a referral is valid. Defaults to 5 working
	// days.
	Referral Window
	// MaxExtensionDays is the most calendar days after issue a referral can
	// be extended to, once. Defaults to 30.
	MaxExtensionDays int
	// Confirmation is how long after a referral an extraordinary right
	// must be confirmed by hand. Defaults to 5 working days.
	Confirmation Window
	// StopListDays is how many calendar days a child is stop-listed after
	// a referral expires or an extraordinary right goes unconfirmed.
	// Defaults to 10.
	StopListDays int
	// BlackoutFrom and BlackoutTo bound the days of each year, inclusive,
	// when nothing is published and no referral is issued, as month*100 +
	// day. Default to 801 and 831, August, when groups move up an age.
	BlackoutFrom, BlackoutTo int
	// VoucherConfirm is how long a parent has to confirm in voucher mode
	// before the application goes inactive. Defaults to 2 working days.
	VoucherConfirm Window
	// VoucherReactivationDays is how many calendar days an inactive
	// application may be reactivated in, once. Defaults to 28.
	VoucherReactivationDays int
	// VoucherChoose is how long a parent has to choose an organisation and
	// sign in voucher mode. Defaults to 5 working days.
	VoucherChoose Window
}

// Profile is a checked ProfileSpec. Make one with [NewProfile] or take a
// named one: [KZ2024Profile], [VoucherProfile], [Regulation2012Profile].
type Profile struct {
	spec   ProfileSpec
	policy Policy
}

// NewProfile checks s, fills in its defaults and returns the profile. A
// parameter out of range is an [*Error] with [CodeInvalidPolicy].
func NewProfile(s ProfileSpec) (Profile, error) {
	policy, err := NewPolicy(s.Policy)
	if err != nil {
		return Profile{}, err
	}
	s.Policy = policy.Spec()
	s = s.withDefaults()
	if err := s.check(); err != nil {
		return Profile{}, err
	}
	return Profile{spec: s, policy: policy}, nil
}

// KZ2024Profile returns today's national rules, sequential mode.
func KZ2024Profile() Profile {
	return mustProfile(ProfileSpec{Name: "kz2024",
		Policy: PolicySpec{Kind: KindKZ2024}, OpenToAllAfterOffer: true})
}

// VoucherProfile returns the 2024 voucher pilot.
func VoucherProfile() Profile {
	return mustProfile(ProfileSpec{Name: "kz2024-voucher",
		Policy: PolicySpec{Kind: KindKZ2024, MinAgeMonths: 18}, Mode: Voucher})
}

// Regulation2012Profile returns the 2012 regulation. It set no time to
// answer an offer (the parent answers in writing), so the offer window is
// a long 30 calendar days; change it to the practice of the place.
func Regulation2012Profile() Profile {
	return mustProfile(ProfileSpec{Name: "regulation2012",
		Policy: PolicySpec{Kind: KindRegulation2012},
		Offer:  Window{Days: 30, CalendarDays: true}})
}

func mustProfile(s ProfileSpec) Profile {
	p, err := NewProfile(s)
	if err != nil {
		panic(err) // the named profiles are checked by the tests
	}
	return p
}

// Spec returns the profile's specification with its defaults filled in.
func (p Profile) Spec() ProfileSpec { return p.spec }

// Policy returns the profile's ordering policy.
func (p Profile) Policy() Policy { return p.policy }

// InBlackout reports whether the civil date falls in the yearly blackout,
// when vacancies are not published and referrals are not issued.
func (p Profile) InBlackout(date time.Time) bool {
	md := int(date.Month())*100 + date.Day()
	return md >= p.spec.BlackoutFrom && md <= p.spec.BlackoutTo
}

func (s ProfileSpec) withDefaults() ProfileSpec {
	def := func(w *Window, days int) {
		if w.Days == 0 {
			*w = Window{Days: days}
		}
	}
	def(&s.Offer, 3)
	def(&s.Referral, 5)
	def(&s.Confirmation, 5)
	def(&s.VoucherConfirm, 2)
	def(&s.VoucherChoose, 5)
	defInt := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	defInt(&s.MaxExtensionDays, 30)
	defInt(&s.StopListDays, 10)
	defInt(&s.VoucherReactivationDays, 28)
	defInt(&s.BlackoutFrom, 801)
	defInt(&s.BlackoutTo, 831)
	if s.Mode == "" {
		s.Mode = Sequential
	}
	return s
}

func (s ProfileSpec) check() error {
	bad := func(format string, args ...any) error {
		return errorf(CodeInvalidPolicy, "profile: "+fmt.Sprintf(format, args...))
	}
	if s.Mode != Sequential && s.Mode != Voucher {
		return bad("unknown mode %q", s.Mode)
	}
	for _, w := range []Window{s.Offer, s.Referral, s.Confirmation,
		s.VoucherConfirm, s.VoucherChoose} {
		if w.Days < 1 || w.Days > 366 {
			return bad("windows must be 1 to 366 days")
		}
	}
	for _, d := range []int{s.MaxExtensionDays, s.StopListDays, s.VoucherReactivationDays} {
		if d < 1 || d > 366 {
			return bad("lengths in days must be 1 to 366")
		}
	}
	if !monthDay(s.BlackoutFrom) || !monthDay(s.BlackoutTo) ||
		s.BlackoutTo < s.BlackoutFrom {
		return bad("blackout must be two dates of one year, in order")
	}
	return nil
}

// monthDay reports whether v is month*100 + day of a real date.
func monthDay(v int) bool {
	_, ok := civil(2024, v/100, v%100)
	return ok
}

// civil returns the civil date and whether it exists.
func civil(y, m, d int) (time.Time, bool) {
	t := registry.Date(y, time.Month(m), d)
	return t, t.Month() == time.Month(m) && t.Day() == d
}
