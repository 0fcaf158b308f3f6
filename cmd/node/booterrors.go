package main

import (
	"fmt"
	"sort"
	"time"

	"wfcli/ops"
	"wfcli/ops/dmr"
	"wfcli/server"
)

// bootErrors are the runtime services that failed to start at the last
// boot or reload, as /core-service=management:read-boot-errors lists them.
// They are written while the node starts or reloads (with srvMu held
// exclusively, or before the node serves) and read under srvMu shared.
type bootErrors []dmr.Value

// bootError records that the service of the resource at a failed to start
// for err, and logs it. service names the failed service as WildFly's
// service names read (jboss.jgroups.channel.ee).
func (n *Node) bootError(a ops.Address, service string, err error) {
	n.log.Error("service failed to start", "address", a.CLI(), "service", service,
		"error", err)
	failed := dmr.NewObject()
	failed.Set("operation", dmr.NewString("add"))
	failed.Set("address", a.Value())
	services := dmr.NewObject()
	services.Set(service, dmr.NewString(err.Error()))
	e := dmr.NewObject()
	e.Set("failed-operation", failed)
	e.Set("failure-timestamp", dmr.NewLong(time.Now().UnixMilli()))
	e.Set("failure-description", dmr.NewString(
		fmt.Sprintf("WFLYCTL0080: Failed services: %s: %v", service, err)))
	e.Set("failed-services", services)
	n.bootErrs = append(n.bootErrs, e)
}

// dataSourceBootErrors records the data sources of srv whose pools could
// not start.
func (n *Node) dataSourceBootErrors(srv *server.Server) {
	rt := srv.DataSources()
	if rt == nil {
		return
	}
	failures := rt.Failures()
	keys := make([]string, 0, len(failures))
	for k := range failures {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		typ, name := splitKey(k)
		a := ops.Address{{Type: "subsystem", Name: "datasources"}, {Type: typ, Name: name}}
		n.bootError(a, "jboss.data-source."+name, failures[k])
	}
}

func splitKey(k string) (typ, name string) {
	for i := range len(k) {
		if k[i] == '=' {
			return k[:i], k[i+1:]
		}
	}
	return "data-source", k
}

// startedLog logs the end of a boot or reload as WildFly does: "started"
// or, when services failed, "started with errors" and their count.
func (n *Node) startedLog(msg string, args ...any) {
	if len(n.bootErrs) > 0 {
		n.log.Warn(msg+" with errors", append(args, "failed_services", len(n.bootErrs))...)
		return
	}
	n.log.Info(msg, args...)
}

// readBootErrors answers /core-service=management:read-boot-errors.
func (n *Node) readBootErrors() dmr.Value {
	return success(n.srv.Controller().ProcessState(), dmr.NewList(n.bootErrs...))
}

// isBootErrorsOperation reports whether op is read-boot-errors on
// /core-service=management.
func isBootErrorsOperation(op dmr.Value) bool {
	v, _ := op.Get("operation")
	if v.Type() != dmr.String || v.Str() != "read-boot-errors" {
		return false
	}
	av, _ := op.Get("address")
	a, err := ops.AddressFromValue(av)
	return err == nil && len(a) == 1 &&
		a[0] == (ops.PathElement{Type: "core-service", Name: "management"})
}
