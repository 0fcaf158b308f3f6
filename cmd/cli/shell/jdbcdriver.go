package shell

import (
	"fmt"
	"strings"

	"wfcli/grammar"
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// cmdJdbcDriverInfo lists the JDBC drivers of the datasources subsystem
// as a NAME / SOURCE table, or prints the attributes of the driver named.
//
// Limitation: the drivers listed are those the configuration declares
// (jdbc-driver resources); this node loads no driver modules, so the
// versions and classes jboss-cli reads from the loaded driver are shown
// only when the configuration gives them.
func cmdJdbcDriverInfo(s *Shell, l Line, pl *grammar.Line) error {
	a := argsOf(pl.Cmd)
	if err := a.only(); err != nil {
		return err
	}
	ds := ops.Address{}.Child("subsystem", "datasources")
	drivers, err := s.resultOf(l, opAt(ds, "read-children-resources",
		"child-type", dmr.NewString("jdbc-driver")))
	if err != nil {
		return err
	}
	if len(a.pos) > 0 {
		d, ok := drivers.Get(a.pos[0])
		if !ok {
			return fmt.Errorf("No driver found with name %s.", a.pos[0])
		}
		s.println(formatValue(d, 0))
		return nil
	}
	t := newTable(2, "NAME", "SOURCE")
	for _, name := range drivers.Keys() {
		d, _ := drivers.Get(name)
		t.add(name, driverSource(d))
	}
	s.println(trimLines(t.String(true)))
	return nil
}

// driverSource is where a driver comes from: its module and slot.
func driverSource(d dmr.Value) string {
	module, _ := d.Get("driver-module-name")
	slot, _ := d.Get("module-slot")
	src := module.AsString()
	if slot.IsDefined() {
		src += "/" + slot.AsString()
	} else if module.IsDefined() {
		src += "/main"
	}
	return src
}

// trimLines drops the spaces that end each line of a table, and the last
// newline.
func trimLines(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n")
}
