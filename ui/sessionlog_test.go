package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
)

// followedPlan stores a client with an issued 8-week plan that began two
// weeks ago, and opens her session log.
func followedPlan(t *testing.T) (*testUI, *assessment.Client, *assessment.Programme, *sessionScreen) {
	t.Helper()
	tu := newTestUI(t)
	c, recs := progressClient(t, tu)
	recs[1].RedFlags = noRedFlags() // a plan she can follow
	if err := tu.svc.Records.UpdateRecord(ctx(), recs[1]); err != nil {
		t.Fatal(err)
	}
	p, err := assessment.Generate(recs[1], tu.svc.Library, assessment.ProgrammeOptions{Weeks: 8, Start: weeksAgo(2)})
	if err != nil {
		t.Fatal(err)
	}
	p.RecordID, p.Status = recs[1].ID, assessment.StatusIssued
	if err := tu.svc.Programmes.CreateProgramme(ctx(), p); err != nil {
		t.Fatal(err)
	}
	s := tu.openSessions(c)
	if s == nil || s.p == nil || s.p.ID != p.ID {
		t.Fatalf("session log opened on %+v", s)
	}
	return tu, c, p, s
}

// plannedDay is the first day of week wk (1-based) with a session, and
// that day's exercises.
func plannedDay(t *testing.T, p *assessment.Programme, wk int) (assessment.Date, []assessment.Prescription) {
	t.Helper()
	w := p.Weeks[wk-1]
	for k := range 7 {
		d := w.Start.AddDays(k)
		for _, day := range w.Days {
			if day.Day == assessment.DayName(d.Weekday()) && len(day.Exercises) > 0 && !day.Rest {
				return d, day.Exercises
			}
		}
	}
	t.Fatalf("week %d has no session", wk)
	return assessment.Date{}, nil
}

// restDay is a day of week wk with no session.
func restDay(t *testing.T, p *assessment.Programme, wk int) assessment.Date {
	t.Helper()
	w := p.Weeks[wk-1]
	for k := range 7 {
		d := w.Start.AddDays(k)
		rest := true
		for _, day := range w.Days {
			if day.Day == assessment.DayName(d.Weekday()) && len(day.Exercises) > 0 && !day.Rest {
				rest = false
			}
		}
		if rest {
			return d
		}
	}
	t.Fatalf("week %d has no rest day", wk)
	return assessment.Date{}
}

func enter() *fyne.KeyEvent { return &fyne.KeyEvent{Name: fyne.KeyReturn} }

