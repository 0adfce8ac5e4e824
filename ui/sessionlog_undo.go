package ui

import (
	"fmt"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
)

// undoer is a screen whose own changes Ctrl+Z and Ctrl+Shift+Z undo and
// redo (the session log; the programme editor has its own history).
type undoer interface {
	onUndo()
	onRedo()
}

// undoerOnTop is the screen the coach sees when it undoes its own changes
// and no dialog is open over it, or nil. While she types in a text field
// that holds text, Ctrl+Z stays with the field.
func (u *UI) undoerOnTop() undoer {
	if u.atHome() || len(u.win.Canvas().Overlays().List()) > 0 {
		return nil
	}
	switch e := u.win.Canvas().Focused().(type) {
	case *widget.Entry:
		if e.Text != "" {
			return nil
		}
	case *focusEntry:
		if e.Text != "" {
			return nil
		}
	}
	un, _ := u.topEditor().(undoer)
	return un
}

// logHistory keeps the changes made to the session log while its screen
// is open: each step is the log before and after (before nil: it was
// logged; after nil: it was deleted).
type logHistory struct {
	undo, redo []logStep
	// moved maps the ID a deleted log had to the ID it got when an undo
	// or redo stored it again, so older steps still find it.
	moved map[int64]int64
}

// resolve is the ID the log first stored as id has now.
func (h *logHistory) resolve(id int64) int64 {
	for seen := 0; seen < 1000; seen++ { // a chain, never a loop; bounded all the same
		next, ok := h.moved[id]
		if !ok {
			return id
		}
		id = next
	}
	return id
}

// put makes the stored log what want says, from what have says: create,
// update or delete. A log stored again gets a new ID, noted in moved.
func (h *logHistory) put(svc assessment.SessionLogService, have, want *assessment.SessionLog) (*assessment.SessionLog, error) {
	switch {
	case want == nil:
		return nil, svc.DeleteSessionLog(ctx(), h.resolve(have.ID))
	case have == nil:
		l := want.Clone()
		if r, ok := svc.(assessment.SessionLogRestorer); ok && h.resolve(want.ID) == want.ID {
			// Put back as it was: its ID, even on a version replaced since.
			if err := r.RestoreSessionLog(ctx(), l); err != nil {
				return nil, err
			}
			return l, nil
		}
		l.ID = 0
		if err := svc.CreateSessionLog(ctx(), l); err != nil {
			return nil, err
		}
		if h.moved == nil {
			h.moved = map[int64]int64{}
		}
		h.moved[h.resolve(want.ID)] = l.ID
		return l, nil
	}
	l := want.Clone()
	l.ID = h.resolve(have.ID)
	if err := svc.UpdateSessionLog(ctx(), l); err != nil {
		return nil, err
	}
	return l, nil
}

type logStep struct {
	label         string
	before, after *assessment.SessionLog
}

// done notes a change that was saved. A new change clears what could be
// redone.
func (h *logHistory) done(before, after *assessment.SessionLog, label string) {
	h.undo = append(h.undo, logStep{label: label, before: before.Clone(), after: after.Clone()})
	h.redo = nil
}

// onUndo undoes the last change to the session log (Ctrl+Z). A failed
// undo changes nothing and says why.
func (s *sessionScreen) onUndo() {
	h := &s.history
	if len(h.undo) == 0 {
		s.say(lang.L("Nothing to undo."))
		return
	}
	st := h.undo[len(h.undo)-1]
	_, err := h.put(s.ui.svc.SessionLogs, st.after, st.before)
	if err != nil {
		s.ui.showError(fmt.Sprintf(lang.L("Could not undo %s"), st.label), err)
		return
	}
	h.undo = h.undo[:len(h.undo)-1]
	h.redo = append(h.redo, st)
	s.afterHistory(fmt.Sprintf(lang.L("Undone: %s. Ctrl+Shift+Z redoes it."), st.label))
}

// onRedo does again the last undone change (Ctrl+Shift+Z).
func (s *sessionScreen) onRedo() {
	h := &s.history
	if len(h.redo) == 0 {
		s.say(lang.L("Nothing to redo."))
		return
	}
	st := h.redo[len(h.redo)-1]
	_, err := h.put(s.ui.svc.SessionLogs, st.before, st.after)
	if err != nil {
		s.ui.showError(fmt.Sprintf(lang.L("Could not redo %s"), st.label), err)
		return
	}
	h.redo = h.redo[:len(h.redo)-1]
	h.undo = append(h.undo, st)
	s.afterHistory(fmt.Sprintf(lang.L("Redone: %s. Ctrl+Z undoes it."), st.label))
}

// afterHistory shows the log as it now is. A log open in the form may
// have changed or gone, so the form starts afresh.
func (s *sessionScreen) afterHistory(msg string) {
	s.resetForm()
	s.reload()
	s.say(msg)
}
