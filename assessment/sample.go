package assessment

// SampleClient is a made-up client for trying Keel out: `keel demo` and the
// empty state's "Load sample clients" store these. Some have a history, so
// the progress screens have something to show.
type SampleClient struct {
	Client Client
	// Records are her assessments, oldest first, dated relative to today.
	Records []*Record
	// Plan, when set, asks for a programme generated from her latest
	// assessment (the caller has the exercise library), issued, with her
	// sessions logged since it started.
	Plan *SamplePlan
}

// SamplePlan is the programme a sample client follows and how her
// sessions went.
type SamplePlan struct {
	Weeks int
	Start Date
	// FlareSession is the index (from 0) of the logged session at which her
	// pain flared to FlarePain; the caller applies the proposed
	// regression, so the programme gets a second version. −1 for none.
	FlareSession int
	FlarePain    int
	FlareNote    string
}

// SampleClients returns the sample clients as of day `today`, with dates
// placed relative to it so their weeks postpartum are always plausible.
// The names include letters outside ASCII on purpose. Three have three
// assessments two to three months apart; Gosia follows an issued
// programme with one pain flare in her sessions, and Amélie's diastasis is
// measured in millimetres.
func SampleClients(today Date) []SampleClient {
	weeksAgo := func(w int) Date { return today.AddDays(-7 * w) }
	yearsAgo := func(y, extraDays int) Date { return today.AddDays(-365*y - extraDays) }
	gosia := Client{Name: "Małgorzata Wiśniewska", PreferredName: "Gosia", BirthDate: yearsAgo(29, 90),
		Phone: "+48 22 555 0110", Births: 1, LastDelivery: weeksAgo(26), DeliveryMode: DeliveryVaginal,
		Notes: "Desk job, about 8 hours sitting a day. Right hip feels weaker."}
	amelie := Client{Name: "Amélie Durand", BirthDate: yearsAgo(37, 15), Email: "amelie.durand@example.fr",
		Births: 3, LastDelivery: weeksAgo(40), DeliveryMode: DeliveryAssisted,
		Notes: "Forceps delivery. Some leaking when she coughs; has not seen a pelvic-health physio yet."}
	nneka := Client{Name: "Nneka Okafor", BirthDate: yearsAgo(33, 300), Email: "nneka.okafor@example.com",
		Births: 2, LastDelivery: weeksAgo(60), DeliveryMode: DeliveryCaesarean,
		Notes: "Second caesarean. Belly still 'cones' when she sits up from lying."}
	gosiaRecs := gosiaHistory(weeksAgo)
	return []SampleClient{
		{Client: Client{Name: "Zoë Ólafsdóttir-Łukasiewicz", PreferredName: "Zoë", BirthDate: yearsAgo(34, 40),
			Phone: "+354 555 0142", Email: "zoe.olafsdottir@example.com", Births: 2, LastDelivery: weeksAgo(14),
			DeliveryMode: DeliveryVaginal, Notes: "Lifts her toddler in and out of the car seat many times a day. Low back worse in the evening."}},
		{Client: Client{Name: "Siobhán Ní Bhriain", PreferredName: "Shiv", BirthDate: yearsAgo(31, 200),
			Phone: "+353 1 555 0199", Email: "siobhan.nb@example.ie", Births: 1, LastDelivery: weeksAgo(4),
			DeliveryMode: DeliveryCaesarean, Notes: "Planned caesarean. Wants to get back to walking the dog."}},
		{Client: amelie, Records: amelieHistory(weeksAgo)},
		{Client: gosia, Records: gosiaRecs, Plan: &SamplePlan{Weeks: 8, Start: NextMonday(gosiaRecs[len(gosiaRecs)-1].Date),
			FlareSession: 4, FlarePain: 7, FlareNote: "Carried the car seat and shopping all weekend; low back flared during the bridges."}},
		{Client: nneka, Records: nnekaHistory(weeksAgo)},
		{Client: Client{Name: "Ingrid Søndergaard", BirthDate: yearsAgo(41, 120), Phone: "+45 55 50 12 34",
			Births: 1, LastDelivery: weeksAgo(20), DeliveryMode: DeliveryVaginal,
			Notes: "Runner before pregnancy; keen to return to running."}},
	}
}

