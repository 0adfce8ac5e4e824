package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// The synced-folder trap: a Keel file kept in a folder that a sync service
// copies (Dropbox, OneDrive, iCloud Drive, Google Drive, Syncthing) or on a
// network drive (NFS, SMB/CIFS, SSHFS) can be damaged while Keel writes
// to it (SQLite's write-ahead log relies on locks these do not share), and
// two computers opening their copies each keep their own changes. Keel
// warns at start-up and points to the studio database and to backups.

// syncFolders are folder names that sync services create, matched against
// each folder above the file (case-insensitively, with "OneDrive - Firm"
// style names matched on their first word).
var syncFolders = []struct{ name, service string }{
	{"dropbox", "Dropbox"},
	{"onedrive", "OneDrive"},
	{"icloud drive", "iCloud Drive"},
	{"icloud", "iCloud Drive"},
	{"mobile documents", "iCloud Drive"},
	{"com~apple~clouddocs", "iCloud Drive"},
	{"google drive", "Google Drive"},
	{"googledrive", "Google Drive"},
	{"my drive", "Google Drive"},
	{"pcloud drive", "pCloud"},
	{"nextcloud", "Nextcloud"},
	{"owncloud", "ownCloud"},
	{"sync", "a sync service"},
}

// syncMarkers are files or folders a sync service leaves at the top of the
// folder it syncs.
var syncMarkers = []struct{ name, service string }{
	{".stfolder", "Syncthing"},
	{".dropbox", "Dropbox"},
	{".dropbox.cache", "Dropbox"},
	{".sync", "Resilio Sync"},
}

// networkFS are Linux file system types (from /proc/self/mountinfo) on a
// network or a remote machine.
var networkFS = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb3": true, "smbfs": true, "9p": true, "afs": true,
	"ceph": true, "glusterfs": true, "davfs": true, "fuse.sshfs": true, "sshfs": true,
	"fuse.rclone": true, "fuse.gvfsd-fuse": true, "fuse.s3fs": true, "fuse.davfs2": true,
}

// syncWarning returns the start-up warning for the database file at path,
// or "" when it is on a local disk outside every known sync folder.
func syncWarning(path string) string {
	where := syncedBy(path)
	if where == "" {
		where = networkDrive(path)
	}
	if where == "" {
		return ""
	}
	return fmt.Sprintf("Your Keel file %s is %s. Sync services and network drives copy a file while Keel is writing to it, "+
		"which can damage it or lose saves, and two computers using it each keep their own changes. "+
		"Move the file to a folder on this computer that is not synced (Keel's backups may go to a synced folder), "+
		"and to share clients with other coaches use a studio database instead (Settings, Studio database; see docs/DATA.md).", path, where)
}

// syncedBy names the sync service whose folder holds path ("in a Dropbox
// folder"), or "".
func syncedBy(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	for dir := filepath.Dir(abs); ; dir = filepath.Dir(dir) {
		base := strings.ToLower(filepath.Base(dir))
		for _, f := range syncFolders {
			if base == f.name || strings.HasPrefix(base, f.name+" - ") || (f.name != "sync" && strings.HasPrefix(base, f.name+" (")) {
				return "in a " + f.service + " folder (" + dir + ")"
			}
		}
		for _, m := range syncMarkers {
			if _, err := os.Lstat(filepath.Join(dir, m.name)); err == nil {
				return "in a folder that " + m.service + " keeps in sync (" + dir + ")"
			}
		}
		if parent := filepath.Dir(dir); parent == dir {
			return ""
		}
	}
}

// networkDrive names the network file system holding path ("on a network
// drive (nfs4)"), or "". It reads the mount table on Linux and the file
// system's type elsewhere (networkFSType).
func networkDrive(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	if f, err := os.Open("/proc/self/mountinfo"); err == nil {
		defer f.Close()
		if fs := mountType(f, abs); fs != "" {
			if networkFS[fs] {
				return "on a network drive (" + fs + ")"
			}
			return ""
		}
	}
	if fs := networkFSType(filepath.Dir(abs)); fs != "" {
		return "on a network drive (" + fs + ")"
	}
	return ""
}

// mountType returns the file system type of the mount that holds path,
// read from a Linux mountinfo table: the mount point that is the longest
// prefix of path.
func mountType(r io.Reader, path string) string {
	best, fsType := "", ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		// "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw"
		pre, post, ok := strings.Cut(sc.Text(), " - ")
		f, g := strings.Fields(pre), strings.Fields(post)
		if !ok || len(f) < 5 || len(g) < 1 {
			continue
		}
		mp := unescapeMount(f[4])
		if (path == mp || strings.HasPrefix(path, strings.TrimSuffix(mp, "/")+"/")) && len(mp) >= len(best) {
			best, fsType = mp, g[0]
		}
	}
	return fsType
}

// unescapeMount undoes mountinfo's octal escapes (\040 for a space).
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			var c byte
			if _, err := fmt.Sscanf(s[i+1:i+4], "%03o", &c); err == nil {
				b.WriteByte(c)
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
