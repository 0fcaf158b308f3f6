package server

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"wfcli/ops/model"
	"wfcli/server/xmlmodel"
)

// rhsso is the largest stock configuration of the corpus (37 KB).
const rhsso = "ravi-pmp-rhsso__rh-sso-7.6-18.0.0.redhat__standalone-ha.xml"

func BenchmarkParseAndLoad37KB(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpusDir(b), rhsso))
	if err != nil {
		b.Fatal(err)
	}
	root := model.Root()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		doc, err := xmlmodel.Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := xmlmodel.Load(doc, root); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEmbed37KB(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(corpusDir(b), rhsso))
	if err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(b.TempDir(), "standalone-ha.xml")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		s, err := Embed(Options{ConfigFile: file, AdminOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		s.Stop()
	}
}

func BenchmarkPersistedWrite(b *testing.B) {
	s, _ := embedCopy(b, rhsso)
	i := 0
	for b.Loop() {
		i++
		mustSucceed(b, s, fmt.Sprintf(`{"operation" => "write-attribute", "name" => "port",
			"value" => %d, "address" => [("socket-binding-group" => "standard-sockets"),
			("socket-binding" => "jgroups-tcp")]}`, 7600+i%1000))
	}
}
