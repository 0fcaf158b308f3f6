package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The jgroups subsystem: channels, protocol stacks and their transports,
// protocols, thread pools and relays. Every configuration attribute and
// every add or remove of a protocol, transport or relay restarts the
// resource's services (RESTART_RESOURCE_SERVICES), so on a running node the
// change waits for a reload unless allow-resource-service-restart is set.
//
// Limitation: the jgroups 1.1 schema (JBoss AS 7.1, EAP 6) keeps
// default-stack on the subsystem element and its stacks without a <stacks>
// wrapper; default-stack is described only as <stacks default>, so it reads
// as undefined from those files.

// JGroupsNamespace is the namespace a new jgroups subsystem is written with.
const JGroupsNamespace = "urn:jboss:domain:jgroups:8.0"

func init() { registerSubsystem("jgroups", JGroups) }

// JGroups returns a new definition of /subsystem=jgroups. Each call builds a
// fresh tree, sharing only the property=* alias definition, which nothing
// changes; callers may keep and share the tree but must not change it.
func JGroups() *ops.Definition {
	protocols := jgProtocolChild()
	d := &ops.Definition{
		Description: "The JGroups subsystem: group communication channels and protocol stacks.",
		Attributes: []*ops.Attribute{
			xmlAt(noExpr(str("default-channel")), ops.XMLAttribute{Path: "channels",
				Attr: "default"}),
			jgDeprecated(xmlAt(noExpr(str("default-stack")), ops.XMLAttribute{
				Path: "stacks", Attr: "default"})),
		},
		Children: []*ops.Child{
			{Type: "channel", Definition: jgChannel(protocols)},
			{Type: "stack", Definition: jgStack(protocols)},
		},
		AddRestart: ops.AllServices, RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Element: "subsystem", NoName: true,
			Namespace: JGroupsNamespace},
	}
	jgFinish(d, jgroupsDescriptions)
	return d
}

// jgChannel is channel=*: a named group communication channel on a stack;
// its forks have the protocols child type of stacks.
func jgChannel(protocols *ops.Child) *ops.Definition {
	fork := &ops.Definition{
		Description: "A fork of the channel that adds protocols of its own.",
		Children:    []*ops.Child{protocols},
		XML:         &ops.XMLResource{Element: "fork", NameAttr: "name"},
	}
	attrs := []*ops.Attribute{
		refs(required(noExpr(str("stack"))), "org.wildfly.clustering.jgroups.channel-factory",
			"/subsystem=jgroups/stack"),
		str("cluster"),
		def(str("module"), dmr.NewString("org.wildfly.clustering.server")),
		def(boolean("statistics-enabled"), dmr.NewBool(false)),
	}
	attrs = append(attrs, jgChannelMetrics()...)
	d := &ops.Definition{
		Description: "A group communication channel.",
		Attributes:  attrs,
		Children: []*ops.Child{
			{Type: "fork", Definition: fork},
			{Type: "protocol", Definition: jgRuntimeProtocol()},
		},
		AddRestart: ops.NoServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: "channel", NameAttr: "name", Wrapper: "channels",
			Order: 1},
	}
	d.Operations = []*ops.Operation{{Name: "add",
		Description: "Adds the channel; without a stack it takes the subsystem's " +
			"default-stack.",
		Params:  jgAddParams(d, false, "stack"),
		Handler: jgAddChannel}}
	return d
}

// jgAddChannel adds a channel, taking the deprecated default-stack of the
// subsystem when the request names no stack, as WildFly does for requests
// written before a channel's stack became required.
func jgAddChannel(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	if s, _ := op.Get("stack"); !s.IsDefined() {
		if sub := ctx.Root.Navigate(ctx.Address.Parent()); sub != nil {
			if ds := sub.Attr("default-stack"); ds.IsDefined() {
				op = op.Clone()
				op.Set("stack", ds.Clone())
			}
		}
	}
	return dmr.Value{}, ctx.GenericAdd(op)
}

// jgChannelMetrics are the runtime attributes of a running channel.
func jgChannelMetrics() []*ops.Attribute {
	return []*ops.Attribute{
		metric("address", dmr.String),
		metric("address-as-uuid", dmr.String),
		metric("discard-own-messages", dmr.Boolean),
		jgDeprecated(metric("num-tasks-in-timer", dmr.Int)),
		jgDeprecated(metric("num-timer-threads", dmr.Int)),
		metric("received-bytes", dmr.Long),
		metric("received-messages", dmr.Long),
		metric("sent-bytes", dmr.Long),
		metric("sent-messages", dmr.Long),
		metric("state", dmr.String),
		metric("version", dmr.String),
		metric("view", dmr.String),
	}
}