// TestSessionLogScreen: the coach logs the planned session of a day,
// marks the one exercise that hurt, and Keel regresses that exercise
// only; Apply makes version 2 and the panel says so in words.
func TestSessionLogScreen(t *testing.T) {
	tu, c, p, s := followedPlan(t)
	if s.proposal.Action != assessment.ActionNone {
		t.Fatalf("proposal %+v before any log", s.proposal)
	}
	day, lines := plannedDay(t, p, 1)
	s.date.SetText(day.String())
	if _, ps := s.chosenSession(); ps == nil || ps.Date != day {
		t.Fatalf("the date %s preselects %+v; want that day's session", day, ps)
	}
	if len(s.rows) != len(lines) {
		t.Fatalf("%d exercise rows; want the session's %d", len(s.rows), len(lines))
	}
	// Pain is unanswered until the coach sets it: logging now is refused.
	if s.pain.Selected != "" {
		t.Fatalf("pain starts at %q; want unanswered", s.pain.Selected)
	}
	test.Tap(s.logBtn)
	if len(s.logs) != 0 || !s.painErr.Visible() || !strings.Contains(s.painErr.Text, "not 0") {
		t.Fatalf("logged without a pain: %d logs, pain message %q", len(s.logs), s.painErr.Text)
	}
	tu.capture(t, "session-pain-unanswered")
	// Pain 7 and the second exercise hurt; Enter in the note logs it.
	s.pain.SetSelected("7")
	s.rows[1].outcome.SetSelected("Hurt")
	s.rows[0].pain.SetSelected("Pain 2")
	s.note.SetText("Back sore after the second one")
	s.note.TypedKey(enter())
	if len(s.logs) != 1 {
		t.Fatalf("%d logs after Enter; want 1 (%s)", len(s.logs), s.saved.Text)
	}
	l := s.logs[0]
	if l.Session == "" || len(l.Exercises) != len(lines) || l.Exercises[1].Outcome != assessment.OutcomeHurt ||
		l.Exercises[0].Pain == nil || *l.Exercises[0].Pain != 2 || (len(l.Exercises) > 2 && l.Exercises[2].Pain != nil) {
		t.Fatalf("stored %+v", l)
	}
	if s.proposal.Action != assessment.ActionRegress || len(s.proposal.Changes) != 1 || s.proposal.Changes[0].ExerciseID != lines[1].ExerciseID {
		t.Fatalf("proposal %+v; want the one exercise that hurt", s.proposal)
	}
	if !s.apply.Visible() || !strings.HasPrefix(s.lightTitle.Text, "Red") {
		t.Errorf("proposal shown as %q, apply visible %v", s.lightTitle.Text, s.apply.Visible())
	}
	// The next session starts unanswered again, not at the last pain.
	if s.pain.Selected != "" || s.editing != nil {
		t.Errorf("after logging, pain %q; want unanswered", s.pain.Selected)
	}
	tu.capture(t, "session-red")
	test.Tap(s.apply)
	ps, err := tu.svc.Programmes.FindProgrammes(ctx(), assessment.ProgrammeFilter{ClientID: c.ID})
	if err != nil || len(ps) != 2 || ps[0].Version != 2 || ps[1].Status != assessment.StatusSuperseded {
		t.Fatalf("%d programmes (%v); want version 2 beside version 1", len(ps), err)
	}
	// Only the exercise that hurt (and its harder variations later in the
	// plan) changed in version 2.
	harderOfHurt := func(id string) bool {
		for e, ok := tu.svc.Library.Get(id); ok && e.Regression != ""; e, ok = tu.svc.Library.Get(e.Regression) {
			if e.Regression == lines[1].ExerciseID {
				return true
			}
		}
		return false
	}
	for wi, w := range ps[0].Weeks {
		for di, d := range w.Days {
			for k, x := range d.Exercises {
				if k < len(ps[1].Weeks[wi].Days[di].Exercises) {
					was := ps[1].Weeks[wi].Days[di].Exercises[k]
					if was.ExerciseID != lines[1].ExerciseID && was.ExerciseID != x.ExerciseID && !harderOfHurt(was.ExerciseID) {
						t.Errorf("week %d %s: %s became %s although it did not hurt", w.Week, d.Day, was.Name, x.Name)
					}
				}
			}
		}
	}
	if s.p.ID != ps[0].ID || s.proposal.Action != assessment.ActionNone || strings.Contains(s.lightTitle.Text, "No session logged yet") ||
		!strings.Contains(s.saved.Text, "version 2") {
		t.Errorf("after Apply the panel says %q / %q, %q", s.lightTitle.Text, s.lightText.Text, s.saved.Text)
	}
	tu.capture(t, "session-applied")

	t.Run("ErrFuture", func(t *testing.T) {
		s.date.SetText(today().AddDays(3).String())
		s.pain.SetSelected("1")
		test.Tap(s.logBtn)
		if !s.dateErr.Visible() || !strings.Contains(s.dateErr.Text, "future") || len(s.logs) != 1 {
			t.Errorf("future date: error %q, %d logs", s.dateErr.Text, len(s.logs))
		}
		// Corrected, the message goes at once, before she logs again.
		s.date.SetText("")
		test.Type(s.date, today().String())
		if s.dateErr.Visible() {
			t.Errorf("the corrected date still shows %q", s.dateErr.Text)
		}
		s.resetForm()
	})
	t.Run("NoProgramme", func(t *testing.T) {
		c2 := tu.addClient(t, assessment.Client{Name: "Ana"})
		s := tu.openSessions(c2)
		if !s.logBtn.Disabled() || s.p != nil {
			t.Error("logging enabled without an issued programme")
		}
	})
}

// TestSessionLogAsksWhatHurt: a red session that does not say which
// exercise hurt regresses nothing and asks; the coach ticks one, and only
// that one is regressed. Ctrl+Z takes the answer back.
func TestSessionLogAsksWhatHurt(t *testing.T) {
	tu, _, p, s := followedPlan(t)
	day, lines := plannedDay(t, p, 2)
	s.date.SetText(day.String())
	s.pain.SetSelected("8")
	s.pain.TypedKey(enter()) // Enter on the pain field logs too
	if len(s.logs) != 1 || s.proposal.Action != assessment.ActionAsk || len(s.proposal.Changes) != 0 || s.apply.Visible() {
		t.Fatalf("%d logs, proposal %+v", len(s.logs), s.proposal)
	}
	if len(s.askChecks) != len(lines) {
		t.Fatalf("%d ticks; want one per exercise of the session (%d)", len(s.askChecks), len(lines))
	}
	tu.capture(t, "session-ask")
	s.askChecks[0].SetChecked(true)
	mark := buttonUnder(t, s.changes, "Mark what hurt")
	if mark == nil {
		t.Fatal("no Mark what hurt button")
	}
	test.Tap(mark)
	if s.proposal.Action != assessment.ActionRegress || len(s.proposal.Changes) != 1 || s.proposal.Changes[0].ExerciseID != lines[0].ExerciseID {
		t.Fatalf("after marking: %+v", s.proposal)
	}
	s.onUndo()
	if s.proposal.Action != assessment.ActionAsk || len(s.logs) != 1 || len(s.logs[0].HurtExercises()) != 0 {
		t.Fatalf("after Ctrl+Z: %+v", s.proposal)
	}
}

