package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sync"
	"time"

	"github.com/keel-coach/keel/assessment"
)

var _ assessment.RecordSummaryService = (*RecordService)(nil)

// FindRecordSummaries returns what a client's list of assessments shows,
// oldest first, without decoding the assessments: date and kind are
// columns, the finding count and referral flag are kept in
// assessment_summaries (migration 0006). An assessment whose summary is
// missing (new, edited, imported) or was worked out by another build of
// Keel is decoded and interpreted once, and its summary stored for next
// time.
func (s *RecordService) FindRecordSummaries(ctx context.Context, clientID int64) ([]assessment.RecordSummary, error) {
	out, stale, err := s.readSummaries(ctx, clientID)
	if err != nil {
		return nil, err
	}
	if len(stale) > 0 {
		s.keepSummaries(ctx, out, stale)
	}
	return out, nil
}

// staleSummary is a summary worked out from a document just read: stored
// only while the document is still the same.
type staleSummary struct {
	index int
	data  string
}

func (s *RecordService) readSummaries(ctx context.Context, clientID int64) ([]assessment.RecordSummary, []staleSummary, error) {
	const op = "list the assessments"
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT a.id, a.date, a.kind, coalesce(s.rules = ?, 0), s.findings, s.referral
		FROM assessments AS a LEFT JOIN assessment_summaries AS s ON s.assessment_id = a.id
		WHERE a.client_id = ? ORDER BY a.date, a.id`, summaryRules(), clientID)
	if err != nil {
		return nil, nil, mapError(op, err)
	}
	defer rows.Close()
	out := []assessment.RecordSummary{}
	var missing []int
	for rows.Next() {
		var (
			sum      = assessment.RecordSummary{ClientID: clientID}
			date     string
			current  bool
			findings *int
			referral *bool
		)
		if err := rows.Scan(&sum.ID, &date, &sum.Kind, &current, &findings, &referral); err != nil {
			return nil, nil, mapError(op, err)
		}
		if sum.Date, err = fastDate(date); err != nil {
			return nil, nil, assessment.Internal(op, err)
		}
		if current && findings != nil && referral != nil {
			sum.Findings, sum.ReferralRequired = *findings, *referral
		} else {
			missing = append(missing, len(out))
		}
		out = append(out, sum)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, mapError(op, err)
	}
	rows.Close()
	stale := make([]staleSummary, 0, len(missing))
	for _, i := range missing {
		var data string
		if err := tx.QueryRowContext(ctx, `SELECT data FROM assessments WHERE id = ?`, out[i].ID).Scan(&data); err != nil {
			return nil, nil, mapError(op, err)
		}
		var r assessment.Record
		if err := json.Unmarshal([]byte(data), &r); err != nil {
			return nil, nil, assessment.Internal(op, err)
		}
		r.ID, r.ClientID = out[i].ID, clientID
		full := assessment.Summarize(&r)
		out[i].Findings, out[i].ReferralRequired = full.Findings, full.ReferralRequired
		stale = append(stale, staleSummary{index: i, data: data})
	}
	return out, stale, nil
}

// summaryWriteWait is how long the list waits to store summaries behind
// another save; past it the summaries are simply worked out again next
// time. (H)
const summaryWriteWait = 100 * time.Millisecond

// keepSummaries stores freshly worked-out summaries. They are a cache: a
// failure to store them changes nothing the coach sees, so it is not
// reported. Each is stored only if the assessment's document is still the
// one it was worked out from.
func (s *RecordService) keepSummaries(ctx context.Context, out []assessment.RecordSummary, stale []staleSummary) {
	ctx, cancel := context.WithTimeout(ctx, summaryWriteWait)
	defer cancel()
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return
	}
	defer tx.Rollback()
	for _, st := range stale {
		sum := out[st.index]
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO assessment_summaries (assessment_id, client_id, rules, findings, referral)
			SELECT id, client_id, ?, ?, ? FROM assessments WHERE id = ? AND data = ?`,
			summaryRules(), sum.Findings, sum.ReferralRequired, sum.ID, st.data); err != nil {
			return
		}
	}
	_ = tx.commit("keep the assessment summaries")
}

// summaryRules names the build of Keel that works summaries out: the
// program file's size and time. A new Keel may count findings differently,
// so summaries another build stored are worked out again. When the program
// file cannot be read, every summary is worked out afresh (the stamp never
// matches a stored one).
var summaryRules = sync.OnceValue(func() string {
	exe, err := os.Executable()
	if err == nil {
		var fi os.FileInfo
		if fi, err = os.Stat(exe); err == nil {
			return fmt.Sprintf("%d-%d", fi.Size(), fi.ModTime().UnixNano())
		}
	}
	return fmt.Sprintf("unstamped-%d", time.Now().UnixNano())
})
