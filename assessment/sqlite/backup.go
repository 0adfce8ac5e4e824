package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/atomicfile"
)

// Automatic backups: how many Keel keeps. A coach who notices a mistake a
// few days late finds a daily copy from before it; one who notices weeks
// later still finds one from each of the last few weeks. (H)
const (
	KeepDailyBackups  = 7 // the newest seven days that have a backup (H)
	KeepWeeklyBackups = 4 // the newest backup of each of the latest four ISO weeks (H)
)

// BackupDirName is the folder, beside the database file, that holds the
// automatic backups.
const BackupDirName = "backups"

// backupDateLayout is the date in an automatic backup's name
// ("keel-2026-03-02.db"): sortable, and readable in a file browser.
const backupDateLayout = "2006-01-02"

// Backup is one automatic backup file.
type Backup struct {
	Path string
	// Date is the day the backup was made, from its name.
	Date assessment.Date
	Size int64
	// ModTime is when the file was written.
	ModTime time.Time
}

// BackupDir returns the folder of the automatic backups of the database at
// dbPath.
func BackupDir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), BackupDirName)
}

// backupPrefix is the start of every automatic backup name of dbPath: the
// database's own name without its extension, so two databases in one
// folder never share backups.
func backupPrefix(dbPath string) string {
	base := filepath.Base(dbPath)
	return strings.TrimSuffix(base, filepath.Ext(base)) + "-"
}

// BackupTo writes a consistent snapshot of the database to dest, replacing
// any file there. Saves may go on meanwhile: the snapshot is one read
// transaction (VACUUM INTO), so it holds every save committed before it
// began and none after. The snapshot is written under a temporary name and
// renamed into place, so dest is never half written. A new file is
// readable by the coach's user account only (0600) and a folder Keel has to
// create is private too (0700).
func (db *DB) BackupTo(ctx context.Context, dest string) error {
	dest, err := cleanDest(dest, db.Path)
	if err != nil {
		return err
	}
	atomicfile.SweepFor(dest) // an earlier backup to the same file, stopped half-way
	tmp, err := tempBeside(dest)
	if err != nil {
		return err
	}
	defer removeTemp(tmp) // no-op after the rename, bar the journal

	// VACUUM INTO only reads this database, but it writes another file,
	// which the query-only read pool forbids; the writer would hold up
	// saves. So it runs on a connection of its own, opened for the purpose.
	// Its output is one self-contained file: no -wal is ever needed beside a
	// backup.
	bdb, err := sql.Open("sqlite3", dsn(db.Path, backupParams))
	if err != nil {
		return mapError("back up the database", err)
	}
	_, err = bdb.ExecContext(ctx, `VACUUM INTO ?`, tmp)
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return backupWriteError(dest, mapError("back up the database", err))
	}
	if err := syncFile(tmp); err != nil {
		return backupWriteError(dest, err)
	}
	if err := os.Rename(tmp, dest); err != nil {
		return backupWriteError(dest, err)
	}
	syncDir(filepath.Dir(dest))
	return nil
}

// removeTemp removes a temporary file and the journal SQLite may have left
// beside it (VACUUM INTO writes one, and a full disk can stop it before it
// removes it).
func removeTemp(tmp string) {
	for _, side := range []string{"", "-journal", "-wal", "-shm"} {
		_ = os.Remove(tmp + side)
	}
}

// backupParams open the connection a backup reads through.
const backupParams = "_busy_timeout=" + busyTimeoutMS + "&_foreign_keys=on"

// backupWriteError says a backup could not be written, naming the file. A
// domain error from the database keeps its message; a full disk or a
// folder Keel may not write gets the one message for that cause.
func backupWriteError(dest string, err error) error {
	var de *assessment.Error
	reason := err
	if errors.As(err, &de) {
		if de.Code != assessment.EINTERNAL {
			return err
		}
		if de.Err != nil {
			reason = de.Err
		}
	}
	if ce := causeError(dest, reason); ce != nil {
		return ce
	}
	return &assessment.Error{Code: assessment.EINTERNAL, Err: err, Message: fmt.Sprintf(
		"Keel could not write %s: %s. Check there is space on the disk and that you may write to that folder. Your data is unchanged.",
		dest, reasonOf(reason))}
}

