package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// ejbResource is a resource of the ejb3 subsystem with attrs, written as
// the element x says.
func ejbResource(desc string, x ops.XMLResource, attrs ...*ops.Attribute) *ops.Definition {
	return &ops.Definition{Description: desc, Attributes: attrs,
		AddRestart: ops.AllServices, RemoveRestart: ops.AllServices, XML: &x}
}

// ejbNamed is the XML form of a named resource of the ejb3 subsystem: an
// element in wrapper.
func ejbNamed(element, wrapper string, order int) ops.XMLResource {
	return ops.XMLResource{Wrapper: wrapper, Element: element, NameAttr: "name", Order: order}
}

// ejbStrictMaxPool is strict-max-bean-instance-pool=<name>: <pools>
// <bean-instance-pools><strict-max-pool name max-pool-size derive-size
// instance-acquisition-timeout instance-acquisition-timeout-unit/>.
func ejbStrictMaxPool() *ops.Definition {
	size := described(def(integer("max-pool-size"), dmr.NewInt(20)),
		"The most bean instances the pool holds.")
	size.Alternatives = []string{"derive-size"}
	derive := described(oneOf(str("derive-size"), "none", "from-worker-pools",
		"from-cpu-count"), "Derives max-pool-size from the worker pools or the CPUs.")
	derive.Alternatives = []string{"max-pool-size"}
	timeout := described(xmlAt(def(long("timeout"), dmr.NewLong(5)),
		ops.XMLAttribute{Attr: "instance-acquisition-timeout"}),
		"How long a call waits for a free instance.")
	unit := described(xmlAt(oneOf(def(str("timeout-unit"), dmr.NewString("MINUTES")),
		"HOURS", "MINUTES", "SECONDS", "MILLISECONDS"),
		ops.XMLAttribute{Attr: "instance-acquisition-timeout-unit"}), "The unit of timeout.")
	return ejbResource("A pool of bean instances with a strict upper bound.",
		ejbNamed("strict-max-pool", "pools/bean-instance-pools", orderEjbPools),
		size, derive, timeout, unit,
		described(xmlAt(metric("current-size", dmr.Int), ops.XMLAttribute{Skip: true}),
			"The instances the pool holds now."))
}

// ejbCache is cache=<name>: <caches><cache name passivation-store-ref
// aliases/>, the legacy stateful bean cache.
func ejbCache() *ops.Definition {
	store := described(xmlAt(str("passivation-store"),
		ops.XMLAttribute{Attr: "passivation-store-ref"}),
		"The passivation store; undefined means a cache that never passivates.")
	aliases := described(xmlAt(listOf("aliases", dmr.String),
		ops.XMLAttribute{Attr: "aliases", Form: ops.SpaceList}), "Other names of the cache.")
	return ejbResource("A cache of stateful session beans.",
		ejbNamed("cache", "caches", orderEjbCaches), store, aliases)
}

// ejbSimpleCache is simple-cache=<name>: a stateful bean cache that never
// passivates (ejb3 10.0 and later).
func ejbSimpleCache() *ops.Definition {
	return ejbResource("A cache of stateful session beans that never passivates.",
		ejbNamed("simple-cache", "caches", orderEjbCaches))
}

// ejbDistributableCache is distributable-cache=<name>: a stateful bean
// cache that passivates through a bean management provider.
func ejbDistributableCache() *ops.Definition {
	bm := described(str("bean-management"),
		"The bean management provider; undefined means the distributable-ejb default.")
	return ejbResource("A cache of stateful session beans that may passivate.",
		ejbNamed("distributable-cache", "caches", orderEjbCaches), bm)
}

// ejbPassivationStore is passivation-store=<name>: <passivation-stores>
// <passivation-store name cache-container bean-cache max-size/>.
func ejbPassivationStore() *ops.Definition {
	return ejbResource("Where passivated stateful beans are kept: an infinispan cache.",
		ejbNamed("passivation-store", "passivation-stores", orderEjbPassivationStores),
		described(def(str("cache-container"), dmr.NewString("ejb")),
			"The infinispan cache container."),
		described(str("bean-cache"),
			"The cache of the container; undefined means its default cache."),
		described(bounds(def(integer("max-size"), dmr.NewInt(10000)), 0, 1<<31-1),
			"The most beans kept in memory before passivation."))
}

