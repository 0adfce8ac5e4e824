package assessment

// SampleClient is a made-up client for trying Keel out: `keel demo` and the
// empty state's "Load sample clients" store these.
type SampleClient struct {
	Client Client
}

// SampleClients returns the sample clients as of day `today`, with dates
// placed relative to it so their weeks postpartum are always plausible.
// The names include letters outside ASCII on purpose.
func SampleClients(today Date) []SampleClient {
	weeksAgo := func(w int) Date { return today.AddDays(-7 * w) }
	yearsAgo := func(y, extraDays int) Date { return today.AddDays(-365*y - extraDays) }
	return []SampleClient{
		{Client: Client{Name: "Zoë Ólafsdóttir-Łukasiewicz", PreferredName: "Zoë", BirthDate: yearsAgo(34, 40),
			Phone: "+354 555 0142", Email: "zoe.olafsdottir@example.com", Births: 2, LastDelivery: weeksAgo(14),
			DeliveryMode: DeliveryVaginal, Notes: "Lifts her toddler in and out of the car seat many times a day. Low back worse in the evening."}},
		{Client: Client{Name: "Siobhán Ní Bhriain", PreferredName: "Shiv", BirthDate: yearsAgo(31, 200),
			Phone: "+353 1 555 0199", Email: "siobhan.nb@example.ie", Births: 1, LastDelivery: weeksAgo(4),
			DeliveryMode: DeliveryCaesarean, Notes: "Planned caesarean. Wants to get back to walking the dog."}},
		{Client: Client{Name: "Amélie Durand", BirthDate: yearsAgo(37, 15), Email: "amelie.durand@example.fr",
			Births: 3, LastDelivery: weeksAgo(40), DeliveryMode: DeliveryAssisted,
			Notes: "Forceps delivery. Some leaking when she coughs; has not seen a pelvic-health physio yet."}},
		{Client: Client{Name: "Małgorzata Wiśniewska", PreferredName: "Gosia", BirthDate: yearsAgo(29, 90),
			Phone: "+48 22 555 0110", Births: 1, LastDelivery: weeksAgo(26), DeliveryMode: DeliveryVaginal,
			Notes: "Desk job, about 8 hours sitting a day. Right hip feels weaker."}},
		{Client: Client{Name: "Nneka Okafor", BirthDate: yearsAgo(33, 300), Email: "nneka.okafor@example.com",
			Births: 2, LastDelivery: weeksAgo(60), DeliveryMode: DeliveryCaesarean,
			Notes: "Second caesarean. Belly still 'cones' when she sits up from lying."}},
		{Client: Client{Name: "Ingrid Søndergaard", BirthDate: yearsAgo(41, 120), Phone: "+45 55 50 12 34",
			Births: 1, LastDelivery: weeksAgo(20), DeliveryMode: DeliveryVaginal,
			Notes: "Runner before pregnancy; keen to return to running."}},
	}
}
