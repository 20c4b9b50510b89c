package extract

import "strings"

// givenNameGender holds common given names whose bearers are usually of
// one gender, across the languages news copy draws on (lexicon/given-
// names-*.txt). A first name gives a person a gender at once, which keeps
// "he" and "she" apart when two people are quoted; names used for both are
// left out.
var givenNameGender = buildGivenNames()

func buildGivenNames() map[string]byte {
	m := make(map[string]byte, 640) // about 550 names: sized once
	for _, line := range lexiconLines("given-names-female.txt") {
		for _, n := range strings.Fields(line) {
			m[strings.ToLower(n)] = 'f'
		}
	}
	for _, line := range lexiconLines("given-names-male.txt") {
		for _, n := range strings.Fields(line) {
			m[strings.ToLower(n)] = 'm'
		}
	}
	return m
}
