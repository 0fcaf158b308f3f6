// Package server is the node: it boots a standalone(-ha).xml into the
// management model, runs management requests against it through the ops
// controller, and persists each committed change as a minimal edit of the
// same document, atomically, with WildFly's history directory.
//
// The binding of XML to model lives in server/xmlmodel, file writing and
// history in server/persist; the model, its definitions and the operations
// belong to package ops and ops/model.
package server

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"wfcli/ops"
	"wfcli/ops/dmr"
	"wfcli/ops/model"
	"wfcli/server/datasource"
	"wfcli/server/persist"
	"wfcli/server/xmlmodel"
)

// Options configure an embedded server.
type Options struct {
	// ConfigFile is the full path of the configuration file.
	ConfigFile string
	// AdminOnly runs the node without its runtime: operations change only
	// the model and the file (embed-server's default).
	AdminOnly bool
	// Properties are system properties (-D, --properties) for expressions.
	Properties map[string]string
	// Stdout receives the boot log; nil discards it.
	Stdout io.Writer
	// EmptyConfig starts from an empty configuration written to ConfigFile,
	// which must not exist or be empty unless RemoveExisting is set.
	EmptyConfig, RemoveExisting bool
	// RuntimeValue, when set, supplies the runtime attributes of the node's
	// running services (see ops.Options.RuntimeValue); it is asked first.
	RuntimeValue func(a ops.Address, attr string) (dmr.Value, bool)
	// Committed, when set, runs after each committed change of a node that
	// is not admin-only, for the node's services to follow the model (see
	// ops.Options.Committed). The data sources follow it on their own.
	Committed func(ops.Commit)
}

// EmptyConfiguration is the document --empty-config starts from.
const EmptyConfiguration = "<?xml version='1.0' encoding='UTF-8'?>\n\n" +
	"<server xmlns=\"urn:jboss:domain:20.0\"/>\n"

// ErrStopped is the failure of a request to a server after Stop.
var ErrStopped = errors.New("the embedded server is stopped")

// Server is an embedded node: a controller over the model read from one
// configuration file. It is safe for concurrent use.
type Server struct {
	file string
	log  *slog.Logger
	ctrl *ops.Controller

	// docMu guards the document state: the binding (and its document), the
	// bytes last written, and the history. Persist holds it while it edits
	// and writes; read-config-as-xml and the snapshots hold it to read.
	docMu   sync.Mutex
	binding *xmlmodel.Binding
	data    []byte
	history *persist.History
	// respelled records, once known, whether etree writes the unedited
	// document differently from data; then every write merges the lines
	// (see xmlmodel.MergeLines).
	respelled *bool

	stopped atomic.Bool
	// dataSources are the running pools; nil when admin-only or stopped.
	dataSources atomic.Pointer[datasource.Runtime]
}

// Embed boots a server from opts.ConfigFile. The error names the file, and
// the line when the XML is malformed.
func Embed(opts Options) (*Server, error) {
	start := time.Now()
	if opts.ConfigFile == "" {
		return nil, errors.New("no configuration file given")
	}
	file, err := filepath.Abs(opts.ConfigFile)
	if err != nil {
		return nil, err
	}
	data, err := readConfig(file, opts)
	if err != nil {
		return nil, err
	}
	root := model.Root()
	res, binding, err := load(data, root)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	s := &Server{file: file, log: newLogger(opts.Stdout), binding: binding, data: data,
		history: persist.NewHistory(file)}
	if err := s.history.Boot(data, time.Now()); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	props := environment(file, opts.Properties)
	s.ctrl = ops.NewController(res, root, ops.Options{
		Persister:      s,
		AdminOnly:      opts.AdminOnly,
		Properties:     lookup(props),
		RootOperations: s.rootOperations(),
		RuntimeValue: firstRuntime(opts.RuntimeValue, firstRuntime(s.dataSourceValue,
			ReadProduct(props["jboss.home.dir"]).RuntimeValue)),
		RuntimeOperation: s.runtimeOperation,
		Committed:        opts.Committed,
	})
	s.startDataSources(props["jboss.server.data.dir"])
	s.log.Info("booted", "file", file, "admin_only", opts.AdminOnly,
		"ms", time.Since(start).Milliseconds())
	return s, nil
}

// load parses data and reads the model out of it.
func load(data []byte, root *ops.Definition) (*ops.Resource, *xmlmodel.Binding, error) {
	doc, err := xmlmodel.Parse(data)
	if err != nil {
		return nil, nil, syntaxError(data, err)
	}
	return xmlmodel.Load(doc, root)
}

// readConfig returns the configuration's bytes; for EmptyConfig it first
// writes the empty configuration.
func readConfig(file string, opts Options) ([]byte, error) {
	if !opts.EmptyConfig {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, fmt.Errorf("reading the configuration: %w", err)
		}
		return data, nil
	}
	if st, err := os.Stat(file); err == nil && st.Size() > 0 && !opts.RemoveExisting {
		return nil, fmt.Errorf("%s exists and is not empty: --empty-config needs "+
			"--remove-existing to replace it", file)
	}
	data := []byte(EmptyConfiguration)
	if err := persist.WriteAtomic(file, data); err != nil {
		return nil, err
	}
	return data, nil
}

