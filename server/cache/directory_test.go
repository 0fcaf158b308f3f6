package cache

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// loopback delivers each message at once to the named directory.
type loopback struct {
	from string
	to   map[string]*Directory
}

func (l loopback) Send(to string, msg []byte) error {
	l.to[to].Message(l.from, msg)
	return nil
}

// m is the member n of TestDirectoryLearnsMembersURLs, as announced.
func m(n string) Member { return Member{Name: n, URL: "http://" + n, Token: "secret-" + n} }

func TestDirectoryLearnsMembersURLs(t *testing.T) {
	dirs := map[string]*Directory{}
	changes := map[string]chan struct{}{}
	for _, n := range []string{"a", "b", "c"} {
		ch := make(chan struct{}, 16)
		changes[n] = ch
		dirs[n] = NewDirectory(Member{Name: n, URL: "http://" + n, Token: "secret-" + n},
			"ee", func() { ch <- struct{}{} })
		defer dirs[n].Close()
	}
	// a and b form a view first; c joins later.
	for _, n := range []string{"a", "b"} {
		dirs[n].Attach(loopback{from: n, to: dirs})
		dirs[n].ViewChanged([]string{"a", "b"})
	}
	dirs["c"].Attach(loopback{from: "c", to: dirs})
	dirs["c"].ViewChanged([]string{"a", "b", "c"})
	dirs["a"].ViewChanged([]string{"a", "b", "c"})

	tests := []struct {
		name string
		dir  string
		want []Member
	}{
		{"the coordinator sees everyone", "a", []Member{m("a"), m("b"),
			m("c")}},
		{"a member that missed the view change sees only its view", "b",
			[]Member{m("b"), m("a")}},
		{"the newcomer learned the others' URLs", "c", []Member{m("c"),
			m("a"), m("b")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, dirs[tt.dir].Members()); diff != "" {
				t.Errorf("members (-want +got):\n%s", diff)
			}
		})
	}
	if got := dirs["c"].Coordinator(); got != "a" {
		t.Errorf("coordinator = %s, want a", got)
	}
	select {
	case <-changes["c"]:
	case <-time.After(5 * time.Second):
		t.Errorf("the newcomer was not told of a change")
	}
	if msg := []byte("something else"); dirs["a"].Message("b", msg) {
		t.Errorf("a message that is not the directory's was taken")
	}
}

func TestRestartedMemberRelearnsURLs(t *testing.T) {
	dirs := map[string]*Directory{}
	for _, n := range []string{"a", "b"} {
		dirs[n] = NewDirectory(Member{Name: n, URL: "http://" + n}, "ee", nil)
		defer dirs[n].Close()
	}
	for _, n := range []string{"a", "b"} {
		dirs[n].Attach(loopback{from: n, to: dirs})
		dirs[n].ViewChanged([]string{"a", "b"})
	}
	// b reloads: a already knows b's URL, so only b's query makes a answer.
	dirs["b"].Close()
	dirs["b"] = NewDirectory(Member{Name: "b", URL: "http://b"}, "ee", nil)
	defer dirs["b"].Close()
	dirs["b"].ViewChanged([]string{"a", "b"})
	dirs["b"].Attach(loopback{from: "b", to: dirs})

	want := []Member{{"b", "http://b", ""}, {"a", "http://a", ""}}
	if diff := cmp.Diff(want, dirs["b"].Members()); diff != "" {
		t.Errorf("members (-want +got):\n%s", diff)
	}
}
