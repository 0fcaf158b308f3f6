package main

import (
	"fmt"
	"io"

	"github.com/spf13/pflag"
)

// printOptions lists the launcher's options in the form jboss-cli reads
// them: a value follows its option after '=' with no space (--file=setup.cli),
// and a system property is one argument, -Dname=value.
func printOptions(w io.Writer, fs *pflag.FlagSet) {
	type row struct{ form, usage string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *pflag.Flag) {
		r := row{form: optionForm(f)}
		_, r.usage = pflag.UnquoteUsage(f)
		rows = append(rows, r)
		width = max(width, len(r.form))
	})
	for _, r := range rows {
		fmt.Fprintf(w, "  %-*s  %s\n", width, r.form, r.usage)
	}
}

// optionForm is how an option is typed: "-Dname=value", "--file=file",
// "-c, --connect".
func optionForm(f *pflag.Flag) string {
	name, _ := pflag.UnquoteUsage(f)
	if f.Name == "D" {
		return "-D" + name
	}
	form := "--" + f.Name
	if name != "" {
		form += "=" + name
	}
	switch {
	case f.Shorthand == "":
		return form
	case name != "":
		// -u and -p take their value after '=' too: -u=admin.
		return "-" + f.Shorthand + "=" + name + ", " + form
	default:
		return "-" + f.Shorthand + ", " + form
	}
}
