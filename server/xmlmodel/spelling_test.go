package xmlmodel

import (
	"errors"
	"testing"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

func TestUpperCaseHintSpelling(t *testing.T) {
	upper := &ops.XMLAttribute{Attr: "unit", UpperCase: true}
	tests := []struct {
		name       string
		x          *ops.XMLAttribute
		v          dmr.Value
		model, xml string // compact DMR text read; XML text written
	}{
		{"a unit reads in capitals and writes in lower case", upper, str("milliseconds"),
			`"MILLISECONDS"`, "milliseconds"},
		{"an expression stays as typed", upper, expr("${u:Seconds}"),
			`expression "${u:Seconds}"`, "${u:Seconds}"},
		{"a number is not a name", upper, dmr.NewLong(5), "5L", "5"},
		{"without the hint the spelling is kept", &ops.XMLAttribute{Attr: "unit"},
			str("Seconds"), `"Seconds"`, "Seconds"},
		{"the convention keeps the spelling", nil, str("Seconds"), `"Seconds"`, "Seconds"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := modelCase(tc.v, tc.x)
			if got := m.CompactString(); got != tc.model {
				t.Errorf("model %s, want %s", got, tc.model)
			}
			if got := xmlText(m, tc.x); got != tc.xml {
				t.Errorf("XML %q, want %q", got, tc.xml)
			}
		})
	}
}

func TestComplexValuesWithoutXMLFormFail(t *testing.T) {
	list := dmr.NewList()
	list.Append(str("a"))
	obj := dmr.NewObject()
	obj.Set("k", str("v"))
	modelled := &ops.Attribute{Name: "m", Type: dmr.List}
	ee := addr("subsystem", "ee")
	tests := []struct {
		name string
		a    *ops.Attribute
		v    dmr.Value
		want string // "" for no error
	}{
		{"a list on an unmodelled attribute", nil, list, "attribute x of /subsystem=ee " +
			"cannot be written to the configuration file: the attribute is not modelled " +
			"and its value is a list"},
		{"an object on an unmodelled attribute", nil, obj, "attribute x of /subsystem=ee " +
			"cannot be written to the configuration file: the attribute is not modelled " +
			"and its value is an object"},
		{"a list on a modelled attribute without XML form", modelled, list,
			"attribute x of /subsystem=ee cannot be written to the configuration file: " +
				"the attribute has no XML form and its value is a list"},
		{"a string is written", nil, str("s"), ""},
		{"undefined removes the attribute", nil, dmr.Value{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := checkPlain(ee, "x", tc.a, tc.v)
			got := ""
			if err != nil {
				got = err.Error()
				if !errors.Is(err, ErrNotWritable) {
					t.Errorf("%v does not wrap ErrNotWritable", err)
				}
			}
			if got != tc.want {
				t.Errorf("error %q, want %q", got, tc.want)
			}
		})
	}
}
