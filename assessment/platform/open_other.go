//go:build !windows

package platform

import "net/url"

// OpenFile opens the file at path with the program the desktop uses for
// its type, through openURL (Fyne's App.OpenURL: xdg-open on Linux and the
// BSDs, the Finder on macOS) and a file: URL.
func OpenFile(path string, openURL func(*url.URL) error) error {
	return openURL(&url.URL{Scheme: "file", Path: path})
}
