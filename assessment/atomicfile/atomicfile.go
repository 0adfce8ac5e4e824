// Package atomicfile writes a whole file or nothing. Keel's exports (PDF
// handouts, CSV measures, JSON assessments and exports) hold health
// information: a crash or a full disk must never leave half a file under
// the name the coach chose, and the file must be private to her account
// even when something already existed under that name with looser
// permissions.
//
// It uses the standard library only, so every layer of Keel can use it.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Write writes data to path through a temporary file in the same folder:
// the temporary file gets mode perm before the first byte is written, is
// flushed to the disk, then renamed over path. path therefore holds either
// its old content or all of data, never part of it, and ends with mode perm
// even when a file with another mode was there before (the rename replaces
// that file, mode and all). On any error the temporary file is removed and
// path is left as it was.
//
// The folder must exist. An error is an *Error whose text a coach can read;
// the operating system's cause stays reachable with errors.Is and
// errors.As.
func Write(path string, data []byte, perm os.FileMode) (err error) {
	if path == "" {
		return &Error{Err: fs.ErrInvalid}
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	// Hidden, named after the target and marked with this process's id, so
	// a leftover from a crash is recognisable beside the file it was for,
	// and the next write of the same file removes it (SweepFor).
	SweepFor(path)
	f, err := os.CreateTemp(dir, TempPattern(base))
	if err != nil {
		return &Error{Path: path, Err: err}
	}
	tmp := f.Name()
	closed := false
	defer func() {
		if err == nil {
			return
		}
		if !closed {
			_ = f.Close()
		}
		_ = os.Remove(tmp)
		err = &Error{Path: path, Err: err}
	}()
	// Chmod, not the umask-filtered create mode: the mode is exactly perm,
	// and it is in place before any content exists.
	if err = f.Chmod(perm); err != nil {
		return err
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	closed = true
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the system allows it. It is best
// effort: Windows cannot open a folder for syncing, and the file's content
// is already safe on the disk.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// Error is a failed Write. Its text says, in words, which file could not be
// saved and why; Err is the operating system's cause, for logs and for
// errors.Is (os.ErrPermission, syscall.ENOSPC, ...).
type Error struct {
	Path string
	Err  error
}

// Error returns a sentence for the coach, such as "Keel could not save the
// file /home/ana/Zoë.pdf: there is no space left on the disk".
func (e *Error) Error() string {
	if e.Path == "" {
		return "Keel could not save the file: no file name was given"
	}
	return "Keel could not save the file " + e.Path + ": " + Reason(e.Err)
}

// Unwrap returns the operating system's cause.
func (e *Error) Unwrap() error { return e.Err }

// Reason says in a few plain words why a file could not be written, for a
// message that goes on to suggest what to do. It never repeats the
// system's own text, which names internal operations and temporary files.
func Reason(err error) string {
	switch {
	case err == nil:
		return "no reason was given"
	case systemReason(err) != "":
		return systemReason(err)
	case errors.Is(err, syscall.ENOSPC):
		return "there is no space left on the disk"
	case errors.Is(err, syscall.EDQUOT):
		return "your share of the disk is full"
	case errors.Is(err, syscall.EROFS):
		return "the disk or folder can only be read, not written"
	case errors.Is(err, syscall.EISDIR), errors.Is(err, syscall.EEXIST):
		return "that name belongs to a folder; choose a file name inside it"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "the name is too long; choose a shorter one"
	case errors.Is(err, fs.ErrPermission):
		return "you do not have permission to write there; choose another folder"
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return "the folder does not exist; choose another one"
	case errors.Is(err, fs.ErrInvalid):
		return "the file name is not valid"
	case errors.Is(err, syscall.EIO):
		return "the disk reported a fault; try another disk or folder"
	}
	return "the system refused to write it; check the disk and try again"
}
