package cluster

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestTwoNodesFindEachOtherByMPing(t *testing.T) {
	ports := freePorts(t, 3)
	group := "230.0.0.4:" + strconv.Itoa(ports[2])
	var chs []*Channel
	for i, name := range []string{"m0", "m1"} {
		ch, err := Start(context.Background(), Config{Name: name, Cluster: "mping-test",
			BindAddr: "127.0.0.1", BindPort: ports[i],
			Discovery:     &MPing{Group: group, Cluster: "mping-test", Interface: "127.0.0.1"},
			ProbeInterval: 100 * time.Millisecond, RediscoverInterval: 200 * time.Millisecond})
		if err != nil {
			if strings.Contains(err.Error(), "does not work on this network") {
				t.Skipf("no multicast here: %v", err)
			}
			t.Fatal(err)
		}
		t.Cleanup(ch.Kill)
		chs = append(chs, ch)
	}
	for _, ch := range chs {
		waitFor(t, 5*time.Second, ch.Name()+" to see two members", func() bool {
			return len(ch.View().Members) == 2
		})
		if diff := cmp.Diff([]string{"m0", "m1"}, viewNames(ch)); diff != "" {
			t.Errorf("%s view (-want +got):\n%s", ch.Name(), diff)
		}
	}
}

func TestMPingWithoutMulticastFailsClearly(t *testing.T) {
	// A group address that is not multicast cannot be joined anywhere.
	p := &MPing{Group: "127.0.0.1:1", Cluster: "x", EchoTimeout: 100 * time.Millisecond}
	_, err := p.Seeds(context.Background(), Member{Name: "a", Addr: "127.0.0.1:7600"})
	if err == nil {
		t.Fatal("joining a unicast address as a group should fail")
	}
	want := "multicast 127.0.0.1:1 does not work on this network"
	if !strings.HasPrefix(err.Error(), want) || !strings.HasSuffix(err.Error(),
		"use TCPPING or JDBC_PING") {
		t.Errorf("error = %q, want it to start %q and advise TCPPING or JDBC_PING", err, want)
	}
	if errors.Unwrap(err) == nil {
		t.Errorf("error %q should wrap the network's reason", err)
	}
}
