package shell

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"wfcli/ops/dmr"
)

func mustParse(t *testing.T, text string) dmr.Value {
	t.Helper()
	v, err := dmr.Parse(text)
	if err != nil {
		t.Fatalf("parsing %s: %v", text, err)
	}
	return v
}

func twoStepBatch(t *testing.T) *Batch {
	b := &Batch{}
	b.Add(mustParse(t, `{"operation" => "add"}`), "/system-property=a:add(value=1)",
		Line{File: "setup.cli", Num: 3})
	b.Add(mustParse(t, `{"operation" => "remove"}`), "/system-property=b:remove",
		Line{File: "steps.cli", Num: 7})
	return b
}

const heading = "WFLYCTL0062: Composite operation failed and was rolled back. " +
	"Steps that failed:"

const failedComposite = `{
    "outcome" => "failed",
    "result" => {
        "step-1" => {"outcome" => "failed", "rolled-back" => true},
        "step-2" => {
            "outcome" => "failed",
            "failure-description" => "WFLYCTL0216: not found",
            "rolled-back" => true
        }
    },
    "failure-description" => {"` + heading + `" => {
        "Operation step-2" => "WFLYCTL0216: not found"
    }},
    "rolled-back" => true
}`

func TestBatchFailureText(t *testing.T) {
	tests := []struct {
		name string
		resp string
		want string
	}{
		{"a composite failure lists each failed step with its line", failedComposite,
			"\nWFLYCTL0062: Composite operation failed and was rolled back. Steps that failed:\n" +
				"Step: step-2\nOperation: /system-property=b:remove\n" +
				"Failure: WFLYCTL0216: not found\n"},
		{"a plain failure is its description",
			`{"outcome" => "failed", "failure-description" => "WFLYCTL0030: no", "rolled-back" => true}`,
			"WFLYCTL0030: no"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := twoStepBatch(t).FailureText(mustParse(t, tc.resp))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestBatchDiagnosticsNameTheStepLine(t *testing.T) {
	got := twoStepBatch(t).Diagnostics(mustParse(t, failedComposite))
	want := []string{"steps.cli:7: step-2: /system-property=b:remove: WFLYCTL0216: not found"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestBatchRequestAndListing(t *testing.T) {
	b := twoStepBatch(t)
	got := b.Request(mustParse(t, `{"rollback-on-runtime-failure" => "false"}`)).CompactString()
	want := mustParse(t, `{"operation" => "composite", "address" => [], "steps" => [`+
		`{"operation" => "add"}, {"operation" => "remove"}], `+
		`"operation-headers" => {"rollback-on-runtime-failure" => "false"}}`).CompactString()
	if got != want {
		t.Errorf("request = %s, want %s", got, want)
	}
	if got, want := b.Listing(), "#1 /system-property=a:add(value=1)\n"+
		"#2 /system-property=b:remove"; got != want {
		t.Errorf("listing = %q, want %q", got, want)
	}
	if got := (&Batch{}).Listing(); got != "The batch is empty." {
		t.Errorf("empty listing = %q", got)
	}
}

func TestHeaderTable(t *testing.T) {
	h := mustParse(t, `{"process-state" => "reload-required", "operation-requires-reload" => true}`)
	want := "operation-requires-reload: true            \n" +
		"process-state:             reload-required "
	if got := headerTable(h); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParseHeaders(t *testing.T) {
	got, err := parseHeaders(`{rollback-on-runtime-failure=false; foo="1 2 3";}`)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"rollback-on-runtime-failure" => "false","foo" => "1 2 3"}`
	if got.AsString() != want {
		t.Errorf("got %s, want %s", got.AsString(), want)
	}
	if _, err := parseHeaders("{novalue}"); err == nil {
		t.Error("want an error for a header without a value")
	}
}
