package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The infinispan subsystem: cache containers, their transport and thread
// pools, and the caches with their components, memory and stores. As in
// jgroups, every configuration attribute restarts the resource's services.
//
// The memory element of caches changed across schema generations (eviction,
// then object-memory, then heap-memory); each generation's element is its
// own resource here (component=eviction, memory=object, memory=heap), so a
// file keeps the elements it was written with. The older
// string-keyed-jdbc-store and string-keyed-table are listed as alternative
// elements (XMLResource.Elements) of store=jdbc and table=string.

// InfinispanNamespace is the namespace a new infinispan subsystem is written
// with.
const InfinispanNamespace = "urn:jboss:domain:infinispan:13.0"

func init() { registerSubsystem("infinispan", Infinispan) }

// Infinispan returns a new definition of /subsystem=infinispan. Each call
// builds a fresh tree, sharing only the property=* alias definition, which
// nothing changes; callers may keep and share the tree but must not change
// it.
func Infinispan() *ops.Definition {
	remote := Lenient()
	remote.Description = "A Hot Rod client container; not modelled in detail."
	remote.XML = &ops.XMLResource{Element: "remote-cache-container", NameAttr: "name",
		Order: 2}
	d := &ops.Definition{
		Description: "The Infinispan subsystem: cache containers and their caches.",
		Children: []*ops.Child{
			{Type: "cache-container", Definition: ispnContainer()},
			{Type: "remote-cache-container", Definition: remote},
		},
		AddRestart: ops.AllServices, RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Element: "subsystem", NoName: true,
			Namespace: InfinispanNamespace},
	}
	jgFinish(d, infinispanDescriptions)
	return d
}

// ispnContainer is cache-container=*.
func ispnContainer() *ops.Definition {
	attrs := []*ops.Attribute{
		noExpr(str("default-cache")),
		ispnSpaceList("aliases"),
		def(ispnSpaceList("modules"), dmr.NewList(
			dmr.NewString("org.jboss.as.clustering.infinispan"))),
		def(oneOf(str("marshaller"), "LEGACY", "JBOSS", "PROTOSTREAM"),
			dmr.NewString("LEGACY")),
		def(boolean("statistics-enabled"), dmr.NewBool(false)),
		jgDeprecated(str("jndi-name")),
		jgDeprecated(str("module")),
		jgDeprecated(def(oneOf(str("start"), "LAZY", "EAGER"), dmr.NewString("LAZY"))),
		jgDeprecated(str("eviction-executor")),
		jgDeprecated(str("listener-executor")),
		jgDeprecated(str("replication-queue-executor")),
		metric("cache-manager-status", dmr.String),
		metric("cluster-name", dmr.String),
		metric("coordinator-address", dmr.String),
		metric("is-coordinator", dmr.Boolean),
		metric("local-address", dmr.String),
	}
	children := []*ops.Child{
		ispnTransport(),
		ispnThreadPools(),
		{Type: "scheduled-thread-pool", Names: []string{"expiration"},
			Implicit:   []string{"expiration"},
			Definition: ispnThreadPool("expiration-thread-pool", 3, true)},
	}
	children = append(children, ispnCacheChildren()...)
	children = append(children, &ops.Child{Type: "cache", Definition: ispnRuntimeCache()})
	return &ops.Definition{
		Description: "A cache container: a cache manager and the caches it holds.",
		Attributes:  attrs,
		Children:    children,
		Operations:  append(ispnAliasOperations(), ispnWriteOperation()),
		AddRestart:  ops.NoServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: "cache-container", NameAttr: "name", Order: 1},
	}
}

// ispnSpaceList is a LIST of strings written as one space-separated XML
// attribute.
func ispnSpaceList(name string) *ops.Attribute {
	return xmlAt(listOf(name, dmr.String), ops.XMLAttribute{Attr: name, Form: ops.SpaceList})
}

