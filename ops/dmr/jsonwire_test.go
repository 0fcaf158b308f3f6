package dmr

import (
	"math/big"
	"strings"
	"testing"
)

func TestJSONWire(t *testing.T) {
	tests := []struct {
		name string
		in   Value
		want string
	}{
		{"a response as the HTTP API sends it",
			object("outcome", NewString("success"), "result",
				object("BYTES", NewBytes([]byte{1, 2}), "n", NewLong(5))),
			`{"outcome":"success","result":{"BYTES":{"BYTES_VALUE":"AQI="},"n":5}}`},
		{"wrappers and properties are not padded",
			NewList(NewExpression("${a}"), NewType(Int), NewProperty("p", NewInt(1))),
			`[{"EXPRESSION_VALUE":"${a}"},{"TYPE_MODEL_VALUE":"INT"},{"p":1}]`},
		{"keys are escaped like strings, control characters in lower-case hex",
			object("k\"\x1f", NewString("\t\x1f")), `{"k\"\u001f":"\t\u001f"}`},
		{"numbers and undefined",
			NewList(NewDouble(0.5), NewBigDecimal("1E+3"), NewBigInteger(big.NewInt(-2)),
				NewUndefined(), NewBool(false)),
			`[0.5,1E+3,-2,null,false]`},
		{"base64 breaks with an escaped CR LF every 57 bytes",
			NewBytes(make([]byte, 60)),
			`{"BYTES_VALUE":"` + strings.Repeat("A", 76) + `\r\nAAAA"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.in.JSONWire(); got != tt.want {
				t.Errorf("JSONWire() = %s, want %s", got, tt.want)
			}
		})
	}
}