func sip(v int) *int         { return &v }
func sfp(v float64) *float64 { return &v }
func sbp(v bool) *bool       { return &v }
func noFlags() *RedFlags {
	return &RedFlags{SaddleAnaesthesia: TriNo, BladderBowelChange: TriNo, ProgressiveNeuro: TriNo, FeverUnwell: TriNo,
		UnexplainedWeightLoss: TriNo, CancerHistory: TriNo, SignificantTrauma: TriNo, NightPain: TriNo,
		SteroidsOrOsteoporosis: TriNo, AgeOnset: TriNo}
}

// gosiaHistory: desk-bound, weak right glute med, a lumbar-flexion hinge
// and a small diastasis, all improving over five months.
func gosiaHistory(weeksAgo func(int) Date) []*Record {
	type step struct {
		ago, pain, worst, sitting, walk, sling int
		medR                                   Grade
		bridgeL, bridgeR, slR, hinge           int
		faults                                 []string
		above, at                              float64
		doming                                 string
		tiltL, tiltR                           float64
	}
	steps := []step{
		{20, 6, 7, 3, 5, 4, "3", 14, 8, 2, 1, []string{HingeLumbarFlexion, HingeKneesForward}, 2.5, 2, DomingMild, 17, 15},
		{12, 4, 6, 5, 7, 6, "3+", 16, 12, 1, 2, []string{HingeKneesForward}, 2, 1.5, DomingMild, 16, 15},
		{4, 2, 4, 7, 8, 8, "4-", 18, 17, 1, 3, nil, 1.5, 1, DomingNone, 14, 14},
	}
	var out []*Record
	for i, s := range steps {
		kind := KindReassessment
		if i == 0 {
			kind = KindIntake
		}
		out = append(out, &Record{Format: FormatAssessment, Date: weeksAgo(s.ago), Kind: kind, Coach: "Sam Rivera",
			Context: &Context{WeeksPostpartum: sip(26 - s.ago), Breastfeeding: sbp(i < 2), SittingHours: sfp(8), ChildLifting: LiftingDaily,
				CurrentActivity: "Walks the pram most days.", Goals: "Sit through a workday and carry the baby without back pain.",
				Activities: []Activity{{Name: "Sitting through a workday", Rating: s.sitting}, {Name: "Walking 30 minutes", Rating: s.walk},
					{Name: "Carrying the baby in the sling", Rating: s.sling}}},
			RedFlags:    noFlags(),
			PelvicFloor: &PelvicFloor{},
			Pain:        &Pain{Now: sip(s.pain), WorstWeek: sip(s.worst), Sites: []string{SiteLowBack, SiteHip}, Aggravators: "Sitting more than an hour; lifting the car seat."},
			PelvicTilt:  &PelvicTilt{Visual: TiltAnterior, LeftDeg: sfp(s.tiltL), RightDeg: sfp(s.tiltR), Method: MethodInclinometer},
			Thomas: &Thomas{Left: &ThomasSide{HipAngleDeg: sfp(5 - 2*float64(i)), KneeAngleDeg: sfp(62 + 3*float64(i))},
				Right: &ThomasSide{HipAngleDeg: sfp(8 - 3*float64(i)), KneeAngleDeg: sfp(58 + 5*float64(i))}},
			Glutes: &Glutes{
				Left:  &GluteSide{MaxGrade: "4", MedGrade: "4", SingleLegBridgeReps: sip(s.bridgeL), Trendelenburg: TrendelenburgNegative, SideLyingAbdScore: sip(0)},
				Right: &GluteSide{MaxGrade: "4-", MedGrade: s.medR, SingleLegBridgeReps: sip(s.bridgeR), Trendelenburg: []string{TrendelenburgPositive, TrendelenburgPositive, TrendelenburgNegative}[i], SideLyingAbdScore: sip(s.slR)}},
			Hinge: &Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: len(s.faults) < 2, Faults: s.faults, Score: sip(s.hinge)},
			Diastasis: &Diastasis{Above: &DiastasisSite{WidthFingers: sfp(s.above), Tension: TensionModerate},
				At:    &DiastasisSite{WidthFingers: sfp(s.at), Tension: []string{TensionSoft, TensionModerate, TensionFirm}[i]},
				Below: &DiastasisSite{WidthFingers: sfp(1), Tension: TensionFirm}, Doming: s.doming},
			Posture: &Posture{ForwardHead: SeverityMild, RoundedShoulders: []string{SeverityModerate, SeverityMild, SeverityMild}[i]},
		})
	}
	return out
}

