package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/sqlite"
)

// Command bigdb fills a database with n sample clients for measuring
// start-up: bigdb PATH N.
func main() {
	n, err := strconv.Atoi(os.Args[2])
	if err != nil {
		panic(err)
	}
	db, err := sqlite.Open(os.Args[1])
	if err != nil {
		panic(err)
	}
	defer db.Close()
	cs := sqlite.NewClientService(db)
	first := []string{"Zoë", "Amélie", "Siobhán", "Małgorzata", "Nneka", "Ingrid", "Priya", "Chloé", "Sofía", "Ana"}
	last := []string{"Ólafsdóttir", "Durand", "Ní Bhriain", "Wiśniewska", "Okafor", "Søndergaard", "Raghunathan", "Martin", "García", "Łukasiewicz"}
	t0 := time.Now()
	for i := 0; i < n; i++ {
		c := &assessment.Client{Name: fmt.Sprintf("%s %s %d", first[i%10], last[(i/10)%10], i), Births: 1 + i%3,
			LastDelivery: assessment.DateOf(time.Now()).AddDays(-7 * (4 + i%60)), DeliveryMode: assessment.DeliveryVaginal}
		if err := cs.CreateClient(context.Background(), c); err != nil {
			panic(err)
		}
	}
	fmt.Println(n, "clients in", time.Since(t0))
}
