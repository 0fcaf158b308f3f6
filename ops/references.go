package ops

import (
	"slices"
	"strings"

	"wfcli/ops/dmr"
)

// touched is a resource a request added or changed, and the top-level
// step (from 1; 0 outside a composite) that last did.
type touched struct {
	addr Address
	step int
}

// touch records that the request added a or changed one of its attributes,
// so that its references are checked when the request finishes.
func (t *txn) touch(a Address) {
	for i, x := range t.touched {
		if slices.Equal(x.addr, a) {
			t.touched[i].step = t.step
			return
		}
	}
	t.touched = append(t.touched, touched{addr: slices.Clone(a), step: t.step})
}

// checkReferences checks, when a request that changed the model finishes,
// that every reference of the resources it added or changed names an
// existing resource, as WildFly resolves capability requirements at the
// end of the model stage. A batch may therefore add a data source before
// its driver. The failure (WFLYCTL0369) lists the missing capabilities; in
// a composite it is the failure of the step that set the reference, and
// res, the composite's result, becomes the rolled-back form. res is
// returned unchanged when nothing is missing.
func (t *txn) checkReferences(res dmr.Value) (dmr.Value, error) {
	missing := map[int][]string{} // lines of the failure, by step
	var steps []int
	for _, tc := range t.touched {
		for _, line := range t.missingReferences(tc.addr) {
			if _, seen := missing[tc.step]; !seen {
				steps = append(steps, tc.step)
			}
			if !slices.Contains(missing[tc.step], line) {
				missing[tc.step] = append(missing[tc.step], line)
			}
		}
	}
	if len(steps) == 0 {
		return res, nil
	}
	fail := func(step int) error {
		return Failf("WFLYCTL0369", "Required capabilities are not available:%s",
			strings.Join(missing[step], ""))
	}
	if !isStepMap(res) {
		var lines []string
		for _, s := range steps {
			lines = append(lines, missing[s]...)
		}
		missing[0] = lines
		return res, fail(0)
	}
	slices.Sort(steps)
	out := failSteps(res)
	desc := dmr.NewObject()
	for _, s := range steps {
		r, _ := out.Get(stepName(s - 1))
		stepRes, has := r.Get("result")
		out.Set(stepName(s-1), failedStep(stepRes, has, fail(s)))
		desc.Set("Operation "+stepName(s-1), dmr.NewString(describeFailure(fail(s))))
	}
	f := dmr.NewObject()
	f.Set("WFLYCTL0062: Composite operation failed and was rolled back. Steps that failed:", desc)
	return out, &compositeFailure{desc: f}
}

// missingReferences returns a line of the failure for each name a
// reference attribute of the resource at a holds that no resource provides.
func (t *txn) missingReferences(a Address) []string {
	res, _ := t.lookup(a)
	def, err := definitionAt(t.c.def, a)
	if res == nil || err != nil || def.Lenient {
		return nil
	}
	var lines []string
	for _, at := range def.Attributes {
		if at.References == nil {
			continue
		}
		for _, name := range referenceNames(res.Attr(at.Name)) {
			if f := at.References.Runtime; f != nil && f(name) {
				continue
			}
			if line := t.checkReference(a, at.References, name); line != "" {
				lines = append(lines, line)
			}
		}
	}
	return lines
}

// referenceNames returns the names a reference attribute's value holds: a
// STRING, or the STRING items of a LIST. Expressions are resolved only by
// the runtime, so they are not checked.
func referenceNames(v dmr.Value) []string {
	switch v.Type() {
	case dmr.String:
		return []string{v.Str()}
	case dmr.List:
		var ns []string
		for _, it := range v.Items() {
			ns = append(ns, referenceNames(it)...)
		}
		return ns
	}
	return nil
}

// checkReference returns "" when one of ref's targets named name exists
// for the resource at a, and else the line of the failure that names the
// missing capability and where it could be registered.
func (t *txn) checkReference(a Address, ref *Reference, name string) string {
	var points []string
	for _, target := range ref.Targets {
		base, typ := referenceBase(a, target)
		if r, _ := t.lookup(base.Child(typ, name)); r != nil {
			return ""
		}
		points = append(points, base.Child(typ, "*").CLI())
	}
	return "\n    " + ref.Capability + "." + name +
		"; Possible registration points for this capability: \n\t\t" +
		strings.Join(points, "\n\t\t")
}

// referenceBase splits a Reference target into the address of the parent
// of the resources it names and their child type.
func referenceBase(a Address, target string) (Address, string) {
	if !strings.HasPrefix(target, "/") {
		return a.Parent(), target
	}
	steps := strings.Split(strings.Trim(target, "/"), "/")
	var base Address
	for _, s := range steps[:len(steps)-1] {
		typ, name, _ := strings.Cut(s, "=")
		base = append(base, PathElement{typ, name})
	}
	return base, steps[len(steps)-1]
}
