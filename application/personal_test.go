package application_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/application"
	"github.com/kezek/kezek/queue"
	"github.com/kezek/kezek/registry"
)

// secrets returns every fixture value that must never appear in a log,
// an encoding or an error message.
func secrets() []string {
	var out []string
	for _, p := range []person{mother, father, daughter, son} {
		out = append(out, p.iin, p.iin[:8], p.name.Surname, p.name.GivenName,
			p.name.Patronymic)
	}
	// With the birth date and sex, the last four digits of an IIN give the
	// rest away, so the child's birth date must not show either.
	return append(out, "Абай к-сі", "234-56-78", "aigerim.zh", "KM-0045123",
		"0123456", "2021-03-03", "03 Mar")
}

func assertNoLeak(t *testing.T, what, text string) {
	t.Helper()
	for _, s := range secrets() {
		assert.NotContains(t, text, s, "%s reveals personal data", what)
	}
}

// leakyApplications are fixture applications in several states, valid and
// not, so their renderings and error messages cover every field.
func leakyApplications(t *testing.T) []*application.Application {
	valid := validApplication(t)

	twin := validApplication(t)
	twin.Applicant.IIN = mustIIN(t, father.iin)
	twin.Applicant.Name = father.name
	twin.Child.IIN = mustIIN(t, son.iin)
	twin.Child.Name = son.name
	twin.Child.Sex = registry.Female
	twin.Child.Name.GivenName += "7"

	bad := validApplication(t)
	bad.Applicant.IIN = mustIIN(t, father.iin[:11]+"9")
	bad.Applicant.Phone = "+7 916 234-56-78"
	bad.Applicant.Email = "aigerim.zh@"
	bad.Child.IIN = bad.Applicant.IIN

	return []*application.Application{valid, twin, bad}
}

func TestNothingRevealsPersonalData(t *testing.T) {
	for i, a := range leakyApplications(t) {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			for _, format := range []string{"%v", "%+v", "%#v", "%s"} {
				assertNoLeak(t, format, fmt.Sprintf(format, a))
				assertNoLeak(t, format+" value", fmt.Sprintf(format, *a))
			}

			b, err := json.Marshal(a)
			require.NoError(t, err)
			assertNoLeak(t, "json", string(b))

			var buf bytes.Buffer
			for _, h := range []slog.Handler{
				slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil),
			} {
				slog.New(h).Info("received", "application", a,
					"applicant", a.Applicant, "child", a.Child.Name,
					"iin", a.Child.IIN)
			}
			assertNoLeak(t, "slog", buf.String())

			err = application.Rules{}.Validate(a, receivedAt)
			if err != nil {
				assertNoLeak(t, "validation error", err.Error())
				assertNoLeak(t, "validation error %+v", fmt.Sprintf("%+v", err))
			}
		})
	}
}

func TestErrorsRevealNothing(t *testing.T) {
	var errs []error
	for _, p := range []person{mother, father, daughter, son} {
		_, err := registry.ParseIIN(p.iin[:11] + "x")
		errs = append(errs, err)
		_, err = registry.ParseIIN(p.iin[:6] + "0" + p.iin[7:])
		errs = append(errs, err)
		_, err = application.NormalizePhone("+7 916 " + p.iin[:7])
		errs = append(errs, err)
	}
	h := path(t, "submitted")
	_, err := h.Apply(application.Transition{To: application.StatusEnrolled, At: t0.Add(time.Hour),
		Actor: application.Actor{Role: application.RoleClerk, ID: "psc-0451"}})
	errs = append(errs, err)
	for _, rec := range []string{
		`{"Version":1,"Applicant":{"IIN":"` + mother.iin + `x"}}`,
		`{"Version":1,"SubmittedAt":"` + daughter.name.Surname + ` ` + daughter.iin + `"}`,
		`{"Version":1,"Child":{"Sex":"` + son.iin + `"}}`,
		`{"Version":1,"Child":{"Name":{"Surname":` + father.iin + `}}}`,
	} {
		_, err = application.DecodeRecord([]byte(rec))
		errs = append(errs, err)
	}

	for _, err := range errs {
		require.Error(t, err)
		assertNoLeak(t, "error", err.Error())
		assert.NotEqual(t, application.CodeInternal, application.ErrorCode(err), "%v", err)
	}
}