// TestSessionLogRestDay: on a rest day the form asks which session she
// did; another activity is logged without touching the plan.
func TestSessionLogRestDay(t *testing.T) {
	tu, _, p, s := followedPlan(t)
	s.date.SetText(restDay(t, p, 2).String())
	if s.session.SelectedIndex() >= 0 || !s.sessionHint.Visible() || len(s.rows) != 0 {
		t.Fatalf("a rest day chose %q (hint shown %v, %d rows)", s.session.Selected, s.sessionHint.Visible(), len(s.rows))
	}
	s.pain.SetSelected("6")
	test.Tap(s.logBtn)
	if len(s.logs) != 0 || !s.sessionErr.Visible() {
		t.Fatalf("logged without a session: %d logs, %q", len(s.logs), s.sessionErr.Text)
	}
	tu.capture(t, "session-rest-day")
	s.session.SetSelectedIndex(len(s.session.Options) - 1) // another activity
	s.note.SetText("Back sore after carrying the car seat")
	test.Tap(s.logBtn)
	if len(s.logs) != 1 || s.logs[0].Session != assessment.SessionOther {
		t.Fatalf("logs %+v", s.logs)
	}
	if s.proposal.Action != assessment.ActionHold || len(s.proposal.Changes) != 0 || s.apply.Visible() {
		t.Errorf("another activity at pain 6: %+v", s.proposal)
	}
	// Another session chosen on the rest day lists its exercises.
	s.date.SetText(restDay(t, p, 2).String())
	s.session.SetSelectedIndex(0)
	if len(s.rows) == 0 {
		t.Error("choosing a session listed no exercises")
	}
}

// TestSessionLogEditDelete: a logged session is edited and deleted from
// its row, and Ctrl+Z / Ctrl+Shift+Z (the window's menu) undo and redo
// both.
func TestSessionLogEditDelete(t *testing.T) {
	tu, _, p, s := followedPlan(t)
	day, _ := plannedDay(t, p, 1)
	s.date.SetText(day.String())
	s.pain.SetSelected("2")
	test.Tap(s.logBtn)
	if len(s.logs) != 1 {
		t.Fatalf("%d logs", len(s.logs))
	}
	id := s.logs[0].ID
	s.historyList.Select(0)
	if s.editing == nil || s.editing.ID != id || s.pain.Selected != "2" || !s.deleteBtn.Visible() {
		t.Fatalf("tapping the row: editing %+v, pain %q", s.editing, s.pain.Selected)
	}
	s.pain.SetSelected("5")
	if !s.dirty() {
		t.Error("an edited form is not dirty")
	}
	tu.onSaveShortcut() // Ctrl+S
	if len(s.logs) != 1 || s.logs[0].ID != id || s.logs[0].Pain != 5 || s.editing != nil {
		t.Fatalf("after the edit: %+v (editing %v)", s.logs[0], s.editing)
	}
	tu.capture(t, "session-edited")
	undo, redo := menuAction(t, tu, "Undo"), menuAction(t, tu, "Redo")
	undo()
	if s.logs[0].Pain != 2 {
		t.Fatalf("after Ctrl+Z pain %d; want 2", s.logs[0].Pain)
	}
	redo()
	if s.logs[0].Pain != 5 {
		t.Fatalf("after Ctrl+Shift+Z pain %d; want 5", s.logs[0].Pain)
	}
	s.historyList.Select(0)
	test.Tap(s.deleteBtn)
	if len(s.logs) != 0 || !strings.Contains(s.saved.Text, "Ctrl+Z") {
		t.Fatalf("after Delete: %d logs, %q", len(s.logs), s.saved.Text)
	}
	undo()
	if len(s.logs) != 1 || s.logs[0].Pain != 5 || s.logs[0].Date != day {
		t.Fatalf("after undoing the delete: %+v", s.logs)
	}
	redo()
	if len(s.logs) != 0 {
		t.Fatalf("after redoing the delete: %d logs", len(s.logs))
	}
	undo()
	undo() // the edit
	undo() // the log itself
	if len(s.logs) != 0 {
		t.Fatalf("after undoing everything: %d logs", len(s.logs))
	}
}

