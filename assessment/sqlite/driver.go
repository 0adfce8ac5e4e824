package sqlite

import (
	"database/sql"
	"os"
	"strconv"

	"github.com/keel-coach/keel/assessment"
	"github.com/mattn/go-sqlite3"
)

// driverName is the SQLite driver Keel's own connections use: go-sqlite3
// with a hook that sizes each connection's page cache for the file and
// offers keel_fold() to the migrations.
const driverName = "sqlite3-keel"

func init() {
	sql.Register(driverName, &sqlite3.SQLiteDriver{ConnectHook: connectHook})
}

// Page cache bounds per connection. SQLite's default is 2 MiB; the hot
// part of a studio's file (the clients table and its indexes, the due
// list's index, the programme schedules) is about 20 MiB at 50,000
// clients, and a search or due list that misses the cache rereads it from
// the operating system page by page. The cache grows only as pages are
// read, so a small file costs no more than before. (M: measured in
// docs/PERFORMANCE.md)
const (
	minCacheKiB = 2 << 10
	maxCacheKiB = 32 << 10
)

// cacheKiB is the page cache for a database file of size bytes: the whole
// file up to maxCacheKiB.
func cacheKiB(size int64) int64 {
	return min(max(size>>10, minCacheKiB), maxCacheKiB)
}

func connectHook(c *sqlite3.SQLiteConn) error {
	// keel_fold is the search key of a name, the same function the Go code
	// stores (assessment.Fold), so a migration can recompute stored keys.
	// Nothing in the schema refers to it: the sqlite3 command-line tool
	// still opens and checks the file.
	if err := c.RegisterFunc("keel_fold", assessment.Fold, true); err != nil {
		return err
	}
	var size int64
	if fi, err := os.Stat(c.GetFilename("main")); err == nil {
		size = fi.Size()
	}
	// PRAGMA takes no bound parameters; the figure is our own integer.
	_, err := c.Exec("PRAGMA cache_size = -"+strconv.FormatInt(cacheKiB(size), 10), nil)
	return err
}
