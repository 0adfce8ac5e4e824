package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// bigDB builds a database of n clients once per benchmark.
func bigDB(b *testing.B, n int) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "keel.db")
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	cs := sqlite.NewClientService(db)
	first := []string{"Zoë", "Amélie", "Siobhán", "Małgorzata", "Nneka", "Ingrid", "Priya", "Chloé", "Sofía", "Ana"}
	last := []string{"Ólafsdóttir", "Durand", "Ní Bhriain", "Wiśniewska", "Okafor", "Søndergaard", "Raghunathan", "Martin", "García", "Łukasiewicz"}
	for i := 0; i < n; i++ {
		c := &assessment.Client{Name: fmt.Sprintf("%s %s %d", first[i%10], last[(i/10)%10], i)}
		if err := cs.CreateClient(ctx(), c); err != nil {
			b.Fatal(err)
		}
	}
	db.Close()
	return path
}

// BenchmarkSearchKeystroke measures one keystroke in the search box with
// 5,000 clients: the query, the first page of results and the list
// refresh, as the coach types "zoe".
func BenchmarkSearchKeystroke(b *testing.B) {
	path := bigDB(b, 5000)
	test.NewTempApp(b)
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	u := New(test.NewTempApp(b), Services{Clients: sqlite.NewClientService(db)})
	queries := []string{"z", "zo", "zoe", "zo", "lukas", "ni bh", ""}
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		u.home.search.SetText(queries[i%len(queries)])
		times = append(times, time.Since(t0))
	}
	reportMedian(b, times)
}

// reportMedian adds the median of the per-operation times as "median-ms":
// the figure the performance targets are stated in.
func reportMedian(b *testing.B, times []time.Duration) {
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2])/1e6, "median-ms")
}

// BenchmarkOpenAndFirstPage measures opening the database and building the
// main window with the first page of the client list, with 5,000 clients.
func BenchmarkOpenAndFirstPage(b *testing.B) {
	path := bigDB(b, 5000)
	a := test.NewTempApp(b)
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		db, err := sqlite.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		u := New(a, Services{Clients: sqlite.NewClientService(db)})
		if u.home.pager.total != 5000 {
			b.Fatalf("list shows %d clients", u.home.pager.total)
		}
		times = append(times, time.Since(t0))
		u.win.Close()
		db.Close()
	}
	reportMedian(b, times)
}
