package assessment

// NeedsCareToday reports whether r's red-flag answers point at the nerves
// at the base of the spine (numbness in the saddle area, a new bladder or
// bowel change, weakness getting worse in both legs), answered yes or
// unsure. Those are the signs of cauda equina syndrome, an emergency
// (domain.md §6 [62]): she should get medical help today, with or without
// a clearance on file. The handout's urgent line and the urgent referrals
// both follow this one decision.
func NeedsCareToday(r *Record) bool {
	if r == nil || r.RedFlags == nil {
		return false
	}
	for _, q := range redFlagQuestions {
		if redFlagCauda[q.key] && q.get(r.RedFlags).Raised() {
			return true
		}
	}
	return false
}
