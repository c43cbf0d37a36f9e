package queue

import (
	"fmt"
	"math"

	"github.com/shopspring/decimal"
)

// Kind names an ordering policy.
type Kind string

// The ordering policies.
const (
	// KindKZ2024 is today's national rules (Order No. 254 of 2020 as
	// amended in 2024): the extraordinary class first by application time,
	// then the primary and general classes interleaved, one primary
	// referral to every Ratio general ones.
	KindKZ2024 Kind = "kz2024"
	// KindRegulation2012 is the 2012 Almaty region regulation: one class,
	// first come first served by application time.
	KindRegulation2012 Kind = "regulation2012"
	// KindPoints ranks by a score of weighted criteria, highest first, as
	// points systems (Japan's among them) do.
	KindPoints Kind = "points"
)

// The defaults of a [PolicySpec], from today's rules (DOMAIN-RULES A.4 and
// A.6) unless a kind says otherwise.
const (
	// DefaultRatio is the number of general referrals per primary one.
	DefaultRatio = 3
	// DefaultMinAgeMonths is the age a child must reach, by the admission
	// date of a place, to be offered it: 2 years (1.5 in voucher regions).
	DefaultMinAgeMonths = 24
	// DefaultMaxAge is the age in years at which a child is no longer
	// offered a place: 6 (7 under the 2012 regulation).
	DefaultMaxAge = 6
	// maxAge2012 is the age limit of the 2012 regulation.
	maxAge2012 = 7
	// maxRatio and maxAge bound the parameters to sensible values.
	maxRatio = 100
	maxAge   = 18
)

// TieBy names what a [TieBreaker] compares.
type TieBy string

// The tie-breakers.
const (
	// ByApplicationTime puts the earlier application first.
	ByApplicationTime TieBy = "application_time"
	// ByBirthDate puts the older child first.
	ByBirthDate TieBy = "birth_date"
	// ByLottery orders by a number drawn for each application from the
	// policy's seed and the application ID: the same seed always gives the
	// same draw (single tie-breaking: one draw per application, used for
	// every place).
	ByLottery TieBy = "lottery"
	// ByCriterion compares the value of one criterion of the entries,
	// higher first unless Ascending.
	ByCriterion TieBy = "criterion"
)

// TieBreaker is one step in breaking a tie between two entries.
type TieBreaker struct {
	// By says what is compared.
	By TieBy
	// Criterion names the criterion, for [ByCriterion].
	Criterion string `json:",omitempty"`
	// Ascending puts the lower criterion value first, for [ByCriterion]
	// (Japan breaks its last ties by the lower municipal tax).
	Ascending bool `json:",omitempty"`
}

// Criterion is one weighted criterion of a [KindPoints] policy.
type Criterion struct {
	// Name identifies the criterion in [Entry.Criteria].
	Name string
	// Weight multiplies the entry's value; weights are decimals, so scores
	// add up and compare exactly. Like values, a weight is below 10^12 in
	// size with at most 12 decimal places.
	Weight decimal.Decimal
}

// PolicySpec is an ordering policy as data: it can be stored, compared and
// sent, and [NewPolicy] turns it into a [Policy] after checking it. Zero
// fields take the defaults given.
type PolicySpec struct {
	// Kind is the policy.
	Kind Kind
	// Ratio is, for [KindKZ2024], how many general referrals follow each
	// primary one, at most 100. Defaults to [DefaultRatio]; zero for other
	// kinds.
	Ratio int `json:",omitempty"`
	// Criteria are, for [KindPoints], the weighted criteria of the score;
	// at least one, with distinct names. None for other kinds.
	Criteria []Criterion `json:",omitempty"`
	// TieBreakers break ties, in order, after the policy's own key (the
	// class and application time, or the score). For [KindPoints] it
	// defaults to [ByApplicationTime]. The application ID breaks any tie
	// left, so the order is always total and the same on every machine.
	TieBreakers []TieBreaker `json:",omitempty"`
	// Seed is the lottery seed for [ByLottery].
	Seed uint64 `json:",omitempty"`
	// MinAgeMonths is the age in months a child must reach by a place's
	// admission date to be offered it. Defaults to [DefaultMinAgeMonths].
	MinAgeMonths int `json:",omitempty"`
	// MaxAge is the age in years, at most 18, from which a child is no
	// longer offered a place. Defaults to [DefaultMaxAge], or 7 for
	// [KindRegulation2012].
	MaxAge int `json:",omitempty"`
}

// Policy is a checked ordering policy. The zero Policy is not usable; make
// one with [NewPolicy], [KZ2024] or [Regulation2012]. A Policy is a value:
// it never changes and is safe to share.
type Policy struct {
	spec      PolicySpec
	criterion map[string]int // index in spec.Criteria
	extras    bool           // entries need criteria values kept
}

// KZ2024 returns the policy of today's national rules with its defaults.
func KZ2024() Policy {
	p, _ := NewPolicy(PolicySpec{Kind: KindKZ2024})
	return p
}

// Regulation2012 returns the policy of the 2012 regulation.
func Regulation2012() Policy {
	p, _ := NewPolicy(PolicySpec{Kind: KindRegulation2012})
	return p
}