// ispnTransport is transport=jgroups (the <transport> element) and
// transport=none (a container without a <transport> element).
func ispnTransport() *ops.Child {
	jgroups := &ops.Definition{
		Description: "Clustered transport of the container over a jgroups channel.",
		Attributes: []*ops.Attribute{
			noExpr(str("channel")),
			bounds(def(long("lock-timeout"), dmr.NewLong(240000)), 0, 1<<63-1),
			jgDeprecated(str("stack")),
			jgDeprecated(str("cluster")),
			jgDeprecated(str("executor")),
		},
		AddRestart: ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: "transport", NoName: true, Order: 1},
	}
	none := &ops.Definition{
		Description: "No transport: the container is local to this node.",
		AddRestart:  ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Skip: true},
	}
	return &ops.Child{Type: "transport", Names: []string{"jgroups", "none"}, Max: 1,
		Implicit: []string{"none"},
		ByName:   map[string]*ops.Definition{"jgroups": jgroups, "none": none}}
}

// ispnPoolNames are the container's thread pools; each is written as
// <NAME-thread-pool>.
var ispnPoolNames = []string{"async-operations", "blocking", "listener", "non-blocking",
	"persistence", "remote-command", "state-transfer", "transport"}

// ispnThreadPools is thread-pool=*.
//
// Limitation: the pools' default sizes are not described (read-resource with
// include-defaults shows them undefined); the runtime picks its own.
func ispnThreadPools() *ops.Child {
	c := &ops.Child{Type: "thread-pool", Names: ispnPoolNames, Implicit: ispnPoolNames,
		ByName: map[string]*ops.Definition{}}
	for _, n := range ispnPoolNames {
		c.ByName[n] = ispnThreadPool(n+"-thread-pool", 2, false)
	}
	return c
}

// ispnThreadPool is one pool, written as elem; a scheduled pool has no
// queue and no minimum.
func ispnThreadPool(elem string, order int, scheduled bool) *ops.Definition {
	attrs := []*ops.Attribute{
		bounds(integer("max-threads"), 0, 1<<31-1),
		bounds(long("keepalive-time"), 0, 1<<63-1),
	}
	if !scheduled {
		attrs = append([]*ops.Attribute{bounds(integer("min-threads"), 0, 1<<31-1)},
			append(attrs, bounds(integer("queue-length"), 0, 1<<31-1))...)
	}
	return &ops.Definition{
		Description: "A thread pool of the container.",
		Attributes:  attrs,
		AddRestart:  ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: elem, NoName: true, Order: order},
	}
}

// ispnAliasOperations are the deprecated add-alias and remove-alias of a
// container, which change its aliases list.
func ispnAliasOperations() []*ops.Operation {
	name := required(str("name"))
	name.Description = "The alias."
	return []*ops.Operation{
		{Name: "add-alias", Description: "Deprecated: adds an alias of the container.",
			Params: []*ops.Attribute{name}, Handler: ispnAddAlias},
		{Name: "remove-alias", Description: "Deprecated: removes an alias of the container.",
			Params: []*ops.Attribute{name}, Handler: ispnRemoveAlias},
	}
}

func ispnAddAlias(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	r, err := ispnTarget(ctx)
	if err != nil {
		return dmr.Value{}, err
	}
	n, _ := op.Get("name")
	aliases := dmr.NewList()
	for _, a := range r.Attr("aliases").Items() {
		if a.AsString() == n.AsString() {
			return dmr.Value{}, nil
		}
		aliases.Append(a.Clone())
	}
	aliases.Append(dmr.NewString(n.AsString()))
	r.SetAttr("aliases", aliases)
	return dmr.Value{}, nil
}

func ispnRemoveAlias(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	r, err := ispnTarget(ctx)
	if err != nil {
		return dmr.Value{}, err
	}
	n, _ := op.Get("name")
	aliases := dmr.NewList()
	for _, a := range r.Attr("aliases").Items() {
		if a.AsString() != n.AsString() {
			aliases.Append(a.Clone())
		}
	}
	if aliases.Len() == 0 {
		r.SetAttr("aliases", dmr.Value{})
		return dmr.Value{}, nil
	}
	r.SetAttr("aliases", aliases)
	return dmr.Value{}, nil
}

// ispnTarget returns the operation's target in the private model.
func ispnTarget(ctx *ops.Context) (*ops.Resource, error) {
	if r := ctx.Root.Navigate(ctx.Address); r != nil {
		return r, nil
	}
	return nil, ops.Failf("WFLYCTL0216", "Management resource '%s' not found", ctx.Address)
}
