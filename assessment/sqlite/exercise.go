package sqlite

import (
	"context"
	"encoding/json"

	"github.com/keel-coach/keel/assessment"
)

// ExerciseService stores the coach's own exercises. They follow the same
// model and rules as the built-in ones: a saved exercise must be valid on
// its own and fit into the library (its easier and harder variations must
// exist, and its id must not be a built-in one).
type ExerciseService struct {
	db *DB
	// Builtin is the library shipped with Keel, which custom exercises may
	// link to and must not shadow. Nil means no built-in exercises.
	Builtin *assessment.Library
}

var _ assessment.ExerciseService = (*ExerciseService)(nil)

// NewExerciseService returns the custom exercise store of db, checked
// against the built-in library.
func NewExerciseService(db *DB, builtin *assessment.Library) *ExerciseService {
	return &ExerciseService{db: db, Builtin: builtin}
}

// SaveExercise validates e, then creates or replaces the coach's exercise
// with e.ID. It marks e Custom. An e without a figure keeps the figure
// stored with the exercise it replaces.
func (s *ExerciseService) SaveExercise(ctx context.Context, e *assessment.Exercise) error {
	if e == nil {
		return assessment.Errorf(assessment.EINVALID, "There is no exercise to save.")
	}
	e.Normalize()
	e.Custom = true
	if err := e.Validate(); err != nil {
		return err
	}
	if err := s.builtin().CheckCustomID(e.ID); err != nil {
		return err
	}

	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	custom, err := findExercises(ctx, tx)
	if err != nil {
		return err
	}
	for _, c := range custom {
		if c.ID == e.ID && len(e.Figure) == 0 {
			// The exercise form does not carry the figure: a save from it
			// keeps the one drawn in the pose editor.
			e.Figure = c.Figure
		}
	}
	if err := s.builtin().CheckExercise(custom, e); err != nil {
		return err
	}
	if err := putExercise(ctx, tx, e, "save the exercise"); err != nil {
		return err
	}
	return tx.commit("save the exercise")
}

// putExercise stores e under its id, adding it or replacing the one stored
// (which keeps its creation time). op completes "Keel could not ..." in an
// error. Saving and importing both use it, so they store the same form.
func putExercise(ctx context.Context, tx *writeTx, e *assessment.Exercise, op string) error {
	data, err := json.Marshal(e)
	if err != nil {
		return assessment.Internal(op, err)
	}
	now := formatTime(tx.now)
	if _, err := tx.ExecContext(ctx, `INSERT INTO custom_exercises (id, data, created_at, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
		e.ID, string(data), now, now); err != nil {
		return mapError(op, err)
	}
	return nil
}

// FindExercises returns every custom exercise, sorted by id.
func (s *ExerciseService) FindExercises(ctx context.Context) ([]*assessment.Exercise, error) {
	tx, err := s.db.beginRead(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	return findExercises(ctx, tx)
}

// DeleteExercise removes a custom exercise. One that another custom
// exercise names as its easier or harder variation is refused with
// ECONFLICT, so the library never holds a broken link.
func (s *ExerciseService) DeleteExercise(ctx context.Context, id string) error {
	tx, err := s.db.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	custom, err := findExercises(ctx, tx)
	if err != nil {
		return err
	}
	found := false
	for _, c := range custom {
		found = found || c.ID == id
	}
	if !found {
		return notFound("exercise")
	}
	if err := (&assessment.Library{Exercises: custom}).CheckDelete(id); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM custom_exercises WHERE id = ?`, id); err != nil {
		return mapError("delete the exercise", err)
	}
	return tx.commit("delete the exercise")
}

func (s *ExerciseService) builtin() *assessment.Library {
	if s.Builtin == nil {
		return &assessment.Library{}
	}
	return s.Builtin
}

func findExercises(ctx context.Context, q querier) ([]*assessment.Exercise, error) {
	rows, err := q.QueryContext(ctx, `SELECT data FROM custom_exercises ORDER BY id`)
	if err != nil {
		return nil, mapError("list your exercises", err)
	}
	defer rows.Close()
	out := []*assessment.Exercise{}
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, mapError("list your exercises", err)
		}
		var e assessment.Exercise
		if err := json.Unmarshal([]byte(data), &e); err != nil {
			return nil, assessment.Internal("list your exercises", err)
		}
		e.Custom = true
		out = append(out, &e)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError("list your exercises", err)
	}
	return out, nil
}