// amelieHistory: pelvic-floor symptoms that resolve with physio, a gap
// measured in millimetres with calipers.
func amelieHistory(weeksAgo func(int) Date) []*Record {
	type step struct {
		ago, pain, worst, above, at, lift int
		leak                              bool
		maxL, maxR                        Grade
	}
	steps := []step{{24, 5, 6, 28, 31, 3, true, "4-", "4-"}, {14, 3, 5, 24, 26, 5, true, "4", "4-"}, {5, 2, 3, 19, 21, 7, false, "4", "4"}}
	var out []*Record
	for i, s := range steps {
		kind := KindReassessment
		if i == 0 {
			kind = KindIntake
		}
		out = append(out, &Record{Format: FormatAssessment, Date: weeksAgo(s.ago), Kind: kind, Coach: "Sam Rivera",
			Context: &Context{WeeksPostpartum: sip(40 - s.ago), Breastfeeding: sbp(false), ChildLifting: LiftingManyDaily,
				Goals:      "Lift the little one and play football with the older two.",
				Activities: []Activity{{Name: "Lifting the baby from the floor", Rating: s.lift}, {Name: "Playing football with the kids", Rating: s.lift - 2}}},
			RedFlags:    noFlags(),
			PelvicFloor: &PelvicFloor{Leakage: s.leak},
			Pain:        &Pain{Now: sip(s.pain), WorstWeek: sip(s.worst), Sites: []string{SiteLowBack, SiteSacroiliac}},
			Glutes:      &Glutes{Left: &GluteSide{MaxGrade: s.maxL, MedGrade: "4"}, Right: &GluteSide{MaxGrade: s.maxR, MedGrade: "4"}},
			Hinge:       &Hinge{HeadContact: true, ThoracicContact: true, SacrumContact: true, Score: sip(min(3, 2+i/2))},
			Diastasis: &Diastasis{Above: &DiastasisSite{WidthMM: sip(s.above), Tension: TensionModerate},
				At: &DiastasisSite{WidthMM: sip(s.at), Tension: TensionSoft}, Doming: []string{DomingMarked, DomingMild, DomingMild}[i]},
		})
	}
	return out
}

// nnekaHistory: two caesareans, doming that eases, hip flexors that
// lengthen; last seen six weeks ago, so she is due.
func nnekaHistory(weeksAgo func(int) Date) []*Record {
	var out []*Record
	for i, ago := range []int{32, 19, 6} {
		kind := KindReassessment
		if i == 0 {
			kind = KindIntake
		}
		out = append(out, &Record{Format: FormatAssessment, Date: weeksAgo(ago), Kind: kind, Coach: "Sam Rivera",
			Context: &Context{WeeksPostpartum: sip(60 - ago), Breastfeeding: sbp(i == 0), SittingHours: sfp(5),
				Activities: []Activity{{Name: "Sitting up from lying", Rating: 3 + 2*i}}},
			RedFlags:    noFlags(),
			PelvicFloor: &PelvicFloor{},
			Pain:        &Pain{Now: sip(4 - i), WorstWeek: sip(6 - i)},
			PelvicTilt:  &PelvicTilt{Visual: TiltAnterior},
			Thomas:      &Thomas{Left: &ThomasSide{HipAngleDeg: sfp(10 - 4*float64(i))}, Right: &ThomasSide{HipAngleDeg: sfp(9 - 4*float64(i))}},
			Glutes:      &Glutes{Left: &GluteSide{MaxGrade: Grades[5+i], MedGrade: "4"}, Right: &GluteSide{MaxGrade: Grades[5+i], MedGrade: "4"}},
			Diastasis: &Diastasis{At: &DiastasisSite{WidthFingers: sfp(3 - 0.5*float64(i)), Tension: TensionSoft},
				Doming: []string{DomingMarked, DomingMild, DomingNone}[i]},
		})
	}
	return out
}
