package report_test

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
)

// The fixture is a hand-built client, assessment, library and programme, so
// the handout can be tested without the generator. It is deliberately
// awkward: a name with letters outside Latin-1, a custom exercise with long
// cues, a prescription whose exercise is missing from the library, and
// side-specific extra sets.

const fixtureName = "Zoë Ólafsdóttir-Łukasiewicz"

var fixtureDay = assessment.NewDate(2026, time.March, 2) // a Monday

func ip(v int) *int         { return &v }
func fp(v float64) *float64 { return &v }
func bp(v bool) *bool       { return &v }
func fixtureClient() *assessment.Client {
	return &assessment.Client{ID: 7, Name: fixtureName, PreferredName: "Zoë", Births: 2,
		LastDelivery: fixtureDay.AddDays(-7 * 20), DeliveryMode: assessment.DeliveryVaginal}
}

// fixtureRecord is a full assessment on fixtureDay.
func fixtureRecord() *assessment.Record {
	return &assessment.Record{
		Format: assessment.FormatAssessment, Date: fixtureDay, Kind: assessment.KindReassessment, Coach: "Sam Rivera",
		Client: &assessment.ClientSnapshot{Name: fixtureName, Births: 2, LastDelivery: fixtureDay.AddDays(-7 * 20), DeliveryMode: assessment.DeliveryVaginal},
		Context: &assessment.Context{WeeksPostpartum: ip(20), Breastfeeding: bp(true), SittingHours: fp(6),
			ChildLifting: assessment.LiftingManyDaily, Goals: "Lift my toddler without pain and get back to hiking with the kids.",
			Activities: []assessment.Activity{{Name: "Lifting the toddler from the floor", Rating: 5}, {Name: "Carrying shopping upstairs", Rating: 6}}},
		RedFlags:    &assessment.RedFlags{SaddleAnaesthesia: assessment.TriNo, BladderBowelChange: assessment.TriNo},
		PelvicFloor: &assessment.PelvicFloor{Urgency: true},
		Pain:        &assessment.Pain{Now: ip(4), WorstWeek: ip(6), Sites: []string{assessment.SiteLowBack}},
		PelvicTilt:  &assessment.PelvicTilt{Visual: assessment.TiltAnterior, Method: assessment.MethodVisual},
		Thomas: &assessment.Thomas{Left: &assessment.ThomasSide{HipAngleDeg: fp(4), KneeAngleDeg: fp(70)},
			Right: &assessment.ThomasSide{HipAngleDeg: fp(-5), KneeAngleDeg: fp(75)}},
		Glutes: &assessment.Glutes{
			Left:  &assessment.GluteSide{MaxGrade: "4", MedGrade: "4", SingleLegBridgeReps: ip(21), Trendelenburg: assessment.TrendelenburgNegative},
			Right: &assessment.GluteSide{MaxGrade: "4-", MedGrade: "3+", SingleLegBridgeReps: ip(14), Trendelenburg: assessment.TrendelenburgPositive}},
		Hinge: &assessment.Hinge{SacrumContact: true, ThoracicContact: true, HeadContact: true, Faults: []string{assessment.HingeSquatting}, Score: ip(2)},
		Diastasis: &assessment.Diastasis{
			Above:  &assessment.DiastasisSite{WidthFingers: fp(2), Tension: assessment.TensionModerate},
			At:     &assessment.DiastasisSite{WidthFingers: fp(2.5), Tension: assessment.TensionSoft},
			Below:  &assessment.DiastasisSite{WidthFingers: fp(1), Tension: assessment.TensionFirm},
			Doming: assessment.DomingMild},
		Posture: &assessment.Posture{ForwardHead: assessment.SeverityMild, RoundedShoulders: assessment.SeverityModerate},
	}
}

// fixtureBaseline is the intake six weeks earlier.
func fixtureBaseline() *assessment.Record {
	r := fixtureRecord()
	r.Date = fixtureDay.AddDays(-42)
	r.Kind = assessment.KindIntake
	r.Pain = &assessment.Pain{Now: ip(7), WorstWeek: ip(8)}
	r.Glutes.Right.MedGrade = "3-"
	r.Glutes.Right.MaxGrade = "3+"
	r.Glutes.Right.SingleLegBridgeReps = ip(8)
	r.Diastasis.Above.WidthFingers = fp(3)
	r.Diastasis.At.WidthFingers = fp(3)
	r.Hinge.Score = ip(1)
	r.Context.Activities[0].Rating = 2
	return r
}

