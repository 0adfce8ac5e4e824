package report

import (
	"fmt"
	"strings"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/report/figure"
)

// Catalogue is the printable sheet of the exercise library: every
// exercise with its figure, name, equipment and cues. Coaches pin it up in
// the studio; it is also where every figure is reviewed at once.
type Catalogue struct {
	Title string
	// Paper is PaperA4 (default) or PaperLetter.
	Paper   string
	Entries []CatalogueEntry
}

// CatalogueEntry is one exercise on the sheet.
type CatalogueEntry struct {
	ID        string
	Name      string
	Custom    bool
	Equipment string
	Cues      []string
	// Poses are drawn left to right; none means the exercise has no figure
	// yet and Missing says so.
	Poses   []figure.Pose
	Side    string
	Missing string
}

// BuildCatalogue lays out the sheet for exercises in the order given
// (built-in first, then the coach's own). A coach's exercise carries its
// poses in Exercise.Figure; a built-in one takes them from the embedded
// figures.
func BuildCatalogue(exercises []*assessment.Exercise, paper string) *Catalogue {
	c := &Catalogue{Title: "Exercise library", Paper: paper}
	for _, e := range exercises {
		en := CatalogueEntry{ID: e.ID, Name: e.Name, Custom: e.Custom, Equipment: equipmentWords(e.Equipment),
			Cues: append([]string(nil), e.Cues...)}
		if poses, side, err := FigureOf(e); err != nil {
			en.Missing = "The figure saved with this exercise cannot be drawn (" + err.Error() + "); open it in the pose editor."
		} else if len(poses) == 0 {
			en.Missing = "No figure yet: draw one in the pose editor."
		} else {
			en.Poses, en.Side = poses, side
		}
		c.Entries = append(c.Entries, en)
	}
	return c
}

// FigureOf returns the poses drawn for an exercise and the side shown for
// one-sided work: a coach's own from what she saved, a built-in one from
// the embedded figures. No poses and no error means none were drawn.
func FigureOf(e *assessment.Exercise) ([]figure.Pose, string, error) {
	if len(e.Figure) > 0 {
		p, err := figure.Decode(e.Figure)
		return p, "", err
	}
	if e.Custom {
		return nil, "", nil
	}
	p, _ := figure.ForExercise(e.ID)
	return p, figure.SideOf(e.ID), nil
}

// equipmentWords names the equipment for the sheet.
func equipmentWords(eq []string) string {
	var out []string
	for _, x := range eq {
		if x == "none" {
			return "No equipment"
		}
		out = append(out, strings.ReplaceAll(x, "_", " "))
	}
	if len(out) == 0 {
		return "Equipment not recorded"
	}
	s := strings.Join(out, ", ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// poseLabel is the caption under a pose: its place in the sequence.
func poseLabel(i, n int, p figure.Pose) string {
	name := p.Name
	switch name {
	case "":
		name = fmt.Sprintf("Pose %d", i+1)
	case "start", "middle", "end":
		name = strings.ToUpper(name[:1]) + name[1:]
	}
	return fmt.Sprintf("%d  %s", i+1, name)
}

// figureSideNote tells the reader which side the figure shows (its near
// limbs solid, the far ones hollow). It is short enough for one line
// beside three figures.
func figureSideNote(side string) string {
	switch side {
	case "left":
		return "Left side shown; repeat on the right."
	case "right":
		return "Right side shown; repeat on the left."
	}
	return ""
}
