package sqlite_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// Fixture size and page size named in issues 2 and 3.
const (
	benchClients        = 5000
	benchRecordsPerEach = 10
	benchPage           = 50 // rows the client list shows at once
)

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixturePath string
	fixtureErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

// benchFixture builds, once per run, a database of 5,000 clients with 10
// assessments each, in one transaction, and returns its path. The file is
// closed (and checkpointed) so each benchmark opens it as Keel would.
func benchFixture(b *testing.B) string {
	b.Helper()
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = os.MkdirTemp("", "keel-bench-")
		if fixtureErr != nil {
			return
		}
		fixturePath = filepath.Join(fixtureDir, "keel.db")
		start := time.Now()
		db, err := sqlite.Open(fixturePath)
		if err != nil {
			fixtureErr = err
			return
		}
		db.Now = func() time.Time { return now }
		clients := benchClientList(benchClients)
		err = sqlite.BulkLoad(db, clients, func(i int, id int64) []*assessment.Record {
			out := make([]*assessment.Record, benchRecordsPerEach)
			for k := range out {
				out[k] = sampleRecord(id, today.AddDays(-28*k))
			}
			return out
		})
		if cerr := db.Close(); err == nil {
			err = cerr
		}
		fixtureErr = err
		if fi, err := os.Stat(fixturePath); err == nil {
			fmt.Fprintf(os.Stderr, "bench fixture: %d clients, %d assessments, %.1f MB, built in %v\n",
				benchClients, benchClients*benchRecordsPerEach, float64(fi.Size())/1e6, time.Since(start).Round(time.Millisecond))
		}
	})
	if fixtureErr != nil {
		b.Fatal(fixtureErr)
	}
	return fixturePath
}

var (
	benchFirst = []string{"Zoë", "Siobhán", "Amélie", "Małgorzata", "Nneka", "Ingrid", "Anna", "Joanna", "Åsa", "Chloé",
		"Priya", "Fatima", "Grace", "Leah", "María", "Olga", "Sinéad", "Yuki", "Aoife", "Ebony"}
	benchLast = []string{"Ólafsdóttir", "Łukasiewicz", "Ní Bhriain", "Durand", "Wiśniewska", "Okafor", "Søndergaard",
		"Smith", "Berg", "Müller", "García", "Kowalczyk", "O'Brien", "Nakamura", "Patel", "Dubois", "Jones", "Novák",
		"Fernández", "Kelly", "Brown", "Schäfer", "Horváth", "Larsen", "Costa"}
)

// benchClientList makes n clients with varied, partly accented names.
func benchClientList(n int) []*assessment.Client {
	rng := rand.New(rand.NewPCG(1, 2))
	out := make([]*assessment.Client, n)
	for i := range out {
		first := benchFirst[rng.IntN(len(benchFirst))]
		last := benchLast[rng.IntN(len(benchLast))]
		c := &assessment.Client{
			Name:         first + " " + last + fmt.Sprintf("-%d", i),
			BirthDate:    today.AddDays(-365*30 - rng.IntN(3000)),
			Phone:        "+44 20 7946 0958",
			Births:       1 + rng.IntN(3),
			LastDelivery: today.AddDays(-7 * (2 + rng.IntN(100))),
			DeliveryMode: assessment.DeliveryModes[rng.IntN(3)],
			Notes:        "Lifts her toddler many times a day.",
			Archived:     i%10 == 0,
		}
		if i%3 == 0 {
			c.PreferredName = first[:2]
		}
		out[i] = c
	}
	return out
}

// reportMedian adds the median and 95th percentile of the timed samples, in
// milliseconds, to the benchmark output: the targets are medians.
func reportMedian(b *testing.B, samples []time.Duration) {
	b.Helper()
	if len(samples) == 0 {
		return
	}
	slices.Sort(samples)
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	b.ReportMetric(ms(samples[len(samples)/2]), "median-ms")
	b.ReportMetric(ms(samples[len(samples)*95/100]), "p95-ms")
}

// BenchmarkSearchKeystroke is one keystroke in the client search box: the
// query so far, its count, and the first page of matches, over 5,000
// clients. Target: median under 5 ms.
func BenchmarkSearchKeystroke(b *testing.B) {
	path := benchFixture(b)
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s := sqlite.NewClientService(db)
	ctx := context.Background()
	// The coach types these names letter by letter.
	var queries []string
	for _, word := range []string{"lukasiewicz", "zoe", "siobhan ni", "smith", "sondergaard", "xq"} {
		for i := 1; i <= len(word); i++ {
			queries = append(queries, word[:i])
		}
	}
	var samples []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, _, err := s.FindClients(ctx, assessment.ClientFilter{Query: queries[i%len(queries)], Limit: benchPage}); err != nil {
			b.Fatal(err)
		}
		samples = append(samples, time.Since(start))
		i++
	}
	reportMedian(b, samples)
}

// BenchmarkOpenFirstPage is starting Keel: open the 5,000-client database
// (header check, migrations check) and load the first page of the client
// list. Target: median under 50 ms. Closing is not timed.
func BenchmarkOpenFirstPage(b *testing.B) {
	path := benchFixture(b)
	ctx := context.Background()
	var samples []time.Duration
	for b.Loop() {
		start := time.Now()
		db, err := sqlite.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		page, _, err := sqlite.NewClientService(db).FindClients(ctx, assessment.ClientFilter{Limit: benchPage})
		if err != nil || len(page) != benchPage {
			b.Fatalf("first page: %d clients, %v", len(page), err)
		}
		samples = append(samples, time.Since(start))
		b.StopTimer()
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	reportMedian(b, samples)
}

// BenchmarkSaveAssessment saves one full assessment (one transaction) into
// the database of 5,000 clients with 10 assessments each. Target: median
// under 5 ms.
func BenchmarkSaveAssessment(b *testing.B) {
	path := benchFixture(b)
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s := sqlite.NewRecordService(db)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(3, 4))
	var samples []time.Duration
	for b.Loop() {
		r := sampleRecord(1+rng.Int64N(benchClients), today)
		start := time.Now()
		if err := s.CreateRecord(ctx, r); err != nil {
			b.Fatal(err)
		}
		samples = append(samples, time.Since(start))
	}
	reportMedian(b, samples)
}

// BenchmarkFindRecords loads one client's assessment history (10 records)
// from the large database, as the client screen does.
func BenchmarkFindRecords(b *testing.B) {
	path := benchFixture(b)
	db, err := sqlite.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	s := sqlite.NewRecordService(db)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(5, 6))
	var samples []time.Duration
	for b.Loop() {
		id := 1 + rng.Int64N(benchClients)
		start := time.Now()
		if _, err := s.FindRecords(ctx, assessment.RecordFilter{ClientID: id}); err != nil {
			b.Fatal(err)
		}
		samples = append(samples, time.Since(start))
	}
	reportMedian(b, samples)
}
