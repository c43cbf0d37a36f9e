package application_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/application"
	"github.com/kezek/kezek/registry"
)

var (
	t0     = time.Date(2025, 9, 15, 5, 0, 0, 0, time.UTC)
	system = application.System("allocation")
)

// path builds a history through the given statuses, an hour apart, with
// the reasons the targets need.
func path(t *testing.T, statuses ...application.Status) application.History {
	t.Helper()
	var h application.History
	for i, s := range statuses {
		tr := application.Transition{To: s, At: t0.Add(time.Duration(i) * time.Hour), Actor: system}
		switch s {
		case application.StatusRefused:
			tr.Reason = "signature.invalid"
		case application.StatusRemoved:
			tr.Reason = application.ReasonParentRequest
		case application.StatusStopListed:
			tr.Until = registry.DateOf(tr.At).AddDate(0, 0, 10)
		}
		var err error
		h, err = h.Apply(tr)
		require.NoError(t, err, "to %s", s)
	}
	return h
}

func TestHistoryPaths(t *testing.T) {
	s := func(ss ...application.Status) []application.Status { return ss }
	tests := []struct {
		name string
		path []application.Status
	}{
		{"Enrolled", s("submitted", "registered", "waiting", "notified", "referred",
			"enrolled", "archived")},
		{"PendingThenRegistered", s("submitted", "pending", "registered", "waiting")},
		{"RefusedAtSubmission", s("submitted", "refused", "archived")},
		{"RefusedWhilePending", s("submitted", "pending", "refused")},
		{"ReferralAtOnce", s("submitted", "registered", "referred", "enrolled")},
		{"DeclinedStaysInQueue", s("submitted", "registered", "waiting", "notified",
			"waiting", "notified", "referred")},
		{"VoucherInactive", s("submitted", "registered", "waiting", "notified",
			"inactive", "waiting")},
		{"ReferralExpired", s("submitted", "registered", "waiting", "notified",
			"referred", "stop_listed")},
		{"RemovedOnRequest", s("submitted", "registered", "waiting", "removed", "archived")},
		{"DraftDropped", s("removed")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := path(t, tt.path...)
			assert.Equal(t, tt.path[len(tt.path)-1], h.Status())
			assert.Len(t, h, len(tt.path))
			assert.Equal(t, application.StatusDraft, h[0].From)
		})
	}
}

func TestHistoryRefusesIllegal(t *testing.T) {
	tests := []struct {
		name  string
		from  []application.Status
		to    application.Transition
		code  application.Code
		after time.Duration
	}{
		{"SkipToEnrolled", []application.Status{"submitted", "registered", "waiting"},
			application.Transition{To: application.StatusEnrolled},
			application.CodeIllegalTransition, 0},
		{"DraftToWaiting", nil,
			application.Transition{To: application.StatusWaiting},
			application.CodeIllegalTransition, 0},
		{"LeaveArchived", []application.Status{"submitted", "refused", "archived"},
			application.Transition{To: application.StatusWaiting},
			application.CodeIllegalTransition, 0},
		{"UnknownStatus", []application.Status{"submitted"},
			application.Transition{To: "lost"},
			application.CodeIllegalTransition, 0},
		{"RefusalWithoutReason", []application.Status{"submitted"},
			application.Transition{To: application.StatusRefused},
			application.CodeIllegalTransition, 0},
		{"RemovalWithOtherReason", []application.Status{"submitted", "registered", "waiting"},
			application.Transition{To: application.StatusRemoved, Reason: "bored"},
			application.CodeIllegalTransition, 0},
		{"StopListWithoutDate", []application.Status{"submitted", "registered", "waiting"},
			application.Transition{To: application.StatusStopListed},
			application.CodeIllegalTransition, 0},
		{"StaleFrom",
			[]application.Status{"submitted", "registered", "waiting", "notified"},
			application.Transition{From: application.StatusWaiting, To: application.StatusNotified},
			application.CodeStaleStatus, 0},
		{"OutOfOrder", []application.Status{"submitted", "registered"},
			application.Transition{To: application.StatusWaiting},
			application.CodeOutOfOrder, -2 * time.Hour},
		{"StopListNotOver",
			[]application.Status{"submitted", "registered", "waiting", "stop_listed"},
			application.Transition{To: application.StatusWaiting},
			application.CodeIllegalTransition, 9 * 24 * time.Hour},
		{"UnknownActor", []application.Status{"submitted"},
			application.Transition{To: application.StatusRegistered,
				Actor: application.Actor{Role: "ghost"}},
			application.CodeIllegalTransition, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := path(t, tt.from...)
			tr := tt.to
			tr.At = t0.Add(time.Duration(len(tt.from))*time.Hour + tt.after)
			if tr.Actor.IsZero() {
				tr.Actor = system
			}
			got, err := h.Apply(tr)
			assert.Nil(t, got)
			assert.Equal(t, tt.code, application.ErrorCode(err), "%v", err)
			assert.Equal(t, len(tt.from), len(h), "history unchanged")
		})
	}
}