// reasonOf words an operating-system failure (atomicfile.Reason); SQLite's
// own short text is kept for the rest, such as a failed VACUUM INTO.
func reasonOf(err error) string {
	var pe *os.PathError
	var le *os.LinkError
	var errno syscall.Errno
	if errors.As(err, &pe) || errors.As(err, &le) || errors.As(err, &errno) {
		return atomicfile.Reason(err)
	}
	return clip(err.Error(), 120)
}

// cleanDest makes dest absolute and applies the output rule of
// atomicfile.CheckTarget, bar the question of replacing an existing file
// (the command line asks for --force, a save dialog has asked): never the
// database dbPath or a file beside it, never a folder that does not exist.
func cleanDest(dest, dbPath string) (string, error) {
	if strings.TrimSpace(dest) == "" {
		return "", assessment.Errorf(assessment.EINVALID, "Choose a file to write to.")
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return "", assessment.Errorf(assessment.EINVALID, "Keel cannot use %q as a file name: %v.", dest, err)
	}
	if err := atomicfile.CheckTarget(abs, dbPath, true); err != nil {
		return "", &assessment.Error{Code: assessment.EINVALID, Message: err.Error(), Err: err}
	}
	return abs, nil
}

// tempBeside returns the name of a new empty private file in dest's folder,
// so the final rename stays on one file system and is atomic. The name
// carries this process's id (tempPattern), so the start-up sweep
// (SweepLeftovers) can tell a leftover of a killed Keel from a file another
// Keel is still writing.
func tempBeside(dest string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(dest), tempPattern(filepath.Base(dest)))
	if err != nil {
		if ce := causeError(filepath.Dir(dest), err); ce != nil {
			return "", ce
		}
		return "", assessment.Errorf(assessment.EINVALID, "Keel cannot write in the folder %s: %v.", filepath.Dir(dest), plainErr(err))
	}
	name := f.Name()
	if err := f.Chmod(fileMode); err != nil { // CreateTemp uses 0600 already; say so explicitly
		_ = f.Close()
		_ = os.Remove(name)
		return "", assessment.Internal("prepare the file "+dest, err)
	}
	if err := f.Close(); err != nil {
		_ = os.Remove(name)
		return "", assessment.Internal("prepare the file "+dest, err)
	}
	return name, nil
}

// WriteFileAtomic writes data to path with atomicfile.Write (the whole
// file or nothing, mode 0600). Its folder must exist (Keel does not create
// folders from a typing slip). The data screen and keel export use it;
// they check first that path is not the database (atomicfile.CheckTarget).
func WriteFileAtomic(path string, data []byte) error {
	dest, err := cleanDest(path, "")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(dest, data, fileMode); err != nil {
		return &assessment.Error{Code: assessment.EINTERNAL, Err: err,
			Message: err.Error() + ". Your data in Keel is unchanged."}
	}
	return nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	serr := f.Sync()
	return errors.Join(serr, f.Close())
}

// syncDir makes a rename in dir durable where the system allows it; it is
// best effort (Windows cannot sync a folder).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

// AutoBackup makes the day's automatic backup into BackupDir, unless one
// for now's date is already there, then prunes old ones (see
// PruneBackups). It returns the day's backup path and whether it was made
// by this call. Keel calls it at start-up, away from the window, so a slow
// disk never delays the coach.
func (db *DB) AutoBackup(ctx context.Context, now time.Time) (path string, made bool, err error) {
	day := assessment.DateOf(now)
	dir := BackupDir(db.Path)
	path = filepath.Join(dir, backupPrefix(db.Path)+day.Time().Format(backupDateLayout)+".db")
	if _, err := os.Stat(path); err == nil {
		return path, false, nil
	}
	if err := os.MkdirAll(dir, dirMode); err != nil { // Keel's own folder, made private
		return "", false, assessment.Errorf(assessment.EINVALID, "Keel cannot create the backup folder %s: %v.", dir, plainErr(err))
	}
	if err := db.BackupTo(ctx, path); err != nil {
		return "", false, err
	}
	if _, err := PruneBackups(db.Path); err != nil {
		return path, true, err
	}
	return path, true, nil
}

// BackupBefore writes a backup named for the risky action about to happen
// ("import" gives "keel-before-import-2026-03-02-093000.db") into
// BackupDir and returns its path. Keel takes one before an import that
// replaces clients, so the coach can go back. These backups are not
// pruned: they are rare and each marks a deliberate step.
func (db *DB) BackupBefore(ctx context.Context, what string) (string, error) {
	dir := BackupDir(db.Path)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return "", assessment.Errorf(assessment.EINVALID, "Keel cannot create the backup folder %s: %v.", dir, plainErr(err))
	}
	path := uniqueName(dir, backupPrefix(db.Path)+"before-"+what+"-"+time.Now().Format("2006-01-02-150405"))
	if err := db.BackupTo(ctx, path); err != nil {
		return "", err
	}
	return path, nil
}

