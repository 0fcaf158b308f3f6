package shell

import (
	"wfcli/ops/dmr"
)

// Printer formats DMR values (responses, and requests for echo-dmr) for the
// user. There is one Printer per output format; neither uses colours.
type Printer interface {
	// Format returns v in the format's multi-line form.
	Format(v dmr.Value) string
	// Compact returns v on one line.
	Compact(v dmr.Value) string
}

// TextPrinter prints DMR text as jboss-dmr's ModelNode.toString does, and
// the compact form of echo-dmr --compact.
type TextPrinter struct{}

// Format returns the multi-line DMR text of v.
func (TextPrinter) Format(v dmr.Value) string { return v.String() }

// Compact returns the one-line DMR text of v.
func (TextPrinter) Compact(v dmr.Value) string { return v.CompactString() }

// JSONPrinter prints the JSON form of WildFly's HTTP API, as jboss-cli's
// --output-json does.
type JSONPrinter struct{}

// Format returns the multi-line JSON of v.
func (JSONPrinter) Format(v dmr.Value) string { return v.JSONString(false) }

// Compact returns the one-line JSON of v.
func (JSONPrinter) Compact(v dmr.Value) string { return v.JSONString(true) }
