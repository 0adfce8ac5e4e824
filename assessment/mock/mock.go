// Package mock holds fakes of the domain's storage interfaces: a struct
// per service with one function field per method, so a test sets only the
// methods a screen calls and injects the failure it wants to see handled
// (a conflict, an internal error) without a database or cgo. A method
// whose field is nil reports that it was not expected, naming itself.
//
// Journeys a coach makes are tested on real SQLite files; these fakes are
// for the failures a real file will not produce on demand.
package mock

import (
	"context"
	"fmt"

	"github.com/keel-coach/keel/assessment"
)

// unexpected is the error a method returns when the test did not set it.
func unexpected(method string) error {
	return assessment.Internal("answer "+method, fmt.Errorf("mock: %s called but not set", method))
}

// ClientService fakes assessment.ClientService.
type ClientService struct {
	CreateClientFn   func(ctx context.Context, c *assessment.Client) error
	UpdateClientFn   func(ctx context.Context, c *assessment.Client) error
	FindClientByIDFn func(ctx context.Context, id int64) (*assessment.Client, error)
	FindClientsFn    func(ctx context.Context, f assessment.ClientFilter) ([]*assessment.Client, int, error)
	SetArchivedFn    func(ctx context.Context, id int64, archived bool) error
	DeleteClientFn   func(ctx context.Context, id int64) error
}

var _ assessment.ClientService = (*ClientService)(nil)

// CreateClient calls CreateClientFn.
func (s *ClientService) CreateClient(ctx context.Context, c *assessment.Client) error {
	if s.CreateClientFn == nil {
		return unexpected("ClientService.CreateClient")
	}
	return s.CreateClientFn(ctx, c)
}

// UpdateClient calls UpdateClientFn.
func (s *ClientService) UpdateClient(ctx context.Context, c *assessment.Client) error {
	if s.UpdateClientFn == nil {
		return unexpected("ClientService.UpdateClient")
	}
	return s.UpdateClientFn(ctx, c)
}

// FindClientByID calls FindClientByIDFn.
func (s *ClientService) FindClientByID(ctx context.Context, id int64) (*assessment.Client, error) {
	if s.FindClientByIDFn == nil {
		return nil, unexpected("ClientService.FindClientByID")
	}
	return s.FindClientByIDFn(ctx, id)
}

// FindClients calls FindClientsFn.
func (s *ClientService) FindClients(ctx context.Context, f assessment.ClientFilter) ([]*assessment.Client, int, error) {
	if s.FindClientsFn == nil {
		return nil, 0, unexpected("ClientService.FindClients")
	}
	return s.FindClientsFn(ctx, f)
}

// SetArchived calls SetArchivedFn.
func (s *ClientService) SetArchived(ctx context.Context, id int64, archived bool) error {
	if s.SetArchivedFn == nil {
		return unexpected("ClientService.SetArchived")
	}
	return s.SetArchivedFn(ctx, id, archived)
}

// DeleteClient calls DeleteClientFn.
func (s *ClientService) DeleteClient(ctx context.Context, id int64) error {
	if s.DeleteClientFn == nil {
		return unexpected("ClientService.DeleteClient")
	}
	return s.DeleteClientFn(ctx, id)
}

// RecordService fakes assessment.RecordService.
type RecordService struct {
	CreateRecordFn   func(ctx context.Context, r *assessment.Record) error
	UpdateRecordFn   func(ctx context.Context, r *assessment.Record) error
	FindRecordByIDFn func(ctx context.Context, id int64) (*assessment.Record, error)
	FindRecordsFn    func(ctx context.Context, f assessment.RecordFilter) ([]*assessment.Record, error)
	DeleteRecordFn   func(ctx context.Context, id int64) error
}

var _ assessment.RecordService = (*RecordService)(nil)

// CreateRecord calls CreateRecordFn.
func (s *RecordService) CreateRecord(ctx context.Context, r *assessment.Record) error {
	if s.CreateRecordFn == nil {
		return unexpected("RecordService.CreateRecord")
	}
	return s.CreateRecordFn(ctx, r)
}

// UpdateRecord calls UpdateRecordFn.
func (s *RecordService) UpdateRecord(ctx context.Context, r *assessment.Record) error {
	if s.UpdateRecordFn == nil {
		return unexpected("RecordService.UpdateRecord")
	}
	return s.UpdateRecordFn(ctx, r)
}

