package model

import (
	"sync"

	"wfcli/ops"
)

// subsystems maps a subsystem name to the function that builds its
// definition. Each subsystem's file registers itself in an init function.
var subsystems = map[string]func() *ops.Definition{}

// registerSubsystem makes build the definition of /subsystem=name.
func registerSubsystem(name string, build func() *ops.Definition) {
	subsystems[name] = build
}

var (
	rootOnce sync.Once
	root     *ops.Definition
)

// Root returns the definition of the model's root. It is built once and shared;
// callers must not change it. Safe for concurrent use.
func Root() *ops.Definition {
	rootOnce.Do(func() { root = buildRoot() })
	return root
}

// subsystemChild returns the child definition of type subsystem: the modelled
// subsystems by name, the lenient definition for any other.
// Every subsystem is a <subsystem> element in <profile>, without a name
// attribute (the server maps its namespace to the name).
func subsystemChild() *ops.Child {
	c := &ops.Child{Type: "subsystem", ByName: map[string]*ops.Definition{},
		Definition: subsystemXML(Lenient())}
	for name, build := range subsystems {
		c.ByName[name] = subsystemXML(build())
	}
	return c
}

// subsystemXML fills in the XML placement every subsystem shares, keeping
// what the subsystem's own definition set (its namespace).
func subsystemXML(d *ops.Definition) *ops.Definition {
	if d.XML == nil {
		d.XML = &ops.XMLResource{}
	}
	if d.XML.Wrapper == "" {
		d.XML.Wrapper = "profile"
	}
	if d.XML.Element == "" {
		d.XML.Element = "subsystem"
	}
	d.XML.NoName = true
	if d.XML.Order == 0 {
		d.XML.Order = orderProfile
	}
	return d
}