// uniqueName returns dir/base.db, or dir/base-2.db and so on when taken.
func uniqueName(dir, base string) string {
	p := filepath.Join(dir, base+".db")
	for i := 2; fileExists(p); i++ {
		p = filepath.Join(dir, fmt.Sprintf("%s-%d.db", base, i))
	}
	return p
}

// ListBackups returns the automatic backups of the database at dbPath,
// newest first. It works without opening the database, so Keel can offer
// the latest backup when the database itself is broken. A missing backup
// folder means no backups.
func ListBackups(dbPath string) ([]Backup, error) {
	dir := BackupDir(dbPath)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, assessment.Errorf(assessment.EINVALID, "Keel cannot read the backup folder %s: %v.", dir, plainErr(err))
	}
	prefix := backupPrefix(dbPath)
	var out []Backup
	for _, e := range entries {
		name := e.Name()
		rest, ok := strings.CutPrefix(name, prefix)
		if !ok || !e.Type().IsRegular() {
			continue
		}
		stamp, ok := strings.CutSuffix(rest, ".db")
		if !ok || len(stamp) != len(backupDateLayout) {
			continue
		}
		t, err := time.Parse(backupDateLayout, stamp)
		if err != nil {
			continue // not one of ours: another file the coach keeps there
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, name), Date: assessment.DateOf(t), Size: info.Size(), ModTime: info.ModTime()})
	}
	slices.SortFunc(out, func(a, b Backup) int { return b.Date.Time().Compare(a.Date.Time()) })
	return out, nil
}

// PruneBackups deletes the automatic backups of dbPath that are neither
// among the KeepDailyBackups newest nor the newest of one of the
// KeepWeeklyBackups latest ISO weeks that have a backup. It touches only
// files named like automatic backups, and returns the paths it removed.
func PruneBackups(dbPath string) ([]string, error) {
	all, err := ListBackups(dbPath)
	if err != nil {
		return nil, err
	}
	keep := keptBackups(all)
	var removed []string
	var errs []error
	for i, b := range all {
		if keep[i] {
			continue
		}
		if err := os.Remove(b.Path); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
			continue
		}
		removed = append(removed, b.Path)
	}
	if err := errors.Join(errs...); err != nil {
		return removed, assessment.Internal("remove old backups", err)
	}
	return removed, nil
}

// keptBackups marks, in a newest-first list, the backups to keep.
func keptBackups(newestFirst []Backup) []bool {
	keep := make([]bool, len(newestFirst))
	for i := range newestFirst {
		if i < KeepDailyBackups {
			keep[i] = true
		}
	}
	type week struct{ year, week int }
	seen := map[week]bool{}
	for i, b := range newestFirst {
		y, w := b.Date.Time().ISOWeek()
		k := week{y, w}
		if seen[k] {
			continue
		}
		if len(seen) == KeepWeeklyBackups {
			break
		}
		seen[k] = true
		keep[i] = true // the first seen in a week is its newest
	}
	return keep
}

// CheckBackup checks, without changing it, that the file at path is a
// complete Keel database this build can open: the SQLite header, SQLite's
// own integrity check, Keel's application id and a schema version it
// knows. The error names the file and the problem.
//
// A file with a write-ahead log beside it (a copy made by hand while Keel
// was open, or the copy Keel keeps before a restore) is checked with its
// log folded in, as Restore would put it in place: the log is part of it.
func CheckBackup(ctx context.Context, path string) error {
	if !hasWAL(path) {
		return checkFile(ctx, path, "restore", "the backup", "it is not a Keel backup")
	}
	folded, err := foldedCopy(ctx, path, filepath.Dir(path))
	if err != nil {
		if folded, err = foldedCopy(ctx, path, os.TempDir()); err != nil {
			return err
		}
	}
	defer removeTemp(folded)
	return checkFileAs(ctx, folded, path, "restore", "the backup", "it is not a Keel backup")
}

// hasWAL reports whether a non-empty write-ahead log lies beside path.
func hasWAL(path string) bool {
	fi, err := os.Stat(path + "-wal")
	return err == nil && fi.Size() > 0
}

