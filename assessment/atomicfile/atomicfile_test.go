package atomicfile_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/keel-coach/keel/assessment/atomicfile"
)

// names lists the entries of dir, so a test can tell no temporary file was
// left behind.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func wantOnly(t *testing.T, dir string, want ...string) {
	t.Helper()
	got := names(t, dir)
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("folder holds %q, want %q (a temporary file was left behind?)", got, want)
	}
}

func wantMode(t *testing.T, path string, want os.FileMode) {
	t.Helper()
	if runtime.GOOS == "windows" {
		return // Windows has no Unix permission bits
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != want {
		t.Errorf("mode = %v, want %v", got, want)
	}
}

func TestWrite(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "Zoë measures.csv")
		if err := atomicfile.Write(path, []byte("date,pain\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := string(b), "date,pain\n"; got != want {
			t.Errorf("content = %q, want %q", got, want)
		}
		wantMode(t, path, 0o600)
		wantOnly(t, dir, "Zoë measures.csv")
	})

	// The save dialog creates the file 0644 before Keel writes it; the
	// result must still be private, with nothing of the old content left.
	t.Run("ReplacesContentAndMode", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "handout.pdf")
		if err := os.WriteFile(path, []byte("an older, longer handout"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, 0o644); err != nil { // undo the umask
			t.Fatal(err)
		}
		if err := atomicfile.Write(path, []byte("new"), 0o600); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := string(b), "new"; got != want {
			t.Errorf("content = %q, want %q", got, want)
		}
		wantMode(t, path, 0o600)
		wantOnly(t, dir, "handout.pdf")
	})

	// perm is applied exactly, whatever the umask.
	t.Run("ModeIgnoresUmask", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "shared.txt")
		if err := atomicfile.Write(path, nil, 0o664); err != nil {
			t.Fatal(err)
		}
		wantMode(t, path, 0o664)
	})

	t.Run("RelativePath", func(t *testing.T) {
		t.Chdir(t.TempDir())
		if err := atomicfile.Write("out.json", []byte("{}"), 0o600); err != nil {
			t.Fatal(err)
		}
		wantOnly(t, ".", "out.json")
	})

	t.Run("ErrFolderMissing", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "gone", "x.csv")
		err := atomicfile.Write(path, []byte("x"), 0o600)
		var fe *atomicfile.Error
		if !errors.As(err, &fe) {
			t.Fatalf("err = %#v, want *atomicfile.Error", err)
		}
		if !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("err does not unwrap to fs.ErrNotExist: %v", err)
		}
		if got, want := err.Error(), "Keel could not save the file "+path+": the folder does not exist; choose another one"; got != want {
			t.Errorf("message = %q, want %q", got, want)
		}
		wantOnly(t, dir)
	})

	// A rename onto a folder fails after the temporary file is written:
	// the temporary file goes, the folder and its content stay.
	t.Run("ErrPathIsFolder", func(t *testing.T) {
		dir := t.TempDir()
		path := filepath.Join(dir, "handouts")
		if err := os.Mkdir(path, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(path, "kept.pdf"), []byte("kept"), 0o600); err != nil {
			t.Fatal(err)
		}
		err := atomicfile.Write(path, []byte("x"), 0o600)
		if err == nil {
			t.Fatal("wrote over a folder")
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "Keel could not save the file "+path+": ") || strings.Contains(msg, ".tmp") {
			t.Errorf("message = %q: want the path and a reason, no temporary name", msg)
		}
		wantOnly(t, dir, "handouts")
		wantOnly(t, path, "kept.pdf")
	})

	t.Run("ErrNoName", func(t *testing.T) {
		err := atomicfile.Write("", []byte("x"), 0o600)
		if err == nil || !strings.Contains(err.Error(), "no file name") {
			t.Errorf("err = %v, want a message about the missing name", err)
		}
	})

	t.Run("ErrReadOnlyFolder", func(t *testing.T) {
		if runtime.GOOS == "windows" || os.Geteuid() == 0 {
			t.Skip("needs Unix permissions that apply to this user (not root)")
		}
		dir := t.TempDir()
		path := filepath.Join(dir, "x.csv")
		if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(dir, 0o500); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.Chmod(dir, 0o700) })
		err := atomicfile.Write(path, []byte("new"), 0o600)
		if !errors.Is(err, fs.ErrPermission) {
			t.Fatalf("err = %v, want a permission error", err)
		}
		if b, _ := os.ReadFile(path); string(b) != "old" {
			t.Errorf("old content = %q, want it kept", b)
		}
	})
}

func TestReason(t *testing.T) {
	pe := func(errno error) error { return &fs.PathError{Op: "write", Path: "/tmp/.x.123.tmp", Err: errno} }
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"NoSpace", pe(syscall.ENOSPC), "there is no space left on the disk"},
		{"Quota", pe(syscall.EDQUOT), "your share of the disk is full"},
		{"ReadOnlyDisk", pe(syscall.EROFS), "the disk or folder can only be read, not written"},
		{"Permission", pe(fs.ErrPermission), "you do not have permission to write there; choose another folder"},
		{"Missing", pe(fs.ErrNotExist), "the folder does not exist; choose another one"},
		{"IsFolder", &os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EISDIR}, "that name belongs to a folder; choose a file name inside it"},
		{"TooLong", pe(syscall.ENAMETOOLONG), "the name is too long; choose a shorter one"},
		{"IO", pe(syscall.EIO), "the disk reported a fault; try another disk or folder"},
		{"Other", errors.New("strange"), "the system refused to write it; check the disk and try again"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := atomicfile.Reason(tc.err); got != tc.want {
				t.Errorf("Reason = %q, want %q", got, tc.want)
			}
			e := &atomicfile.Error{Path: "/home/ana/Zoë.pdf", Err: tc.err}
			if got, want := e.Error(), "Keel could not save the file /home/ana/Zoë.pdf: "+tc.want; got != want {
				t.Errorf("Error() = %q, want %q", got, want)
			}
			if !errors.Is(e, tc.err) {
				t.Error("Error does not unwrap to its cause")
			}
		})
	}
}

// BenchmarkWrite measures one small export written safely; the fsync
// dominates, so the figure is the disk's, not Keel's.
func BenchmarkWrite(b *testing.B) {
	path := filepath.Join(b.TempDir(), "measures.csv")
	data := []byte(strings.Repeat("2025-01-06,4,2,38,12\n", 50))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if err := atomicfile.Write(path, data, 0o600); err != nil {
			b.Fatal(err)
		}
	}
}
