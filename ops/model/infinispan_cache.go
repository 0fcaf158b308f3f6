package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The XML order of a cache's child elements: locking, transaction, memory
// (or eviction), expiration, store, then for caches that share state across
// nodes partition-handling, state-transfer and backups.
const (
	ispnOrderLocking = iota + 1
	ispnOrderTransaction
	ispnOrderMemory
	ispnOrderExpiration
	ispnOrderStore
	ispnOrderPartitionHandling
	ispnOrderStateTransfer
	ispnOrderBackups
)

// ispnCacheKind says which attribute groups a cache type has.
type ispnCacheKind struct {
	typ         string
	description string
	clustered   bool // replicated, distributed, invalidation, scattered
	shared      bool // replicated, distributed, scattered (state transfer, backups)
	segmented   bool // distributed, scattered
}

var ispnCacheKinds = []ispnCacheKind{
	{"local-cache", "A cache whose entries stay on this node.", false, false, false},
	{"replicated-cache", "A cache of which every member holds a full copy.", true, true,
		false},
	{"distributed-cache", "A cache whose entries are held by a fixed number of owners.",
		true, true, true},
	{"invalidation-cache", "A cache whose members drop an entry when another changes it.",
		true, false, false},
	{"scattered-cache", "A cache whose entries have one primary and one backup owner.",
		true, true, true},
}

// ispnCacheCapability is the capability every cache provides, qualified by
// its container's name and its own: the five cache types share their
// names, so distributed-cache=x cannot be added beside local-cache=x.
const ispnCacheCapability = "org.wildfly.clustering.infinispan.cache"

// ispnCacheChildren are the five cache child types of a container. The
// child types the caches have in common are built once and shared, which
// keeps the definition tree small.
func ispnCacheChildren() []*ops.Child {
	memory, stores := ispnMemory(), ispnStores()
	components := map[bool]*ops.Child{false: ispnComponents(false), true: ispnComponents(true)}
	var cs []*ops.Child
	for _, k := range ispnCacheKinds {
		d := ispnCache(k)
		d.Children = []*ops.Child{components[k.shared], memory, stores}
		cs = append(cs, &ops.Child{Type: k.typ, Definition: d,
			Capability: ispnCacheCapability})
	}
	return cs
}

// ispnCache is one cache type's definition, without its children.
func ispnCache(k ispnCacheKind) *ops.Definition {
	attrs := ispnCommonCacheAttributes()
	if k.clustered {
		attrs = append(attrs, ispnClusteredCacheAttributes()...)
	}
	if k.segmented {
		attrs = append(attrs,
			bounds(def(integer("segments"), dmr.NewInt(256)), 1, 1<<31-1),
			jgDeprecated(str("consistent-hash-strategy")))
	}
	switch k.typ {
	case "distributed-cache":
		attrs = append(attrs,
			bounds(def(integer("owners"), dmr.NewInt(2)), 1, 1<<31-1),
			bounds(def(long("l1-lifespan"), dmr.NewLong(0)), 0, 1<<63-1),
			def(attr("capacity-factor", dmr.Double), dmr.NewDouble(1.0)))
	case "scattered-cache":
		attrs = append(attrs,
			def(long("bias-lifespan"), dmr.NewLong(300000)),
			def(integer("invalidation-batch-size"), dmr.NewInt(128)))
	}
	attrs = append(attrs, ispnCacheMetrics(k.clustered)...)
	return &ops.Definition{
		Description: k.description,
		Attributes:  attrs,
		AddRestart:  ops.NoServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: k.typ, NameAttr: "name", Order: 4},
	}
}

// ispnCommonCacheAttributes are the attributes of every cache type.
func ispnCommonCacheAttributes() []*ops.Attribute {
	return []*ops.Attribute{
		def(boolean("statistics-enabled"), dmr.NewBool(false)),
		ispnSpaceList("modules"),
		jgDeprecated(str("module")),
		jgDeprecated(str("jndi-name")),
		jgDeprecated(def(oneOf(str("start"), "LAZY", "EAGER"), dmr.NewString("LAZY"))),
		jgDeprecated(def(boolean("batching"), dmr.NewBool(false))),
		jgDeprecated(def(oneOf(str("indexing"), "NONE", "LOCAL", "ALL"),
			dmr.NewString("NONE"))),
		jgDeprecated(mapOf("indexing-properties", dmr.String)),
	}
}

