package ui

import (
	"fmt"
	"image"
	"image/color"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report"
	"github.com/keel-coach/keel/report/figure"
)

// poseEditor draws the figure of a coach's own exercise: she starts from
// a neutral figure or a copy of a built-in exercise's poses, drags a joint
// or types its angle, adds props, marks the working region and sees every
// pose side by side; saving stores the poses with the exercise.
type poseEditor struct {
	ui      *UI
	ex      *assessment.Exercise
	poses   []figure.Pose
	cur     int
	changed bool

	canvas    *poseCanvas
	preview   *canvas.Raster
	pose      *widget.Select
	view      *widget.Select
	startFrom *widget.Select
	joint     *widget.Select
	angle     *widget.Entry
	angleMsg  *widget.Label
	propKind  *widget.Select
	propAt    *widget.Select
	props     *widget.Label
	region    *widget.CheckGroup
	save      *widget.Button
	status    *widget.Label
	syncing   bool
}

// Neutral starting figures, by the words the coach picks.
var neutralStarts = []struct{ label, kind string }{
	{"Neutral: standing", "standing"}, {"Neutral: on hands and knees", "kneeling"}, {"Neutral: lying on the back", "lying"},
}

func newPoseEditor(u *UI, ex *assessment.Exercise) *poseEditor {
	e := &poseEditor{ui: u, ex: ex}
	poses, _, err := report.FigureOf(ex)
	if err != nil || len(poses) == 0 {
		poses = neutralPair("standing")
		if err != nil {
			e.changed = false
		}
	}
	e.poses = poses
	e.build()
	if err != nil {
		e.status.SetText(lang.L("The saved figure could not be read, so the editor starts from a standing figure; saving replaces it."))
	}
	return e
}

func neutralPair(kind string) []figure.Pose {
	a := figure.Neutral(kind)
	b := a.Clone()
	b.Name = "end"
	return []figure.Pose{a, b}
}

func (e *poseEditor) build() {
	e.canvas = newPoseCanvas(e)
	e.preview = canvas.NewRaster(func(w, h int) image.Image { return figureStrip(e.poses, w, h, currentPalette()) })
	e.preview.SetMinSize(fyne.NewSize(260, 90))
	e.pose = widget.NewSelect(nil, e.onPose)
	e.view = widget.NewSelect([]string{string(figure.Side), string(figure.Front), string(figure.Above)}, e.onView)
	starts := []string{}
	for _, n := range neutralStarts {
		starts = append(starts, lang.L(n.label))
	}
	if e.ui.svc.Library != nil {
		for _, x := range e.ui.svc.Library.Exercises {
			if _, ok := figure.ForExercise(x.ID); ok && !x.Custom {
				starts = append(starts, lang.L("Copy: ")+x.Name)
			}
		}
	}
	e.startFrom = widget.NewSelect(starts, e.onStartFrom)
	e.startFrom.PlaceHolder = lang.L("Start from…")
	joints := make([]string, len(figure.DOFs))
	for i, d := range figure.DOFs {
		joints[i] = string(d)
	}
	e.joint = widget.NewSelect(joints, func(string) { e.showAngle() })
	e.angle = widget.NewEntry()
	e.angle.OnSubmitted = func(string) { e.onAngle() }
	e.angleMsg = widget.NewLabel("")
	e.angleMsg.Wrapping = fyne.TextWrapWord
	kinds := make([]string, len(figure.PropKinds))
	for i, k := range figure.PropKinds {
		kinds[i] = string(k)
	}
	e.propKind = widget.NewSelect(kinds, nil)
	e.propAt = widget.NewSelect(figure.Points(), nil)
	e.props = widget.NewLabel("")
	e.props.Wrapping = fyne.TextWrapWord
	e.region = widget.NewCheckGroup(figure.Regions(), e.onRegion)
	e.save = widget.NewButton(lang.L("Save figure"), func() { e.onSave() })
	e.save.Importance = widget.HighImportance
	e.status = widget.NewLabel("")
	e.status.Wrapping = fyne.TextWrapWord
	e.joint.SetSelected("hip_r_flex")
	e.refresh()
}