func TestHistoryStopListEnds(t *testing.T) {
	h := path(t, "submitted", "registered", "waiting", "stop_listed")
	until := h.StopListedUntil()
	require.Equal(t, registry.Date(2025, 9, 25), until)

	// 19:00 UTC on the 24th is already the 25th in Kazakhstan.
	back, err := h.Apply(application.Transition{Actor: system,
		To: application.StatusWaiting, At: time.Date(2025, 9, 24, 19, 0, 0, 0, time.UTC),
	})
	require.NoError(t, err)
	assert.Equal(t, application.StatusWaiting, back.Status())
	assert.True(t, back.StopListedUntil().IsZero())
}

func TestHistoryApplyDoesNotAlias(t *testing.T) {
	h := path(t, "submitted", "registered", "waiting")
	at := t0.Add(5 * time.Hour)
	a, err := h.Apply(application.Transition{
		To: application.StatusNotified, At: at, Actor: system})
	require.NoError(t, err)
	b, err := h.Apply(application.Transition{
		To: application.StatusInactive, At: at, Actor: system})
	require.NoError(t, err)
	assert.Equal(t, application.StatusNotified, a.Status())
	assert.Equal(t, application.StatusInactive, b.Status())
}

func TestReplay(t *testing.T) {
	h := path(t, "submitted", "registered", "waiting", "notified", "waiting")
	again, err := application.Replay(h)
	require.NoError(t, err)
	assert.Equal(t, h, again)

	broken := append(application.History{}, h...)
	broken[2].To = application.StatusEnrolled
	_, err = application.Replay(broken)
	assert.Equal(t, application.CodeIllegalTransition, application.ErrorCode(err))
}

// TestPackageDocListsEveryArrow keeps the arrow list in doc.go and the code
// in step.
func TestPackageDocListsEveryArrow(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	line := regexp.MustCompile(`(?m)^//   - ([a-z-]+(?:, [a-z-]+)*): (.+)$`)

	documented := map[application.Status][]application.Status{}
	for _, m := range line.FindAllStringSubmatch(string(doc), -1) {
		var targets []application.Status
		if m[2] != "nothing" {
			for _, s := range strings.Split(m[2], ", ") {
				targets = append(targets, status(s))
			}
		}
		for _, from := range strings.Split(m[1], ", ") {
			documented[status(from)] = targets
		}
	}

	all := []application.Status{"draft", "submitted", "pending", "registered",
		"waiting", "notified", "referred", "enrolled", "refused", "inactive",
		"stop_listed", "removed", "archived"}
	require.Len(t, documented, len(all))
	for _, s := range all {
		assert.True(t, s.Valid())
		assert.Equal(t, documented[s], s.Next(), "arrows from %s", s)
	}
	assert.False(t, application.Status("lost").Valid())
}

func status(s string) application.Status {
	return application.Status(strings.ReplaceAll(s, "-", "_"))
}
