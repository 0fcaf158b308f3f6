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
func subsystemChild() *ops.Child {
	c := &ops.Child{Type: "subsystem", ByName: map[string]*ops.Definition{},
		Definition: Lenient()}
	for name, build := range subsystems {
		c.ByName[name] = build()
	}
	return c
}
