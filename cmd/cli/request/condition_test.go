package request

import (
	"testing"

	"wfcli/grammar"
)

func TestEvalCondition(t *testing.T) {
	failed := `{"outcome"=>"failed","failure-description"=>"WFLYCTL0216: not found",` +
		`"rolled-back"=>true}`
	tests := []struct {
		name, cond, response string
		want                 bool
	}{
		{"a failed outcome", "outcome != success", failed, true},
		{"a successful outcome", "outcome == success", `{"outcome"=>"success"}`, true},
		{"a missing path is false for ==", "result.value == 1", failed, false},
		{"a missing path is false for != too", "result.value != 1", failed, false},
		{"an int does not equal a string", "result == 11", `{"result"=>"11"}`, false},
		{"a quoted literal equals a string", `result == "11"`, `{"result"=>"11"}`, true},
		{"!= is true across types", "result != 11", `{"result"=>"11"}`, true},
		{"a boolean literal", "result.value == true", `{"result"=>{"value"=>true}}`, true},
		{"undefined equals an undefined value", "result == undefined",
			`{"result"=>undefined}`, true},
		{"the word undefined in quotes is a string", `result == "undefined"`,
			`{"result"=>undefined}`, false},
		{"> compares text", "result > 1", `{"result"=>2}`, true},
		{"> compares text, not numbers", "result > 9", `{"result"=>10}`, false},
		{"< across types is false", "result < 5", `{"result"=>"1"}`, false},
		{">= on equal values", "result >= 3", `{"result"=>3}`, true},
		{"<= on a smaller value", "result <= 3", `{"result"=>2}`, true},
		{"~= matches the whole string", `result ~= "post.*"`, `{"result"=>"postgresql"}`, true},
		{"~= does not match a part", `result ~= "post"`, `{"result"=>"postgresql"}`, false},
		{"an expression literal", `result == expression "${x:1}"`,
			`{"result"=>expression "${x:1}"}`, true},
		{"a list literal", `result == ["a","b"]`, `{"result"=>["a","b"]}`, true},
		{"&& binds tighter than ||", "outcome == failed || outcome == success && result == 1",
			`{"outcome"=>"failed","result"=>2}`, true},
		{"parentheses group", "(outcome == failed || outcome == success) && result == 1",
			`{"outcome"=>"failed","result"=>2}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := grammar.ParseLine("if ("+tt.cond+") of :x", 1)
			if err != nil {
				t.Fatal(err)
			}
			got, err := EvalCondition(l.Cmd.Cond, mustParse(t, tt.response))
			if err != nil {
				t.Fatalf("EvalCondition(%s): %v", tt.cond, err)
			}
			if got != tt.want {
				t.Errorf("EvalCondition(%s) on %s = %v, want %v", tt.cond, tt.response, got,
					tt.want)
			}
		})
	}
}

func TestEvalConditionBadRegexp(t *testing.T) {
	l, err := grammar.ParseLine(`if (result ~= "a(") of :x`, 1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := EvalCondition(l.Cmd.Cond, mustParse(t, `{"result"=>"a"}`)); err == nil {
		t.Error("an invalid regular expression was accepted")
	}
}
