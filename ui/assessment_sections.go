package ui

// The assessment form's sections, one builder each, in form order. Each
// binds its widgets to the record through the section's binder; none holds
// a rule of its own.

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// sectionBox is one titled section of the form, with its "tested" box and
// the note that shows while the section is carried over from an earlier
// assessment.
func (s *assessmentScreen) sectionBox(title string, sec *formSection, body ...fyne.CanvasObject) fyne.CanvasObject {
	head := []fyne.CanvasObject{newHeading(title)}
	var right fyne.CanvasObject
	items := []fyne.CanvasObject{widget.NewSeparator()}
	if sec != nil {
		right = sec.tested
		body = append(body, sec.err)
	}
	items = append(items, container.NewBorder(nil, nil, head[0], right))
	if sec != nil {
		key := sec.key
		strip := newCarriedStrip(func() { s.onConfirm(key) })
		s.banners[key] = strip
		items = append(items, strip.root)
	}
	box := container.NewVBox(append(items, container.NewVBox(body...))...)
	key := ""
	if sec != nil {
		key = sec.key
	}
	s.addNav(key, box)
	return box
}

// sideBySide lays out rows of caption | left | right.
func sideBySide(rows ...[3]fyne.CanvasObject) fyne.CanvasObject {
	// One grid per row, so each row is only as tall as its own fields.
	out := container.NewVBox(container.NewGridWithColumns(3, widget.NewLabel(""), boldLabel(lang.L("Left")), boldLabel(lang.L("Right"))))
	for _, r := range rows {
		out.Add(container.NewGridWithColumns(3, r[0], r[1], r[2]))
	}
	return out
}

func boldLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.TextStyle.Bold = true
	return l
}

