package ops

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"wfcli/ops/dmr"
)

// Failure is a management failure: WildFly's code for the kind of failure
// (WFLYCTL0216, ...) and the message. Its Error text is the failure
// description of the response: "WFLYCTL0216: Management resource '...' not
// found", or the message alone when Code is "".
type Failure struct {
	Code string
	Msg  string
}

// Error returns the failure description.
func (f *Failure) Error() string {
	if f.Code == "" {
		return f.Msg
	}
	return f.Code + ": " + f.Msg
}

// Failf returns a *Failure with code and a message built as fmt.Sprintf does.
func Failf(code, format string, args ...any) error {
	return &Failure{Code: code, Msg: fmt.Sprintf(format, args...)}
}

// describeFailure returns the failure-description text of err: the text of
// a *Failure, and WFLYCTL0158 around any other error (a handler's own error).
func describeFailure(err error) string {
	var f *Failure
	if errors.As(err, &f) {
		return f.Error()
	}
	return "WFLYCTL0158: Operation handler failed: " + err.Error()
}

// compositeFailure carries the failure-description OBJECT of a composite
// whose steps failed (WFLYCTL0062).
type compositeFailure struct{ desc dmr.Value }

func (c *compositeFailure) Error() string { return c.desc.CompactString() }

// The constructors below spell WildFly's controller messages; the address
// arguments print as PathAddress does (Address.String).

func errNoDefinition(a Address) error {
	return Failf("WFLYCTL0030", "No resource definition is registered for address %s", a)
}

func errNoOperation(op string, a Address) error {
	return Failf("WFLYCTL0031", "No operation named '%s' exists at address %s", op, a)
}

func errNotWritable(name string) error {
	return Failf("WFLYCTL0048", "Attribute %s is not writable", name)
}

func errNotFound(a Address) error {
	return Failf("WFLYCTL0216", "Management resource '%s' not found", a)
}

func errDuplicate(a Address) error {
	return Failf("WFLYCTL0212", "Duplicate resource %s", a)
}

func errNoParent(parent, a Address) error {
	return Failf("WFLYCTL0175", "Resource %s does not exist; a resource at address %s cannot "+
		"be created until all ancestor resources have been added", parent, a)
}

func errUnknownAttribute(name string) error {
	return Failf("WFLYCTL0201", "Unknown attribute '%s'", name)
}

func errUnknownChildType(t string) error {
	return Failf("WFLYCTL0202", "No known child type named %s", t)
}

func errNull(name string) error {
	return Failf("WFLYCTL0155", "'%s' may not be null", name)
}

func errWrongType(name string, want dmr.Type, got dmr.Type) error {
	return Failf("WFLYCTL0097", "Wrong type for '%s'. Expected [%s] but was %s", name, want, got)
}

func errNotAllowed(name string, v string, allowed []string) error {
	return Failf("WFLYCTL0248", "Invalid value %s for %s; legal values are [%s]", v, name,
		strings.Join(allowed, ", "))
}

func errNoExpression(name string) error {
	return Failf("WFLYCTL0264", "%s may not be ModelType.EXPRESSION", name)
}

func errCombination(name, other string) error {
	return Failf("WFLYCTL0105", "%s is invalid in combination with %s", name, other)
}

func errUnresolved(expr string) error {
	return Failf("WFLYCTL0211", "Cannot resolve expression '%s'", expr)
}

// errUnknownParameter is jboss-cli's text for a request property the
// operation does not have; WildFly itself relies on the CLI to catch it.
func errUnknownParameter(name string, known []string) error {
	k := append([]string{}, known...)
	sort.Strings(k)
	return Failf("", "'%s' is not found among the supported properties: [%s]", name,
		strings.Join(k, ", "))
}
