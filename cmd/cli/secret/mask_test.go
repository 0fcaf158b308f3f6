package secret

import (
	"testing"

	"wfcli/ops"
)

func TestMaskAtANode(t *testing.T) {
	node := ops.Address{}.Child("core-service", "management").Child("security-realm", "R")
	tests := []struct{ name, line, want string }{
		{"a relative address", "server-identity=secret:add(value=x)",
			"server-identity=secret:add(value=********)"},
		{"the current node", ":write-attribute(name=value, value=x)",
			":write-attribute(name=value, value=x)"},
		{"an address after '..'", "../security-realm=S/server-identity=secret:add(value=x)",
			"../security-realm=S/server-identity=secret:add(value=********)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := MaskAt(tc.line, node); got != tc.want {
				t.Errorf("MaskAt(%q)\n got %q\nwant %q", tc.line, got, tc.want)
			}
		})
	}
}

func TestMask(t *testing.T) {
	tests := []struct{ name, line, want string }{
		{"a data-source password option",
			"data-source add --name=DS --user-name=sa --password=s3cret --jndi-name=java:/DS",
			"data-source add --name=DS --user-name=sa --password=******** --jndi-name=java:/DS"},
		{"a password parameter of add",
			"/subsystem=datasources/data-source=DS:add(jndi-name=java:/DS, password=\"a b\")",
			"/subsystem=datasources/data-source=DS:add(jndi-name=java:/DS, password=********)"},
		{"the value written to a sensitive attribute",
			"/subsystem=datasources/data-source=DS:write-attribute(name=password, value=x)",
			"/subsystem=datasources/data-source=DS:write-attribute(name=password, value=********)"},
		{"the value written to a quoted sensitive attribute",
			":write-attribute(name=\"recovery-password\",value=x)",
			":write-attribute(name=\"recovery-password\",value=********)"},
		{"a credential reference as a whole",
			"/x=y:add(credential-reference={store=s, clear-text=pw})",
			"/x=y:add(credential-reference=********)"},
		{"a clear-text key inside another object",
			"/x=y:add(key-store={credential-reference-ish={clear-text=pw}})",
			"/x=y:add(key-store={credential-reference-ish={clear-text=********}})"},
		{"a DMR text key",
			"/x=y:add(props={\"clear-text\" => \"pw\"})",
			"/x=y:add(props={\"clear-text\" => ********})"},
		{"an address that names a password resource stays",
			"/subsystem=elytron/key-store=password:read-resource",
			"/subsystem=elytron/key-store=password:read-resource"},
		{"a value that is not sensitive stays",
			"/subsystem=logging:write-attribute(name=add-logging-api-dependencies, value=false)",
			"/subsystem=logging:write-attribute(name=add-logging-api-dependencies, value=false)"},
		{"a line without values stays", "ls -l", "ls -l"},
		{"a generic name sensitive at its address",
			"/core-service=management/security-realm=R/server-identity=secret:add(value=c2VjcmV0)",
			"/core-service=management/security-realm=R/server-identity=secret:add(value=********)"},
		{"a generic name written at its address",
			"/core-service=management/security-realm=R/server-identity=secret:write-attribute(" +
				"name=value, value=c2VjcmV0)",
			"/core-service=management/security-realm=R/server-identity=secret:write-attribute(" +
				"name=value, value=********)"},
		{"a system property's value stays", "/system-property=a:add(value=b)",
			"/system-property=a:add(value=b)"},
		{"the value written to a sensitive attribute, value first",
			"/subsystem=datasources/data-source=DS:write-attribute(value=S3cret,name=password)",
			"/subsystem=datasources/data-source=DS:write-attribute(value=********,name=password)"},
		{"an operation inside echo-dmr",
			"echo-dmr /subsystem=datasources/data-source=DS:write-attribute(name=password," +
				"value=dmrS4)",
			"echo-dmr /subsystem=datasources/data-source=DS:write-attribute(name=password," +
				"value=********)"},
		{"an operation inside echo-dmr, value first",
			"echo-dmr :write-attribute(value=x, name=password)",
			"echo-dmr :write-attribute(value=********, name=password)"},
		{"an operation after if's condition",
			"if (outcome==success) of /x=y:write-attribute(value=x,name=password)",
			"if (outcome==success) of /x=y:write-attribute(value=********,name=password)"},
		{"a deploy path is not taken for an operation", "deploy /tmp/app.war --name=a",
			"deploy /tmp/app.war --name=a"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := Mask(tc.line); got != tc.want {
				t.Errorf("Mask(%q)\n got %q\nwant %q", tc.line, got, tc.want)
			}
		})
	}
}
