package sqlite_test

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// A path that starts with two separators must not lose its first folder
// to the URI's host part. On Windows this is a network share
// (\\nas\coach\keel.db, where a school or clinic often redirects
// %AppData%); on Linux, //home/ana/x.db is the same file as
// /home/ana/x.db. Before the URI kept an empty host, SQLite refused it
// with "invalid uri authority".
func TestOpenDoubleSlashPath(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("a leading // names a network share on Windows")
	}
	dir := t.TempDir()
	path := "/" + filepath.Join(dir, "two words #1 50%.db")
	db, err := sqlite.Open(path)
	if err != nil {
		t.Fatalf("Open(%q): %v", path, err)
	}
	ctx := context.Background()
	if err := sqlite.NewClientService(db).CreateClient(ctx, &assessment.Client{Name: "Ana"}); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	// The same file under its ordinary name holds her.
	db = mustOpenAt(t, filepath.Join(dir, "two words #1 50%.db"))
	cs, _, err := sqlite.NewClientService(db).FindClients(ctx, assessment.ClientFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 1 || cs[0].Name != "Ana" {
		t.Errorf("clients = %+v, want Ana", cs)
	}
}
