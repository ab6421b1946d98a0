// Package pipeline runs the stages in order — read, normalize, match,
// relate, extract, cluster — and keeps their results in a store. It is the
// only package that knows the whole pipeline; the commands in cmd/echotrace
// and the HTTP server call it and present what it stored.
package pipeline