// jgRuntimeProtocol is channel=*/protocol=*: the runtime view of one
// protocol of a running channel.
//
// Limitation: the per-protocol metrics (JGroups' managed attributes) are not
// described, so read-resource(include-runtime) shows none of them.
func jgRuntimeProtocol() *ops.Definition {
	return &ops.Definition{
		Description: "The runtime view of one protocol of a running channel.",
		Runtime:     true,
		XML:         &ops.XMLResource{Skip: true},
	}
}

// jgStack is stack=*: a protocol stack (one transport, ordered protocols and
// an optional relay).
func jgStack(protocols *ops.Child) *ops.Definition {
	return &ops.Definition{
		Description: "A protocol stack: a transport followed by protocols, bottom to top.",
		Attributes: []*ops.Attribute{
			def(boolean("statistics-enabled"), dmr.NewBool(false)),
		},
		Children: []*ops.Child{
			{Type: "transport", Definition: jgTransport(), Max: 1},
			protocols,
			{Type: "relay", Names: []string{"relay.RELAY2"}, Definition: jgRelay(), Max: 1},
		},
		AddRestart: ops.NoServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: "stack", NameAttr: "name", Wrapper: "stacks",
			Order: 2},
	}
}

// jgTransport is stack=*/transport=*: the bottom protocol (UDP, TCP,
// TCP_NIO2), named by its type.
func jgTransport() *ops.Definition {
	attrs := []*ops.Attribute{
		required(noExpr(str("socket-binding"))),
		noExpr(str("client-socket-binding")),
		noExpr(str("diagnostics-socket-binding")),
		str("site"),
		str("rack"),
		str("machine"),
		jgDeprecated(def(boolean("shared"), dmr.NewBool(false))),
		jgDeprecated(str("default-executor")),
		jgDeprecated(str("oob-executor")),
		jgDeprecated(str("timer-executor")),
		jgDeprecated(str("thread-factory")),
	}
	attrs = append(attrs, jgCommonProtocolAttributes()...)
	return &ops.Definition{
		Description: "The transport protocol of a stack.",
		Attributes:  attrs,
		Children: []*ops.Child{
			jgThreadPools(),
			jgPropertyChild(),
		},
		AddRestart: ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: "transport", NameAttr: "type", Order: 1},
	}
}

// jgThreadPools is transport=*/thread-pool=*: the transport's default pool
// and the pools that older schemas (up to 7.0) also had.
func jgThreadPools() *ops.Child {
	pool := func(elem string, min, max int32, keepalive int64) *ops.Definition {
		return &ops.Definition{
			Description: "A thread pool of the transport.",
			Attributes: []*ops.Attribute{
				bounds(def(integer("min-threads"), dmr.NewInt(min)), 0, 1<<31-1),
				bounds(def(integer("max-threads"), dmr.NewInt(max)), 0, 1<<31-1),
				bounds(def(long("keepalive-time"), dmr.NewLong(keepalive)), 0, 1<<63-1),
				jgDeprecated(integer("queue-length")),
			},
			AddRestart: ops.ResourceServices, RemoveRestart: ops.ResourceServices,
			XML: &ops.XMLResource{Element: elem, NoName: true},
		}
	}
	return &ops.Child{
		Type:  "thread-pool",
		Names: []string{"default", "oob", "internal", "timer"},
		// WildFly creates the default pool with the transport.
		Implicit: []string{"default"},
		ByName: map[string]*ops.Definition{
			"default":  pool("default-thread-pool", 0, 200, 60000),
			"oob":      jgDeprecatedDef(pool("oob-thread-pool", 20, 200, 60000)),
			"internal": jgDeprecatedDef(pool("internal-thread-pool", 5, 20, 60000)),
			"timer":    jgDeprecatedDef(pool("timer-thread-pool", 2, 4, 5000)),
		},
	}
}

// jgRelay is stack=*/relay=relay.RELAY2: cross-site replication.
func jgRelay() *ops.Definition {
	remote := &ops.Definition{
		Description: "A remote site the relay forwards to.",
		Attributes: []*ops.Attribute{
			required(noExpr(str("channel"))),
			jgDeprecated(str("stack")),
			jgDeprecated(str("cluster")),
		},
		AddRestart: ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: "remote-site", NameAttr: "name"},
	}
	attrs := append([]*ops.Attribute{required(str("site"))}, jgCommonProtocolAttributes()...)
	return &ops.Definition{
		Description: "The RELAY2 protocol, which bridges this site to remote sites.",
		Attributes:  attrs,
		Children: []*ops.Child{
			{Type: "remote-site", Definition: remote},
			jgPropertyChild(),
		},
		AddRestart: ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: "relay", NoName: true, Order: 3},
	}
}

