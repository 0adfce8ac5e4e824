package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/postgres"
	"github.com/keel-coach/keel/assessment/postgres/pgtest"
)

// The studio-scale fixtures, as the SQLite store's (assessment/sqlite
// scale_bench_test.go): n clients with varied, partly accented names, one
// in ten archived, 10 assessments each 28 days apart with the latest
// spread over the last year, and two in three with an issued 12-week
// programme made from the latest. Each size is built once, in its own
// database, and dropped when the benchmark ends.
var scaleSizes = []int{500, 5000, 50000}

const (
	scaleRecords = 10
	benchPage    = 50
)

var (
	benchFirst = []string{"Zoë", "Siobhán", "Amélie", "Małgorzata", "Nneka", "Ingrid", "Anna", "Joanna", "Åsa", "Chloé",
		"Priya", "Fatima", "Grace", "Leah", "María", "Olga", "Sinéad", "Yuki", "Aoife", "Ebony"}
	benchLast = []string{"Ólafsdóttir", "Łukasiewicz", "Ní Bhriain", "Durand", "Wiśniewska", "Okafor", "Søndergaard",
		"Smith", "Berg", "Müller", "García", "Kowalczyk", "O'Brien", "Nakamura", "Patel", "Dubois", "Jones", "Novák",
		"Fernández", "Kelly", "Brown", "Schäfer", "Horváth", "Larsen", "Costa"}
)

// buildScale fills an empty studio database with the n-client fixture in a
// few set-based statements (the triggers that keep the due list's columns
// are paused for the load and their result written in one update each).
func buildScale(b *testing.B, n int) *postgres.DB {
	b.Helper()
	u := pgtest.NewDatabase(b)
	db := mustOpenURL(b, u, "Bench")
	pgURL[db] = u
	start := time.Now()
	raw := rawDB(&testing.T{}, u)
	defer raw.Close()
	rng := rand.New(rand.NewPCG(1, 2))
	names, sortKeys, searchKeys, archived, latest := make([]string, n), make([]string, n), make([]string, n), make([]bool, n), make([]string, n)
	for i := range n {
		names[i] = benchFirst[rng.IntN(len(benchFirst))] + " " + benchLast[rng.IntN(len(benchLast))] + fmt.Sprintf("-%d", i)
		sortKeys[i] = assessment.Fold(names[i])
		searchKeys[i] = assessment.Fold(names[i] + " ")
		archived[i] = i%10 == 0
		latest[i] = today.AddDays(-(i * 7919) % 365).String()
	}
	must := func(q string, args ...any) {
		if _, err := raw.ExecContext(ctx, q, args...); err != nil {
			b.Fatalf("%s: %v", q, err)
		}
	}
	must(`ALTER TABLE assessments DISABLE TRIGGER assessments_last`)
	must(`ALTER TABLE programmes DISABLE TRIGGER programmes_schedule`)
	must(`INSERT INTO clients (id, name, births, last_delivery_date, notes, archived, sort_key, search_key, created_at, updated_at)
		SELECT i, name, 1, $6, 'Lifts her toddler many times a day.', arch, sk, qk, now(), now()
		FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[]) AS t(i, name, sk, qk, arch)`,
		seq(n), names, sortKeys, searchKeys, archived, today.AddDays(-140).String())
	must(`SELECT setval(pg_get_serial_sequence('clients', 'id'), $1)`, n)
	must(`INSERT INTO assessments (client_id, date, kind, data, created_at, updated_at)
		SELECT c, to_char(l::date - 28 * ($2 - 1 - k), 'YYYY-MM-DD'), CASE WHEN k = 0 THEN 'intake' ELSE 'reassessment' END,
			'{"format":"keel.assessment/1"}', now(), now()
		FROM unnest($1::bigint[], $3::text[]) AS t(c, l), generate_series(0, $2 - 1) AS k`, seq(n), scaleRecords, latest)
	must(`UPDATE clients SET last_assessment = a.d FROM (SELECT client_id, max(date) AS d FROM assessments GROUP BY client_id) AS a WHERE a.client_id = clients.id`)
	must(`INSERT INTO programmes (client_id, record_id, lineage, version, status, data, start_date, phases, created_at, updated_at)
		SELECT a.client_id, a.id, a.id, 1, 'issued', '{"format":"keel.programme/1"}', to_char(a.date::date + 3, 'YYYY-MM-DD'),
			'activation,1,4;strength,5,8;integration,9,12', now(), now()
		FROM assessments AS a JOIN clients AS c ON c.id = a.client_id AND c.last_assessment = a.date
		WHERE a.client_id % 3 <> 0`)
	must(`UPDATE clients SET programme_start = p.start_date, programme_phases = p.phases FROM programmes AS p WHERE p.client_id = clients.id`)
	must(`ALTER TABLE assessments ENABLE TRIGGER assessments_last`)
	must(`ALTER TABLE programmes ENABLE TRIGGER programmes_schedule`)
	must(`VACUUM ANALYZE`)
	fmt.Fprintf(os.Stderr, "studio fixture: %d clients, %d assessments, built in %v\n", n, n*scaleRecords, time.Since(start).Round(time.Millisecond))
	return db
}

