package registry_test

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

	"github.com/kezek/kezek/registry"
)

func TestParseIIN(t *testing.T) {
	tests := []struct {
		name string
		in   string
		code registry.Code
		born time.Time
		sex  registry.Sex
	}{
		{"Male1900s", "850515300713", "", registry.Date(1985, 5, 15), registry.Male},
		{"Female1900s", "900201400552", "", registry.Date(1990, 2, 1), registry.Female},
		{"Male2000s", "210303500122", "", registry.Date(2021, 3, 3), registry.Male},
		{"Female2000s", "210303600347", "", registry.Date(2021, 3, 3), registry.Female},
		{"LeapDay", "200229600016", "", registry.Date(2020, 2, 29), registry.Female},
		{"Year2000", "000101500011", "", registry.Date(2000, 1, 1), registry.Male},
		{"SecondWeightPass", "210303600007", "", registry.Date(2021, 3, 3), registry.Female},
		{"Male1800s", "991231100000", "", registry.Date(1899, 12, 31), registry.Male},
		{"Empty", "", registry.CodeIINFormat, time.Time{}, 0},
		{"Short", "85051530071", registry.CodeIINFormat, time.Time{}, 0},
		{"Long", "8505153007130", registry.CodeIINFormat, time.Time{}, 0},
		{"Letter", "85051530071a", registry.CodeIINFormat, time.Time{}, 0},
		{"Spaces", "850515 30071", registry.CodeIINFormat, time.Time{}, 0},
		{"NonASCIIDigit", "85051530071٣", registry.CodeIINFormat, time.Time{}, 0},
		{"CenturyZero", "850515000713", registry.CodeIINCentury, time.Time{}, 0},
		{"CenturySeven", "850515700713", registry.CodeIINCentury, time.Time{}, 0},
		{"MonthThirteen", "851315300713", registry.CodeIINDate, time.Time{}, 0},
		{"DayZero", "850500300713", registry.CodeIINDate, time.Time{}, 0},
		{"April31", "850431300713", registry.CodeIINDate, time.Time{}, 0},
		{"NotLeapYear", "210229600016", registry.CodeIINDate, time.Time{}, 0},
		{"WrongCheckDigit", "850515300714", registry.CodeIINChecksum, time.Time{}, 0},
		{"NoCheckDigitExists", "210303600070", registry.CodeIINChecksum, time.Time{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			iin, err := registry.ParseIIN(tt.in)
			if tt.code != "" {
				var e *registry.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tt.code, e.Code)
				assert.True(t, iin.IsZero())
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.in, iin.Digits())
			assert.Equal(t, tt.born, iin.BirthDate())
			assert.Equal(t, tt.sex, iin.Sex())
			assert.True(t, iin.Valid())
		})
	}
}

func TestParseIINLenient(t *testing.T) {
	// Test certificates carry numbers such as this one, which fails the
	// strict checks but names a real test subject.
	iin, err := registry.ParseIINLenient("123456789011")
	require.NoError(t, err)
	assert.Equal(t, "123456789011", iin.Digits())
	assert.False(t, iin.Valid())
	assert.Equal(t, time.Time{}, iin.BirthDate())
	assert.Equal(t, registry.SexUnknown, iin.Sex())

	same, err := registry.ParseIINLenient("123456789011")
	require.NoError(t, err)
	assert.True(t, iin == same)

	for _, bad := range []string{"", "12345678901", "12345678901x"} {
		_, err := registry.ParseIINLenient(bad)
		var e *registry.Error
		require.ErrorAs(t, err, &e, bad)
		assert.Equal(t, registry.CodeIINFormat, e.Code)
	}
}

func TestIINErrorsHideInput(t *testing.T) {
	inputs := []string{"850515300714", "851315300713", "850515000713", "85051530071"}
	for _, in := range inputs {
		_, err := registry.ParseIIN(in)
		require.Error(t, err)
		assert.NotContains(t, err.Error(), in[:8])
	}
}