// jgCommonProtocolAttributes are the attributes of every protocol, transport
// and relay.
func jgCommonProtocolAttributes() []*ops.Attribute {
	return []*ops.Attribute{
		def(str("module"), dmr.NewString("org.jgroups")),
		boolean("statistics-enabled"),
		xmlAt(mapOf("properties", dmr.String), ops.XMLAttribute{Form: ops.PropertyMap,
			Item: "property", KeyAttr: "name"}),
	}
}

// jgDeprecated marks an attribute deprecated and returns it.
func jgDeprecated(a *ops.Attribute) *ops.Attribute { a.Deprecated = true; return a }

// jgDeprecatedDef marks every attribute of d deprecated and returns d.
func jgDeprecatedDef(d *ops.Definition) *ops.Definition {
	for _, a := range d.Attributes {
		a.Deprecated = true
	}
	return d
}

// jgFinish applies the subsystem-wide rules to the finished tree: every
// configuration attribute restarts its resource's services, and attributes
// without a description get the one descriptions holds for their name.
func jgFinish(d *ops.Definition, descriptions map[string]string) {
	seen := map[*ops.Definition]bool{}
	var walk func(*ops.Definition)
	walk = func(d *ops.Definition) {
		if d == nil || seen[d] {
			return
		}
		seen[d] = true
		for _, a := range d.Attributes {
			// Shared definitions are already finished; they are only read.
			if a.Storage == ops.Configuration && a.Restart != ops.ResourceServices {
				a.Restart = ops.ResourceServices
			}
			if a.Description == "" {
				a.Description = descriptions[a.Name]
			}
		}
		for _, c := range d.Children {
			walk(c.Definition)
			for _, bd := range c.ByName {
				walk(bd)
			}
		}
	}
	walk(d)
}

// jgroupsDescriptions describe the jgroups attributes by name.
var jgroupsDescriptions = map[string]string{
	"default-channel": "The channel that clustering services use unless they name another.",
	"default-stack": "The stack a channel added without a stack uses. " +
		"Deprecated: name the stack on the channel.",
	"stack":   "The protocol stack the channel runs on.",
	"cluster": "The name of the group the channel joins; undefined means the channel's name.",
	"module":  "The module from which the protocol or channel classes are loaded.",
	"statistics-enabled": "Whether the resource collects statistics; a protocol " +
		"without a value follows its stack.",
	"socket-binding":             "The socket binding the protocol listens on.",
	"client-socket-binding":      "The socket binding of the protocol's client sockets.",
	"diagnostics-socket-binding": "The socket binding for JGroups diagnostics.",
	"socket-bindings": "The outbound socket bindings of the members to contact " +
		"during discovery.",
	"data-source": "The data source (a data-source or xa-data-source name) that " +
		"holds the discovery table.",
	"site":        "The site of this node, for topology-aware placement.",
	"rack":        "The rack of this node, for topology-aware placement.",
	"machine":     "The machine of this node, for topology-aware placement.",
	"properties":  "Protocol properties, by JGroups property name.",
	"shared":      "Deprecated: whether the transport is shared by several channels.",
	"min-threads": "The number of threads the pool keeps even when idle.",
	"max-threads": "The largest number of threads the pool may hold.",
	"keepalive-time": "How long, in milliseconds, an idle thread above the core " +
		"size is kept.",
	"queue-length":  "Deprecated: the length of the pool's queue.",
	"key-store":     "The credential store key store that holds the encryption key.",
	"key-alias":     "The alias of the encryption key in the key store.",
	"value":         "The value of the protocol property.",
	"view":          "The members of the channel's current view.",
	"address":       "The logical address of this node in the channel.",
	"state":         "The state of the channel.",
	"sent-messages": "The number of messages this channel has sent.",
	"received-messages": "The number of messages this channel has " +
		"received.",
	"address-as-uuid":      "The address of this node in the channel, as a UUID.",
	"discard-own-messages": "Whether the channel drops the messages it sent itself.",
	"num-tasks-in-timer":   "Deprecated: the number of tasks in the timer.",
	"num-timer-threads":    "Deprecated: the number of timer threads.",
	"received-bytes":       "The number of bytes this channel has received.",
	"sent-bytes":           "The number of bytes this channel has sent.",
	"version":              "The JGroups version of the channel.",
	"channel":              "The channel that carries messages to the remote site.",
	"default-executor":     "Deprecated: the executor of the transport; use thread-pool.",
	"oob-executor":         "Deprecated: the out-of-band executor; use thread-pool.",
	"timer-executor":       "Deprecated: the timer executor; use thread-pool.",
	"thread-factory":       "Deprecated: the transport's thread factory.",
	"algorithm":            "The algorithm of the token's digest or cipher.",
	"key-credential-reference": "The credential that unlocks the key in " +
		"the key store.",
	"shared-secret-reference": "The credential that holds the shared " +
		"secret.",
}
