//go:build race

package pipeline

// raceDetector is true when the tests run under the race detector, which
// makes the long measurements ten times slower for nothing: their
// concurrent code is raced by the small tests.
const raceDetector = true
