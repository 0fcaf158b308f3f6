package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The ejb3 subsystem is modelled: the subsystem's defaults (most of them
// folded into small elements such as <session-bean><stateful cache-ref>
// and <statistics enabled>), its bean pools, caches, passivation stores,
// thread pools, application security domains, MDB delivery groups and the
// services async, timer-service, remote, iiop and identity. <remote> is service=remote although it
// has no name attribute, and each <option name="X"> in its
// <channel-creation-options> is channel-creation-options=X (Keycloak's
// migrate scripts add and remove READ_TIMEOUT there).
//
// A thread pool's keepalive-time unit is spelled in lower case in the file
// (<keepalive-time unit="milliseconds">) and as a TimeUnit name in the
// model (MILLISECONDS), as WildFly spells them.
//
// Limitation: the ejb3 1.x form <timer-service><data-store path/> is kept
// in the file but not read: the timer service of such a file has no
// file-data-store. Remoting profiles (<profiles><profile name>) are kept
// but not validated.

// Ejb3Namespace is the namespace a new ejb3 subsystem is written with.
const Ejb3Namespace = "urn:jboss:domain:ejb3:9.0"

// The positions of the ejb3 subsystem's elements, in the order the schema
// enforces. They are ten apart so that the elements inside <session-bean>
// and <mdb> are ordered by adding 1 and 2.
const (
	orderEjbSessionBean = (iota + 1) * 10
	orderEjbMDB
	orderEjbEntityBean
	orderEjbPools
	orderEjbCaches
	orderEjbPassivationStores
	orderEjbAsync
	orderEjbTimerService
	orderEjbRemote
	orderEjbProfiles
	orderEjbThreadPools
	orderEjbIIOP
	orderEjbInVM
	orderEjbDefaultSecurityDomain
	orderEjbApplicationSecurityDomains
	orderEjbIdentity
	orderEjbMissingMethodPermissions
	orderEjbDisableDefaultPermissions
	orderEjbGracefulTxnShutdown
	orderEjbStatistics
	orderEjbLogSystemExceptions
	orderEjbAllowNameRegex
	orderEjbDefaultDistinctName
)

func init() { registerSubsystem("ejb3", ejb3) }

// ejb3 is /subsystem=ejb3.
func ejb3() *ops.Definition {
	return &ops.Definition{
		Description: "The EJB container: bean pools, caches, timers and remote invocation.",
		Attributes:  ejb3Attributes(),
		Children: []*ops.Child{
			{Type: "strict-max-bean-instance-pool", Definition: ejbStrictMaxPool()},
			{Type: "cache", Definition: ejbCache()},
			{Type: "simple-cache", Definition: ejbSimpleCache()},
			{Type: "distributable-cache", Definition: ejbDistributableCache()},
			{Type: "passivation-store", Definition: ejbPassivationStore()},
			{Type: "file-passivation-store", Definition: ejbOldPassivationStore(
				"file-passivation-store")},
			{Type: "cluster-passivation-store", Definition: ejbOldPassivationStore(
				"cluster-passivation-store")},
			{Type: "service", Names: []string{"async", "timer-service", "remote", "iiop",
				"identity"},
				ByName: map[string]*ops.Definition{"async": ejbAsync(),
					"timer-service": ejbTimerService(), "remote": ejbRemote(),
					"iiop": ejbIIOP(), "identity": ejbIdentity()}},
			{Type: "remoting-profile", Definition: ejbRemotingProfile()},
			{Type: "thread-pool", Definition: ejbThreadPool()},
			{Type: "application-security-domain", Definition: ejbAppSecurityDomain()},
			{Type: "mdb-delivery-group", Definition: ejbDeliveryGroup()},
		},
		AddRestart: ops.AllServices, RemoveRestart: ops.AllServices,
		XML: &ops.XMLResource{Element: "subsystem", NoName: true, Namespace: Ejb3Namespace},
	}
}

// ejbFolded is an attribute of the subsystem held by the XML attribute
// attr of the element at path.
func ejbFolded(a *ops.Attribute, path, attr string, order int, desc string) *ops.Attribute {
	return described(xmlAt(a, ops.XMLAttribute{Path: path, Attr: attr, Order: order}), desc)
}

// ejbValue is an attribute of the subsystem held by <name value=".."/>.
func ejbValue(a *ops.Attribute, order int, desc string) *ops.Attribute {
	return ejbFolded(a, a.Name, "value", order, desc)
}