// content lays the editor out: the figure to drag on the left, the
// controls on the right, every pose previewed underneath.
func (e *poseEditor) content() fyne.CanvasObject {
	back := widget.NewButton(lang.L("Back"), func() { e.ui.leaveScreen() })
	addPose := widget.NewButton(lang.L("Add pose"), e.onAddPose)
	removePose := widget.NewButton(lang.L("Remove pose"), e.onRemovePose)
	addProp := widget.NewButton(lang.L("Add prop"), e.onAddProp)
	removeProp := widget.NewButton(lang.L("Remove last prop"), e.onRemoveProp)
	setAngle := widget.NewButton(lang.L("Set"), e.onAngle)
	controls := container.NewVBox(
		widget.NewLabelWithStyle(fmt.Sprintf(lang.L("Figure of %s"), e.ex.Name), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		e.startFrom,
		container.NewGridWithColumns(3, e.pose, addPose, removePose),
		container.NewHBox(widget.NewLabel(lang.L("Seen from")), e.view),
		widget.NewLabel(lang.L("Drag a joint on the figure, or choose one and type its angle in degrees:")),
		container.NewBorder(nil, nil, nil, setAngle, container.NewGridWithColumns(2, e.joint, e.angle)),
		e.angleMsg,
		widget.NewLabel(lang.L("Props")),
		container.NewGridWithColumns(2, e.propKind, e.propAt),
		container.NewGridWithColumns(2, addProp, removeProp),
		e.props,
		widget.NewLabel(lang.L("Working region")),
		e.region,
		e.status,
		container.NewHBox(back, e.save),
	)
	split := container.NewHSplit(e.canvas, container.NewVScroll(controls))
	split.Offset = 0.55
	return container.NewBorder(nil, e.preview, nil, nil, split)
}

// openPoseEditor shows the pose editor for a coach's own exercise.
func (u *UI) openPoseEditor(ex *assessment.Exercise) *poseEditor {
	e := newPoseEditor(u, ex)
	u.pushScreen(e.content(), e)
	return e
}

func (e *poseEditor) dirty() bool { return e.changed }

func (e *poseEditor) current() *figure.Pose { return &e.poses[e.cur] }

// refresh puts the current pose into every control and redraws.
func (e *poseEditor) refresh() {
	e.syncing = true
	defer func() { e.syncing = false }()
	names := make([]string, len(e.poses))
	for i, p := range e.poses {
		names[i] = fmt.Sprintf("%d %s", i+1, p.Name)
	}
	e.pose.Options = names
	e.pose.SetSelected(names[e.cur])
	p := e.current()
	e.view.SetSelected(string(p.View))
	e.region.SetSelected(append([]string(nil), p.Region...))
	var props []string
	for _, pr := range p.Props {
		s := string(pr.Kind)
		if pr.At != "" {
			s += " " + lang.L("at") + " " + pr.At
		}
		props = append(props, s)
	}
	if len(props) == 0 {
		e.props.SetText(lang.L("No props."))
	} else {
		e.props.SetText(strings.Join(props, ", "))
	}
	e.showAngle()
	e.canvas.Refresh()
	e.preview.Refresh()
}

func (e *poseEditor) showAngle() {
	if e.joint == nil || e.angle == nil {
		return
	}
	d := figure.DOF(e.joint.Selected)
	e.angle.SetText(strconv.FormatFloat(e.current().Angles[d], 'f', -1, 64))
	if l, ok := figure.LimitOf(d); ok {
		e.angleMsg.SetText(fmt.Sprintf(lang.L("%s: %.0f° to %.0f°."), d, l.Min, l.Max))
	}
}

func (e *poseEditor) edited() {
	e.changed = true
	e.status.SetText("")
	e.refresh()
}

func (e *poseEditor) onPose(s string) {
	if e.syncing {
		return
	}
	for i := range e.poses {
		if strings.HasPrefix(s, strconv.Itoa(i+1)+" ") {
			e.cur = i
		}
	}
	e.refresh()
}

func (e *poseEditor) onView(v string) {
	if e.syncing || v == "" || figure.View(v) == e.current().View {
		return
	}
	e.current().View = figure.View(v)
	e.edited()
}

func (e *poseEditor) onStartFrom(s string) {
	if s == "" {
		return
	}
	for _, n := range neutralStarts {
		if s == lang.L(n.label) {
			e.poses = neutralPair(n.kind)
		}
	}
	if name, ok := strings.CutPrefix(s, lang.L("Copy: ")); ok && e.ui.svc.Library != nil {
		for _, x := range e.ui.svc.Library.Exercises {
			if x.Name == name {
				if p, ok := figure.ForExercise(x.ID); ok {
					e.poses = p
				}
			}
		}
	}
	e.cur = 0
	e.edited()
}

// onAngle sets the chosen joint to the typed angle. A value that is not a
// number is refused and kept in the field; one past the joint's range is
// set to the nearest limit and the coach is told.
func (e *poseEditor) onAngle() {
	d := figure.DOF(e.joint.Selected)
	l, ok := figure.LimitOf(d)
	if !ok {
		e.angleMsg.SetText(lang.L("Choose a joint first."))
		return
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(e.angle.Text, "°")), 64)
	if err != nil {
		e.angleMsg.SetText(fmt.Sprintf(lang.L("Type the angle of %s as a number of degrees, e.g. 45."), d))
		return
	}
	kept := e.current().Angles.Set(d, v)
	e.edited()
	if kept != v {
		e.angleMsg.SetText(fmt.Sprintf(lang.L("%s reaches %.0f° to %.0f°; it is set to %.0f°."), d, l.Min, l.Max, kept))
	}
}