func TestIINMasking(t *testing.T) {
	iin, err := registry.ParseIIN("850515300713")
	require.NoError(t, err)
	const masked = "********0713"

	for _, format := range []string{"%v", "%+v", "%#v", "%s", "%d", "%x"} {
		assert.Equal(t, masked, fmt.Sprintf(format, iin), format)
	}
	assert.Equal(t, "  "+masked, fmt.Sprintf("%14v", iin))
	assert.Equal(t, masked+"  |", fmt.Sprintf("%-14s|", iin))
	assert.Equal(t, `"`+masked+`"`, fmt.Sprintf("%q", iin))
	assert.Equal(t, masked, iin.String())

	type holder struct {
		IIN  registry.IIN
		Ptr  *registry.IIN
		List []registry.IIN
	}
	h := holder{IIN: iin, Ptr: &iin, List: []registry.IIN{iin}}
	for _, format := range []string{"%v", "%+v", "%#v"} {
		assert.NotContains(t, fmt.Sprintf(format, h), "8505153", format)
	}

	b, err := json.Marshal(h)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "8505153")
	assert.Contains(t, string(b), masked)

	var buf bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&buf, nil))
	logger.Info("applied", "iin", iin, "holder", h)
	logger = slog.New(slog.NewTextHandler(&buf, nil))
	logger.Info("applied", "iin", iin, "holder", h)
	assert.NotContains(t, buf.String(), "8505153")
	assert.Contains(t, buf.String(), masked)
}

func TestIINUnmarshalText(t *testing.T) {
	var v struct{ IIN registry.IIN }
	require.NoError(t, json.Unmarshal([]byte(`{"IIN":"850515300713"}`), &v))
	assert.Equal(t, "850515300713", v.IIN.Digits())

	require.NoError(t, json.Unmarshal([]byte(`{"IIN":""}`), &v))
	assert.True(t, v.IIN.IsZero())

	err := json.Unmarshal([]byte(`{"IIN":"********0713"}`), &v)
	var e *registry.Error
	require.True(t, errors.As(err, &e), "got %v", err)
	assert.Equal(t, registry.CodeIINFormat, e.Code)
}

func TestSexString(t *testing.T) {
	assert.Equal(t, "male", registry.Male.String())
	assert.Equal(t, "female", registry.Female.String())
	assert.Equal(t, "unknown", registry.SexUnknown.String())
}

func FuzzParseIIN(f *testing.F) {
	seeds := []string{
		"850515300713", "900201400552", "210303600007", "200229600016",
		"", "0", "85051530071a", "851315300713", "850515700713",
		"999999999999", "000000000000", strings.Repeat("9", 13),
	}
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		iin, err := registry.ParseIIN(s)
		lenient, lerr := registry.ParseIINLenient(s)
		if err != nil {
			var e *registry.Error
			require.ErrorAs(t, err, &e)
			require.NotEmpty(t, e.Code)
			require.True(t, iin.IsZero())
			return
		}
		require.Equal(t, s, iin.Digits())
		require.NoError(t, lerr)
		require.Equal(t, iin, lenient)
		require.True(t, iin.Valid())
		require.NotEqual(t, registry.SexUnknown, iin.Sex())
		require.False(t, iin.BirthDate().IsZero())
		require.NotContains(t, fmt.Sprint(iin), s[:8])
	})
}

func ExampleParseIIN() {
	iin, err := registry.ParseIIN("210303600347")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(iin)
	fmt.Println(iin.BirthDate().Format(time.DateOnly), iin.Sex())

	_, err = registry.ParseIIN("210303600348")
	var e *registry.Error
	if errors.As(err, &e) {
		fmt.Println(e.Code, "-", e)
	}
	// Output:
	// ********0347
	// 2021-03-03 female
	// iin.checksum - iin: check digit does not match
}

func TestSexText(t *testing.T) {
	for _, s := range []registry.Sex{registry.Male, registry.Female, registry.SexUnknown} {
		b, err := s.MarshalText()
		require.NoError(t, err)
		var back registry.Sex
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, s, back)
	}
	var s registry.Sex
	err := s.UnmarshalText([]byte("m"))
	var e *registry.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, registry.CodeSex, e.Code)
}
