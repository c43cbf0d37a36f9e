package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunSamples(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run(nil, &out))
	got := out.String()

	assert.Contains(t, got, "complete application: child Н*** А*** Б*** (IIN ********0347)")
	assert.Contains(t, got, "  no problems found")
	assert.Contains(t, got, "problems found: 5")
	assert.Contains(t, got, "[child.iin_sex_mismatch]")
	assert.Contains(t, got, "notified   -> referred   applicant    offer.accepted")
	assert.Contains(t, got, "referred -> archived is refused")
	assert.Contains(t, got, "5. general       received 13:00  <- our child")
	assert.Contains(t, got, "a place at balapan-12 goes to the extraordinary child")
	assert.Contains(t, got, "our child: position 3, was 5")
	assert.Contains(t, got, "  4 -> 3: referred (left_ahead)")
	assert.NotContains(t, got, "Нұрланова")
	assert.NotContains(t, got, "210303600347")
}

func TestRunFile(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, run([]string{"-lang", "ru", "-file", "sample.json"}, &out))
	got := out.String()

	assert.Contains(t, got, "(IIN ********0122)")
	assert.Contains(t, got, "problems found: 1")
	assert.Contains(t, got, "Для санаторной группы требуется медицинское заключение.")
}

func TestRunBadInput(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run([]string{"-file", "missing.json"}, &out))
	assert.Error(t, run([]string{"-at", "yesterday"}, &out))
	assert.Error(t, run([]string{"-nope"}, &out))
}