// NewPolicy checks s, fills in its defaults and returns the policy. A
// parameter out of range is an [*Error] with [CodeInvalidPolicy].
func NewPolicy(s PolicySpec) (Policy, error) {
	s = s.withDefaults()
	if err := s.check(); err != nil {
		return Policy{}, err
	}

	p := Policy{spec: s, criterion: map[string]int{}}
	for i, c := range s.Criteria {
		p.criterion[c.Name] = i
	}
	p.extras = s.Kind == KindPoints
	for _, t := range s.TieBreakers {
		if t.By == ByCriterion {
			p.extras = true
		}
	}
	return p, nil
}

// Spec returns the policy's specification with its defaults filled in.
func (p Policy) Spec() PolicySpec {
	s := p.spec
	s.Criteria = append([]Criterion(nil), s.Criteria...)
	s.TieBreakers = append([]TieBreaker(nil), s.TieBreakers...)
	return s
}

// Kind returns the policy's kind.
func (p Policy) Kind() Kind {
	return p.spec.Kind
}

func (s PolicySpec) withDefaults() PolicySpec {
	if s.Kind == KindKZ2024 && s.Ratio == 0 {
		s.Ratio = DefaultRatio
	}
	if s.Kind == KindPoints && len(s.TieBreakers) == 0 {
		s.TieBreakers = []TieBreaker{{By: ByApplicationTime}}
	}
	if s.MinAgeMonths == 0 {
		s.MinAgeMonths = DefaultMinAgeMonths
	}
	if s.MaxAge == 0 {
		s.MaxAge = DefaultMaxAge
		if s.Kind == KindRegulation2012 {
			s.MaxAge = maxAge2012
		}
	}
	return s
}

func (s PolicySpec) check() error {
	bad := func(format string, args ...any) error {
		return errorf(CodeInvalidPolicy, "policy: "+fmt.Sprintf(format, args...))
	}
	switch s.Kind {
	case KindKZ2024, KindRegulation2012, KindPoints:
	default:
		return bad("unknown kind %q", s.Kind)
	}
	switch {
	case s.Ratio < 0 || (s.Kind != KindKZ2024 && s.Ratio != 0):
		return bad("ratio %d does not fit kind %s", s.Ratio, s.Kind)
	case s.Kind == KindPoints && len(s.Criteria) == 0:
		return bad("points needs at least one criterion")
	case s.Kind != KindPoints && len(s.Criteria) > 0:
		return bad("criteria need kind points")
	case s.Ratio > maxRatio:
		return bad("ratio above %d", maxRatio)
	case s.MinAgeMonths < 0 || s.MaxAge < 0 || s.MaxAge > maxAge:
		return bad("ages must be from 0 to %d years", maxAge)
	case s.MinAgeMonths >= 12*s.MaxAge:
		return bad("minimum age is not below the maximum")
	}
	return s.checkNames(bad)
}

func (s PolicySpec) checkNames(bad func(string, ...any) error) error {
	names := map[string]bool{}
	for _, c := range s.Criteria {
		if c.Name == "" || names[c.Name] {
			return bad("criterion names must be distinct and not empty")
		}
		if !checkDecimal(c.Weight) {
			return bad("weight of %q is out of range", c.Name)
		}
		names[c.Name] = true
	}
	for _, t := range s.TieBreakers {
		switch t.By {
		case ByApplicationTime, ByBirthDate, ByLottery:
			if t.Criterion != "" || t.Ascending {
				return bad("tie-breaker %s takes no criterion", t.By)
			}
		case ByCriterion:
			if t.Criterion == "" {
				return bad("tie-breaker by criterion needs its name")
			}
		default:
			return bad("unknown tie-breaker %q", t.By)
		}
	}
	return nil
}

// streams returns how many streams the policy interleaves: the three
// classes for KZ2024, one for the others.
func (p Policy) streams() int {
	if p.spec.Kind == KindKZ2024 {
		return numClasses
	}
	return 1
}

// stream returns the stream an entry of class c belongs to.
func (p Policy) stream(c Class) int {
	if p.spec.Kind == KindKZ2024 {
		return int(c)
	}
	return 0
}

// score returns the weighted sum of an entry's criteria.
func (p Policy) score(values map[string]decimal.Decimal) decimal.Decimal {
	sum := decimal.Zero
	for _, c := range p.spec.Criteria {
		if v, ok := values[c.Name]; ok {
			sum = sum.Add(c.Weight.Mul(v))
		}
	}
	return sum
}

// scoreKey maps a score to 62 bits that sort higher scores first. The map
// is monotone, so it never contradicts the exact comparison that breaks
// its ties.
func scoreKey(score decimal.Decimal) uint64 {
	bits := math.Float64bits(score.InexactFloat64())
	if bits>>63 == 1 {
		bits = ^bits
	} else {
		bits |= 1 << 63
	}
	return ^bits >> 2
}

// lottery returns the draw of the application with ID halves hi and lo.
func lottery(seed, hi, lo uint64) uint64 {
	return mix(mix(seed^hi) ^ lo)
}

// mix is the finaliser of SplitMix64: it spreads every input bit over the
// output.
func mix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}