// ejbOldPassivationStore is the passivation store of older files
// (file-passivation-store, cluster-passivation-store), which WildFly reads
// as a deprecated resource.
//
// Limitation: their attributes are kept but not validated.
func ejbOldPassivationStore(element string) *ops.Definition {
	d := lenientAt(ejbNamed(element, "passivation-stores", orderEjbPassivationStores))
	d.Description = "A passivation store of an older schema."
	return d
}

// ejbAsync is service=async: <async thread-pool-name/>.
func ejbAsync() *ops.Definition {
	return ejbResource("Asynchronous invocation of bean methods.",
		ops.XMLResource{Element: "async", NoName: true, Order: orderEjbAsync},
		described(required(str("thread-pool-name")), "The thread pool of the calls."))
}

// ejbIIOP is service=iiop: <iiop enable-by-default use-qualified-name/>.
func ejbIIOP() *ops.Definition {
	return ejbResource("Invocation of beans over IIOP.",
		ops.XMLResource{Element: "iiop", NoName: true, Order: orderEjbIIOP},
		described(def(boolean("enable-by-default"), dmr.NewBool(false)),
			"Whether every bean is reachable over IIOP."),
		described(def(boolean("use-qualified-name"), dmr.NewBool(false)),
			"Whether the beans' IIOP names hold the application and module."))
}

// ejbRemote is service=remote: <remote connectors thread-pool-name>, whose
// <channel-creation-options> hold channel-creation-options=*.
func ejbRemote() *ops.Definition {
	ref := described(noExpr(str("connector-ref")),
		"The remoting connector of remote calls; replaced by connectors.")
	ref.Deprecated = true
	ref.Alternatives = []string{"connectors"}
	conns := described(xmlAt(noExpr(listOf("connectors", dmr.String)),
		ops.XMLAttribute{Attr: "connectors", Form: ops.SpaceList}),
		"The remoting connectors of remote calls.")
	conns.Alternatives = []string{"connector-ref"}
	d := ejbResource("Invocation of beans by remote clients.",
		ops.XMLResource{Element: "remote", NoName: true, Order: orderEjbRemote},
		ref, conns,
		described(str("thread-pool-name"), "The thread pool of the calls."),
		described(def(str("cluster"), dmr.NewString("ejb")),
			"The cluster that clustered remote beans use."),
		described(def(boolean("execute-in-worker"), dmr.NewBool(true)),
			"Whether calls run in the remoting worker rather than the thread pool."))
	d.Children = []*ops.Child{{Type: "channel-creation-options",
		Definition: ejbChannelOption()}}
	return d
}

// ejbChannelOption is channel-creation-options=<name>: <option name value
// type/>, an option of the channel remote calls use.
func ejbChannelOption() *ops.Definition {
	value := described(restart(str("value"), ops.ResourceServices), "The option's value.")
	typ := described(restart(noExpr(oneOf(str("type"), "remoting", "xnio")),
		ops.ResourceServices), "Whether the option is a remoting or an XNIO option.")
	d := ejbResource("An option of the channel that remote calls use.",
		ops.XMLResource{Wrapper: "channel-creation-options", RemoveEmptyWrapper: true,
			Element: "option", NameAttr: "name"}, value, typ)
	d.AddRestart, d.RemoveRestart = ops.ResourceServices, ops.ResourceServices
	return d
}

// ejbTimerService is service=timer-service: <timer-service
// thread-pool-name default-data-store> with <data-stores>.
func ejbTimerService() *ops.Definition {
	pool := described(str("thread-pool-name"), "The thread pool of the timers.")
	store := described(str("default-data-store"), "The data store of persistent timers.")
	d := ejbResource("The timer service of beans.",
		ops.XMLResource{Element: "timer-service", NoName: true, Order: orderEjbTimerService},
		pool, store,
		described(str("default-persistent-timer-management"),
			"The timer management of persistent timers (replaces the data store)."),
		described(str("default-transient-timer-management"),
			"The timer management of transient timers (replaces the thread pool)."))
	d.Children = []*ops.Child{
		{Type: "file-data-store", Definition: ejbResource("Persistent timers in files.",
			ejbNamed("file-data-store", "data-stores", 1),
			described(required(str("path")), "The directory of the timers."),
			described(str("relative-to"), "The name of the path the directory is "+
				"relative to."))},
		{Type: "database-data-store", Definition: ejbResource(
			"Persistent timers in a database.",
			ejbNamed("database-data-store", "data-stores", 2),
			described(required(str("datasource-jndi-name")), "The data source's JNDI name."),
			described(str("database"), "The database dialect; undefined means detected."),
			described(str("partition"), "The partition of this node's timers."),
			described(integer("refresh-interval"),
				"How often, in milliseconds, timers are reloaded from the database."),
			described(def(boolean("allow-execution"), dmr.NewBool(true)),
				"Whether this node runs the timers."))},
	}
	return d
}