// customCue is a long cue a coach might type into her own exercise.
const customCue = "Sit tall on the front edge of a sturdy chair with your feet hip-width apart, breathe in to let your ribs widen, " +
	"then breathe out slowly through pursed lips while you gently draw your pelvic floor up and your lower belly in, " +
	"as if zipping up a tight pair of jeans from the pubic bone to the belly button; keep the shoulders soft."

func dose(sets, reps, hold int, perSide bool) assessment.Dose {
	return assessment.Dose{Sets: sets, Reps: reps, HoldSeconds: hold, PerSide: perSide, RestSeconds: 45}
}

func allPhases(d assessment.Dose) map[string]assessment.Dose {
	return map[string]assessment.Dose{assessment.PhaseActivation: d, assessment.PhaseStrength: d, assessment.PhaseIntegration: d}
}

// fixtureLibrary holds every exercise the fixture programme names except
// "ghost_move", which a card must still be made for.
func fixtureLibrary() *assessment.Library {
	ex := func(id, name, family string, d assessment.Dose, cues ...string) *assessment.Exercise {
		return &assessment.Exercise{ID: id, Name: name, Family: family, Cues: cues, Dosage: allPhases(d)}
	}
	return &assessment.Library{Exercises: []*assessment.Exercise{
		ex("breath_360", "360° breathing with pelvic-floor lift", assessment.FamilyBreathing, dose(2, 6, 0, false),
			"Lie on your back, knees bent, one hand on your ribs.", "Breathe in wide into your ribs and back.", "Breathe out and lift the pelvic floor gently."),
		ex("heel_slide", "Heel slide", assessment.FamilyCore, dose(2, 8, 0, true),
			"Breathe out before the heel moves.", "Keep your back still as the leg slides.", "Slide only as far as you can without the belly doming."),
		ex("glute_bridge", "Glute bridge", assessment.FamilyGlutes, dose(3, 10, 0, false),
			"Feet flat, hip-width apart.", "Breathe out and squeeze your buttocks to lift.", "Stop when your body is a straight line from knees to shoulders.", "Lower slowly."),
		ex("side_lying_abduction", "Side-lying hip abduction", assessment.FamilyGlutes, dose(2, 12, 0, true),
			"Lie on your side, bottom knee bent.", "Lift the top leg slightly back, toes forward.", "Do not let the hip roll back or hitch up."),
		ex("dead_bug_bent", "Dead bug with bent knees", assessment.FamilyCore, dose(3, 6, 0, true),
			"Knees over hips, arms to the ceiling.", "Breathe out as one heel lowers to tap the floor.", "Keep your lower back heavy on the floor."),
		ex("half_kneeling_hf", "Half-kneeling hip-flexor stretch", assessment.FamilyHipMobility, dose(3, 0, 30, true),
			"Tuck your tail under first.", "Shift forward only until you feel the front of the hip.", "Breathe slowly."),
		ex("dowel_hinge", "Dowel hip hinge", assessment.FamilyHinge, dose(3, 8, 0, false),
			"Dowel touching head, upper back and tailbone.", "Push your hips back, knees soft.", "Stand up by squeezing your buttocks."),
		ex("band_row", "Band row", assessment.FamilyUpperBack, dose(3, 12, 0, false),
			"Stand tall, ribs down.", "Pull your elbows back towards your pockets.", "Pause and let the band pull you back slowly."),
		ex("bird_dog", "Bird dog", assessment.FamilyCore, dose(3, 6, 5, true),
			"Hands under shoulders, knees under hips.", "Reach an arm and the opposite leg long.", "Keep a glass of water balanced on your back."),
		{ID: "coach_chair_breath", Name: "Chair breathing with long exhale — Zoë's version", Family: assessment.FamilyBreathing, Custom: true,
			Cues: []string{customCue, customCue + " " + customCue, "Repeat."}, Dosage: allPhases(dose(1, 8, 0, false))},
	}}
}

// rx makes one prescription.
func rx(id, name string, sets, reps, hold int, side, reason string) assessment.Prescription {
	return assessment.Prescription{ExerciseID: id, Name: name, Sets: sets, Reps: reps, HoldSeconds: hold, Side: side, Reason: reason}
}

