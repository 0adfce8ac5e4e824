// Package assessment is what Keel knows about coaching a client, with no
// screen, database or printer in it.
//
// To a coach it reads like her own process. A Client is a person she works
// with, most often a mother with low back pain after a birth, with the
// facts about her pregnancies that change what is safe. A Record is one
// assessment session: the sections she tested (red-flag screen, pelvic
// floor, pain, pelvic tilt, Thomas test, glutes, hip hinge, diastasis,
// posture), each left out when not tested, never guessed. Interpret turns a
// record into findings in plain words, and the safety gates decide what she
// must not be given yet and who she should see first; a missing answer is
// read as the strictest case and said so. Generate builds a Programme of
// several weeks from the record and the exercise Library, with a reason for
// every exercise chosen and every one left out.
//
// The workflow rules live here too, each beside its test, so that a screen
// or a command only collects input, calls them and shows the result:
// Reassessment prefills a new session from an earlier one (and never
// carries a doctor's clearance across); NewProgramme, Regenerate and
// Programme.Revise make and change plans, and Programme.Issue hands one
// out, after which it never changes in place: a change is a new draft
// version and the older version is kept. CurrentProgramme says which plan
// she is following, Programme.Schedule when it runs, NextReassessment when
// to see her again, and Compare and Trends what changed between sessions.
//
// Storage is described by interfaces (ClientService, RecordService,
// ProgrammeService, ...) that the sqlite package implements and that the
// storetest package checks; errors carry a code, a sentence a coach can
// read, the field it concerns, a reason for a conflict, and the cause for
// the log. The package uses the standard library only, so every rule can be
// tested without cgo, a display or a database.
package assessment
