package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A Keel file inside a folder a sync service keeps, found by the folder's
// name or by the marker the service leaves, is warned about, naming the
// service and pointing to the studio database and backups; a plain folder
// is not.
func TestSyncWarning(t *testing.T) {
	root := t.TempDir()
	mk := func(parts ...string) string {
		dir := filepath.Join(append([]string{root}, parts...)...)
		if err := os.MkdirAll(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		return filepath.Join(dir, "keel.db")
	}
	st := mk("shared", "clients")
	if err := os.Mkdir(filepath.Join(root, "shared", ".stfolder"), 0o700); err != nil {
		t.Fatal(err)
	}
	for path, service := range map[string]string{
		mk("Dropbox", "coaching"):         "Dropbox",
		mk("OneDrive - Strong Mama"):      "OneDrive",
		mk("Library", "Mobile Documents"): "iCloud Drive",
		mk("Google Drive", "My Drive"):    "Google Drive",
		st:                                "Syncthing",
	} {
		w := syncWarning(path)
		for _, want := range []string{service, path, "studio database", "backups"} {
			if !strings.Contains(w, want) {
				t.Errorf("%s: warning %q lacks %q", path, w, want)
			}
		}
	}
	if w := syncWarning(mk("coaching", "data")); w != "" {
		t.Errorf("plain folder warned: %q", w)
	}
}

// The file commands print the warning on stderr and still run.
func TestSyncWarningOnTheCommandLine(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Dropbox")
	db := filepath.Join(dir, "keel.db")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"demo", "-db", db}, &stdout, &stderr); code != 0 {
		t.Fatalf("keel demo: %d\n%s", code, stderr.String())
	}
	if !strings.Contains(stderr.String(), "keel: warning: Your Keel file "+db+" is in a Dropbox folder") {
		t.Errorf("stderr: %q", stderr.String())
	}
}

func TestMountType(t *testing.T) {
	table := `22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw
40 27 0:50 / /home/sam/studio rw,relatime - nfs4 server:/export rw
41 27 0:51 / /mnt/my\040share rw,relatime - cifs //nas/share rw
42 27 0:52 / /home/sam/remote rw - fuse.sshfs sam@host: rw
`
	for path, want := range map[string]string{
		"/home/sam/studio/keel.db":   "nfs4",
		"/home/sam/studiox/keel.db":  "ext4",
		"/mnt/my share/keel.db":      "cifs",
		"/home/sam/remote/a/keel.db": "fuse.sshfs",
		"/etc/keel.db":               "ext4",
	} {
		if got := mountType(strings.NewReader(table), path); got != want {
			t.Errorf("mountType(%s) = %q; want %q", path, got, want)
		}
	}
}
