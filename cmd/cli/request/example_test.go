package request_test

import (
	"fmt"

	"wfcli/cmd/cli/request"
	"wfcli/grammar"
)

// A script line goes through substitution, parsing and request building.
func Example() {
	vars := map[string]string{"owners": "${env.CACHE_OWNERS_COUNT:2}"}
	env := request.Env{
		Vars:  func(n string) (string, bool) { v, ok := vars[n]; return v, ok },
		Props: func(string) (string, bool) { return "", false },
		Line:  3,
	}
	text := "/subsystem=infinispan/cache-container=keycloak/distributed-cache=sessions:" +
		"write-attribute(name=owners, value=$owners)"

	sub, err := request.Substitute(text, env)
	if err != nil {
		fmt.Println(err)
		return
	}
	line, err := grammar.ParseLine(sub, env.Line)
	if err != nil {
		fmt.Println(err.(*grammar.Error).Format("cache-owners.cli"))
		return
	}
	op, err := request.Operation(line.Op, env)
	if err != nil {
		fmt.Println(err.(*grammar.Error).Format("cache-owners.cli"))
		return
	}
	addr, _ := op.Get("address")
	name, _ := op.Get("operation")
	value, _ := op.Get("value")
	fmt.Println(len(addr.Items()), name.AsString(), value.Type(), value.AsString())

	_, err = grammar.ParseLine("/subsystem=infinispan//cache-container=x:read-resource", 4)
	fmt.Println(err.(*grammar.Error).Format("cache-owners.cli"))
	// Output:
	// 3 write-attribute STRING ${env.CACHE_OWNERS_COUNT:2}
	// cache-owners.cli:4:23: Can't reset to root in the middle of the path @22
	// /subsystem=infinispan//cache-container=x:read-resource
	//                       ^
	// Remove the extra '/': a path has one '/' between its steps.
}