func (e *poseEditor) onAddPose() {
	p := e.current().Clone()
	p.Arrows = nil
	p.Name = "end"
	if e.cur < len(e.poses)-1 || len(e.poses) >= 2 {
		p.Name = "middle"
	}
	e.poses = append(e.poses[:e.cur+1], append([]figure.Pose{p}, e.poses[e.cur+1:]...)...)
	e.cur++
	e.edited()
}

func (e *poseEditor) onRemovePose() {
	if len(e.poses) <= 2 {
		e.status.SetText(lang.L("A figure keeps at least a start and an end pose."))
		return
	}
	e.poses = append(e.poses[:e.cur], e.poses[e.cur+1:]...)
	e.cur = min(e.cur, len(e.poses)-1)
	e.edited()
}

func (e *poseEditor) onAddProp() {
	k := figure.PropKind(e.propKind.Selected)
	if k == "" {
		e.status.SetText(lang.L("Choose a prop to add."))
		return
	}
	pr := figure.Prop{Kind: k, At: e.propAt.Selected}
	switch k {
	case figure.Band, figure.Cable:
		if pr.At == "" {
			pr.At = "hands"
		}
		pr.Ref, pr.DX = pr.At, 0.9 // anchored in front of where it is held
	case figure.Wall, figure.Doorway:
		if pr.At == "" {
			pr.At = "sacrum"
		}
		pr.Ref, pr.DX = pr.At, -0.05
	case figure.Kettlebell, figure.Dumbbell, figure.Barbell:
		if pr.At == "" {
			pr.At = "hands"
		}
	case figure.Dowel:
		pr.At, pr.To = "head", "sacrum"
	}
	p := e.current()
	p.Props = append(p.Props, pr)
	if err := p.Check(); err != nil {
		p.Props = p.Props[:len(p.Props)-1]
		e.status.SetText(err.Error())
		return
	}
	e.edited()
}

func (e *poseEditor) onRemoveProp() {
	p := e.current()
	if len(p.Props) > 0 {
		p.Props = p.Props[:len(p.Props)-1]
		e.edited()
	}
}

func (e *poseEditor) onRegion(sel []string) {
	if e.syncing {
		return
	}
	e.current().Region = append([]string(nil), sel...)
	e.edited()
}