// FindRecordByID calls FindRecordByIDFn.
func (s *RecordService) FindRecordByID(ctx context.Context, id int64) (*assessment.Record, error) {
	if s.FindRecordByIDFn == nil {
		return nil, unexpected("RecordService.FindRecordByID")
	}
	return s.FindRecordByIDFn(ctx, id)
}

// FindRecords calls FindRecordsFn.
func (s *RecordService) FindRecords(ctx context.Context, f assessment.RecordFilter) ([]*assessment.Record, error) {
	if s.FindRecordsFn == nil {
		return nil, unexpected("RecordService.FindRecords")
	}
	return s.FindRecordsFn(ctx, f)
}

// DeleteRecord calls DeleteRecordFn.
func (s *RecordService) DeleteRecord(ctx context.Context, id int64) error {
	if s.DeleteRecordFn == nil {
		return unexpected("RecordService.DeleteRecord")
	}
	return s.DeleteRecordFn(ctx, id)
}

// ProgrammeService fakes assessment.ProgrammeService.
type ProgrammeService struct {
	CreateProgrammeFn   func(ctx context.Context, p *assessment.Programme) error
	UpdateProgrammeFn   func(ctx context.Context, p *assessment.Programme) error
	FindProgrammeByIDFn func(ctx context.Context, id int64) (*assessment.Programme, error)
	FindProgrammesFn    func(ctx context.Context, f assessment.ProgrammeFilter) ([]*assessment.Programme, error)
	DeleteProgrammeFn   func(ctx context.Context, id int64) error
}

var _ assessment.ProgrammeService = (*ProgrammeService)(nil)

// CreateProgramme calls CreateProgrammeFn.
func (s *ProgrammeService) CreateProgramme(ctx context.Context, p *assessment.Programme) error {
	if s.CreateProgrammeFn == nil {
		return unexpected("ProgrammeService.CreateProgramme")
	}
	return s.CreateProgrammeFn(ctx, p)
}

// UpdateProgramme calls UpdateProgrammeFn.
func (s *ProgrammeService) UpdateProgramme(ctx context.Context, p *assessment.Programme) error {
	if s.UpdateProgrammeFn == nil {
		return unexpected("ProgrammeService.UpdateProgramme")
	}
	return s.UpdateProgrammeFn(ctx, p)
}

// FindProgrammeByID calls FindProgrammeByIDFn.
func (s *ProgrammeService) FindProgrammeByID(ctx context.Context, id int64) (*assessment.Programme, error) {
	if s.FindProgrammeByIDFn == nil {
		return nil, unexpected("ProgrammeService.FindProgrammeByID")
	}
	return s.FindProgrammeByIDFn(ctx, id)
}

// FindProgrammes calls FindProgrammesFn.
func (s *ProgrammeService) FindProgrammes(ctx context.Context, f assessment.ProgrammeFilter) ([]*assessment.Programme, error) {
	if s.FindProgrammesFn == nil {
		return nil, unexpected("ProgrammeService.FindProgrammes")
	}
	return s.FindProgrammesFn(ctx, f)
}

// DeleteProgramme calls DeleteProgrammeFn.
func (s *ProgrammeService) DeleteProgramme(ctx context.Context, id int64) error {
	if s.DeleteProgrammeFn == nil {
		return unexpected("ProgrammeService.DeleteProgramme")
	}
	return s.DeleteProgrammeFn(ctx, id)
}

// ExerciseService fakes assessment.ExerciseService.
type ExerciseService struct {
	SaveExerciseFn   func(ctx context.Context, e *assessment.Exercise) error
	FindExercisesFn  func(ctx context.Context) ([]*assessment.Exercise, error)
	DeleteExerciseFn func(ctx context.Context, id string) error
}

var _ assessment.ExerciseService = (*ExerciseService)(nil)

// SaveExercise calls SaveExerciseFn.
func (s *ExerciseService) SaveExercise(ctx context.Context, e *assessment.Exercise) error {
	if s.SaveExerciseFn == nil {
		return unexpected("ExerciseService.SaveExercise")
	}
	return s.SaveExerciseFn(ctx, e)
}

// FindExercises calls FindExercisesFn.
func (s *ExerciseService) FindExercises(ctx context.Context) ([]*assessment.Exercise, error) {
	if s.FindExercisesFn == nil {
		return nil, unexpected("ExerciseService.FindExercises")
	}
	return s.FindExercisesFn(ctx)
}

// DeleteExercise calls DeleteExerciseFn.
func (s *ExerciseService) DeleteExercise(ctx context.Context, id string) error {
	if s.DeleteExerciseFn == nil {
		return unexpected("ExerciseService.DeleteExercise")
	}
	return s.DeleteExerciseFn(ctx, id)
}

