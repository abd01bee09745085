package hirebase

import (
	"crypto/rand"
	"strings"
)

// NewID returns a fresh identifier: 128 random bits as 26 lower-case base32
// characters. IDs are random rather than sequential so they reveal neither
// how many accounts exist nor when one was made, and are safe in URLs.
func NewID() string {
	return strings.ToLower(rand.Text())
}
