package server

import (
	"errors"
	"strings"
	"time"

	"wfcli/ops"
	"wfcli/ops/dmr"
	"wfcli/server/persist"
)

// rootOperations returns the root operations the server owns: the
// configuration as XML and the named snapshots of the history.
//
// Limitation: the snapshot failures carry no WFLYCTL code, since the codes
// WildFly uses for them were not verified; scripts that match on a code will
// not find one.
func (s *Server) rootOperations() []*ops.Operation {
	param := func(name, desc string, required bool) *ops.Attribute {
		return &ops.Attribute{Name: name, Description: desc, Type: dmr.String,
			Required: required, Access: ops.ReadWrite}
	}
	return []*ops.Operation{
		{Name: "read-config-as-xml", ReadOnly: true, ReplyType: dmr.String,
			Description: "The configuration file as XML, with every \" written as '.",
			Handler:     s.readConfigAsXML},
		{Name: "take-snapshot", ReadOnly: true, ReplyType: dmr.String,
			Description: "Copies the configuration into the snapshot directory of its " +
				"history and returns the copy's path.",
			Params: []*ops.Attribute{
				param("name", "The snapshot's name; the time when undefined.", false),
				param("comment", "A comment put into the snapshot's file name.", false),
			},
			Handler: s.takeSnapshot},
		{Name: "list-snapshots", ReadOnly: true, ReplyType: dmr.Object,
			Description: "The snapshot directory and the names of the snapshots in it.",
			Handler:     s.listSnapshots},
		{Name: "delete-snapshot", ReadOnly: true, ReplyType: dmr.Undefined,
			Description: "Deletes the snapshot whose name starts with name, or every " +
				"snapshot when name is all.",
			Params:  []*ops.Attribute{param("name", "A prefix of the snapshot's name.", true)},
			Handler: s.deleteSnapshot},
	}
}

// readConfigAsXML returns the file's XML with " replaced by ', as WildFly
// does so that the DMR text needs no escapes.
func (s *Server) readConfigAsXML(_ *ops.Context, _ dmr.Value) (dmr.Value, error) {
	return dmr.NewString(strings.ReplaceAll(string(s.ConfigBytes()), `"`, "'")), nil
}

// stringParam returns parameter name of op as a string, "" when undefined.
func stringParam(op dmr.Value, name string) string {
	v, _ := op.Get(name)
	if !v.IsDefined() {
		return ""
	}
	return v.AsString()
}

func (s *Server) takeSnapshot(_ *ops.Context, op dmr.Value) (dmr.Value, error) {
	s.docMu.Lock()
	defer s.docMu.Unlock()
	path, err := s.history.TakeSnapshot(stringParam(op, "name"), stringParam(op, "comment"),
		s.data, time.Now())
	if err != nil {
		return dmr.Value{}, ops.Failf("", "Failed to take a snapshot: %v", err)
	}
	return dmr.NewString(path), nil
}

func (s *Server) listSnapshots(_ *ops.Context, _ dmr.Value) (dmr.Value, error) {
	s.docMu.Lock()
	defer s.docMu.Unlock()
	dir, names, err := s.history.ListSnapshots()
	if err != nil {
		return dmr.Value{}, ops.Failf("", "Failed to list snapshots: %v", err)
	}
	l := dmr.NewList()
	for _, n := range names {
		l.Append(dmr.NewString(n))
	}
	r := dmr.NewObject()
	r.Set("directory", dmr.NewString(dir))
	r.Set("names", l)
	return r, nil
}

func (s *Server) deleteSnapshot(_ *ops.Context, op dmr.Value) (dmr.Value, error) {
	s.docMu.Lock()
	defer s.docMu.Unlock()
	name := stringParam(op, "name")
	err := s.history.DeleteSnapshot(name)
	switch {
	case errors.Is(err, persist.ErrNoSnapshot):
		return dmr.Value{}, ops.Failf("", "No snapshot found with name %s", name)
	case errors.Is(err, persist.ErrAmbiguousSnapshot):
		return dmr.Value{}, ops.Failf("", "Ambiguous name for snapshot %s", name)
	case err != nil:
		return dmr.Value{}, ops.Failf("", "Failed to delete snapshot: %v", err)
	}
	return dmr.Value{}, nil
}