// foldedCopy copies the database file src, with the write-ahead log beside
// it if any, to a new temporary file in dir and folds the log into it, so
// the copy is one self-contained file. src and its log are only read. The
// caller removes the copy (removeTemp).
func foldedCopy(ctx context.Context, src, dir string) (string, error) {
	tmp, err := tempBeside(filepath.Join(dir, filepath.Base(src)))
	if err != nil {
		return "", err
	}
	fail := func(err error) (string, error) {
		removeTemp(tmp)
		return "", err
	}
	if err := copyFile(src, tmp); err != nil {
		return fail(copyError(src, err))
	}
	if !hasWAL(src) {
		return tmp, nil
	}
	if err := copyFile(src+"-wal", tmp+"-wal"); err != nil {
		return fail(copyError(src+"-wal", err))
	}
	// Only a real SQLite file reaches SQLite.
	if _, ok, err := readHeader(tmp); err != nil || !ok {
		return fail(assessment.Errorf(assessment.EINVALID, "Keel cannot restore %s: it is not a Keel backup (not an SQLite database). Nothing has been changed.", src))
	}
	fdb, err := sql.Open("sqlite3", dsn(tmp, "_busy_timeout="+busyTimeoutMS))
	if err != nil {
		return fail(assessment.Internal("read the backup "+src, err))
	}
	_, err = fdb.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	if err == nil {
		var mode string
		err = fdb.QueryRowContext(ctx, `PRAGMA journal_mode = DELETE`).Scan(&mode)
	}
	if cerr := fdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if ce := causeError(src, err); ce != nil {
			return fail(ce)
		}
		return fail(assessment.Errorf(assessment.EINVALID, "Keel cannot restore %s: the file and its write-ahead log could not be read together (%s). Nothing has been changed.", src, plainSQLite(err)))
	}
	for _, side := range []string{"-wal", "-shm"} {
		_ = os.Remove(tmp + side)
	}
	if err := syncFile(tmp); err != nil {
		return fail(copyError(src, err))
	}
	return tmp, nil
}

func copyError(src string, err error) error {
	if ce := causeError(src, err); ce != nil {
		return ce
	}
	return assessment.Errorf(assessment.EINVALID, "Keel could not copy %s: %v. Nothing has been changed.", src, plainErr(err))
}

// Diagnose says what is wrong with a database file that failed to open, in
// the same terms as CheckBackup, without changing it (SQLite reads it as
// immutable and creates nothing beside it). It returns nil when it finds
// nothing wrong. The start-up window uses it when opening failed for a
// reason SQLite reported only as an internal error.
func Diagnose(ctx context.Context, path string) error {
	return checkFile(ctx, path, "open", "the database", "it is not a Keel database")
}

// checkFile is CheckBackup and Diagnose: verb is what Keel cannot do,
// what names the file, notKeel says it is someone else's.
func checkFile(ctx context.Context, path, verb, what, notKeelWords string) error {
	return checkFileAs(ctx, path, path, verb, what, notKeelWords)
}

// checkFileAs checks the file at path and names it shown in messages (a
// folded copy is checked under the name of the file it was made from).
func checkFileAs(ctx context.Context, path, shown, verb, what, notKeelWords string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return assessment.Errorf(assessment.EINVALID, "Keel cannot open %s %s: %v.", what, shown, plainErr(err))
	}
	if fi.IsDir() {
		return assessment.Errorf(assessment.EINVALID, "%s is a folder, not a Keel file.", shown)
	}
	bad := func(why string) error {
		return assessment.Errorf(assessment.EINVALID, "Keel cannot %s %s: %s. Nothing has been changed.", verb, shown, why)
	}
	// A damaged file gets the one message for that cause, whoever asks.
	damaged := func(err error) error {
		if verb == "open" {
			return DamagedError(shown, err)
		}
		return bad("the file is damaged")
	}
	if fi.Size() == 0 {
		return bad("the file is empty")
	}
	h, ok, err := readHeader(path)
	if err != nil {
		return assessment.Errorf(assessment.EINVALID, "Keel cannot read %s %s: %v.", what, shown, plainErr(err))
	}
	if !ok {
		return bad(notKeelWords + " (not an SQLite database)")
	}
	if h.appID != applicationID {
		return bad(notKeelWords + " (it belongs to another program)")
	}
	if h.userVersion > SchemaVersion {
		return &assessment.Error{Code: assessment.EUNSUPPORTED, Message: fmt.Sprintf(
			"Keel cannot %s %s: it was made by a newer version of Keel (data version %d; this Keel reads up to %d). Install the newer Keel. Nothing has been changed.",
			verb, shown, h.userVersion, SchemaVersion)}
	}
	if h.userVersion < 1 {
		return bad("it holds no Keel data")
	}
	if h.truncated(fi.Size()) {
		return damaged(nil)
	}
	// immutable: SQLite reads the file as it is and creates nothing beside
	// it; a backup has no write-ahead log of its own.
	cdb, err := sql.Open("sqlite3", dsn(path, "mode=ro&immutable=1"))
	if err != nil {
		return assessment.Internal("check "+path, err)
	}
	defer cdb.Close()
	rows, err := cdb.QueryContext(ctx, `PRAGMA integrity_check`)
	if err != nil {
		return damaged(err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return damaged(err)
		}
		if s != "ok" {
			problems = append(problems, s)
		}
	}
	if err := rows.Err(); err != nil {
		return damaged(err)
	}
	if len(problems) > 0 {
		return damaged(fmt.Errorf("integrity check: %d problem(s), the first: %s", len(problems), clip(problems[0], 120)))
	}
	return nil
}

