package ui

import (
	"bytes"
	"context"
	"errors"
	"log"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/mock"
	"github.com/keel-coach/keel/assets"
)

// newMockUI is a Keel window whose storage is function-field fakes: an
// empty client list and profile, and programmes as progs sets them. A
// test sets the one method whose failure it wants to see handled.
func newMockUI(t *testing.T, progs *mock.ProgrammeService) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	lib, err := assessment.ParseLibrary(assets.LibraryJSON)
	if err != nil {
		t.Fatal(err)
	}
	svc := Services{
		Library: lib,
		Clients: &mock.ClientService{FindClientsFn: func(context.Context, assessment.ClientFilter) ([]*assessment.Client, int, error) {
			return nil, 0, nil
		}},
		Records:    &mock.RecordService{},
		Programmes: progs,
		Profiles: &mock.ProfileService{ProfileFn: func(context.Context) (assessment.Profile, error) {
			return assessment.Profile{}, nil
		}},
		Now: func() time.Time { return fixedNow },
	}
	u := New(a, svc)
	u.win.Resize(fyne.NewSize(1100, 720))
	return u
}

// mockProgramme opens the programme screen on a draft generated from a
// plain record, with storage answering as progs says.
func mockProgramme(t *testing.T, progs *mock.ProgrammeService, status string) (*UI, *programmeScreen) {
	t.Helper()
	u := newMockUI(t, progs)
	c := &assessment.Client{ID: 7, Name: "Ana"}
	r := &assessment.Record{ID: 3, ClientID: 7, Format: assessment.FormatAssessment, Date: assessment.NewDate(2026, 11, 2), Kind: assessment.KindIntake,
		RedFlags: noRedFlags()}
	p, err := assessment.NewProgramme(c, r, u.svc.Library, assessment.ProgrammeOptions{Weeks: 6, Start: assessment.NewDate(2026, 11, 23)})
	if err != nil {
		t.Fatal(err)
	}
	p.ID, p.Lineage, p.Version, p.Status = 20, 20, 1, status
	return u, u.openProgrammeScreen(c, r, p)
}

// captureLog collects what the UI logs while a test runs.
func captureLog(t *testing.T) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	prev, flags := log.Writer(), log.Flags()
	log.SetOutput(&buf)
	t.Cleanup(func() { log.SetOutput(prev); log.SetFlags(flags) })
	return &buf
}

func firstSlot(p *assessment.Programme) assessment.Slot {
	for _, d := range p.Weeks[0].Days {
		if len(d.Exercises) > 0 {
			return assessment.Slot{Week: 1, Day: d.Day}
		}
	}
	return assessment.Slot{}
}

// A failed save shows the coach a calm sentence, logs the whole chain of
// causes, and leaves the screen as it was.
func TestProgrammeScreen_StorageFailure(t *testing.T) {
	logged := captureLog(t)
	cause := errors.New("disk I/O error")
	progs := &mock.ProgrammeService{UpdateProgrammeFn: func(context.Context, *assessment.Programme) error {
		return assessment.Internal("save the programme", cause)
	}}
	u, s := mockProgramme(t, progs, assessment.StatusDraft)
	s.onIssue()
	txt := overlayText(t, u.win)
	if !strings.Contains(txt, "Keel could not save the programme") || strings.Contains(txt, "disk") {
		t.Errorf("the coach reads %q; want the calm sentence without the cause", txt)
	}
	if !strings.Contains(logged.String(), "disk I/O error") {
		t.Errorf("log %q does not name the cause", logged.String())
	}
	if s.p.Status != assessment.StatusDraft {
		t.Errorf("status %q after a failed save; want the draft as it was", s.p.Status)
	}
}