// fixtureProgramme is a plan of n weeks in three phases: three sessions a
// week (Mon, Wed, Fri) and a walk on Saturday.
func fixtureProgramme(n int) *assessment.Programme {
	start := fixtureDay
	p := &assessment.Programme{Format: assessment.FormatProgramme,
		Options: assessment.ProgrammeOptions{Weeks: n, Start: start},
		Focus: []assessment.Focus{
			{Title: "Calm, strong middle", Reason: "Your tummy muscles have a gap that is still closing; we train them to work together with your breathing."},
			{Title: "Stronger right hip", Reason: "Your right side hip muscles tested weaker and your pelvis dropped on that side."},
			{Title: "Bending and lifting", Reason: "You lift your toddler many times a day, so we practise bending from the hips."},
		},
		Referrals: []assessment.Referral{{Code: assessment.FindPelvicFloor, Reason: "Urgency reported", To: assessment.ReferToPelvicPhys}},
	}
	third := max(n/3, 1)
	bounds := [][2]int{{1, third}, {third + 1, 2 * third}, {2*third + 1, n}}
	for i, name := range assessment.PhaseNames {
		p.Phases = append(p.Phases, assessment.Phase{Name: name, FirstWeek: bounds[i][0], LastWeek: bounds[i][1],
			Aim: fmt.Sprintf("Aim of phase %d: control first, then strength, then real life.", i+1)})
	}
	p.Phases[0].Title = "Build control"
	p.Phases[1].Title = "Build strength"
	p.Phases[2].Title = "Put it to work"
	why := "Chosen because it trains your deep tummy muscles to work with your breath."
	for w := 1; w <= n; w++ {
		phase := assessment.PhaseIntegration
		if w <= bounds[0][1] {
			phase = assessment.PhaseActivation
		} else if w <= bounds[1][1] {
			phase = assessment.PhaseStrength
		}
		extra := w / 4
		a := []assessment.Prescription{
			rx("breath_360", "360° breathing", 2, 6, 0, assessment.SideBoth, why),
			rx("heel_slide", "Heel slide", 2, 8+extra, 0, assessment.SideBoth, "Teaches your belly to stay flat while your legs move."),
			rx("glute_bridge", "Glute bridge", 3, 10+extra, 0, assessment.SideBoth, "Builds your buttock muscles, which share the work of lifting with your back."),
			rx("side_lying_abduction", "Side-lying hip abduction", 2, 12, 0, assessment.SideBoth, "Strengthens the side of your hip that keeps your pelvis level."),
			rx("side_lying_abduction", "Side-lying hip abduction", 1, 12, 0, assessment.SideRight, "Extra set for your weaker right side."),
			rx("coach_chair_breath", "Chair breathing", 1, 8, 0, assessment.SideBoth, "Your coach added this to practise breathing out on effort."),
		}
		b := []assessment.Prescription{
			rx("dead_bug_bent", "Dead bug with bent knees", 3, 6, 0, assessment.SideBoth, "Trains your middle to stay steady while arms and legs move."),
			rx("half_kneeling_hf", "Half-kneeling hip-flexor stretch", 3, 0, 30, assessment.SideLeft, "Your left hip flexors are short."),
			rx("dowel_hinge", "Dowel hip hinge", 3, 8, 0, assessment.SideBoth, "Practises bending from the hips so lifting your toddler is easier on your back."),
			rx("band_row", "Band row", 3, 12, 0, assessment.SideBoth, "Opens your chest and strengthens your upper back after months of feeding and carrying."),
			rx("ghost_move", "Suitcase carry", 3, 0, 20, assessment.SideBoth, "Practises carrying a load on one side, like a car seat."),
		}
		if phase != assessment.PhaseActivation {
			b = append(b, rx("bird_dog", "Bird dog", 3, 6, 5, assessment.SideBoth, "Builds control of your back and hips together."))
		}
		p.Weeks = append(p.Weeks, assessment.Week{Week: w, Phase: phase, Start: start.AddDays(7 * (w - 1)), Days: []assessment.Day{
			{Day: "mon", Session: "Core & glutes A", Minutes: 25, Exercises: a},
			{Day: "tue"},
			{Day: "wed", Session: "Hinge & posture B", Minutes: 30, Exercises: b},
			{Day: "thu"},
			{Day: "fri", Session: "Core & glutes A", Minutes: 25, Exercises: a},
			{Day: "sat", Session: "Walk", Minutes: 30},
			{Day: "sun"},
		}})
	}
	return p
}