// ProfileService fakes assessment.ProfileService.
type ProfileService struct {
	ProfileFn     func(ctx context.Context) (assessment.Profile, error)
	SaveProfileFn func(ctx context.Context, p assessment.Profile) error
}

var _ assessment.ProfileService = (*ProfileService)(nil)

// Profile calls ProfileFn.
func (s *ProfileService) Profile(ctx context.Context) (assessment.Profile, error) {
	if s.ProfileFn == nil {
		return assessment.Profile{}, unexpected("ProfileService.Profile")
	}
	return s.ProfileFn(ctx)
}

// SaveProfile calls SaveProfileFn.
func (s *ProfileService) SaveProfile(ctx context.Context, p assessment.Profile) error {
	if s.SaveProfileFn == nil {
		return unexpected("ProfileService.SaveProfile")
	}
	return s.SaveProfileFn(ctx, p)
}

// SessionLogService fakes assessment.SessionLogService.
type SessionLogService struct {
	CreateSessionLogFn func(ctx context.Context, l *assessment.SessionLog) error
	UpdateSessionLogFn func(ctx context.Context, l *assessment.SessionLog) error
	FindSessionLogsFn  func(ctx context.Context, f assessment.SessionLogFilter) ([]*assessment.SessionLog, error)
	DeleteSessionLogFn func(ctx context.Context, id int64) error
}

var _ assessment.SessionLogService = (*SessionLogService)(nil)

// CreateSessionLog calls CreateSessionLogFn.
func (s *SessionLogService) CreateSessionLog(ctx context.Context, l *assessment.SessionLog) error {
	if s.CreateSessionLogFn == nil {
		return unexpected("SessionLogService.CreateSessionLog")
	}
	return s.CreateSessionLogFn(ctx, l)
}

// UpdateSessionLog calls UpdateSessionLogFn.
func (s *SessionLogService) UpdateSessionLog(ctx context.Context, l *assessment.SessionLog) error {
	if s.UpdateSessionLogFn == nil {
		return unexpected("SessionLogService.UpdateSessionLog")
	}
	return s.UpdateSessionLogFn(ctx, l)
}

// FindSessionLogs calls FindSessionLogsFn.
func (s *SessionLogService) FindSessionLogs(ctx context.Context, f assessment.SessionLogFilter) ([]*assessment.SessionLog, error) {
	if s.FindSessionLogsFn == nil {
		return nil, unexpected("SessionLogService.FindSessionLogs")
	}
	return s.FindSessionLogsFn(ctx, f)
}

// DeleteSessionLog calls DeleteSessionLogFn.
func (s *SessionLogService) DeleteSessionLog(ctx context.Context, id int64) error {
	if s.DeleteSessionLogFn == nil {
		return unexpected("SessionLogService.DeleteSessionLog")
	}
	return s.DeleteSessionLogFn(ctx, id)
}

// ExportLog fakes assessment.ExportLog.
type ExportLog struct {
	AddExportFn   func(ctx context.Context, e *assessment.ExportedFile) error
	FindExportsFn func(ctx context.Context, clientID int64) ([]*assessment.ExportedFile, error)
}

var _ assessment.ExportLog = (*ExportLog)(nil)

// AddExport calls AddExportFn.
func (s *ExportLog) AddExport(ctx context.Context, e *assessment.ExportedFile) error {
	if s.AddExportFn == nil {
		return unexpected("ExportLog.AddExport")
	}
	return s.AddExportFn(ctx, e)
}

// FindExports calls FindExportsFn.
func (s *ExportLog) FindExports(ctx context.Context, clientID int64) ([]*assessment.ExportedFile, error) {
	if s.FindExportsFn == nil {
		return nil, unexpected("ExportLog.FindExports")
	}
	return s.FindExportsFn(ctx, clientID)
}

// DueService fakes assessment.DueService.
type DueService struct {
	FindDueInputsFn func(ctx context.Context, today assessment.Date) ([]assessment.DueInput, error)
}

var _ assessment.DueService = (*DueService)(nil)

// FindDueInputs calls FindDueInputsFn.
func (s *DueService) FindDueInputs(ctx context.Context, today assessment.Date) ([]assessment.DueInput, error) {
	if s.FindDueInputsFn == nil {
		return nil, unexpected("DueService.FindDueInputs")
	}
	return s.FindDueInputsFn(ctx, today)
}
