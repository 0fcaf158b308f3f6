package secret

import "testing"

// FuzzMask checks that masking never panics and is stable: a masked line
// masks to itself.
func FuzzMask(f *testing.F) {
	for _, s := range []string{"", ":write-attribute(name=password,value=x)",
		"data-source add --name=x --password=y", `/x=y:add(a={"clear-text" => "z"})`,
		"/a=b:c(d=[e, f", `\"\\`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		once := Mask(line)
		if twice := Mask(once); twice != once {
			t.Fatalf("Mask(%q) = %q, but masking that gives %q", line, once, twice)
		}
	})
}