// fixtureNames lists every exercise name the fixture programme's cards must
// show: the library's names, and the prescription's name for the exercise
// missing from the library.
func fixtureNames() []string {
	return []string{"360° breathing with pelvic-floor lift", "Heel slide", "Bridge: lift your hips, squeezing your buttocks", "Leg lift to the side, lying on your side",
		"Chair breathing with long exhale — Zoë's version", "Dead bug with bent knees", "Half-kneeling hip-flexor stretch",
		"Bend from the hips with a stick along your back", "Band row", "Suitcase carry", "Opposite arm and leg reach on hands and knees (bird dog)"}
}

// fixtureLogo is a 900×300 PNG with transparency, bigger than the handout
// keeps, so the shrinking path runs.
func fixtureLogo(tb testing.TB) []byte { return makeLogo(tb, 0) }

// fixtureLogoVariant is the same logo one pixel different: another cache
// key.
func fixtureLogoVariant(tb testing.TB) []byte { return makeLogo(tb, 1) }

func makeLogo(tb testing.TB, variant uint8) []byte {
	tb.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 900, 300))
	for y := 0; y < 300; y++ {
		for x := 0; x < 900; x++ {
			switch {
			case (x-150)*(x-150)+(y-150)*(y-150) < 120*120:
				img.SetNRGBA(x, y, color.NRGBA{R: 47, G: 111, B: 107, A: 255})
			case x > 320 && x < 860 && y > 110 && y < 190:
				img.SetNRGBA(x, y, color.NRGBA{R: 40, G: 40, B: 40, A: 255})
			default:
				img.SetNRGBA(x, y, color.NRGBA{}) // transparent
			}
		}
	}
	if variant != 0 {
		img.SetNRGBA(0, 0, color.NRGBA{R: variant, A: 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func fixtureSettings(tb testing.TB) report.Settings {
	return report.Settings{CoachName: "Sam Rivera", Business: "Strong Mothers Coaching", Contact: "sam@strongmothers.example · +44 20 7946 0958",
		Logo: fixtureLogo(tb), Accent: "#2F6F6B", Paper: report.PaperA4, DiastasisUnit: report.UnitFingers}
}

// fixtureInput is the full handout input: a 12-week plan with a baseline.
func fixtureInput(tb testing.TB, weeks int) report.Input {
	return report.Input{Client: fixtureClient(), Record: fixtureRecord(), Programme: fixtureProgramme(weeks),
		Library: fixtureLibrary(), Baseline: fixtureBaseline(), Settings: fixtureSettings(tb), Date: fixtureDay}
}

// fixtureInterpretation is a fixed interpretation for the golden file, so
// the pinned bytes change only when the handout code, fonts or gofpdf do,
// not when the findings' wording is edited.
func fixtureInterpretation() *assessment.Interpretation {
	return &assessment.Interpretation{
		Findings: []assessment.Finding{
			{Code: assessment.FindPelvicFloor, Severity: assessment.SeverityRefer, Client: "You sometimes need to rush to the toilet. A pelvic-health physiotherapist is the right person to check this."},
			{Code: assessment.FindDiastasis, Severity: assessment.SeverityModerateFinding, Client: "There is a gap between your tummy muscles, which is common after pregnancy and can improve with the right work."},
			{Code: assessment.FindDoming, Severity: assessment.SeverityModerateFinding, Client: "Your tummy rises into a ridge when you curl up, so we pick exercises where it stays flat."},
			{Code: assessment.FindGluteMedWeak, Severity: assessment.SeverityModerateFinding, Side: assessment.SideRight, Client: "The muscle on the side of your right hip is weaker than the left."},
			{Code: assessment.FindGeneral, Severity: assessment.SeverityInfo, Client: "Everyone gets the foundations: breathing, posture and steady strength."},
		},
		ReferralRequired: true,
		Referrals:        []assessment.Referral{{Code: assessment.FindPelvicFloor, Reason: "Urgency", To: assessment.ReferToPelvicPhys}},
	}
}

// fixtureBlocked is a red-flag record and its blocked programme.
func fixtureBlocked(tb testing.TB) report.Input {
	r := fixtureRecord()
	r.RedFlags.NightPain = assessment.TriYes
	r.RedFlags.BladderBowelChange = assessment.TriUnsure
	p := &assessment.Programme{Format: assessment.FormatProgramme, Blocked: true,
		Referrals: []assessment.Referral{{Code: assessment.FindRedFlag, Reason: "Spinal red flag: night pain", To: assessment.ReferToGP}}}
	return report.Input{Client: fixtureClient(), Record: r, Programme: p, Settings: fixtureSettings(tb), Date: fixtureDay}
}

// collapse joins all whitespace runs into single spaces, so text that
// pdftotext split over lines can be searched.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
