package postgres

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/keel-coach/keel/assessment"
)

// ExerciseService stores the studio's own exercises, shared by its
// coaches, under the same rules as the built-in ones (see the SQLite
// store).
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

// SaveExercise validates e, then creates or replaces the exercise with
// e.ID. It marks e Custom. An e without a figure keeps the stored figure.
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
	return writeOn(ctx, s.db, "save the exercise", e, func(tx *writeTx) error {
		custom, err := findExercises(ctx, tx.db, tx)
		if err != nil {
			return err
		}
		for _, c := range custom {
			if c.ID == e.ID && len(e.Figure) == 0 {
				e.Figure = c.Figure
			}
		}
		if err := s.builtin().CheckExercise(custom, e); err != nil {
			return err
		}
		data, err := json.Marshal(e)
		if err != nil {
			return assessment.Internal("save the exercise", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO custom_exercises (id, data, created_at, updated_at) VALUES ($1, $2, $3, $3)
			ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
			e.ID, string(data), tx.now); err != nil {
			return tx.db.mapError("save the exercise", err)
		}
		return nil
	})
}

// FindExercises returns every custom exercise, sorted by id.
func (s *ExerciseService) FindExercises(ctx context.Context) ([]*assessment.Exercise, error) {
	var out []*assessment.Exercise
	err := s.db.read(ctx, "list your exercises", func(tx *sql.Tx) error {
		var err error
		out, err = findExercises(ctx, s.db, tx)
		return err
	})
	return out, err
}

// DeleteExercise removes a custom exercise; one that another names as its
// easier or harder variation is refused with ECONFLICT.
func (s *ExerciseService) DeleteExercise(ctx context.Context, id string) error {
	return s.db.write(ctx, "delete the exercise", func(tx *writeTx) error {
		custom, err := findExercises(ctx, tx.db, tx)
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
		if _, err := tx.ExecContext(ctx, `DELETE FROM custom_exercises WHERE id = $1`, id); err != nil {
			return tx.db.mapError("delete the exercise", err)
		}
		return nil
	})
}

func (s *ExerciseService) builtin() *assessment.Library {
	if s.Builtin == nil {
		return &assessment.Library{}
	}
	return s.Builtin
}

func findExercises(ctx context.Context, db *DB, q querier) ([]*assessment.Exercise, error) {
	const op = "list your exercises"
	rows, err := q.QueryContext(ctx, `SELECT data FROM custom_exercises ORDER BY id COLLATE "C"`)
	if err != nil {
		return nil, db.mapError(op, err)
	}
	defer rows.Close()
	out := []*assessment.Exercise{}
	for rows.Next() {
		var data string
		if err := rows.Scan(&data); err != nil {
			return nil, db.mapError(op, err)
		}
		var e assessment.Exercise
		if err := json.Unmarshal([]byte(data), &e); err != nil {
			return nil, assessment.Internal(op, err)
		}
		e.Custom = true
		out = append(out, &e)
	}
	if err := rows.Err(); err != nil {
		return nil, db.mapError(op, err)
	}
	return out, nil
}
