package shell

import (
	"fmt"
	"strings"

	"wfcli/ops/dmr"
)

// validate checks the parameter names of a request against the operation's
// description, as jboss-cli does before sending an operation line: a name
// the description does not list fails with "'x' is not found among the
// supported properties: [a, b]".
//
// Limitation: jboss-cli also fails when the description cannot be read
// ("Failed to get the list of the operation properties") and when an
// operation that takes no parameters is given some; here both cases are
// left to the operation itself, because lenient subsystems describe their
// operations without parameters and the embedded controller describes only
// existing resources.
func (s *Shell) validate(op dmr.Value) error {
	if op.Len() == 2 || s.client == nil {
		return nil
	}
	addr, _ := op.Get("address")
	name, _ := op.Get("operation")
	desc := dmr.NewObject()
	desc.Set("address", addr)
	desc.Set("operation", dmr.NewString("read-operation-description"))
	desc.Set("name", name)
	resp, err := s.client.Execute(desc)
	if err != nil || !isSuccess(resp) {
		return nil
	}
	result, _ := resp.Get("result")
	props, _ := result.Get("request-properties")
	if props.Len() == 0 {
		return nil
	}
	for _, k := range op.Keys() {
		if k == "address" || k == "operation" || k == "operation-headers" || props.Has(k) {
			continue
		}
		return fmt.Errorf("'%s' is not found among the supported properties: [%s]", k,
			strings.Join(props.Keys(), ", "))
	}
	return nil
}
