package assessment

// NotInFuture is the rule for the dates a coach records of something that
// happened (an assessment, a session): a date after today is refused,
// with a message naming the field and today's date. what names the date
// in a sentence, e.g. "The assessment date".
func NotInFuture(v *ValidationErrors, field string, d, today Date, what string) {
	if !d.IsZero() && d.After(today) {
		v.Add(field, "%s is in the future; enter today's date (%s) or an earlier one.", what, today.String())
	}
}
