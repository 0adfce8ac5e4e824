package mock_test

import (
	"context"
	"strings"
	"testing"

	"github.com/keel-coach/keel/assessment"
	"github.com/keel-coach/keel/assessment/mock"
)

func TestUnsetMethodSaysSo(t *testing.T) {
	var s mock.ProgrammeService
	err := s.UpdateProgramme(context.Background(), &assessment.Programme{})
	if assessment.ErrorCode(err) != assessment.EINTERNAL || !strings.Contains(err.Error(), "ProgrammeService.UpdateProgramme") {
		t.Errorf("err %v; want an internal error naming the method", err)
	}
}

func TestSetMethodIsCalled(t *testing.T) {
	want := assessment.Conflict(assessment.ReasonIssued, "issued")
	s := mock.ProgrammeService{UpdateProgrammeFn: func(context.Context, *assessment.Programme) error { return want }}
	if err := s.UpdateProgramme(context.Background(), nil); err != want {
		t.Errorf("err %v; want the one set", err)
	}
	c := mock.ClientService{FindClientsFn: func(context.Context, assessment.ClientFilter) ([]*assessment.Client, int, error) {
		return []*assessment.Client{{ID: 1}}, 1, nil
	}}
	if cs, n, err := c.FindClients(context.Background(), assessment.ClientFilter{}); err != nil || n != 1 || len(cs) != 1 {
		t.Errorf("FindClients = %v, %d, %v", cs, n, err)
	}
}
