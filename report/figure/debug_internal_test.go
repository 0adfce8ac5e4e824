package figure

import (
	"fmt"
	"github.com/jung-kurt/gofpdf"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestDebugPoints prints the placed body points of the poses named in
// FIGURE_DEBUG (comma-separated exercise ids); it is a drawing aid and
// does nothing otherwise.
func TestDebugPoints(t *testing.T) {
	ids := os.Getenv("FIGURE_DEBUG")
	if ids == "" {
		t.Skip("set FIGURE_DEBUG to exercise ids")
	}
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range strings.Split(ids, ",") {
		for _, p := range lib[id].Poses {
			pts := placed(p)
			keys := make([]string, 0, len(pts))
			for k := range pts {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			var b strings.Builder
			for _, k := range keys {
				fmt.Fprintf(&b, " %s=(%.2f,%.2f)", k, pts[k].X, pts[k].Y)
			}
			t.Logf("%s/%s:%s", id, p.Name, b.String())
		}
	}
}

// TestDebugSheet writes the figures of the exercises named in FIGURE_SHEET
// (comma-separated ids, or "all") as a PDF to FIGURE_SHEET_OUT: a drawing
// aid for looking at poses without building the whole catalogue.
func TestDebugSheet(t *testing.T) {
	ids, out := os.Getenv("FIGURE_SHEET"), os.Getenv("FIGURE_SHEET_OUT")
	if ids == "" || out == "" {
		t.Skip("set FIGURE_SHEET and FIGURE_SHEET_OUT")
	}
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	const w, h = 45.0, 34.0
	list := strings.Split(ids, ",")
	if ids == "all" {
		list = list[:0]
		for id := range lib {
			list = append(list, id)
		}
		sort.Strings(list)
	}
	pdf := gofpdf.NewCustom(&gofpdf.InitType{UnitStr: "mm", Size: gofpdf.SizeType{Wd: 4*w + 20, Ht: float64(len(list)) * (h + 7)}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 7)
	pdf.SetLineCapStyle("round")
	pdf.SetLineJoinStyle("round")
	col := map[Tone][3]int{Ink: {34, 34, 34}, Accent: {208, 90, 0}, Paper: {255, 255, 255}, Tint: {220, 220, 220}}
	for r, id := range list {
		y0 := float64(r) * (h + 7)
		pdf.Text(2, y0+4, id+" ("+lib[id].Side+")")
		for i, prims := range DrawSet(lib[id].Poses, w, h) {
			x0 := float64(i)*(w+3) + 2
			pdf.SetDrawColor(170, 170, 255)
			pdf.SetLineWidth(0.1)
			pdf.Rect(x0, y0+6, w, h, "D")
			for _, q := range prims {
				c := col[q.Tone]
				pdf.SetDrawColor(c[0], c[1], c[2])
				pdf.SetFillColor(c[0], c[1], c[2])
				pts := make([]gofpdf.PointType, len(q.Pts))
				for j, p := range q.Pts {
					pts[j] = gofpdf.PointType{X: x0 + p.X, Y: y0 + 6 + p.Y}
				}
				switch q.Kind {
				case Dot:
					pdf.Circle(pts[0].X, pts[0].Y, q.R, "F")
				case Fill:
					pdf.Polygon(pts, "F")
				default:
					pdf.SetLineWidth(q.W)
					if q.Closed {
						pdf.Polygon(pts, "D")
					} else {
						for j := 1; j < len(pts); j++ {
							pdf.Line(pts[j-1].X, pts[j-1].Y, pts[j].X, pts[j].Y)
						}
					}
				}
			}
		}
	}
	if err := pdf.OutputFileAndClose(out); err != nil {
		t.Fatal(err)
	}
}

// TestDebugGaps prints how far each knee, hand, foot and the pelvis lies
// above the floor in the poses of the exercises named in FIGURE_GAPS.
func TestDebugGaps(t *testing.T) {
	ids := os.Getenv("FIGURE_GAPS")
	if ids == "" {
		t.Skip("set FIGURE_GAPS to exercise ids")
	}
	lib, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range strings.Split(ids, ",") {
		for _, p := range lib[id].Poses {
			var b strings.Builder
			for _, n := range []string{"hand_l", "hand_r", "elbow_l", "elbow_r", "knee_l", "knee_r", "toe_l", "toe_r", "heel_l", "heel_r", "pelvis", "hip_r", "head", "neck", "chest", "back"} {
				fmt.Fprintf(&b, " %s=%.2f", n, floorGap(p, n))
			}
			t.Logf("%s/%s:%s", id, p.Name, b.String())
		}
	}
}
