package registry_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kezek/kezek/registry"
)

func TestParseBIN(t *testing.T) {
	tests := []struct {
		name string
		in   string
		code registry.Code
		kind registry.BINKind
	}{
		{"Resident", "040540001230", "", registry.ResidentEntity},
		{"ResidentDecember", "151240004567", "", registry.ResidentEntity},
		{"JointEntrepreneur", "990160007896", "", registry.JointEntrepreneur},
		{"NonResident", "101250001111", "", registry.NonResidentEntity},
		{"Short", "04054000123", registry.CodeBINFormat, 0},
		{"Letters", "04054000123x", registry.CodeBINFormat, 0},
		{"MonthZero", "040040001230", registry.CodeBINDate, 0},
		{"MonthThirteen", "041340001230", registry.CodeBINDate, 0},
		{"UnknownKind", "040530001230", registry.CodeBINKind, 0},
		{"WrongCheckDigit", "040540001231", registry.CodeBINChecksum, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			bin, err := registry.ParseBIN(tt.in)
			if tt.code != "" {
				var e *registry.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, tt.code, e.Code)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.in, bin.Digits())
			assert.Equal(t, tt.in, bin.String())
			assert.Equal(t, tt.kind, bin.Kind())
		})
	}
}

func TestParseBINLenient(t *testing.T) {
	bin, err := registry.ParseBINLenient("123456789012")
	require.NoError(t, err)
	assert.Equal(t, "123456789012", bin.Digits())

	_, err = registry.ParseBIN("123456789012")
	assert.Error(t, err)

	_, err = registry.ParseBINLenient("1234")
	assert.Error(t, err)
}

func TestBINText(t *testing.T) {
	bin, err := registry.ParseBIN("040540001230")
	require.NoError(t, err)

	b, err := json.Marshal(map[string]registry.BIN{"bin": bin})
	require.NoError(t, err)
	assert.JSONEq(t, `{"bin":"040540001230"}`, string(b))

	var back map[string]registry.BIN
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, bin, back["bin"])
	assert.Error(t, json.Unmarshal([]byte(`{"bin":"040540001231"}`), &back))
	assert.True(t, registry.BIN{}.IsZero())
	assert.Equal(t, registry.BINKind(0), registry.BIN{}.Kind())
}

func ExampleParseBIN() {
	bin, err := registry.ParseBIN("040540001230")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(bin, bin.Kind() == registry.ResidentEntity)
	// Output: 040540001230 true
}
