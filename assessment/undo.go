package assessment

// EditHistory keeps the edits made to one open programme so the coach can
// undo and redo them. It holds what the plan was (weeks and overrides)
// before each edit, with the edit's name in words.
type EditHistory struct {
	undo, redo []historyStep
}

type historyStep struct {
	label     string
	weeks     []Week
	overrides []Override
}

func snapshot(p *Programme, label string) historyStep {
	c := p.Clone()
	return historyStep{label: label, weeks: c.Weeks, overrides: c.Overrides}
}

func (st historyStep) restore(p *Programme) {
	c := (&Programme{Weeks: st.weeks, Overrides: st.overrides}).Clone()
	p.Weeks, p.Overrides = c.Weeks, c.Overrides
}

// Record notes an edit named label about to change before (the plan as it
// was). A new edit clears what could be redone.
func (h *EditHistory) Record(before *Programme, label string) {
	h.undo = append(h.undo, snapshot(before, label))
	h.redo = nil
}

// CanUndo and CanRedo report whether there is an edit to undo or redo.
func (h *EditHistory) CanUndo() bool { return len(h.undo) > 0 }
func (h *EditHistory) CanRedo() bool { return len(h.redo) > 0 }

// Undo puts p (a revision of the open programme) back as it was before
// the last edit and returns that edit's name. The history moves only when
// commit is called, once the change is saved: a failed save loses nothing.
func (h *EditHistory) Undo(p *Programme) (label string, commit func(), ok bool) {
	if len(h.undo) == 0 {
		return "", nil, false
	}
	st := h.undo[len(h.undo)-1]
	now := snapshot(p, st.label)
	st.restore(p)
	return st.label, func() {
		h.undo = h.undo[:len(h.undo)-1]
		h.redo = append(h.redo, now)
	}, true
}

// Redo does again the last undone edit on p, as Undo does.
func (h *EditHistory) Redo(p *Programme) (label string, commit func(), ok bool) {
	if len(h.redo) == 0 {
		return "", nil, false
	}
	st := h.redo[len(h.redo)-1]
	now := snapshot(p, st.label)
	st.restore(p)
	return st.label, func() {
		h.redo = h.redo[:len(h.redo)-1]
		h.undo = append(h.undo, now)
	}, true
}