// onSave stores the poses with the exercise (one save of the exercise,
// so the figure and the exercise never disagree).
func (e *poseEditor) onSave() bool {
	raw, err := figure.Encode(e.poses)
	if err != nil {
		e.status.SetText(fmt.Sprintf(lang.L("This figure cannot be saved: %s"), err.Error()))
		return false
	}
	saved := *e.ex
	saved.Figure = raw
	if e.ui.svc.Exercises == nil {
		e.status.SetText(lang.L("Keel has no exercise store open, so the figure was not saved."))
		return false
	}
	if err := e.ui.svc.Exercises.SaveExercise(ctx(), &saved); err != nil {
		e.status.SetText(assessment.ErrorMessage(err))
		return false
	}
	*e.ex = saved
	e.changed = false
	e.status.SetText(lang.L("Figure saved with the exercise."))
	return true
}

// poseCanvas shows the current pose in the editor's fixed room with a
// handle on every joint a coach can drag.
type poseCanvas struct {
	widget.BaseWidget
	e        *poseEditor
	raster   *canvas.Raster
	dragging string
	pointer  fyne.Position
}

func newPoseCanvas(e *poseEditor) *poseCanvas {
	c := &poseCanvas{e: e}
	c.raster = canvas.NewRaster(c.draw)
	c.ExtendBaseWidget(c)
	return c
}

func (c *poseCanvas) MinSize() fyne.Size { return fyne.NewSize(300, 280) }

func (c *poseCanvas) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.raster)
}

// draw paints the pose and its handles at the raster's pixel size; the
// handles are found in the widget's own units, so the pixel scale is
// the ratio of the two.
func (c *poseCanvas) draw(w, h int) image.Image {
	pal := currentPalette()
	img := image.NewRGBA(image.Rect(0, 0, max(w, 1), max(h, 1)))
	p := *c.e.current()
	paintPrims(img, figure.DrawRoom(p, float64(w), float64(h)), figure.Pt{}, pal)
	var handles []figure.Prim
	for name, q := range figure.HandlesAt(p, float64(w), float64(h)) {
		r := float64(min(w, h)) * 0.014
		if name == c.dragging {
			r *= 1.6
		}
		handles = append(handles, figure.Prim{Kind: figure.Dot, Tone: figure.Accent, Pts: []figure.Pt{q}, R: r})
	}
	paintPrims(img, handles, figure.Pt{}, figurePalette{ink: pal.ink, accent: color.NRGBA{R: 230, G: 120, B: 30, A: 220}, paper: pal.paper, tint: pal.tint})
	return img
}

// Dragged moves the joint nearest to where the drag began towards the
// pointer (figure.Reach keeps it inside its limits). The pointer is where
// the drag was picked up plus every movement since, which reads the same
// from the window driver and the test driver.
func (c *poseCanvas) Dragged(ev *fyne.DragEvent) {
	sz := c.Size()
	w, h := float64(sz.Width), float64(sz.Height)
	p := c.e.current()
	if c.dragging == "" {
		c.pointer = ev.Position
		name, d := figure.NearestHandle(*p, figure.Pt{X: float64(ev.Position.X), Y: float64(ev.Position.Y)}, w, h)
		if d > float64(min(sz.Width, sz.Height))*0.08 {
			return // not on a joint
		}
		c.dragging = name
	}
	c.pointer = c.pointer.Add(ev.Dragged)
	d, _, ok := figure.Reach(p, c.dragging, figure.Pt{X: float64(c.pointer.X), Y: float64(c.pointer.Y)}, w, h)
	if !ok {
		return
	}
	c.e.joint.SetSelected(string(d))
	c.e.edited()
}

// DragEnd lets go of the joint.
func (c *poseCanvas) DragEnd() {
	c.dragging = ""
	c.Refresh()
}

func (c *poseCanvas) Refresh() {
	c.raster.Refresh()
	c.BaseWidget.Refresh()
}

// figureButton opens the pose editor for the exercise in the form. A new
// exercise is saved first: its figure is stored with it.
func (s *exerciseScreen) figureButton() *widget.Button {
	return widget.NewButton(lang.L("Draw figure"), func() {
		if s.editing == nil {
			s.setStatus(lang.L("Save the exercise first, then draw its figure."), widget.WarningImportance)
			return
		}
		s.guard(func() { s.ui.openPoseEditor(s.editing) })
	})
}