// menuAction is the window menu's item whose label starts with prefix.
func menuAction(t *testing.T, tu *testUI, prefix string) func() {
	t.Helper()
	for _, m := range tu.win.MainMenu().Items {
		for _, it := range m.Items {
			if strings.HasPrefix(it.Label, prefix) {
				return it.Action
			}
		}
	}
	t.Fatalf("no menu item %q", prefix)
	return nil
}

// TestSessionLogUndoAfterApply: a log of a version replaced since (by
// Apply) is deleted and Ctrl+Z puts it back as it was, with its id.
func TestSessionLogUndoAfterApply(t *testing.T) {
	_, _, p, s := followedPlan(t)
	day, _ := plannedDay(t, p, 1)
	s.date.SetText(day.String())
	s.pain.SetSelected("7")
	s.rows[0].outcome.SetSelected("Hurt")
	test.Tap(s.logBtn)
	test.Tap(s.apply)
	if s.p.Version != 2 || len(s.logs) != 1 {
		t.Fatalf("after Apply: v%d, %d logs", s.p.Version, len(s.logs))
	}
	was := s.logs[0]
	s.historyList.Select(0)
	test.Tap(s.deleteBtn)
	if len(s.logs) != 0 {
		t.Fatalf("%d logs after Delete", len(s.logs))
	}
	s.onUndo()
	if len(s.logs) != 1 || s.logs[0].ID != was.ID || s.logs[0].ProgrammeID != p.ID || len(s.logs[0].HurtExercises()) != 1 {
		t.Fatalf("after Ctrl+Z: %+v; want the log of version 1 back as it was", s.logs)
	}
	if !strings.Contains(s.saved.Text, "Undone: deleting") {
		t.Errorf("says %q", s.saved.Text)
	}
}

// TestSessionLogEditOldLog: a log written before Keel asked which session
// she did opens with the session unsaid (not guessed from its date), and
// can be saved so, or given its session and outcomes.
func TestSessionLogEditOldLog(t *testing.T) {
	tu, _, p, s := followedPlan(t)
	day, lines := plannedDay(t, p, 1)
	old := &assessment.SessionLog{ProgrammeID: p.ID, Date: day, Status: assessment.SessionDone, Pain: 2, Note: "Fine"}
	if err := tu.svc.SessionLogs.CreateSessionLog(ctx(), old); err != nil {
		t.Fatal(err)
	}
	s.reload()
	s.historyList.Select(0)
	if s.session.SelectedIndex() >= 0 || len(s.rows) != 0 || !s.sessionHint.Visible() {
		t.Fatalf("an old log opens with session %q and %d rows", s.session.Selected, len(s.rows))
	}
	s.note.SetText("Fine, a bit tired")
	if !s.onSave() || s.logs[0].Session != "" || s.logs[0].Exercises != nil || s.logs[0].Note != "Fine, a bit tired" {
		t.Fatalf("saving the note: %+v (%s)", s.logs[0], s.saved.Text)
	}
	s.historyList.Select(0)
	s.session.SetSelectedIndex(0)
	if len(s.rows) != len(lines) || s.rows[0].outcome.Selected != "Done" {
		t.Fatalf("choosing the session gives %d rows", len(s.rows))
	}
	if !s.onSave() || s.logs[0].Session == "" || len(s.logs[0].Exercises) != len(lines) {
		t.Fatalf("saving the session: %+v", s.logs[0])
	}
}

// TestSessionLogEnterEverywhere: Enter logs the session from each field of
// the form, not only from the text fields.
func TestSessionLogEnterEverywhere(t *testing.T) {
	_, _, p, s := followedPlan(t)
	day, _ := plannedDay(t, p, 1)
	fields := []struct {
		name string
		key  func()
	}{
		{"date", func() { s.date.TypedKey(enter()) }},
		{"status", func() { s.status.TypedKey(enter()) }},
		{"session", func() { s.session.TypedKey(enter()) }},
		{"pain", func() { s.pain.TypedKey(enter()) }},
		{"doming", func() { s.doming.TypedKey(enter()) }},
		{"an exercise's outcome", func() { s.rows[0].outcome.TypedKey(enter()) }},
		{"an exercise's pain", func() { s.rows[0].pain.TypedKey(enter()) }},
		{"note", func() { s.note.TypedKey(enter()) }},
	}
	for i, f := range fields {
		s.date.SetText(day.String())
		s.pain.SetSelected("1")
		f.key()
		if len(s.logs) != i+1 {
			t.Fatalf("Enter in %s: %d logs; want %d (%s)", f.name, len(s.logs), i+1, s.saved.Text)
		}
	}
}

