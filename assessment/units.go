package assessment

// Diastasis width units: how the coach measures the gap.
const (
	UnitFingers = "fingers"
	UnitMM      = "mm"
)

// DiastasisUnit is the unit r's diastasis gap was measured in: UnitMM when
// any site was measured in millimetres, UnitFingers otherwise; ok is false
// when no gap is recorded (the coach's preferred unit then applies).
func (r *Record) DiastasisUnit() (unit string, ok bool) {
	if r == nil || r.Diastasis == nil {
		return "", false
	}
	for _, site := range []*DiastasisSite{r.Diastasis.Above, r.Diastasis.At, r.Diastasis.Below} {
		if site != nil && site.WidthMM != nil {
			return UnitMM, true
		}
	}
	return UnitFingers, true
}
