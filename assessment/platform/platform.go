// Package platform holds what differs between the systems Keel runs on:
// where the data file lives by default, how a file path becomes the file:
// URI SQLite opens, and how a saved file is opened in the computer's own
// viewer.
//
// The path rules are pure functions of the operating system's name and its
// environment, so the Windows rules (drive letters, backslashes, network
// shares, %AppData%) are tested on any machine. Only OpenFile touches the
// system.
//
// It uses the standard library only (and golang.org/x/sys on Windows), so
// every layer of Keel may use it.
package platform

import (
	"errors"
	"net/url"
	"path"
	"strings"
)

// DataFolder and DataFile name Keel's default database inside the per-user
// configuration folder: keel/keel.db.
const (
	DataFolder = "keel"
	DataFile   = "keel.db"
)

// ConfigDir is the per-user configuration folder on goos, read from the
// environment through getenv, by the same rules as os.UserConfigDir:
//
//   - windows: %AppData% (C:\Users\<name>\AppData\Roaming, or a network
//     folder where the organisation redirects it)
//   - darwin, ios: $HOME/Library/Application Support
//   - plan9: $home/lib
//   - others: $XDG_CONFIG_HOME, else $HOME/.config
//
// It is an error when the variable is missing or not an absolute path:
// Keel then asks for a file rather than guessing one.
func ConfigDir(goos string, getenv func(string) string) (string, error) {
	switch goos {
	case "windows":
		dir := getenv("AppData")
		if dir == "" {
			return "", errors.New("%AppData% is not set")
		}
		if !windowsAbs(dir) {
			return "", errors.New("%AppData% is not a full path with a drive letter or a network share: " + dir)
		}
		return dir, nil
	case "darwin", "ios":
		dir := getenv("HOME")
		if dir == "" {
			return "", errors.New("$HOME is not set")
		}
		return dir + "/Library/Application Support", nil
	case "plan9":
		dir := getenv("home")
		if dir == "" {
			return "", errors.New("$home is not set")
		}
		return dir + "/lib", nil
	}
	if dir := getenv("XDG_CONFIG_HOME"); dir != "" {
		if !strings.HasPrefix(dir, "/") {
			return "", errors.New("$XDG_CONFIG_HOME is not a full path: " + dir)
		}
		return dir, nil
	}
	dir := getenv("HOME")
	if dir == "" {
		return "", errors.New("neither $XDG_CONFIG_HOME nor $HOME is set")
	}
	return dir + "/.config", nil
}

// DefaultDataFile is where Keel keeps its database on goos when the coach
// has not chosen a file: keel\keel.db in %AppData% on Windows,
// keel/keel.db in ConfigDir elsewhere.
func DefaultDataFile(goos string, getenv func(string) string) (string, error) {
	dir, err := ConfigDir(goos, getenv)
	if err != nil {
		return "", err
	}
	if goos == "windows" {
		return strings.TrimRight(dir, `\/`) + `\` + DataFolder + `\` + DataFile, nil
	}
	return path.Join(dir, DataFolder, DataFile), nil
}

// windowsAbs reports whether p is a full Windows path: a drive letter, a
// colon and a separator (C:\...), or a network share (\\server\share).
func windowsAbs(p string) bool {
	if len(p) >= 3 && isLetter(p[0]) && p[1] == ':' && isSep(p[2]) {
		return true
	}
	return len(p) >= 3 && isSep(p[0]) && isSep(p[1]) && !isSep(p[2])
}

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func isSep(c byte) bool { return c == '/' || c == '\\' }

// FileURI returns the file: URI that names path for SQLite, with %, ?, #,
// spaces and non-ASCII characters escaped (SQLite decodes them; go-sqlite3
// splits its options at the first '?'). The authority is always empty, so
// SQLite never mistakes part of the path for a host name:
//
//	/home/ana/keel.db                   file:///home/ana/keel.db
//	C:\Users\Ana Kim\keel.db (windows)  file:///C:/Users/Ana%20Kim/keel.db
//	\\nas\coach\keel.db (windows)       file:////nas/coach/keel.db
//
// A relative path stays relative (file:keel.db).
func FileURI(goos, p string) string {
	if goos == "windows" {
		p = windowsURIPath(p)
	}
	u := url.URL{Path: p} // EscapedPath escapes %, ?, #, spaces and non-ASCII
	e := u.EscapedPath()
	if strings.HasPrefix(p, "/") {
		return "file://" + e
	}
	return "file:" + e
}

// windowsURIPath turns a Windows path into the slash-separated path of a
// file: URI: C:\x becomes /C:/x (SQLite drops the slash before a drive
// letter), \\server\share\x becomes //server/share/x (Windows reads that
// as the share), and the \\?\ long-path prefix is dropped because SQLite
// hands the path to Windows in its own way.
func windowsURIPath(p string) string {
	p = strings.ReplaceAll(p, `\`, "/")
	switch {
	case strings.HasPrefix(p, "//?/UNC/"):
		p = "//" + p[len("//?/UNC/"):]
	case strings.HasPrefix(p, "//?/"):
		p = p[len("//?/"):]
	}
	if len(p) >= 2 && isLetter(p[0]) && p[1] == ':' {
		p = "/" + p
	}
	return p
}
