package assessment

import (
	"fmt"
	"slices"
)

// Validate checks an export as a whole, as of ValidationDay(today): every client,
// assessment, session log and exercise against its own rules, ids unique
// and positive, and every reference pointing at something in the file
// that belongs to the same client (an assessment to its client, a
// programme to its client's assessment and to the first version of its
// lineage, a session log to a programme of its client). Problems come back
// as ValidationErrors named by path, at most MaxExportErrors.
func (e *Export) Validate(today Date) error {
	if e == nil {
		return Errorf(EINVALID, "There is no export to check.")
	}
	c := exportCheck{today: e.ValidationDay(today), clients: map[int64]*Client{}, records: map[int64]*Record{}, progs: map[int64]*Programme{}}
	c.checkClients(e.Clients)
	c.checkRecords(e.Assessments)
	c.checkProgrammes(e.Programmes)
	c.checkSessionLogs(e.SessionLogs)
	c.checkExercises(e.Exercises)
	c.checkTemplates(e.Templates)
	if len(c.v) > 0 {
		return capErrors(c.v)
	}
	return nil
}

// exportCheck gathers every problem in an export, and what each part of
// the file may refer to, as the parts are read in order.
type exportCheck struct {
	today   Date
	v       ValidationErrors
	clients map[int64]*Client
	records map[int64]*Record
	progs   map[int64]*Programme
}

func (c *exportCheck) bad(path, format string, args ...any) { c.v.Add(path, format, args...) }

// prefixed adds err's field errors under path (a message without a field
// goes on path itself).
func (c *exportCheck) prefixed(path string, err error) {
	for _, fe := range FieldErrors(err) {
		cp := *fe
		if cp.Field == "" {
			cp.Field = path
		} else {
			cp.Field = path + "." + cp.Field
		}
		c.v = append(c.v, &cp)
	}
	if err != nil && FieldErrors(err) == nil {
		c.v.Add(path, "%s", ErrorMessage(err))
	}
}

// checkID keeps v under its id in seen, refusing a missing or repeated id
// (what names the kind of thing in the message).
func checkID[T any](c *exportCheck, path, what string, id int64, seen map[int64]T, v T) {
	if id <= 0 {
		c.bad(path+".id", "Each %s needs a whole-number id from 1, unique in the file.", what)
	} else if _, dup := seen[id]; dup {
		c.bad(path+".id", "Another %s in the file has the id %d.", what, id)
	} else {
		seen[id] = v
	}
}

func (c *exportCheck) checkClients(cs []*Client) {
	for i, cl := range cs {
		path := fmt.Sprintf("clients[%d]", i)
		if cl == nil {
			c.bad(path, "Must be a client, not null.")
			continue
		}
		checkID(c, path, "client", cl.ID, c.clients, cl)
		cp := *cl // Normalize must not change the file's client
		if cl.Clearance != nil {
			cle := *cl.Clearance
			cp.Clearance = &cle
		}
		cp.Normalize()
		c.prefixed(path, cp.Validate(c.today))
	}
}

func (c *exportCheck) checkRecords(rs []*Record) {
	for i, r := range rs {
		path := fmt.Sprintf("assessments[%d]", i)
		if r == nil {
			c.bad(path, "Must be an assessment, not null.")
			continue
		}
		checkID(c, path, "assessment", r.ID, c.records, r)
		if _, ok := c.clients[r.ClientID]; !ok {
			c.bad(path+".client_id", "No client in the file has the id %d.", r.ClientID)
		}
		if r.Format != FormatAssessment {
			c.bad(path+".format", "Must be %q.", FormatAssessment)
		}
		rc := checker{file: true}
		rc.record(r)
		c.prefixed(path, rc.v.Err())
	}
}

func (c *exportCheck) checkProgrammes(ps []*Programme) {
	for i, p := range ps {
		path := fmt.Sprintf("programmes[%d]", i)
		if p == nil {
			c.bad(path, "Must be a programme, not null.")
			continue
		}
		checkID(c, path, "programme", p.ID, c.progs, p)
	}
	versions := map[[2]int64]bool{}
	for i, p := range ps {
		if p != nil {
			c.checkProgramme(fmt.Sprintf("programmes[%d]", i), p, versions)
		}
	}
}

// checkProgramme checks one programme's references, version and status;
// versions holds the lineage and version pairs seen so far.
func (c *exportCheck) checkProgramme(path string, p *Programme, versions map[[2]int64]bool) {
	if _, ok := c.clients[p.ClientID]; !ok {
		c.bad(path+".client_id", "No client in the file has the id %d.", p.ClientID)
	}
	if r, ok := c.records[p.RecordID]; !ok {
		c.bad(path+".record_id", "No assessment in the file has the id %d.", p.RecordID)
	} else if r.ClientID != p.ClientID {
		c.bad(path+".record_id", "The assessment %d belongs to another client.", p.RecordID)
	}
	if head, ok := c.progs[p.Lineage]; !ok || head.Lineage != head.ID {
		c.bad(path+".lineage", "Must be the id of the first version of this programme in the file.")
	} else if head.ClientID != p.ClientID {
		c.bad(path+".lineage", "The programme %d belongs to another client.", p.Lineage)
	}
	if p.Version < 1 {
		c.bad(path+".version", "Must be a whole number from 1.")
	} else if k := [2]int64{p.Lineage, int64(p.Version)}; versions[k] {
		c.bad(path+".version", "Another programme of the lineage %d has the version %d.", p.Lineage, p.Version)
	} else {
		versions[k] = true
	}
	if !StatusValid(p.Status) {
		c.bad(path+".status", "Choose draft, issued or superseded.")
	}
	if p.Format != FormatProgramme {
		c.bad(path+".format", "Must be %q.", FormatProgramme)
	}
}

func (c *exportCheck) checkSessionLogs(ls []*SessionLog) {
	ids := map[int64]bool{}
	for i, l := range ls {
		path := fmt.Sprintf("session_logs[%d]", i)
		if l == nil {
			c.bad(path, "Must be a session log, not null.")
			continue
		}
		if l.ID <= 0 || ids[l.ID] {
			c.bad(path+".id", "Each session log needs a whole-number id from 1, unique in the file.")
		}
		ids[l.ID] = true
		if p, ok := c.progs[l.ProgrammeID]; !ok {
			c.bad(path+".programme_id", "No programme in the file has the id %d.", l.ProgrammeID)
		} else if p.ClientID != l.ClientID {
			c.bad(path+".client_id", "Must be the client of programme %d.", l.ProgrammeID)
		}
		c.prefixed(path, l.Validate(c.today))
	}
}

func (c *exportCheck) checkExercises(xs []*Exercise) {
	ids := map[string]bool{}
	for i, x := range xs {
		path := fmt.Sprintf("custom_exercises[%d]", i)
		if x == nil {
			c.bad(path, "Must be an exercise, not null.")
			continue
		}
		if ids[x.ID] {
			c.bad(path+".id", "Another exercise in the file has the id %q.", clipText(x.ID))
		}
		ids[x.ID] = true
		cp := *x
		cp.Cues = slices.Clone(x.Cues)
		cp.Normalize()
		c.prefixed(path, cp.Validate())
	}
}