// pgURL is each fixture's address, for the benchmarks that change it
// behind the store's back.
var pgURL = map[*postgres.DB]string{}

func seq(n int) []int64 {
	out := make([]int64, n)
	for i := range out {
		out[i] = int64(i + 1)
	}
	return out
}

// searchQueries are what a coach types, letter by letter (as in the
// SQLite benchmarks).
func searchQueries() []string {
	var qs []string
	for _, word := range []string{"lukasiewicz", "zoe", "siobhan ni", "smith", "sondergaard", "xq"} {
		for i := 1; i <= len(word); i++ {
			qs = append(qs, word[:i])
		}
	}
	return qs
}

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

// BenchmarkScale runs, on each fixture size, one keystroke in the client
// search box (count and first page of 50 active clients; targets at
// 50,000 clients: median under 5 ms) and the home screen's due list (the
// query and the decision; under 20 ms), each a round trip to a server on
// the same machine.
func BenchmarkScale(b *testing.B) {
	for _, n := range scaleSizes {
		b.Run(fmt.Sprintf("clients=%d", n), func(b *testing.B) {
			if testing.Short() && n > 500 {
				b.Skip("large fixtures are not built under -short")
			}
			db := buildScale(b, n)
			b.Run("search", func(b *testing.B) {
				s := postgres.NewClientService(db)
				qs := searchQueries()
				var samples []time.Duration
				i := 0
				for b.Loop() {
					t := time.Now()
					if _, _, err := s.FindClients(context.Background(), assessment.ClientFilter{Query: qs[i%len(qs)], Limit: benchPage}); err != nil {
						b.Fatal(err)
					}
					samples = append(samples, time.Since(t))
					i++
				}
				reportMedian(b, samples)
			})
			// A keystroke just after another coach added, renamed or
			// archived a client: this Keel reloads the search keys first.
			b.Run("search-after-change", func(b *testing.B) {
				s := postgres.NewClientService(db)
				raw := rawDB(&testing.T{}, pgURL[db])
				defer raw.Close()
				var samples []time.Duration
				for b.Loop() {
					if _, err := raw.ExecContext(ctx, `UPDATE client_list_version SET token = token + 1`); err != nil {
						b.Fatal(err)
					}
					t := time.Now()
					if _, _, err := s.FindClients(context.Background(), assessment.ClientFilter{Query: "smi", Limit: benchPage}); err != nil {
						b.Fatal(err)
					}
					samples = append(samples, time.Since(t))
				}
				reportMedian(b, samples)
			})
			// The due list just after another coach changed something it
			// reads: this Keel reads the window's inputs again.
			b.Run("due-after-change", func(b *testing.B) {
				s := postgres.NewDueService(db)
				raw := rawDB(&testing.T{}, pgURL[db])
				defer raw.Close()
				var samples []time.Duration
				for b.Loop() {
					if _, err := raw.ExecContext(ctx, `UPDATE due_list_version SET token = token + 1`); err != nil {
						b.Fatal(err)
					}
					t := time.Now()
					in, err := s.FindDueInputs(context.Background(), today)
					if err != nil {
						b.Fatal(err)
					}
					_ = assessment.DueForReassessment(in, today)
					samples = append(samples, time.Since(t))
				}
				reportMedian(b, samples)
			})
			b.Run("due", func(b *testing.B) {
				s := postgres.NewDueService(db)
				var samples []time.Duration
				listed := 0
				for b.Loop() {
					t := time.Now()
					in, err := s.FindDueInputs(context.Background(), today)
					if err != nil {
						b.Fatal(err)
					}
					listed = len(assessment.DueForReassessment(in, today))
					samples = append(samples, time.Since(t))
				}
				if listed == 0 {
					b.Fatal("nobody due")
				}
				b.ReportMetric(float64(listed), "due")
				reportMedian(b, samples)
			})
		})
	}
}