// TestSessionLogTabKeepsFieldInView: a field reached with Tab below the
// window's edge is scrolled into view.
func TestSessionLogTabKeepsFieldInView(t *testing.T) {
	tu, _, p, s := followedPlan(t)
	tu.win.Resize(fyne.NewSize(1000, 660))
	day, _ := plannedDay(t, p, 1)
	s.date.SetText(day.String())
	if s.formScroll.Offset.Y != 0 {
		t.Fatalf("the form starts scrolled to %v", s.formScroll.Offset.Y)
	}
	tu.win.Canvas().Focus(s.note)
	if s.formScroll.Offset.Y <= 0 {
		t.Fatalf("the note took the focus but the form did not scroll (offset %v)", s.formScroll.Offset.Y)
	}
	tu.win.Canvas().Focus(s.date)
	d := fyne.CurrentApp().Driver()
	if y := d.AbsolutePositionForObject(s.date).Y - d.AbsolutePositionForObject(s.formScroll).Y; y < 0 {
		t.Errorf("back to the date, it is %v above the form's top", -y)
	}
}

// TestSessionLogBackAsks: Back from a half-filled log asks before leaving
// (a coach lost a long note that way); Cancel keeps her on the form with
// the note, Discard leaves.
func TestSessionLogBackAsks(t *testing.T) {
	tu, _, p, s := followedPlan(t)
	day, _ := plannedDay(t, p, 1)
	s.date.SetText(day.String())
	test.Type(s.note, "Long note about how it went")
	depth := len(tu.screens)
	test.Tap(s.backBtn)
	if len(tu.screens) != depth {
		t.Fatal("Back left a half-filled log without asking")
	}
	if txt := overlayText(t, tu.win); !strings.Contains(txt, "not saved") {
		t.Fatalf("no unsaved-changes question: %q", txt)
	}
	test.Tap(findButton(t, tu.win, "Cancel"))
	if len(tu.screens) != depth || s.note.Text != "Long note about how it went" {
		t.Fatalf("Cancel: screens %d, note %q", len(tu.screens), s.note.Text)
	}
	test.Tap(s.backBtn)
	test.Tap(findButton(t, tu.win, "Discard changes"))
	if len(tu.screens) != depth-1 {
		t.Fatal("Discard did not leave")
	}
}

// TestProgrammeOpensAtHerWeek: the programme editor opens at the week she
// is in (a coach's swap landed in a week already done when it opened at
// week 1).
func TestProgrammeOpensAtHerWeek(t *testing.T) {
	tu, c, p, _ := followedPlan(t) // began two weeks ago
	rec, err := tu.svc.Records.FindRecordByID(ctx(), p.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	s := tu.openProgrammeScreen(c, rec, p)
	if want := p.WeekOn(tu.svc.today()); s.week != want || want < 2 {
		t.Fatalf("opened at week %d; she is in week %d", s.week, want)
	}
}

// TestIssuedProgrammeFitsTheWindow: an issued programme's screen fits the
// window Keel opens (a coach saw it grow past a 1024-pixel screen,
// cutting "Mark issued" off).
func TestIssuedProgrammeFitsTheWindow(t *testing.T) {
	tu, c, p, _ := followedPlan(t)
	rec, err := tu.svc.Records.FindRecordByID(ctx(), p.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	s := tu.openProgrammeScreen(c, rec, p)
	if w := s.root.MinSize().Width; w > StartSize.Width {
		t.Errorf("the issued programme needs %.0f px; the window is %.0f", w, StartSize.Width)
	}
}

// TestEscapeGoesBack: Escape with nothing focused goes back from a screen
// as its Back button does (a coach found no key to leave the programme,
// Compare, Settings or the timeline), and asks first about unsaved changes.
func TestEscapeGoesBack(t *testing.T) {
	tu, c, p, _ := followedPlan(t)
	depth := len(tu.screens)
	tu.win.Canvas().Unfocus()
	tu.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(tu.screens) != depth-1 {
		t.Fatalf("Escape on the session log: %d screens, want %d", len(tu.screens), depth-1)
	}
	rec, err := tu.svc.Records.FindRecordByID(ctx(), p.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	tu.openProgrammeScreen(c, rec, p)
	depth = len(tu.screens)
	tu.win.Canvas().Unfocus()
	tu.onTypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if len(tu.screens) != depth-1 {
		t.Fatalf("Escape on the programme: %d screens, want %d", len(tu.screens), depth-1)
	}
}
