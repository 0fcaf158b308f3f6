package main

import (
	"fmt"
	"net"
	"strconv"

	"wfcli/ops/dmr"
)

// executor runs a request; *server.Server is one.
type executor interface {
	Execute(op dmr.Value) dmr.Value
}

// managementAddress returns host:port of the HTTP management interface as
// the model gives it: the interface's socket binding (management-http by
// default), its port plus the group's port offset, on the address of the
// binding's interface (the group's default interface when it names none).
// Expressions are resolved against the node's system properties.
func managementAddress(x executor) (string, error) {
	binding := readString(x, "management-http", "socket-binding",
		"core-service", "management", "management-interface", "http-interface")
	iface, port, offset, err := bindingParts(x, binding)
	if err != nil {
		return "", err
	}
	return net.JoinHostPort(interfaceAddress(x, iface), strconv.Itoa(port+offset)), nil
}

// bindingParts returns the interface name, port and group port offset of
// socket binding name of the first socket binding group; the interface is
// the group's default interface when the binding names none.
func bindingParts(x executor, name string) (iface string, port, offset int, err error) {
	group := firstChild(x, "socket-binding-group")
	if group == "" {
		return "", 0, 0, fmt.Errorf("the configuration has no socket-binding-group")
	}
	at := []string{"socket-binding-group", group, "socket-binding", name}
	port, err = strconv.Atoi(readString(x, "", "port", at...))
	if err != nil {
		return "", 0, 0, fmt.Errorf("socket binding %s has no valid port", name)
	}
	offset, err = strconv.Atoi(readString(x, "0", "port-offset", at[:2]...))
	if err != nil {
		return "", 0, 0, fmt.Errorf("socket-binding-group %s has an invalid port-offset", group)
	}
	iface = readString(x, "", "interface", at...)
	if iface == "" {
		iface = readString(x, "public", "default-interface", at[:2]...)
	}
	return iface, port, offset, nil
}

// interfaceAddress returns the address of interface name: its inet-address,
// 0.0.0.0 for any-address, 127.0.0.1 for loopback or when the interface
// selects its address by criteria this node does not evaluate.
//
// Limitation: interface criteria other than inet-address, any-address and
// loopback (nic, subnet-match, ...) are not evaluated; such an interface
// binds to 127.0.0.1.
func interfaceAddress(x executor, name string) string {
	at := []string{"interface", name}
	if v := readString(x, "", "inet-address", at...); v != "" {
		return v
	}
	if readString(x, "", "any-address", at...) == "true" {
		return "0.0.0.0"
	}
	return "127.0.0.1"
}

// readString reads attribute attr at the address pairs, resolved, as a
// string; def when it is undefined or cannot be read.
func readString(x executor, def, attr string, pairs ...string) string {
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("read-attribute"))
	op.Set("address", address(pairs))
	op.Set("name", dmr.NewString(attr))
	op.Set("resolve-expressions", dmr.NewBool(true))
	resp := x.Execute(op)
	if o, _ := resp.Get("outcome"); o.AsString() != "success" {
		return def
	}
	r, _ := resp.Get("result")
	if !r.IsDefined() {
		return def
	}
	return r.AsString()
}

// firstChild returns the name of the first root child of type t, "" if none.
func firstChild(x executor, t string) string {
	op := dmr.NewObject()
	op.Set("operation", dmr.NewString("read-children-names"))
	op.Set("child-type", dmr.NewString(t))
	resp := x.Execute(op)
	r, _ := resp.Get("result")
	if r.Type() != dmr.List || r.Len() == 0 {
		return ""
	}
	return r.Index(0).AsString()
}

func address(pairs []string) dmr.Value {
	a := dmr.NewList()
	for i := 0; i+1 < len(pairs); i += 2 {
		a.Append(dmr.NewProperty(pairs[i], dmr.NewString(pairs[i+1])))
	}
	return a
}