// plainSQLite is an SQLite error's text without the driver's prefix.
func plainSQLite(err error) string {
	return clip(err.Error(), 120)
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// Restore replaces the database at dbPath with the backup at backupPath.
// The database must not be open (close it first; reopen it after).
//
// A backup with a write-ahead log beside it (a copy made by hand, or the
// copy Keel kept before an earlier restore) is restored with its log
// folded in: no save in it is dropped. The restored database is one
// self-contained file.
//
// It checks the backup first (CheckBackup) and refuses a bad one, changing
// nothing. Before replacing anything it keeps the current database, with
// its write-ahead log folded in, as "NAME-before-restore-STAMP.db" in the
// backup folder and returns that path ("" when there was no database to
// keep). The restored file is prepared under a temporary name and renamed
// over dbPath, so dbPath always holds either the old database or the whole
// backup; a temporary file left by a killed restore is removed at the next
// start (SweepLeftovers).
func Restore(ctx context.Context, backupPath, dbPath string) (keptCopy string, err error) {
	if strings.TrimSpace(backupPath) == "" {
		return "", assessment.Errorf(assessment.EINVALID, "Choose a backup file to restore.")
	}
	dbPath, err = filepath.Abs(dbPath)
	if err != nil {
		return "", assessment.Errorf(assessment.EINVALID, "Keel cannot use %q as a database path: %v.", dbPath, err)
	}
	if _, same := atomicfile.IsDatabaseFile(backupPath, dbPath); same {
		return "", assessment.Errorf(assessment.EINVALID, "%s is the database itself, not a backup of it.", backupPath)
	}
	if err := CheckBackup(ctx, backupPath); err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), dirMode); err != nil {
		return "", assessment.Errorf(assessment.EINVALID, "Keel cannot create the folder %s: %v.", filepath.Dir(dbPath), plainErr(err))
	}

	// Copy (folding in the backup's log), then check the copy: what is
	// checked is exactly what is put in place.
	tmp, err := foldedCopy(ctx, backupPath, filepath.Dir(dbPath))
	if err != nil {
		return "", err
	}
	defer removeTemp(tmp)
	if err := checkFile(ctx, tmp, "restore", "the backup", "it is not a Keel backup"); err != nil {
		return "", assessment.Errorf(assessment.EINVALID, "The backup %s changed or could not be read while Keel copied it. Nothing has been changed.", backupPath)
	}
	// A backup is a rollback-journal file; Keel runs the database in WAL
	// mode. Switch the copy now, under its temporary name: switching the
	// file in place at the next open writes a -journal beside the database,
	// which a stopped Keel would leave behind.
	if err := setWAL(ctx, tmp); err != nil {
		return "", err
	}

	// Fold the current database's log into it first, so removing the log
	// below can never drop a save, even if Keel is stopped half-way.
	foldInPlace(ctx, dbPath)
	keptCopy, err = keepCurrent(ctx, dbPath, time.Now())
	if err != nil {
		return "", err
	}
	// The old write-ahead log belongs to the old file: SQLite would replay
	// it onto the restored one. Its content is kept with the copy above.
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if err := os.Remove(dbPath + side); err != nil && !errors.Is(err, os.ErrNotExist) {
			return keptCopy, assessment.Errorf(assessment.EINVALID,
				"Keel could not remove %s before restoring: %v. Close every Keel window and try again; the database is unchanged.", dbPath+side, plainErr(err))
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return keptCopy, assessment.Errorf(assessment.EINVALID, "Keel could not put the backup in place of %s: %v.", dbPath, plainErr(err))
	}
	syncDir(filepath.Dir(dbPath))
	return keptCopy, nil
}

