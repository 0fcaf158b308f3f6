package shell

import (
	"errors"
	"strings"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// deploymentHint is the diagnostic line added when an operation on a
// /deployment= address fails because the model has no such resource type
// (WFLYCTL0030): this node runs no deployments, which the generic message
// does not say. The failure itself stays as the server reported it.
const deploymentHint = "hint: this node does not run deployments: /deployment=* resources, " +
	"deploy and undeploy are not supported"

// withDeploymentHint adds deploymentHint to err, the failure of op, when
// it applies; otherwise it returns err unchanged.
func withDeploymentHint(op dmr.Value, resp dmr.Value, err error) error {
	var f *Failure
	if !errors.As(err, &f) || !strings.HasPrefix(failureDescription(resp), "WFLYCTL0030:") ||
		!onDeployment(op) {
		return err
	}
	f.More = append(f.More, deploymentHint)
	return f
}

// onDeployment reports whether op's address starts with deployment=.
func onDeployment(op dmr.Value) bool {
	v, _ := op.Get("address")
	addr, err := ops.AddressFromValue(v)
	return err == nil && len(addr) > 0 && addr[0].Type == "deployment"
}