// Editing an issued programme saves a new draft version (CreateProgramme
// with the lineage), never the issued one in place; a conflict from
// storage is shown with its own message and the issued version stays on
// screen.
func TestProgrammeScreen_EditIssued(t *testing.T) {
	t.Run("NewDraftVersion", func(t *testing.T) {
		var created *assessment.Programme
		progs := &mock.ProgrammeService{CreateProgrammeFn: func(_ context.Context, p *assessment.Programme) error {
			created = p
			p.ID, p.Version = 21, 2
			return nil
		}}
		_, s := mockProgramme(t, progs, assessment.StatusIssued)
		s.onRemove(firstSlot(s.p))
		if created == nil {
			t.Fatal("no new version was created (UpdateProgramme would have been refused)")
		}
		if created.Lineage != 20 || created.Status != assessment.StatusDraft {
			t.Errorf("new version lineage %d status %q; want lineage 20, a draft", created.Lineage, created.Status)
		}
		if s.p.ID != 21 || !strings.Contains(s.info.Text, "she keeps version 1") {
			t.Errorf("screen shows id %d, info %q; want the new draft version, saying she keeps version 1", s.p.ID, s.info.Text)
		}
	})
	t.Run("ErrStale", func(t *testing.T) {
		progs := &mock.ProgrammeService{CreateProgrammeFn: func(context.Context, *assessment.Programme) error {
			return assessment.Conflict(assessment.ReasonStaleVersion, "The programme changed since you opened it: open the latest version.")
		}}
		u, s := mockProgramme(t, progs, assessment.StatusIssued)
		before := len(s.p.Weeks[0].Days)
		s.onRemove(firstSlot(s.p))
		if txt := overlayText(t, u.win); !strings.Contains(txt, "changed since you opened it") {
			t.Errorf("the coach reads %q; want storage's reason", txt)
		}
		if s.p.ID != 20 || s.p.Status != assessment.StatusIssued || len(s.p.Weeks[0].Days) != before {
			t.Error("the refused edit changed the screen's programme")
		}
	})
}

// A referral issued after a plan is her current programme: the session
// log does not fall back to the older plan underneath it.
func TestSessionLog_CurrentIsReferral(t *testing.T) {
	progs := &mock.ProgrammeService{FindProgrammesFn: func(context.Context, assessment.ProgrammeFilter) ([]*assessment.Programme, error) {
		return []*assessment.Programme{
			{ID: 4, Lineage: 4, Version: 1, Status: assessment.StatusIssued, Blocked: true},
			{ID: 2, Lineage: 2, Version: 1, Status: assessment.StatusIssued, Weeks: []assessment.Week{{Week: 1}}},
		}, nil
	}}
	u := newMockUI(t, progs)
	u.svc.SessionLogs = &mock.SessionLogService{}
	s := u.openSessions(&assessment.Client{ID: 7, Name: "Ana"})
	if s == nil {
		t.Fatal("no session screen")
	}
	if s.p != nil || !s.logBtn.Disabled() || !strings.Contains(s.lightTitle.Text, "referral") {
		t.Errorf("programme %v, log enabled %v, title %q; want no plan to log against and the referral named", s.p, !s.logBtn.Disabled(), s.lightTitle.Text)
	}
}

// The exercise screen shows storage's refusal of a delete as storage
// words it (the domain names the linked exercises); it does not write its
// own.
func TestExerciseScreen_DeleteConflictShownAsStored(t *testing.T) {
	u := newMockUI(t, &mock.ProgrammeService{})
	own := *u.svc.Library.Exercises[0]
	own.ID, own.Name, own.Regression, own.Progression, own.Custom = "my_own", "My own", "", "", true
	const msg = "“My own” cannot be deleted while “Another” names it as an easier or harder variation."
	u.svc.Exercises = &mock.ExerciseService{
		FindExercisesFn: func(context.Context) ([]*assessment.Exercise, error) { return []*assessment.Exercise{&own}, nil },
		DeleteExerciseFn: func(context.Context, string) error {
			return assessment.Conflict(assessment.ReasonLinked, msg)
		},
	}
	s := u.openExercises()
	s.selectForTest(t, "my_own")
	test.Tap(s.del)
	test.Tap(findButton(t, u.win, "Delete"))
	if txt := overlayText(t, u.win); !strings.Contains(txt, msg) {
		t.Errorf("the coach reads %q; want storage's message %q", txt, msg)
	}
}
