package platform

import (
	"errors"
	"net/url"
	"path/filepath"
	"runtime"

	"golang.org/x/sys/windows"
)

// OpenFile opens the file at path with the program Windows uses for its
// type (the PDF viewer for a handout, the spreadsheet for a CSV), the way
// a double-click in Explorer does. It calls ShellExecute with the path
// itself, so spaces, drive letters, network shares and non-ASCII names need
// no quoting or URL escaping (Fyne's OpenURL goes through rundll32 and a
// file: URL, which Windows decodes in the local code page). openURL is not
// used on Windows.
func OpenFile(path string, openURL func(*url.URL) error) error {
	_ = openURL
	file, err := windows.UTF16PtrFromString(filepath.FromSlash(path))
	if err != nil {
		return err // a NUL in the path
	}
	verb, _ := windows.UTF16PtrFromString("open")
	done := make(chan error, 1)
	// ShellExecute may hand the file to a shell extension, which needs COM
	// set up on the calling thread: do it on a thread of our own.
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		initErr := windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE)
		var errno windows.Errno
		// S_FALSE (1): COM was already set up on this thread; still paired
		// with CoUninitialize.
		if initErr == nil || (errors.As(initErr, &errno) && errno == 1) {
			defer windows.CoUninitialize()
		}
		done <- windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL)
	}()
	return <-done
}