// ejbThreadPool is thread-pool=<name>: <thread-pools><thread-pool
// name><max-threads count/><core-threads count/><keepalive-time time
// unit/><thread-factory name/>.
func ejbThreadPool() *ops.Definition {
	count := func(a *ops.Attribute, elem string) *ops.Attribute {
		return xmlAt(a, ops.XMLAttribute{Path: elem, Attr: "count"})
	}
	keep := described(xmlAt(attr("keepalive-time", dmr.Object),
		ops.XMLAttribute{Path: "keepalive-time", Form: ops.FieldObject, Order: 3}),
		"How long an idle thread above core-threads lives.")
	keep.Fields = []*ops.Attribute{
		described(required(long("time")), "How long, in unit."),
		described(required(str("unit")), "The unit of time (SECONDS, MILLISECONDS, ...)."),
	}
	// The file spells the unit in lower case, the model as TimeUnit names.
	keep.Fields[1].XML = &ops.XMLAttribute{Attr: "unit", UpperCase: true}
	maxT := count(required(bounds(integer("max-threads"), 0, 1<<31-1)), "max-threads")
	maxT.XML.Order = 2
	coreT := count(bounds(integer("core-threads"), 0, 1<<31-1), "core-threads")
	coreT.XML.Order = 1
	factory := described(xmlAt(str("thread-factory"),
		ops.XMLAttribute{Path: "thread-factory", Attr: "name", Order: 4}),
		"The thread factory; undefined means the default.")
	return ejbResource("A pool of threads for asynchronous, timer and remote calls.",
		ejbNamed("thread-pool", "thread-pools", orderEjbThreadPools),
		described(maxT, "The most threads of the pool."),
		described(coreT, "The threads kept while idle; undefined means max-threads."),
		keep, factory)
}

// ejbAppSecurityDomain is application-security-domain=<name>: maps a
// security domain name of deployments to an Elytron security domain.
func ejbAppSecurityDomain() *ops.Definition {
	return ejbResource("An application security domain: the Elytron domain behind a name.",
		ejbNamed("application-security-domain", "application-security-domains",
			orderEjbApplicationSecurityDomains),
		described(required(str("security-domain")), "The Elytron security domain."),
		described(def(boolean("enable-jacc"), dmr.NewBool(false)),
			"Whether authorization follows JACC."),
		described(def(boolean("legacy-compliant-principal-propagation"), dmr.NewBool(true)),
			"Whether an unsecured bean propagates the caller's principal."))
}

// ejbDeliveryGroup is mdb-delivery-group=<name>: <mdb><delivery-groups>
// <delivery-group name active/>.
func ejbDeliveryGroup() *ops.Definition {
	return ejbResource("A group of message-driven beans whose delivery starts and stops together.",
		ejbNamed("delivery-group", "mdb/delivery-groups", orderEjbMDB+2),
		described(def(boolean("active"), dmr.NewBool(true)),
			"Whether the group's beans receive messages."))
}

// ejbIdentity is service=identity: <identity outflow-security-domains/>.
func ejbIdentity() *ops.Definition {
	outflow := described(xmlAt(noExpr(listOf("outflow-security-domains", dmr.String)),
		ops.XMLAttribute{Attr: "outflow-security-domains", Form: ops.SpaceList}),
		"The security domains a bean's caller identity flows out to.")
	return ejbResource("How the identity of a bean's caller flows to other domains.",
		ops.XMLResource{Element: "identity", NoName: true, Order: orderEjbIdentity},
		outflow)
}

// ejbRemotingProfile is remoting-profile=<name>: <profiles><profile
// name>, the connections a deployment's remote beans use.
//
// Limitation: a profile's attributes and connections are kept but not
// validated.
func ejbRemotingProfile() *ops.Definition {
	d := lenientAt(ejbNamed("profile", "profiles", orderEjbProfiles))
	d.Description = "A remoting profile: the connections remote bean calls use."
	return d
}
