package model

import "wfcli/ops"

// buildRoot assembles the root definition.
func buildRoot() *ops.Definition {
	return &ops.Definition{Children: []*ops.Child{subsystemChild()}}
}

// Lenient returns the definition of a resource this project does not model:
// any attribute, child and operation is accepted.
func Lenient() *ops.Definition {
	d := &ops.Definition{Lenient: true}
	return d
}