// ispnClusteredCacheAttributes are the attributes of caches on more than
// one node.
func ispnClusteredCacheAttributes() []*ops.Attribute {
	return []*ops.Attribute{
		bounds(def(long("remote-timeout"), dmr.NewLong(10000)), 0, 1<<63-1),
		jgDeprecated(oneOf(str("mode"), "ASYNC", "SYNC")),
		jgDeprecated(def(boolean("async-marshalling"), dmr.NewBool(false))),
		jgDeprecated(def(integer("queue-size"), dmr.NewInt(0))),
		jgDeprecated(def(long("queue-flush-interval"), dmr.NewLong(10))),
	}
}

// ispnCacheMetrics are a cache's runtime statistics.
func ispnCacheMetrics(clustered bool) []*ops.Attribute {
	ms := []*ops.Attribute{
		metric("activations", dmr.Long),
		metric("average-read-time", dmr.Long),
		metric("average-remove-time", dmr.Long),
		metric("average-write-time", dmr.Long),
		jgDeprecated(metric("cache-status", dmr.String)),
		jgDeprecated(metric("elapsed-time", dmr.Long)),
		metric("evictions", dmr.Long),
		metric("hit-ratio", dmr.Double),
		metric("hits", dmr.Long),
		metric("invalidations", dmr.Long),
		metric("misses", dmr.Long),
		metric("number-of-entries", dmr.Int),
		metric("number-of-entries-in-memory", dmr.Int),
		metric("passivations", dmr.Long),
		metric("read-write-ratio", dmr.Double),
		metric("remove-hits", dmr.Long),
		metric("remove-misses", dmr.Long),
		jgDeprecated(metric("stores", dmr.Long)),
		metric("time-since-reset", dmr.Long),
		metric("time-since-start", dmr.Long),
		metric("writes", dmr.Long),
	}
	if clustered {
		ms = append(ms,
			metric("average-replication-time", dmr.Long),
			metric("replication-count", dmr.Long),
			metric("replication-failures", dmr.Long),
			metric("success-ratio", dmr.Double))
	}
	return ms
}

// ispnRuntimeCache is cache-container=*/cache=*: the runtime view of a
// running cache, where WildFly 21 and later put the statistics.
func ispnRuntimeCache() *ops.Definition {
	return &ops.Definition{
		Description: "The runtime view of a running cache and its statistics.",
		Attributes:  ispnCacheMetrics(true),
		Runtime:     true,
		XML:         &ops.XMLResource{Skip: true},
	}
}

// ispnComponents is component=*: locking, transaction, the old eviction
// element, expiration and, for caches that share state, partition handling,
// state transfer and backups. The names are in the schema's order, which is
// the order the XML engine reads them in.
func ispnComponents(shared bool) *ops.Child {
	c := &ops.Child{Type: "component",
		Names: []string{"locking", "transaction", "eviction", "expiration"},
		// WildFly adds these with the cache (its required children); the
		// old eviction element is no longer one.
		Implicit: []string{"locking", "transaction", "expiration"},
		ByName: map[string]*ops.Definition{
			"locking":     ispnLocking(),
			"transaction": ispnTransaction(),
			"expiration":  ispnExpiration(),
			"eviction":    ispnEviction(),
		}}
	if shared {
		c.Names = append(c.Names, "partition-handling", "state-transfer", "backups")
		c.Implicit = append(c.Implicit, "partition-handling", "state-transfer", "backups")
		c.ByName["partition-handling"] = ispnPartitionHandling()
		c.ByName["state-transfer"] = ispnStateTransfer()
		c.ByName["backups"] = ispnBackups()
	}
	for _, d := range c.ByName {
		d.Operations = append(d.Operations, &ops.Operation{Name: "add",
			Description: "Adds the component to the cache.",
			Params:      jgAddParams(d, false), Handler: ispnAddInSchemaOrder})
	}
	return c
}

