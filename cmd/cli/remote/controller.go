package remote

import (
	"fmt"
	"net"
	"strconv"
	"strings"
)

// Controller is the address of a management controller, as jboss-cli's
// --controller gives it: [protocol://][host][:port].
type Controller struct {
	// Protocol is the protocol as given or defaulted: remote+http,
	// http-remoting, remote+https, https-remoting, remote, remoting,
	// http or https.
	Protocol string
	Host     string
	Port     int
}

// DefaultController is jboss-cli's default, remote+http://localhost:9990.
var DefaultController = Controller{Protocol: "remote+http", Host: "localhost", Port: 9990}

// defaultPorts are the protocols jboss-cli knows, with their default ports.
var defaultPorts = map[string]int{
	"remote+http": 9990, "http-remoting": 9990, "http": 9990,
	"remote+https": 9993, "https-remoting": 9993, "https": 9993,
	"remote": 9999, "remoting": 9999,
}

// ParseController reads [protocol://][host][:port] as jboss-cli does: the
// protocol is split at the last "://", the port read after the last ':'
// unless a ']' follows it ([::1]), the host defaults to localhost. Without
// a protocol, port 9999 means remoting and anything else remote+http. The
// empty string is DefaultController. Errors carry jboss-cli's texts.
func ParseController(s string) (Controller, error) {
	c := DefaultController
	s = strings.TrimSpace(s)
	if s == "" {
		return c, nil
	}
	proto := ""
	if i := strings.LastIndex(s, "://"); i >= 0 {
		proto, s = s[:i], s[i+3:]
		if _, ok := defaultPorts[proto]; !ok {
			return c, fmt.Errorf("Unexpected protocol '%s'", proto)
		}
	}
	host, port := s, -1
	if i := strings.LastIndexByte(s, ':'); i >= 0 && !strings.Contains(s[i:], "]") {
		text := s[i+1:]
		n, err := strconv.Atoi(text)
		if err != nil || n < 0 {
			return c, fmt.Errorf("The port must be a valid non-negative integer: '%s'", text)
		}
		host, port = s[:i], n
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host != "" {
		c.Host = host
	}
	switch {
	case proto != "":
		c.Protocol = proto
	case port == 9999:
		c.Protocol = "remoting"
	default:
		c.Protocol = "remote+http"
	}
	c.Port = defaultPorts[c.Protocol]
	if port >= 0 {
		c.Port = port
	}
	return c, nil
}

// String returns the controller as jboss-cli prints it:
// protocol://host:port.
func (c Controller) String() string {
	return c.Protocol + "://" + c.HostPort()
}

// HostPort returns host:port, the host in brackets when it is IPv6.
func (c Controller) HostPort() string {
	return net.JoinHostPort(c.Host, strconv.Itoa(c.Port))
}

// url returns the management URL of the controller.
//
// Limitation: https uses the system's trusted certificates only; there is
// no prompt to accept an unknown certificate as jboss-cli offers, and the
// node itself serves plain HTTP (remote+https reaches it only through a
// TLS proxy).
func (c Controller) url() (string, error) {
	switch c.Protocol {
	case "remote+http", "http-remoting", "http":
		return "http://" + c.HostPort() + "/management", nil
	case "remote+https", "https-remoting", "https":
		return "https://" + c.HostPort() + "/management", nil
	}
	// Limitation: the native remoting protocol (port 9999) is not spoken;
	// a controller given as remote:// or remoting:// cannot be reached.
	return "", fmt.Errorf("the %s protocol is not supported: this CLI speaks "+
		"WildFly's HTTP management API (remote+http://%s)", c.Protocol, c.HostPort())
}