// syntaxError returns the error of encoding/xml's strict reader for data,
// which names the line, in place of etree's err (which does not, for a
// mismatched end tag); err when the strict reader finds nothing.
func syntaxError(data []byte, err error) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, xerr := d.Token()
		if xerr == io.EOF {
			return err
		}
		if xerr != nil {
			return xerr
		}
	}
}

// newLogger returns the server's logger, writing to w (nil discards).
func newLogger(w io.Writer) *slog.Logger {
	if w == nil {
		w = io.Discard
	}
	return slog.New(slog.NewTextHandler(w, nil)).With("component", "server")
}

// environment returns the system properties of a server on file: the
// directories WildFly defines from its layout (<home>/standalone/
// configuration/<file>), under the properties given, which win.
func environment(file string, given map[string]string) map[string]string {
	config := filepath.Dir(file)
	base := filepath.Dir(config)
	props := map[string]string{
		"jboss.home.dir":          filepath.Dir(base),
		"jboss.server.base.dir":   base,
		"jboss.server.config.dir": config,
		"jboss.server.data.dir":   filepath.Join(base, "data"),
		"jboss.server.deploy.dir": filepath.Join(base, "data", "content"),
		"jboss.server.log.dir":    filepath.Join(base, "log"),
		"jboss.server.temp.dir":   filepath.Join(base, "tmp"),
	}
	for k, v := range given {
		props[k] = v
	}
	return props
}

// lookup returns the system property lookup of the controller.
func lookup(props map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		v, ok := props[name]
		return v, ok
	}
}

// ConfigFile returns the absolute path of the configuration file.
func (s *Server) ConfigFile() string { return s.file }

// Controller returns the server's management controller.
func (s *Server) Controller() *ops.Controller { return s.ctrl }

// Execute runs one management request and returns its response; a failed
// operation is a response with outcome "failed". Safe for concurrent use.
func (s *Server) Execute(op dmr.Value) dmr.Value {
	if s.stopped.Load() {
		r := dmr.NewObject()
		r.Set("outcome", dmr.NewString("failed"))
		r.Set("failure-description", dmr.NewString(ErrStopped.Error()))
		return r
	}
	return s.ctrl.Execute(op)
}

// Stop stops the server; later requests fail. Every committed change is
// already on disk, so Stop writes nothing. Stopping twice is no error.
func (s *Server) Stop() error {
	if s.stopped.Swap(true) {
		return nil
	}
	err := s.stopDataSources()
	s.log.Info("stopped", "file", s.file)
	return err
}

// Persist writes the change from before to after into the configuration
// file as a minimal edit of its document, keeping the previous version in
// the history. If anything fails, the file and the document stay as they
// were and the error is returned (the controller then fails the request and
// keeps its model). It implements ops.Persister.
func (s *Server) Persist(before, after *ops.Resource) error {
	s.docMu.Lock()
	defer s.docMu.Unlock()
	baseline, err := s.baselineLocked()
	if err != nil {
		return err
	}
	if err := s.binding.Apply(before, after); err != nil {
		return s.restoreLocked(err)
	}
	out, err := s.binding.Serialize()
	if err != nil {
		return s.restoreLocked(err)
	}
	if baseline != nil {
		out = xmlmodel.MergeLines(s.data, baseline, out)
	}
	if bytes.Equal(out, s.data) {
		return nil
	}
	if err := s.history.Commit(s.data, out); err != nil {
		return s.restoreLocked(err)
	}
	s.data = out
	return nil
}

// baselineLocked returns the serialization of the unedited document when it
// differs from the file's bytes, and nil when etree writes the file back as
// it is (the common case, checked once). The caller holds docMu.
func (s *Server) baselineLocked() ([]byte, error) {
	if s.respelled != nil && !*s.respelled {
		return nil, nil
	}
	b, err := s.binding.Serialize()
	if err != nil {
		return nil, err
	}
	respelled := !bytes.Equal(b, s.data)
	s.respelled = &respelled
	if !respelled {
		return nil, nil
	}
	return b, nil
}

// restoreLocked puts the document back as the file holds it after a failed
// persist and returns cause. The caller holds docMu.
func (s *Server) restoreLocked(cause error) error {
	doc, err := xmlmodel.Parse(s.data)
	if err != nil {
		return errors.Join(cause, err)
	}
	if err := s.binding.Rebind(doc); err != nil {
		return errors.Join(cause, err)
	}
	return cause
}

// ConfigBytes returns the configuration as it was last written (a copy).
func (s *Server) ConfigBytes() []byte {
	s.docMu.Lock()
	defer s.docMu.Unlock()
	return append([]byte{}, s.data...)
}

// HistoryDir returns the configuration's history directory.
func (s *Server) HistoryDir() string { return s.history.Dir() }

// firstRuntime returns a runtime value source that asks services first (when
// set), then own.
func firstRuntime(services, own func(ops.Address, string) (dmr.Value, bool),
) func(ops.Address, string) (dmr.Value, bool) {
	if services == nil {
		return own
	}
	return func(a ops.Address, attr string) (dmr.Value, bool) {
		if v, ok := services(a, attr); ok {
			return v, true
		}
		return own(a, attr)
	}
}