func TestUnexportedFieldsRevealNothing(t *testing.T) {
	// fmt cannot call the methods of a value in an unexported field, so it
	// prints the fields themselves: an IIN must not hold its digits plainly.
	a := validApplication(t)
	type local struct {
		iin registry.IIN
		app application.Application
	}
	for _, format := range []string{"%v", "%+v", "%#v"} {
		text := fmt.Sprintf(format, local{a.Child.IIN, *a})
		for _, p := range []person{mother, daughter} {
			assert.NotContains(t, text, p.iin[:8], format)
		}
	}
}

func TestMaskedRenderings(t *testing.T) {
	n := application.FullName{
		Surname:    "Нұрланова",
		GivenName:  "Аружан",
		Patronymic: "Бауыржанқызы",
	}
	assert.Equal(t, "Н*** А*** Б***", n.String())
	assert.Equal(t, `"Н*** А*** Б***"`, fmt.Sprintf("%q", n))
	assert.Equal(t, "", application.FullName{}.String())
	assert.True(t, application.FullName{}.IsZero())

	c := application.Confidential("+77012345678")
	assert.Equal(t, "***", fmt.Sprintf("%v", c))
	assert.Equal(t, "+77012345678", c.Reveal())
	assert.Equal(t, "", application.Confidential("").String())

	var back struct{ Phone application.Confidential }
	require.NoError(t, json.Unmarshal([]byte(`{"Phone":"+77012345678"}`), &back))
	assert.Equal(t, c, back.Phone)

	var name application.FullName
	in := []byte(`{"Surname":"Нұрланова","GivenName":"Аружан"}`)
	require.NoError(t, json.Unmarshal(in, &name))
	assert.Equal(t, "Нұрланова", name.Surname)
}

func TestRecordKeepsPersonalData(t *testing.T) {
	for i, a := range leakyApplications(t) {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			a.RegistrationNumber = "190000000-2025-000123"
			b, err := application.EncodeRecord(a)
			require.NoError(t, err)
			assert.Contains(t, string(b), a.Applicant.IIN.Digits())
			assert.Contains(t, string(b), a.Child.Name.Surname)

			back, err := application.DecodeRecord(b)
			require.NoError(t, err)
			assert.Equal(t, a, back)
			assert.Equal(t, a.Child.IIN.Digits(), back.Child.IIN.Digits())
		})
	}
}

func TestRecordKeepsLenientIINs(t *testing.T) {
	a := validApplication(t)
	a.Applicant.IIN = mustIIN(t, "123456789011")
	b, err := application.EncodeRecord(a)
	require.NoError(t, err)
	back, err := application.DecodeRecord(b)
	require.NoError(t, err)
	assert.Equal(t, "123456789011", back.Applicant.IIN.Digits())
}

func TestDecodeRecordRejectsBadInput(t *testing.T) {
	inputs := []string{
		``, `{`, `[]`, `{"Version":2}`,
		`{"Version":1,"Child":{"IIN":"12"}}`,
	}
	for _, in := range inputs {
		_, err := application.DecodeRecord([]byte(in))
		assert.Equal(t, application.CodeInvalid, application.ErrorCode(err), "%q", in)
	}
}

func TestErrorCode(t *testing.T) {
	_, iinErr := registry.ParseIIN("1")
	tests := []struct {
		err  error
		want application.Code
	}{
		{nil, ""},
		{errors.New("disk on fire"), application.CodeInternal},
		{fmt.Errorf("load: %w", application.ErrNotFound), application.CodeNotFound},
		{fmt.Errorf("save: %w", application.ErrConflict), application.CodeConflict},
		{fmt.Errorf("parse: %w", iinErr), application.Code(registry.CodeIINFormat)},
		{&application.Error{Code: application.CodeConflict, Err: iinErr},
			application.CodeConflict},
		{fmt.Errorf("add: %w", &queue.Error{Code: queue.CodeDuplicate}),
			application.Code(queue.CodeDuplicate)},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, application.ErrorCode(tt.err), "%v", tt.err)
	}
	assert.ErrorIs(t, fmt.Errorf("x: %w", application.ErrNotFound), application.ErrNotFound)
	assert.Equal(t, "save: conflict", fmt.Errorf("save: %w", application.ErrConflict).Error())
	wrapped := &application.Error{Message: "a", Err: iinErr}
	assert.True(t, strings.HasPrefix(wrapped.Error(), "a: iin"))
}