func caption(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func vbox(o ...fyne.CanvasObject) fyne.CanvasObject { return container.NewVBox(o...) }

func (s *assessmentScreen) contextSection() fyne.CanvasObject {
	sec := s.b.section("context", lang.L("Recorded"),
		func(r *assessment.Record) { r.Context = &assessment.Context{} },
		func(r *assessment.Record) { r.Context = nil },
		func(r *assessment.Record) bool { return r.Context != nil })
	ctxOf := func(r *assessment.Record) *assessment.Context {
		if r.Context == nil {
			return &assessment.Context{}
		}
		return r.Context
	}
	weeks, weeksErr := sec.intField("context.weeks_postpartum", "0–520", func(r *assessment.Record) **int { return &ctxOf(r).WeeksPostpartum })
	sitting, sitErr := sec.floatField("context.sitting_hours", "0–24", func(r *assessment.Record) **float64 { return &ctxOf(r).SittingHours })
	lifting, liftErr := sec.selectField("context.child_lifting", liftingChoices, func(r *assessment.Record) *string { return &ctxOf(r).ChildLifting })
	feeding := yesNoField(sec, "context.breastfeeding", func(r *assessment.Record) **bool { return &ctxOf(r).Breastfeeding })
	pregnant := yesNoField(sec, "context.pregnant", func(r *assessment.Record) **bool { return &ctxOf(r).Pregnant })
	s.births, s.birthsErr = numberEntry(lang.L("not recorded")), newFieldError()
	s.births.OnChanged = func(string) {
		if !s.b.loading {
			s.changed()
		}
	}
	activity, actErr := sec.textField("context.current_activity", lang.L("e.g. walks 30 min most days"), false, func(r *assessment.Record) *string { return &ctxOf(r).CurrentActivity })
	goals, goalsErr := sec.textField("context.goals", lang.L("What she wants from coaching"), true, func(r *assessment.Record) *string { return &ctxOf(r).Goals })

	actRows := activityRows(sec)
	grid := container.NewGridWithColumns(2,
		labelled(lang.L("Weeks postpartum"), withUnit(weeks, lang.L("weeks")), weeksErr),
		labelled(lang.L("Breastfeeding"), feeding, newFieldError()),
		labelled(lang.L("Sitting a day"), withUnit(sitting, lang.L("hours")), sitErr),
		labelled(lang.L("Lifts or carries a child"), lifting, liftErr),
		labelled(lang.L("Pregnant now"), pregnant, newFieldError()),
		labelled(lang.L("Births (leave blank if not known: treated as the strictest case)"), s.births, s.birthsErr))
	return s.sectionBox(lang.L("Context"), sec, grid,
		labelled(lang.L("Current activity"), activity, actErr),
		labelled(lang.L("Goals"), goals, goalsErr),
		caption(lang.L("Activities that matter to her, and how well she can do them now (0 = not at all, 10 = as before)")),
		vbox(actRows...))
}

// yesNoField is a yes / no answer; "—" means not asked (nil).
func yesNoField(sec *formSection, path string, get func(*assessment.Record) **bool) *widget.Select {
	sel := widget.NewSelect([]string{notRecorded, lang.L("Yes"), lang.L("No")}, func(string) { sec.touched() })
	sel.PlaceHolder = notRecorded
	sec.b.widgets[path] = sel
	sec.loads = append(sec.loads, func(r *assessment.Record, set bool) {
		sel.SetSelected(notRecorded)
		if set && *get(r) != nil {
			if **get(r) {
				sel.SetSelected(lang.L("Yes"))
			} else {
				sel.SetSelected(lang.L("No"))
			}
		}
	})
	sec.saves = append(sec.saves, func(r *assessment.Record, _ *assessment.ValidationErrors) {
		var v *bool
		switch sel.Selected {
		case lang.L("Yes"):
			t := true
			v = &t
		case lang.L("No"):
			f := false
			v = &f
		}
		*get(r) = v
	})
	return sel
}

// activityRows are up to three activities that matter to her, each rated
// 0–10.
func activityRows(sec *formSection) []fyne.CanvasObject {
	var actRows []fyne.CanvasObject
	names := make([]*widget.Entry, assessment.MaxActivities)
	ratings := make([]*widget.Select, assessment.MaxActivities)
	ratingOpts := []string{notRecorded}
	for i := 0; i <= 10; i++ {
		ratingOpts = append(ratingOpts, strconv.Itoa(i))
	}
	for i := range names {
		names[i] = widget.NewEntry()
		names[i].SetPlaceHolder(fmt.Sprintf(lang.L("Activity %d, e.g. lift my son from his cot"), i+1))
		names[i].OnChanged = func(string) { sec.touched() }
		ratings[i] = widget.NewSelect(ratingOpts, func(string) { sec.touched() })
		ratings[i].PlaceHolder = "0–10"
		sec.b.widgets[fmt.Sprintf("context.activities[%d].name", i)] = names[i]
		sec.b.widgets[fmt.Sprintf("context.activities[%d].rating", i)] = ratings[i]
		e := sec.errLabel(fmt.Sprintf("context.activities[%d].rating", i))
		ne := sec.errLabel(fmt.Sprintf("context.activities[%d].name", i))
		actRows = append(actRows, container.NewBorder(nil, vbox(ne, e), nil, container.NewGridWrap(fyne.NewSize(110, 36), ratings[i]), names[i]))
	}
	sec.loads = append(sec.loads, func(r *assessment.Record, set bool) {
		for i := range names {
			names[i].SetText("")
			ratings[i].SetSelected(notRecorded)
			if set && i < len(r.Context.Activities) {
				names[i].SetText(r.Context.Activities[i].Name)
				ratings[i].SetSelected(strconv.Itoa(r.Context.Activities[i].Rating))
			}
		}
	})
	sec.saves = append(sec.saves, func(r *assessment.Record, v *assessment.ValidationErrors) {
		r.Context.Activities = nil
		for i := range names {
			name := strings.TrimSpace(names[i].Text)
			if name == "" {
				continue
			}
			n, err := strconv.Atoi(ratings[i].Selected)
			if err != nil {
				v.Add(fmt.Sprintf("context.activities[%d].rating", i), "Rate how well she can do it now, from 0 (not at all) to 10 (as before).")
			}
			r.Context.Activities = append(r.Context.Activities, assessment.Activity{Name: name, Rating: n})
		}
	})
	return actRows
}

func (s *assessmentScreen) safetySection() fyne.CanvasObject {
	sec := s.b.section("red_flags", lang.L("Screened"),
		func(r *assessment.Record) { r.RedFlags = &assessment.RedFlags{} },
		func(r *assessment.Record) { r.RedFlags = nil },
		func(r *assessment.Record) bool { return r.RedFlags != nil })
	rf := func(r *assessment.Record) *assessment.RedFlags {
		if r.RedFlags == nil {
			return &assessment.RedFlags{}
		}
		return r.RedFlags
	}
	type q struct {
		key, label string
		get        func(*assessment.RedFlags) *assessment.Tri
	}
	qs := []q{
		{"saddle_anaesthesia", "Numbness in the saddle area (inner thighs, genitals, back passage)", func(f *assessment.RedFlags) *assessment.Tri { return &f.SaddleAnaesthesia }},
		{"bladder_bowel_change", "New trouble passing or holding urine or stool", func(f *assessment.RedFlags) *assessment.Tri { return &f.BladderBowelChange }},
		{"progressive_neuro", "Worsening leg weakness or numbness, or pain down both legs", func(f *assessment.RedFlags) *assessment.Tri { return &f.ProgressiveNeuro }},
		{"fever_unwell", "Fever, chills or feeling generally unwell", func(f *assessment.RedFlags) *assessment.Tri { return &f.FeverUnwell }},
		{"unexplained_weight_loss", "Weight loss she cannot explain", func(f *assessment.RedFlags) *assessment.Tri { return &f.UnexplainedWeightLoss }},
		{"cancer_history", "Any history of cancer", func(f *assessment.RedFlags) *assessment.Tri { return &f.CancerHistory }},
		{"significant_trauma", "A fall or accident before the pain began", func(f *assessment.RedFlags) *assessment.Tri { return &f.SignificantTrauma }},
		{"night_pain", "Constant pain at night that rest does not ease", func(f *assessment.RedFlags) *assessment.Tri { return &f.NightPain }},
		{"steroids_or_osteoporosis", "Long-term steroid use or osteoporosis", func(f *assessment.RedFlags) *assessment.Tri { return &f.SteroidsOrOsteoporosis }},
		{"age_onset", "Back pain that started before 20 or after 50", func(f *assessment.RedFlags) *assessment.Tri { return &f.AgeOnset }},
	}
	var rows []fyne.CanvasObject
	s.redFlags = nil
	for _, x := range qs {
		get := x.get
		rg := sec.triField("red_flags."+x.key, func(r *assessment.Record) *assessment.Tri { return get(rf(r)) })
		s.redFlags = append(s.redFlags, rg)
		rows = append(rows, caption(lang.L(x.label)), rg)
	}
	// One action for the usual answer: every question not answered yet
	// becomes No. Answers already given stay as they are, and each one
	// stays visible and changeable.
	none := keepFocus(newButton(lang.L("None of these"), theme.ConfirmIcon(), func() {
		for _, rg := range s.redFlags {
			if rg.Selected == "" {
				rg.SetSelected(lang.L("No"))
			}
		}
	}))
	// The count wraps rather than widen the form, and keeps its height when
	// it gets shorter, so answering never moves the questions below.
	s.redFlagsLeft = newWrapLabel("")
	return s.sectionBox(lang.L("Safety screen: red flags"), sec,
		caption(lang.L("Any yes or unsure means: refer before exercise. Unsure counts as yes.")),
		container.New(&keepHeight{}, container.NewBorder(nil, nil, none, nil, s.redFlagsLeft)),
		container.NewGridWithColumns(2, rows...),
		caption(lang.L("Fill in only when a doctor has cleared her to exercise despite a red flag:")),
		s.clear.row(lang.L("Medical clearance date"), lang.L("Cleared by")),
		caption(lang.L("After a caesarean: fill in when her GP has given the go-ahead for exercise beyond walking and the pelvic floor:")),
		s.goAhead.row(lang.L("GP go-ahead date"), lang.L("Given by")))
}

func (s *assessmentScreen) pelvicFloorSection() fyne.CanvasObject {
	sec := s.b.section("pelvic_floor", lang.L("Asked"),
		func(r *assessment.Record) { r.PelvicFloor = &assessment.PelvicFloor{} },
		func(r *assessment.Record) { r.PelvicFloor = nil },
		func(r *assessment.Record) bool { return r.PelvicFloor != nil })
	pf := func(r *assessment.Record) *assessment.PelvicFloor {
		if r.PelvicFloor == nil {
			return &assessment.PelvicFloor{}
		}
		return r.PelvicFloor
	}
	checks := []fyne.CanvasObject{
		sec.checkField("pelvic_floor.leakage", lang.L("Leaking urine"), func(r *assessment.Record) *bool { return &pf(r).Leakage }),
		sec.checkField("pelvic_floor.urgency", lang.L("Urgency"), func(r *assessment.Record) *bool { return &pf(r).Urgency }),
		sec.checkField("pelvic_floor.heaviness", lang.L("Heaviness or dragging"), func(r *assessment.Record) *bool { return &pf(r).Heaviness }),
		sec.checkField("pelvic_floor.bowel_control", lang.L("Bowel or wind control"), func(r *assessment.Record) *bool { return &pf(r).BowelControl }),
		sec.checkField("pelvic_floor.pain_with_sex", lang.L("Pain with sex"), func(r *assessment.Record) *bool { return &pf(r).PainWithSex }),
		sec.checkField("pelvic_floor.bleeding_after_8_weeks", lang.L("Bleeding after 8 weeks"), func(r *assessment.Record) *bool { return &pf(r).BleedingAfter8Weeks }),
		sec.checkField("pelvic_floor.scar_concern", lang.L("Caesarean scar concern"), func(r *assessment.Record) *bool { return &pf(r).ScarConcern }),
	}
	// "None of these": she was asked and reports no symptom. The boxes stay
	// on screen, so a symptom she mentions later is one tick away.
	none := keepFocus(newButton(lang.L("None of these"), theme.ConfirmIcon(), func() {
		for _, c := range checks {
			c.(*widget.Check).SetChecked(false)
		}
		sec.tested.SetChecked(true)
	}))
	return s.sectionBox(lang.L("Postpartum and pelvic-floor symptoms"), sec,
		caption(lang.L("Tick what she reports. Any symptom means a referral to a pelvic-health physiotherapist and no impact work.")),
		container.NewHBox(none, caption(lang.L("Untick \"Asked\" if the questions were not asked."))),
		container.NewGridWithColumns(2, checks...))
}

func (s *assessmentScreen) painSection() fyne.CanvasObject {
	sec := s.b.section("pain", lang.L("Recorded"),
		func(r *assessment.Record) { r.Pain = &assessment.Pain{} },
		func(r *assessment.Record) { r.Pain = nil },
		func(r *assessment.Record) bool { return r.Pain != nil })
	p := func(r *assessment.Record) *assessment.Pain {
		if r.Pain == nil {
			return &assessment.Pain{}
		}
		return r.Pain
	}
	now, nowErr := sec.intField("pain.now", "0–10", func(r *assessment.Record) **int { return &p(r).Now })
	worst, worstErr := sec.intField("pain.worst_week", "0–10", func(r *assessment.Record) **int { return &p(r).WorstWeek })
	sites := sec.checkGroupField("pain.sites", siteChoices, func(r *assessment.Record) *[]string { return &p(r).Sites })
	sites.Horizontal = true
	aggr, aggrErr := sec.textField("pain.aggravators", lang.L("e.g. lifting the car seat, standing to cook"), false, func(r *assessment.Record) *string { return &p(r).Aggravators })
	sites.Horizontal = false
	left := vbox(
		labelled(lang.L("Pain now"), withUnit(now, "/10"), nowErr),
		labelled(lang.L("Worst in the last week"), withUnit(worst, "/10"), worstErr),
		labelled(lang.L("What makes it worse"), aggr, aggrErr))
	return s.sectionBox(lang.L("Pain (0 = none, 10 = worst imaginable)"), sec,
		container.NewGridWithColumns(2, left, vbox(caption(lang.L("Where")), sites)))
}

func (s *assessmentScreen) tiltSection() fyne.CanvasObject {
	sec := s.b.section("pelvic_tilt", lang.L("Tested"),
		func(r *assessment.Record) { r.PelvicTilt = &assessment.PelvicTilt{} },
		func(r *assessment.Record) { r.PelvicTilt = nil },
		func(r *assessment.Record) bool { return r.PelvicTilt != nil })
	pt := func(r *assessment.Record) *assessment.PelvicTilt {
		if r.PelvicTilt == nil {
			return &assessment.PelvicTilt{}
		}
		return r.PelvicTilt
	}
	visual, visErr := sec.selectField("pelvic_tilt.visual", tiltChoices, func(r *assessment.Record) *string { return &pt(r).Visual })
	method, methErr := sec.selectField("pelvic_tilt.method", methodChoices, func(r *assessment.Record) *string { return &pt(r).Method })
	left, lErr := sec.floatField("pelvic_tilt.left_deg", "−20 to 35", func(r *assessment.Record) **float64 { return &pt(r).LeftDeg })
	right, rErr := sec.floatField("pelvic_tilt.right_deg", "−20 to 35", func(r *assessment.Record) **float64 { return &pt(r).RightDeg })
	return s.sectionBox(lang.L("Pelvic tilt (standing)"), sec,
		container.NewGridWithColumns(2,
			labelled(lang.L("How it looks"), visual, visErr),
			labelled(lang.L("Angle measured with"), method, methErr)),
		sideBySide([3]fyne.CanvasObject{caption(lang.L("Angle (+ anterior), optional")), vbox(withUnit(left, "°"), lErr), vbox(withUnit(right, "°"), rErr)}),
		caption(lang.L("Anterior tilt is common in women without pain: Keel flags it only with a positive Thomas test, or an angle above 18°.")))
}

func (s *assessmentScreen) thomasSection() fyne.CanvasObject {
	sec := s.b.section("thomas", lang.L("Tested"),
		func(r *assessment.Record) {
			r.Thomas = &assessment.Thomas{Left: &assessment.ThomasSide{}, Right: &assessment.ThomasSide{}}
		},
		func(r *assessment.Record) { r.Thomas = nil },
		func(r *assessment.Record) bool { return r.Thomas != nil })
	side := func(r *assessment.Record, left bool) *assessment.ThomasSide {
		if r.Thomas == nil {
			return &assessment.ThomasSide{}
		}
		if left {
			if r.Thomas.Left == nil {
				return &assessment.ThomasSide{}
			}
			return r.Thomas.Left
		}
		if r.Thomas.Right == nil {
			return &assessment.ThomasSide{}
		}
		return r.Thomas.Right
	}
	var hip, knee, drift [2]fyne.CanvasObject
	for i, name := range []string{"left", "right"} {
		isLeft := i == 0
		h, he := sec.floatField("thomas."+name+".hip_angle_deg", "−30 to 40", func(r *assessment.Record) **float64 { return &side(r, isLeft).HipAngleDeg })
		k, ke := sec.floatField("thomas."+name+".knee_angle_deg", "0 to 140", func(r *assessment.Record) **float64 { return &side(r, isLeft).KneeAngleDeg })
		d := sec.checkField("thomas."+name+".abduction_drift", lang.L("Thigh drifts out"), func(r *assessment.Record) *bool { return &side(r, isLeft).AbductionDrift })
		hip[i], knee[i], drift[i] = vbox(withUnit(h, "°"), he), vbox(withUnit(k, "°"), ke), d
	}
	return s.sectionBox(lang.L("Modified Thomas test"), sec,
		sideBySide(
			[3]fyne.CanvasObject{caption(lang.L("Hip angle (+ = thigh above horizontal)")), hip[0], hip[1]},
			[3]fyne.CanvasObject{caption(lang.L("Knee angle")), knee[0], knee[1]},
			[3]fyne.CanvasObject{caption(lang.L("Abduction drift")), drift[0], drift[1]}))
}

func (s *assessmentScreen) glutesSection() fyne.CanvasObject {
	sec := s.b.section("glutes", lang.L("Tested"),
		func(r *assessment.Record) {
			r.Glutes = &assessment.Glutes{Left: &assessment.GluteSide{}, Right: &assessment.GluteSide{}}
		},
		func(r *assessment.Record) { r.Glutes = nil },
		func(r *assessment.Record) bool { return r.Glutes != nil })
	side := func(r *assessment.Record, left bool) *assessment.GluteSide {
		if r.Glutes == nil {
			return &assessment.GluteSide{}
		}
		p := r.Glutes.Right
		if left {
			p = r.Glutes.Left
		}
		if p == nil {
			return &assessment.GluteSide{}
		}
		return p
	}
	var rows [7][2]fyne.CanvasObject
	for i, name := range []string{"left", "right"} {
		isLeft := i == 0
		path := "glutes." + name + "."
		gmax, e1 := sec.gradeField(path+"max_grade", func(r *assessment.Record) *assessment.Grade { return &side(r, isLeft).MaxGrade })
		gmed, e2 := sec.gradeField(path+"med_grade", func(r *assessment.Record) *assessment.Grade { return &side(r, isLeft).MedGrade })
		bridge, e3 := sec.intField(path+"single_leg_bridge_reps", "0–100", func(r *assessment.Record) **int { return &side(r, isLeft).SingleLegBridgeReps })
		trend, e4 := sec.selectField(path+"trendelenburg", trendChoices, func(r *assessment.Record) *string { return &side(r, isLeft).Trendelenburg })
		phe, e5 := sec.selectField(path+"prone_hip_extension", pheChoices, func(r *assessment.Record) *string { return &side(r, isLeft).ProneHipExtension })
		score, se := sec.intSelect(path+"side_lying_abduction_score", 3, func(r *assessment.Record) **int { return &side(r, isLeft).SideLyingAbdScore })
		faults := sec.checkGroupField(path+"side_lying_abduction_faults", slFaultChoices, func(r *assessment.Record) *[]string { return &side(r, isLeft).SideLyingFaults })
		rows[0][i] = vbox(gmax, e1)
		rows[1][i] = vbox(gmed, e2)
		rows[2][i] = vbox(withUnit(bridge, lang.L("reps")), e3)
		rows[3][i] = vbox(trend, e4)
		rows[4][i] = vbox(phe, e5)
		rows[5][i] = vbox(score, se)
		rows[6][i] = faults
	}
	caps := []string{"Glute max grade", "Glute med grade", "Single-leg bridge", "Trendelenburg (30 s stance)", "Prone hip extension", "Side-lying abduction score (0–3)", "Side-lying abduction faults"}
	var rr [][3]fyne.CanvasObject
	for i, c := range caps {
		rr = append(rr, [3]fyne.CanvasObject{caption(lang.L(c)), rows[i][0], rows[i][1]})
	}
	return s.sectionBox(lang.L("Glute activation"), sec, sideBySide(rr...))
}

// intSelect binds a select of 0..max to an optional whole number.
func (sec *formSection) intSelect(path string, max int, get func(*assessment.Record) **int) (*widget.Select, fieldError) {
	opts := []string{notRecorded}
	for i := 0; i <= max; i++ {
		opts = append(opts, strconv.Itoa(i))
	}
	sel := widget.NewSelect(opts, func(string) { sec.touched() })
	sel.PlaceHolder = notRecorded
	fe := sec.errLabel(path)
	sec.b.widgets[path] = sel
	sec.loads = append(sec.loads, func(r *assessment.Record, set bool) {
		sel.SetSelected(notRecorded)
		if set && *get(r) != nil {
			sel.SetSelected(strconv.Itoa(**get(r)))
		}
	})
	sec.saves = append(sec.saves, func(r *assessment.Record, _ *assessment.ValidationErrors) {
		*get(r) = nil
		if n, err := strconv.Atoi(sel.Selected); err == nil {
			*get(r) = &n
		}
	})
	return sel, fe
}

func (s *assessmentScreen) hingeSection() fyne.CanvasObject {
	sec := s.b.section("hinge", lang.L("Tested"),
		func(r *assessment.Record) { r.Hinge = &assessment.Hinge{} },
		func(r *assessment.Record) { r.Hinge = nil },
		func(r *assessment.Record) bool { return r.Hinge != nil })
	h := func(r *assessment.Record) *assessment.Hinge {
		if r.Hinge == nil {
			return &assessment.Hinge{}
		}
		return r.Hinge
	}
	s.hinge = func(r *assessment.Record) *assessment.Hinge { return r.Hinge }
	head := sec.checkField("hinge.head_contact", lang.L("Back of head"), func(r *assessment.Record) *bool { return &h(r).HeadContact })
	thor := sec.checkField("hinge.thoracic_contact", lang.L("Between the shoulder blades"), func(r *assessment.Record) *bool { return &h(r).ThoracicContact })
	sac := sec.checkField("hinge.sacrum_contact", lang.L("Sacrum"), func(r *assessment.Record) *bool { return &h(r).SacrumContact })
	pain := sec.checkField("hinge.pain", lang.L("Pain during the hinge"), func(r *assessment.Record) *bool { return &h(r).Pain })
	faults := sec.checkGroupField("hinge.faults", hingeFaultChoices, func(r *assessment.Record) *[]string { return &h(r).Faults })
	score, se := sec.intSelect("hinge.score", 3, func(r *assessment.Record) **int { return &h(r).Score })
	s.hingeScore = score
	// Wrapped: the suggestion appears as she ticks, and must not widen the
	// form (the split would then cut its right-hand side).
	s.hingeSuggest = newWrapLabel("")
	s.hingeSuggest.Importance = widget.LowImportance
	use := keepFocus(newButton(lang.L("Use suggestion"), nil, func() {
		r, _ := s.collect()
		if r.Hinge != nil {
			score.SetSelected(strconv.Itoa(assessment.SuggestHingeScore(r.Hinge)))
		}
	}))
	return s.sectionBox(lang.L("Hip hinge with a dowel"), sec,
		caption(lang.L("Dowel contact kept at:")),
		container.NewGridWithColumns(2, head, thor, sac, pain),
		caption(lang.L("Faults seen:")),
		container.NewGridWithColumns(2, faults),
		container.NewGridWithColumns(2, labelled(lang.L("Score (0 pain, 1 cannot, 2 with faults, 3 clean)"), score, se), vbox(container.New(&keepHeight{}, s.hingeSuggest), container.NewHBox(use))))
}

func (s *assessmentScreen) diastasisSection() fyne.CanvasObject {
	sec := s.b.section("diastasis", lang.L("Tested"),
		func(r *assessment.Record) {
			r.Diastasis = &assessment.Diastasis{Above: &assessment.DiastasisSite{}, At: &assessment.DiastasisSite{}, Below: &assessment.DiastasisSite{}}
		},
		func(r *assessment.Record) { r.Diastasis = nil },
		func(r *assessment.Record) bool { return r.Diastasis != nil })
	site := func(r *assessment.Record, i int) *assessment.DiastasisSite {
		if r.Diastasis == nil {
			return &assessment.DiastasisSite{}
		}
		p := []*assessment.DiastasisSite{r.Diastasis.Above, r.Diastasis.At, r.Diastasis.Below}[i]
		if p == nil {
			return &assessment.DiastasisSite{}
		}
		return p
	}
	unit, placeholder := lang.L("fingers"), "0–6"
	if s.widthUnit == UnitMM {
		unit, placeholder = "mm", "0–150"
	}
	cells := []fyne.CanvasObject{widget.NewLabel(""), boldLabel(lang.L("Width")), boldLabel(lang.L("Depth")), boldLabel(lang.L("Linea alba tension"))}
	for i, name := range []string{"above", "at", "below"} {
		i := i
		path := "diastasis." + name + "."
		var width fyne.CanvasObject
		if s.widthUnit == UnitMM {
			e, fe := sec.intField(path+"width_mm", placeholder, func(r *assessment.Record) **int { return &site(r, i).WidthMM })
			width = vbox(withUnit(e, unit), fe)
		} else {
			e, fe := sec.floatField(path+"width_fingers", placeholder, func(r *assessment.Record) **float64 { return &site(r, i).WidthFingers })
			width = vbox(withUnit(e, unit), fe)
		}
		depth, de := sec.selectField(path+"depth", depthChoices, func(r *assessment.Record) *string { return &site(r, i).Depth })
		tension, te := sec.selectField(path+"tension", tensionChoices, func(r *assessment.Record) *string { return &site(r, i).Tension })
		label := []string{"Above the navel", "At the navel", "Below the navel"}[i]
		cells = append(cells, caption(lang.L(label)), width, vbox(depth, de), vbox(tension, te))
	}
	doming, de := sec.selectField("diastasis.doming", domingChoices, func(r *assessment.Record) *string {
		if r.Diastasis == nil {
			return new(string)
		}
		return &r.Diastasis.Doming
	})
	return s.sectionBox(lang.L("Diastasis check (head lift)"), sec,
		container.NewGridWithColumns(4, cells...),
		container.NewGridWithColumns(2, labelled(lang.L("Doming on curl-up"), doming, de)))
}

func (s *assessmentScreen) postureSection() fyne.CanvasObject {
	sec := s.b.section("posture", lang.L("Observed"),
		func(r *assessment.Record) { r.Posture = &assessment.Posture{} },
		func(r *assessment.Record) { r.Posture = nil },
		func(r *assessment.Record) bool { return r.Posture != nil })
	p := func(r *assessment.Record) *assessment.Posture {
		if r.Posture == nil {
			return &assessment.Posture{}
		}
		return r.Posture
	}
	fh, e1 := sec.selectField("posture.forward_head", postureChoices, func(r *assessment.Record) *string { return &p(r).ForwardHead })
	rs, e2 := sec.selectField("posture.rounded_shoulders", postureChoices, func(r *assessment.Record) *string { return &p(r).RoundedShoulders })
	tk, e3 := sec.selectField("posture.thoracic_kyphosis", postureChoices, func(r *assessment.Record) *string { return &p(r).ThoracicKyphosis })
	return s.sectionBox(lang.L("Posture"), sec, container.NewGridWithColumns(3,
		labelled(lang.L("Forward head"), fh, e1),
		labelled(lang.L("Rounded shoulders"), rs, e2),
		labelled(lang.L("Thoracic kyphosis"), tk, e3)))
}