// ispnAddInSchemaOrder is the add of a cache component: the generic add,
// then the component moves among its siblings to the schema's order. The
// XML engine writes a new element next to its model siblings of the same
// type, so the model order becomes the element order.
func ispnAddInSchemaOrder(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	if err := ctx.GenericAdd(op); err != nil {
		return dmr.Value{}, err
	}
	parent := ctx.Root.Navigate(ctx.Address.Parent())
	siblings := ispnChildAt(ctx.RootDefinition, ctx.Address)
	last := ctx.Address.Last()
	if parent == nil || siblings == nil {
		return dmr.Value{}, nil
	}
	order := func(name string) int {
		if d := siblings.DefinitionFor(name); d != nil && d.XML != nil {
			return d.XML.Order
		}
		return 0
	}
	r := parent.Child(last.Type, last.Name)
	parent.RemoveChild(last.Type, last.Name)
	index := -1
	for i, n := range parent.ChildNames(last.Type) {
		if order(n) > order(last.Name) {
			index = i
			break
		}
	}
	parent.AddChild(last.Type, last.Name, r, index)
	return dmr.Value{}, nil
}

// ispnChildAt returns the child type definition of the last step of a,
// walking from the root definition; nil when a step has none.
func ispnChildAt(root *ops.Definition, a ops.Address) *ops.Child {
	d := root
	for i, e := range a {
		c := d.Child(e.Type)
		if c == nil {
			return nil
		}
		if i == len(a)-1 {
			return c
		}
		if d = c.DefinitionFor(e.Name); d == nil {
			return nil
		}
	}
	return nil
}

// ispnComponent builds a fixed-name component written as elem.
func ispnComponent(elem, description string, order int,
	attrs ...*ops.Attribute) *ops.Definition {
	return &ops.Definition{
		Description: description,
		Attributes:  attrs,
		AddRestart:  ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: elem, NoName: true, Order: order},
	}
}

func ispnLocking() *ops.Definition {
	return ispnComponent("locking", "How the cache locks entries.", ispnOrderLocking,
		def(oneOf(str("isolation"), "NONE", "READ_UNCOMMITTED", "READ_COMMITTED",
			"REPEATABLE_READ", "SERIALIZABLE"), dmr.NewString("READ_COMMITTED")),
		def(boolean("striping"), dmr.NewBool(false)),
		bounds(def(long("acquire-timeout"), dmr.NewLong(15000)), 0, 1<<63-1),
		bounds(def(integer("concurrency-level"), dmr.NewInt(1000)), 1, 1<<31-1),
		metric("current-concurrency-level", dmr.Int),
		metric("number-of-locks-available", dmr.Int),
		metric("number-of-locks-held", dmr.Int))
}

func ispnTransaction() *ops.Definition {
	return ispnComponent("transaction", "Whether and how the cache takes part in "+
		"transactions.", ispnOrderTransaction,
		def(oneOf(str("mode"), "NONE", "BATCH", "NON_XA", "NON_DURABLE_XA", "FULL_XA"),
			dmr.NewString("NONE")),
		def(oneOf(str("locking"), "OPTIMISTIC", "PESSIMISTIC"), dmr.NewString("PESSIMISTIC")),
		bounds(def(long("stop-timeout"), dmr.NewLong(10000)), 0, 1<<63-1),
		bounds(def(long("complete-timeout"), dmr.NewLong(60000)), 0, 1<<63-1),
		metric("commits", dmr.Long),
		metric("prepares", dmr.Long),
		metric("rollbacks", dmr.Long))
}

// ispnExpiration is component=expiration. Its interval defaults to 60000 ms
// in the model, although schema 13.0's annotation says 5000.
func ispnExpiration() *ops.Definition {
	return ispnComponent("expiration", "When entries expire.", ispnOrderExpiration,
		def(long("interval"), dmr.NewLong(60000)),
		long("lifespan"),
		long("max-idle"))
}

// ispnEviction is component=eviction, the <eviction> element of infinispan
// 4.0 and older, which later schemas replaced by memory=*.
func ispnEviction() *ops.Definition {
	d := ispnComponent("eviction", "Deprecated: how many entries the cache holds in "+
		"memory; use memory=heap.", ispnOrderMemory,
		def(oneOf(str("strategy"), "NONE", "UNORDERED", "FIFO", "LRU", "LIRS"),
			dmr.NewString("NONE")),
		def(long("max-entries"), dmr.NewLong(-1)),
		metric("evictions", dmr.Long))
	return jgDeprecatedDef(d)
}

