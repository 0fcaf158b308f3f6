package server

import (
	"database/sql"

	"wfcli/ops"
	"wfcli/ops/dmr"
	"wfcli/server/datasource"
)

// startDataSources starts the pools of the model's data sources, unless
// the server is admin-only. dataDir holds the embedded databases.
func (s *Server) startDataSources(dataDir string) {
	if s.ctrl.AdminOnly() {
		return
	}
	ctrl := s.ctrl
	rt := datasource.New(datasource.Options{
		Model:   ctrl.Model,
		Running: func() bool { return ctrl.ProcessState() == ops.StateRunning },
		Resolve: ctrl.ResolveExpression,
		DataDir: dataDir,
		Logger:  s.log,
	})
	s.dataSources.Store(rt)
}

// stopDataSources closes the pools, if any run.
func (s *Server) stopDataSources() error {
	if rt := s.dataSources.Swap(nil); rt != nil {
		return rt.Close()
	}
	return nil
}

// dataSourceValue answers the runtime attributes of the data sources
// (ops.Options.RuntimeValue).
func (s *Server) dataSourceValue(a ops.Address, attr string) (dmr.Value, bool) {
	if rt := s.dataSources.Load(); rt != nil {
		return rt.Value(a, attr)
	}
	return dmr.Value{}, false
}

// runtimeOperation runs the operations of the running services
// (ops.Options.RuntimeOperation): today the data source pool operations.
func (s *Server) runtimeOperation(a ops.Address, name string,
	op dmr.Value) (dmr.Value, bool, error) {
	if rt := s.dataSources.Load(); rt != nil {
		return rt.Operation(a, name, op)
	}
	return dmr.Value{}, false, nil
}

// DataSources returns the running data source pools; nil when the server
// is admin-only or stopped. Safe for concurrent use.
func (s *Server) DataSources() *datasource.Runtime { return s.dataSources.Load() }

// OpenDataSource returns the database/sql handle of the running pool of
// the data source name, for services that use it (JDBC_PING). The error
// says why there is none: admin-only, disabled, no driver for its URL.
// The handle is closed when the server stops or reloads.
func (s *Server) OpenDataSource(name string) (*sql.DB, error) {
	rt := s.dataSources.Load()
	if rt == nil {
		return nil, datasource.ErrNotRunning
	}
	p, err := rt.Pool(name)
	if err != nil {
		return nil, err
	}
	return p.DB(), nil
}
