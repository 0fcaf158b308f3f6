package model

// utTexts describes the attributes of the undertow subsystem.
var utTexts = [][2]string{
	{"default-server", "The server deployments go to when they name none."},
	{"default-virtual-host", "The host deployments go to when they name none."},
	{"default-servlet-container", "The servlet container deployments use by default."},
	{"default-security-domain", "The security domain of deployments that name none."},
	{"instance-id", "The route of this node in session IDs."},
	{"statistics-enabled", "Whether request statistics are collected."},
	{"socket-binding", "The socket binding the listener listens on."},
	{"redirect-socket", "The socket binding requests needing TLS are redirected to."},
	{"proxy-address-forwarding", "Whether X-Forwarded-* headers set the client address."},
	{"enable-http2", "Whether the listener speaks HTTP/2."},
	{"ssl-context", "The Elytron SSL context of the listener."},
	{"security-realm", "The legacy security realm that supplies the TLS keys."},
	{"max-post-size", "The largest request body accepted, in bytes."},
	{"alias", "Other host names of the virtual host."},
	{"handler", "The handler that serves the location."},
	{"path", "The directory served."},
}