func ispnPartitionHandling() *ops.Definition {
	return ispnComponent("partition-handling", "What the cache does when the cluster "+
		"splits.", ispnOrderPartitionHandling,
		def(boolean("enabled"), dmr.NewBool(false)),
		oneOf(noExpr(str("when-split")), "ALLOW_READ_WRITES", "ALLOW_READS", "DENY_READ_WRITES"),
		oneOf(noExpr(str("merge-policy")), "NONE", "PREFERRED_ALWAYS", "PREFERRED_NON_NULL",
			"REMOVE_ALL"),
		metric("availability", dmr.String))
}

func ispnStateTransfer() *ops.Definition {
	return ispnComponent("state-transfer", "How a joining member receives its entries.",
		ispnOrderStateTransfer,
		bounds(def(long("timeout"), dmr.NewLong(240000)), 0, 1<<63-1),
		bounds(def(integer("chunk-size"), dmr.NewInt(512)), 1, 1<<31-1),
		jgDeprecated(def(boolean("enabled"), dmr.NewBool(true))))
}

// ispnBackups is component=backups (<backups>) with backup=<site>
// (<backup site="...">) children.
func ispnBackups() *ops.Definition {
	backup := &ops.Definition{
		Description: "A remote site that receives a copy of the cache's changes.",
		Attributes: []*ops.Attribute{
			def(oneOf(str("strategy"), "ASYNC", "SYNC"), dmr.NewString("ASYNC")),
			def(oneOf(str("failure-policy"), "IGNORE", "WARN", "FAIL", "CUSTOM"),
				dmr.NewString("WARN")),
			def(long("timeout"), dmr.NewLong(10000)),
			def(boolean("enabled"), dmr.NewBool(true)),
			xmlAt(def(integer("after-failures"), dmr.NewInt(1)), ops.XMLAttribute{
				Path: "take-offline", Attr: "after-failures"}),
			xmlAt(def(long("min-wait"), dmr.NewLong(0)), ops.XMLAttribute{
				Path: "take-offline", Attr: "min-wait"}),
		},
		AddRestart: ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Element: "backup", NameAttr: "site"},
	}
	d := ispnComponent("backups", "Cross-site backups of the cache.", ispnOrderBackups)
	d.Children = []*ops.Child{{Type: "backup", Definition: backup}}
	return d
}

// ispnMemory is memory=*: heap (schema 11.0+), off-heap, and the object and
// binary elements of schemas 5.0 to 10.0.
func ispnMemory() *ops.Child {
	size := func() *ops.Attribute { return long("size") }
	memory := func(elem, description string, attrs ...*ops.Attribute) *ops.Definition {
		return ispnComponent(elem, description, ispnOrderMemory, attrs...)
	}
	units := []string{"ENTRIES", "BYTES", "KB", "KiB", "MB", "MiB", "GB", "GiB"}
	return &ops.Child{Type: "memory", Names: []string{"heap", "off-heap", "object", "binary"},
		Implicit: []string{"heap"},
		Max:      1,
		ByName: map[string]*ops.Definition{
			"heap": memory("heap-memory", "Entries held as objects on the heap.", size(),
				def(oneOf(str("size-unit"), "ENTRIES"), dmr.NewString("ENTRIES"))),
			"off-heap": memory("off-heap-memory", "Entries held serialized outside the heap.",
				size(), def(oneOf(str("size-unit"), units...), dmr.NewString("ENTRIES")),
				jgDeprecated(def(oneOf(str("eviction-type"), "COUNT", "MEMORY"),
					dmr.NewString("COUNT"))),
				jgDeprecated(def(integer("capacity"), dmr.NewInt(1048576)))),
			"object": jgDeprecatedDef(memory("object-memory",
				"Deprecated: entries held as objects; use memory=heap.", size(),
				str("strategy"))),
			"binary": jgDeprecatedDef(memory("binary-memory",
				"Deprecated: entries held serialized on the heap.", size(),
				def(oneOf(str("eviction-type"), "COUNT", "MEMORY"), dmr.NewString("COUNT")))),
		}}
}