// setWAL puts the database file at path (not open elsewhere) in WAL mode
// and closes it, leaving one self-contained file.
func setWAL(ctx context.Context, path string) error {
	wdb, err := sql.Open("sqlite3", dsn(path, "_busy_timeout="+busyTimeoutMS))
	if err != nil {
		return assessment.Internal("prepare the restored database", err)
	}
	var mode string
	err = wdb.QueryRowContext(ctx, `PRAGMA journal_mode = WAL`).Scan(&mode)
	if cerr := wdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		if ce := causeError(path, err); ce != nil {
			return ce
		}
		return assessment.Internal("prepare the restored database", err)
	}
	for _, side := range []string{"-wal", "-shm"} {
		_ = os.Remove(path + side)
	}
	return nil
}

// foldInPlace folds the write-ahead log of the closed database at dbPath
// into its file and removes the log. It is best effort: a damaged file is
// kept as it is, log and all (keepCurrent).
func foldInPlace(ctx context.Context, dbPath string) {
	if !hasWAL(dbPath) {
		return
	}
	if _, ok, err := readHeader(dbPath); err != nil || !ok {
		return
	}
	fdb, err := sql.Open("sqlite3", dsn(dbPath, "_busy_timeout="+busyTimeoutMS))
	if err != nil {
		return
	}
	_, _ = fdb.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	_ = fdb.Close()
}

// keepCurrent keeps the current database file under a new name in the
// backup folder and returns that name, or "" when there is no database at
// dbPath. It links the file rather than copying it where the file system
// allows, so even a file Keel may not read is kept exactly as it was; a
// write-ahead log that could not be folded in (a damaged file) is kept
// beside it, and Restore accepts the pair.
func keepCurrent(ctx context.Context, dbPath string, now time.Time) (string, error) {
	fi, err := os.Stat(dbPath)
	if errors.Is(err, os.ErrNotExist) {
		return "", nil
	} else if err != nil {
		return "", assessment.Errorf(assessment.EINVALID, "Keel cannot look at %s: %v. Nothing has been changed.", dbPath, plainErr(err))
	}
	if fi.IsDir() {
		return "", assessment.Errorf(assessment.EINVALID, "%s is a folder, not a database file. Nothing has been changed.", dbPath)
	}
	if fi.Size() == 0 && !fileExists(dbPath+"-wal") {
		return "", nil // an empty file holds nothing to keep
	}
	dir := BackupDir(dbPath)
	if err := os.MkdirAll(dir, dirMode); err != nil {
		return "", assessment.Errorf(assessment.EINVALID, "Keel cannot create the backup folder %s: %v. Nothing has been changed.", dir, plainErr(err))
	}
	kept := uniqueName(dir, backupPrefix(dbPath)+"before-restore-"+now.Format("2006-01-02-150405"))
	// The log first, so the copy is never without it.
	if fileExists(dbPath + "-wal") {
		if err := keepOne(dbPath+"-wal", kept+"-wal"); err != nil {
			return "", err
		}
	}
	if err := keepOne(dbPath, kept); err != nil {
		_ = os.Remove(kept + "-wal")
		return "", err
	}
	syncDir(dir)
	return kept, nil
}

// keepOne puts src at dst whole: a hard link, or a copy under a temporary
// name renamed into place, so a stopped restore never leaves half a copy.
func keepOne(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	tmp, err := tempBeside(dst)
	if err == nil {
		if err = copyFile(src, tmp); err == nil {
			err = os.Rename(tmp, dst)
		}
		removeTemp(tmp)
	}
	if err != nil {
		return assessment.Errorf(assessment.EINVALID,
			"Keel could not keep a copy of %s before restoring (%v), so it has changed nothing.", src, plainErr(err))
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// copyFile copies src to dst (created 0600, or truncated) and syncs it.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, fileMode)
	if err != nil {
		return err
	}
	_, cerr := io.Copy(out, in)
	serr := out.Sync()
	return errors.Join(cerr, serr, out.Close())
}
