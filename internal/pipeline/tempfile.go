package pipeline

import (
	"errors"
	"fmt"
	"os"
)

// tempFile is a temporary file whose name is removed as soon as it is
// created where the system allows it (Unix), so that a killed analysis
// leaves nothing behind; elsewhere close removes it. The token file and
// the spill files of the later stages are such files.
type tempFile struct {
	*os.File
	removed bool
}

// newTempFile creates one in dir ("" for the system's temporary
// directory); what names it in errors and in its name.
func newTempFile(dir, what string) (tempFile, error) {
	f, err := os.CreateTemp(dir, "echotrace-"+what+"-*")
	if err != nil {
		return tempFile{}, fmt.Errorf("%s file: %w", what, err)
	}
	return tempFile{File: f, removed: os.Remove(f.Name()) == nil}, nil
}

// close closes and removes the file.
func (t tempFile) close() error {
	err := t.File.Close()
	if !t.removed {
		err = errors.Join(err, os.Remove(t.Name()))
	}
	return err
}
