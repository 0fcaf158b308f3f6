package server

import (
	"path/filepath"
	"testing"
)

// An empty configuration built up by operations comes out in the schema's
// element order, indented as WildFly writes it.
func TestEmptyConfigBuiltUpByOperations(t *testing.T) {
	file := filepath.Join(t.TempDir(), "standalone.xml")
	s, err := Embed(Options{ConfigFile: file, EmptyConfig: true, AdminOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	const sbg = `("socket-binding-group" => "standard-sockets")`
	const logging = `("subsystem" => "logging")`
	for _, op := range []string{
		`{"operation" => "add", "address" => [` + sbg + `], "default-interface" => "public"}`,
		`{"operation" => "add", "address" => [` + sbg + `, ("socket-binding" => "http")],
		"port" => 8080}`,
		`{"operation" => "add", "address" => [("interface" => "public")],
		"inet-address" => "${jboss.bind.address:127.0.0.1}"}`,
		`{"operation" => "add", "address" => [("extension" => "org.jboss.as.logging")]}`,
		`{"operation" => "add", "address" => [` + logging + `]}`,
		`{"operation" => "add", "address" => [` + logging + `, ("console-handler" => "CONSOLE")],
		"level" => "INFO"}`,
		`{"operation" => "add", "address" => [` + logging + `, ("root-logger" => "ROOT")],
		"level" => "INFO", "handlers" => ["CONSOLE"]}`,
		`{"operation" => "add", "address" => [("system-property" => "a")], "value" => "1"}`,
		`{"operation" => "add", "address" => [("path" => "p")], "path" => "/tmp"}`,
	} {
		mustSucceed(t, s, op)
	}
	const want = `<?xml version='1.0' encoding='UTF-8'?>

<server xmlns="urn:jboss:domain:20.0">
    <extensions>
        <extension module="org.jboss.as.logging"/>
    </extensions>
    <system-properties>
        <property name="a" value="1"/>
    </system-properties>
    <paths>
        <path name="p" path="/tmp"/>
    </paths>
    <profile>
        <subsystem xmlns="urn:jboss:domain:logging:8.0">
            <console-handler name="CONSOLE">
                <level name="INFO"/>
            </console-handler>
            <root-logger>
                <level name="INFO"/>
                <handlers>
                    <handler name="CONSOLE"/>
                </handlers>
            </root-logger>
        </subsystem>
    </profile>
    <interfaces>
        <interface name="public">
            <inet-address value="${jboss.bind.address:127.0.0.1}"/>
        </interface>
    </interfaces>
    <socket-binding-group name="standard-sockets" default-interface="public">
        <socket-binding name="http" port="8080"/>
    </socket-binding-group>
</server>
`
	if got := string(fileOf(t, s)); got != want {
		t.Errorf("file:\n%s\nwant:\n%s", got, want)
	}
}
