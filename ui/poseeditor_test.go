package ui

import (
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report/figure"
)

// ownBridge saves a coach's exercise (a copy of the glute bridge under her
// own id) with no figure yet.
func ownBridge(t *testing.T, tu *testUI) *assessment.Exercise {
	t.Helper()
	b, ok := tu.svc.Library.Get("glute_bridge")
	if !ok {
		t.Fatal("no glute bridge")
	}
	e := *b
	e.ID, e.Name, e.Custom = "my_bridge", "My sofa bridge", true
	e.Regression, e.Progression = "", ""
	if err := tu.svc.Exercises.SaveExercise(ctx(), &e); err != nil {
		t.Fatal(err)
	}
	return &e
}

func findOwn(t *testing.T, tu *testUI, id string) *assessment.Exercise {
	t.Helper()
	all, err := tu.svc.Exercises.FindExercises(ctx())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range all {
		if e.ID == id {
			return e
		}
	}
	t.Fatalf("exercise %s not stored", id)
	return nil
}

// The coach drags a joint, saves, and finds the pose again when she
// reopens the editor.
func TestPoseEditorDragSaveReopen(t *testing.T) {
	tu := newTestUI(t)
	ex := ownBridge(t, tu)
	e := tu.openPoseEditor(ex)
	if e.dirty() {
		t.Fatal("a fresh editor is dirty")
	}
	if got := len(e.poses); got != 2 {
		t.Fatalf("a new figure has %d poses, want start and end", got)
	}
	// Drag the right knee forward and up from where it is drawn.
	sz := e.canvas.Size()
	if sz.Width < 100 || sz.Height < 100 {
		t.Fatalf("the figure area is %v", sz)
	}
	knee := figure.HandlesAt(*e.current(), float64(sz.Width), float64(sz.Height))["knee_r"]
	abs := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.canvas)
	before := e.current().Angles["hip_r_flex"]
	test.Drag(tu.win.Canvas(), abs.Add(fyne.NewPos(float32(knee.X), float32(knee.Y))), 45, -45)
	after := e.current().Angles["hip_r_flex"]
	if after < before+30 {
		t.Fatalf("dragging the knee up turned the hip from %v to %v", before, after)
	}
	if e.joint.Selected != "hip_r_flex" || !e.dirty() {
		t.Errorf("after the drag: joint %q, dirty %v", e.joint.Selected, e.dirty())
	}

	// Type an angle past the joint's limit: it stops at the limit and says so.
	e.joint.SetSelected("knee_l")
	e.angle.SetText("200")
	e.onAngle()
	if got := e.current().Angles["knee_l"]; got != 155 {
		t.Errorf("knee_l typed 200 kept as %v, want 155", got)
	}
	if !strings.Contains(e.angleMsg.Text, "155") {
		t.Errorf("message %q does not give the limit", e.angleMsg.Text)
	}
	e.angle.SetText("a lot")
	e.onAngle()
	if !strings.Contains(e.angleMsg.Text, "number of degrees") || e.angle.Text != "a lot" {
		t.Errorf("a word for an angle: message %q, field %q", e.angleMsg.Text, e.angle.Text)
	}

	// A prop and a working region, then the end pose.
	e.propKind.SetSelected(string(figure.Band))
	e.propAt.SetSelected("hands")
	e.onAddProp()
	e.region.SetSelected([]string{"glutes"})
	e.pose.SetSelected(e.pose.Options[1])
	if e.cur != 1 {
		t.Fatalf("the pose picker did not switch to the end pose")
	}
	e.joint.SetSelected("pitch")
	e.angle.SetText("-60")
	e.onAngle()

	test.Tap(e.save)
	if !strings.Contains(e.status.Text, "saved") || e.dirty() {
		t.Fatalf("after saving: %q, dirty %v", e.status.Text, e.dirty())
	}
	want := e.poses

	// Reopen from the database.
	tu.popScreen()
	again := tu.openPoseEditor(findOwn(t, tu, "my_bridge"))
	if !reflect.DeepEqual(again.poses, want) {
		t.Errorf("reopened poses differ:\n got %+v\nwant %+v", again.poses, want)
	}
	if got := again.poses[0].Props; len(got) != 1 || got[0].Kind != figure.Band {
		t.Errorf("start props after reopening: %+v", got)
	}
	tu.capture(t, "pose_editor")
}

// Starting from a built-in exercise copies its poses.
func TestPoseEditorStartFromBuiltin(t *testing.T) {
	tu := newTestUI(t)
	e := tu.openPoseEditor(ownBridge(t, tu))
	e.startFrom.SetSelected("Copy: Clamshell")
	want, _ := figure.ForExercise("clamshell")
	if !reflect.DeepEqual(e.poses, want) {
		t.Errorf("copied poses differ from the clamshell's")
	}
	e.startFrom.SetSelected("Neutral: on hands and knees")
	if e.poses[0].Angles["pitch"] != 90 {
		t.Errorf("kneeling start: pitch %v", e.poses[0].Angles["pitch"])
	}
	// Two poses at least.
	e.onRemovePose()
	if len(e.poses) != 2 || !strings.Contains(e.status.Text, "at least") {
		t.Errorf("removing below two poses: %d poses, %q", len(e.poses), e.status.Text)
	}
}

// A figure drawn once at a size is taken from the cache after that.
func TestFigureCacheDrawsOnce(t *testing.T) {
	test.NewTempApp(t)
	ex := &assessment.Exercise{ID: "bird_dog", Name: "Bird dog"}
	poses, _ := figure.ForExercise("bird_dog")
	figureCache.Lock()
	n0 := figureCache.draws
	figureCache.Unlock()
	a := cachedFigure(figureKeyOf(ex), poses, 120, 50)
	b := cachedFigure(figureKeyOf(ex), poses, 120, 50)
	figureCache.Lock()
	n := figureCache.draws - n0
	figureCache.Unlock()
	if n != 1 || a != b {
		t.Fatalf("two requests drew %d figures (same image %v)", n, a == b)
	}
	// Something was drawn: the strip is not blank.
	img := a.(interface{ Opaque() bool })
	_ = img
	r := newExerciseFigure(ex, fyne.NewSize(120, 50))
	if r.MinSize().Width != 120 {
		t.Errorf("figure min size %v", r.MinSize())
	}
}

// The library screen shows a built-in exercise's figure, and a coach's
// own exercise opens the pose editor from its form.
func TestExerciseScreenFigures(t *testing.T) {
	tu := newTestUI(t)
	ownBridge(t, tu)
	s := tu.openExercises()
	s.selectForTest(t, "bird_dog")
	found := false
	for _, o := range s.view.Objects {
		if r, ok := o.(*canvas.Raster); ok && r.MinSize().Width >= 300 {
			found = true
		}
	}
	if !found {
		t.Error("the bird dog's page shows no figure")
	}
	tu.capture(t, "exercise_figure")

	s.selectForTest(t, "my_bridge")
	var btn *widget.Button
	for _, o := range s.formHead.Objects {
		if box, ok := o.(*fyne.Container); ok {
			for _, b := range box.Objects {
				if x, ok := b.(*widget.Button); ok && x.Text == "Draw figure" {
					btn = x
				}
			}
		}
	}
	if btn == nil {
		t.Fatal("no Draw figure button on her exercise")
	}
	test.Tap(btn)
	if _, ok := tu.editors[len(tu.editors)-1].(*poseEditor); !ok {
		t.Fatalf("Draw figure opened %T", tu.editors[len(tu.editors)-1])
	}
}