// ejb3Attributes are the subsystem's defaults.
func ejb3Attributes() []*ops.Attribute {
	const stateful = "session-bean/stateful"
	timeout := func(name string) *ops.Attribute {
		return bounds(def(long(name), dmr.NewLong(5000)), 1, 1<<62)
	}
	stats := ejbFolded(def(boolean("statistics-enabled"), dmr.NewBool(false)),
		"statistics", "enabled", orderEjbStatistics,
		"Whether the beans' invocation statistics are gathered.")
	oldStats := described(xmlAt(def(boolean("enable-statistics"), dmr.NewBool(false)),
		ops.XMLAttribute{Skip: true}), "Replaced by statistics-enabled.")
	oldStats.Deprecated = true
	oldCluster := ejbFolded(str("default-clustered-sfsb-cache"), stateful,
		"clustered-cache-ref", orderEjbSessionBean+1,
		"The cache of clustered stateful beans; replaced by default-sfsb-cache.")
	oldCluster.Deprecated = true
	return []*ops.Attribute{
		ejbFolded(str("default-slsb-instance-pool"), "session-bean/stateless/"+
			"bean-instance-pool-ref", "pool-name", orderEjbSessionBean,
			"The bean instance pool of stateless session beans."),
		ejbFolded(str("default-sfsb-cache"), stateful, "cache-ref", orderEjbSessionBean+1,
			"The cache of stateful session beans."),
		ejbFolded(str("default-sfsb-passivation-disabled-cache"), stateful,
			"passivation-disabled-cache-ref", orderEjbSessionBean+1,
			"The cache of stateful session beans that do not passivate."),
		oldCluster,
		ejbFolded(timeout("default-stateful-bean-access-timeout"), stateful,
			"default-access-timeout", orderEjbSessionBean+1,
			"How long, in milliseconds, a call waits for a stateful bean in use."),
		ejbFolded(long("default-stateful-bean-session-timeout"), stateful,
			"default-session-timeout", orderEjbSessionBean+1,
			"How long, in milliseconds, an idle stateful bean lives; undefined is forever."),
		ejbFolded(timeout("default-singleton-bean-access-timeout"), "session-bean/singleton",
			"default-access-timeout", orderEjbSessionBean+2,
			"How long, in milliseconds, a call waits for a singleton bean's lock."),
		ejbFolded(str("default-mdb-instance-pool"), "mdb/bean-instance-pool-ref",
			"pool-name", orderEjbMDB+1, "The bean instance pool of message-driven beans."),
		ejbFolded(str("default-resource-adapter-name"), "mdb/resource-adapter-ref",
			"resource-adapter-name", orderEjbMDB,
			"The resource adapter of message-driven beans."),
		ejbFolded(def(boolean("in-vm-remote-interface-invocation-pass-by-value"),
			dmr.NewBool(true)), "in-vm-remote-interface-invocation", "pass-by-value",
			orderEjbInVM, "Whether calls of a remote interface in the same VM copy values."),
		ejbValue(str("default-security-domain"), orderEjbDefaultSecurityDomain,
			"The security domain of beans that name none."),
		ejbValue(def(boolean("default-missing-method-permissions-deny-access"),
			dmr.NewBool(true)), orderEjbMissingMethodPermissions,
			"Whether a method without permissions of a secured bean is denied."),
		ejbValue(boolean("disable-default-ejb-permissions"),
			orderEjbDisableDefaultPermissions,
			"Whether the default EJB permissions of an Elytron domain are off."),
		ejbValue(def(boolean("enable-graceful-txn-shutdown"), dmr.NewBool(false)),
			orderEjbGracefulTxnShutdown,
			"Whether a suspending server lets open transactions finish."),
		stats, oldStats,
		ejbValue(def(boolean("log-system-exceptions"), dmr.NewBool(true)),
			orderEjbLogSystemExceptions, "Whether system exceptions of beans are logged."),
		ejbValue(def(boolean("allow-ejb-name-regex"), dmr.NewBool(false)),
			orderEjbAllowNameRegex,
			"Whether ejb-name in deployment descriptors may be a regular expression."),
		ejbValue(str("default-distinct-name"), orderEjbDefaultDistinctName,
			"The distinct name of the server's EJB deployments."),
	}
}
