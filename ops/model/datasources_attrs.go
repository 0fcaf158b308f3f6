package model

import (
	"math"
	"strings"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// dsLayout is the XML layout of a <datasource> or <xa-datasource> element:
// which pool element it uses and the XSD position of each child element.
type dsLayout struct {
	xa   bool
	pool string         // "pool" or "xa-pool"
	top  map[string]int // child element of the resource's element -> position
}

// dsLayoutFor returns the layout of a data-source (xa false) or an
// xa-data-source, with the child order of the datasources 6.0 XSD.
func dsLayoutFor(xa bool) *dsLayout {
	if !xa {
		return &dsLayout{pool: "pool", top: dsPositions("connection-url", "driver-class",
			"datasource-class", "driver", "connection-property", "new-connection-sql",
			"transaction-isolation", "url-delimiter", "url-selector-strategy-class-name",
			"pool", "security", "validation", "timeout", "statement")}
	}
	return &dsLayout{xa: true, pool: "xa-pool", top: dsPositions("xa-datasource-property",
		"xa-datasource-class", "driver", "url-delimiter", "url-property",
		"url-selector-strategy-class-name", "new-connection-sql", "transaction-isolation",
		"xa-pool", "security", "validation", "timeout", "statement", "recovery")}
}

// dsPositions numbers names from 1 in the order given.
func dsPositions(names ...string) map[string]int {
	m := make(map[string]int, len(names))
	for i, n := range names {
		m[n] = i + 1
	}
	return m
}

// The positions of the children of <pool>/<xa-pool>, <security>,
// <validation>, <timeout>, <statement> and <recover-credential>.
var (
	dsPoolPositions = dsPositions("min-pool-size", "initial-pool-size", "max-pool-size",
		"prefill", "fair", "use-strict-min", "flush-strategy", "allow-multiple-users",
		"capacity", "connection-listener", "is-same-rm-override", "interleaving",
		"no-tx-separate-pools", "pad-xid", "wrap-xa-resource")
	dsSecurityPositions = dsPositions("user-name", "password", "credential-reference",
		"security-domain", "elytron-enabled", "authentication-context", "reauth-plugin")
	dsValidationPositions = dsPositions("valid-connection-checker",
		"check-valid-connection-sql", "validate-on-match", "background-validation",
		"background-validation-millis", "use-fast-fail", "stale-connection-checker",
		"exception-sorter")
	dsTimeoutPositions = dsPositions("set-tx-query-timeout", "blocking-timeout-millis",
		"idle-timeout-minutes", "query-timeout", "use-try-lock", "allocation-retry",
		"allocation-retry-wait-millis", "xa-resource-timeout")
	dsStatementPositions = dsPositions("track-statements", "prepared-statement-cache-size",
		"share-prepared-statements")
	dsRecoverPositions = dsPositions("recover-credential", "recover-plugin")
)

// dsFlushStrategies are the allowed values of flush-strategy.
var dsFlushStrategies = []string{"FailingConnectionOnly", "InvalidIdleConnections",
	"IdleConnections", "Gracefully", "EntirePool", "AllInvalidIdleConnections",
	"AllIdleConnections", "AllGracefully", "AllConnections"}

// dsIsolations are the allowed values of transaction-isolation.
var dsIsolations = []string{"TRANSACTION_READ_UNCOMMITTED", "TRANSACTION_READ_COMMITTED",
	"TRANSACTION_REPEATABLE_READ", "TRANSACTION_SERIALIZABLE", "TRANSACTION_NONE"}

// dsAttributes returns every attribute of a data source of layout l.
func dsAttributes(l *dsLayout) []*ops.Attribute {
	var as []*ops.Attribute
	as = append(as, dsElementAttributes(l)...)
	as = append(as, dsTextAttributes(l)...)
	as = append(as, dsPoolAttributes(l)...)
	as = append(as, dsSecurityAttributes(l)...)
	as = append(as, dsValidationAttributes(l)...)
	as = append(as, dsTimeoutAttributes(l)...)
	as = append(as, dsStatementAttributes(l)...)
	if l.xa {
		as = append(as, dsRecoveryAttributes(l)...)
	}
	return as
}

// dsElementAttributes are the XML attributes of the data source's element.
func dsElementAttributes(l *dsLayout) []*ops.Attribute {
	as := []*ops.Attribute{
		required(str("jndi-name")),
		def(boolean("enabled"), dmr.NewBool(true)),
		def(boolean("use-java-context"), dmr.NewBool(true)),
		def(boolean("use-ccm"), dmr.NewBool(true)),
		def(boolean("connectable"), dmr.NewBool(false)),
		def(boolean("spy"), dmr.NewBool(false)),
		def(boolean("tracking"), dmr.NewBool(false)),
		def(boolean("enlistment-trace"), dmr.NewBool(false)),
		def(boolean("statistics-enabled"), dmr.NewBool(false)),
		def(str("mcp"), dmr.NewString("org.jboss.jca.core.connectionmanager.pool.mcp."+
			"SemaphoreConcurrentLinkedDequeManagedConnectionPool")),
	}
	if !l.xa {
		as = append(as, def(boolean("jta"), dmr.NewBool(true)))
	}
	return as
}

// dsTextAttributes are the attributes held as the text of a direct child
// element of the data source's element.
func dsTextAttributes(l *dsLayout) []*ops.Attribute {
	// Limitation: the capability name of a JDBC driver was not verified
	// against WildFly's sources; a script that matches the failure text on
	// it may not match.
	driver := refs(required(noExpr(str("driver-name"))), "org.wildfly.data-source.jdbc-driver",
		"/subsystem=datasources/jdbc-driver")
	// A driver deployed as a jar is named after it (postgresql-42.2.5.jar,
	// or with the driver class appended); only the running node knows it.
	driver.References.Runtime = func(v string) bool { return strings.Contains(v, ".jar") }
	as := []*ops.Attribute{
		l.text(driver, "driver"),
		l.text(str("new-connection-sql"), "new-connection-sql"),
		l.text(oneOf(str("transaction-isolation"), dsIsolations...), "transaction-isolation"),
		l.text(str("url-delimiter"), "url-delimiter"),
		l.text(str("url-selector-strategy-class-name"), "url-selector-strategy-class-name"),
	}
	if l.xa {
		return append(as,
			l.text(str("xa-datasource-class"), "xa-datasource-class"),
			l.text(str("url-property"), "url-property"))
	}
	return append(as,
		l.text(required(str("connection-url")), "connection-url"),
		l.text(str("driver-class"), "driver-class"),
		l.text(str("datasource-class"), "datasource-class"))
}

// dsPoolAttributes are the attributes of <pool> (or <xa-pool>). Only
// initial-pool-size and the fair and strict-min flags apply without a reload;
// WildFly pushes min/max sizes into the live pool and still asks for one.
func dsPoolAttributes(l *dsLayout) []*ops.Attribute {
	live := func(a *ops.Attribute) *ops.Attribute { return restart(a, ops.NoServices) }
	as := []*ops.Attribute{
		l.in(def(integer("min-pool-size"), dmr.NewInt(0)), l.pool, "min-pool-size"),
		l.in(live(integer("initial-pool-size")), l.pool, "initial-pool-size"),
		l.in(def(integer("max-pool-size"), dmr.NewInt(20)), l.pool, "max-pool-size"),
		l.in(def(boolean("pool-prefill"), dmr.NewBool(false)), l.pool, "prefill"),
		l.in(live(def(boolean("pool-fair"), dmr.NewBool(true))), l.pool, "fair"),
		l.in(live(def(boolean("pool-use-strict-min"), dmr.NewBool(false))), l.pool,
			"use-strict-min"),
		l.in(def(oneOf(str("flush-strategy"), dsFlushStrategies...),
			dmr.NewString("FailingConnectionOnly")), l.pool, "flush-strategy"),
		l.presence(def(boolean("allow-multiple-users"), dmr.NewBool(false)), l.pool,
			"allow-multiple-users"),
	}
	as = append(as, l.plugin("capacity-incrementer", "class", l.pool, "capacity",
		"incrementer")...)
	as = append(as, l.plugin("capacity-decrementer", "class", l.pool, "capacity",
		"decrementer")...)
	as = append(as, l.pluginNamed("connection-listener-class", "connection-listener-property",
		l.pool, "connection-listener")...)
	if l.xa {
		as = append(as,
			l.in(boolean("same-rm-override"), l.pool, "is-same-rm-override"),
			l.presence(def(boolean("interleaving"), dmr.NewBool(false)), l.pool,
				"interleaving"),
			l.presence(def(boolean("no-tx-separate-pool"), dmr.NewBool(false)), l.pool,
				"no-tx-separate-pools"),
			l.in(def(boolean("pad-xid"), dmr.NewBool(false)), l.pool, "pad-xid"),
			l.in(def(boolean("wrap-xa-resource"), dmr.NewBool(true)), l.pool,
				"wrap-xa-resource"))
	}
	return as
}

// dsSecurityAttributes are the attributes of <security>.
func dsSecurityAttributes(l *dsLayout) []*ops.Attribute {
	password := sensitive(str("password"))
	password.Alternatives = []string{"credential-reference"}
	cred := dsCredentialReference("credential-reference")
	cred.Alternatives = []string{"password"}
	as := []*ops.Attribute{
		l.in(str("user-name"), "security", "user-name"),
		l.in(password, "security", "password"),
		l.field(cred, "security", "credential-reference"),
		l.in(str("security-domain"), "security", "security-domain"),
		l.presence(def(boolean("elytron-enabled"), dmr.NewBool(false)), "security",
			"elytron-enabled"),
		l.in(noExpr(str("authentication-context")), "security", "authentication-context"),
	}
	return append(as, l.plugin("reauth-plugin", "class-name", "security",
		"reauth-plugin")...)
}

// dsValidationAttributes are the attributes of <validation>.
func dsValidationAttributes(l *dsLayout) []*ops.Attribute {
	millis := bounds(long("background-validation-millis"), 1, math.MaxInt64)
	as := []*ops.Attribute{
		l.in(str("check-valid-connection-sql"), "validation", "check-valid-connection-sql"),
		l.in(boolean("validate-on-match"), "validation", "validate-on-match"),
		l.in(boolean("background-validation"), "validation", "background-validation"),
		l.in(millis, "validation", "background-validation-millis"),
		l.in(def(boolean("use-fast-fail"), dmr.NewBool(false)), "validation", "use-fast-fail"),
	}
	for _, p := range []string{"valid-connection-checker", "stale-connection-checker",
		"exception-sorter"} {
		as = append(as, l.plugin(p, "class-name", "validation", p)...)
	}
	return as
}

// dsTimeoutAttributes are the attributes of <timeout>. The model's
// blocking-timeout-wait-millis is <blocking-timeout-millis> in the XML.
func dsTimeoutAttributes(l *dsLayout) []*ops.Attribute {
	as := []*ops.Attribute{
		l.presence(def(boolean("set-tx-query-timeout"), dmr.NewBool(false)), "timeout",
			"set-tx-query-timeout"),
		l.in(restart(long("blocking-timeout-wait-millis"), ops.NoServices), "timeout",
			"blocking-timeout-millis"),
		l.in(long("idle-timeout-minutes"), "timeout", "idle-timeout-minutes"),
		l.in(long("query-timeout"), "timeout", "query-timeout"),
		l.in(long("use-try-lock"), "timeout", "use-try-lock"),
		l.in(integer("allocation-retry"), "timeout", "allocation-retry"),
		l.in(long("allocation-retry-wait-millis"), "timeout", "allocation-retry-wait-millis"),
	}
	if l.xa {
		as = append(as, l.in(integer("xa-resource-timeout"), "timeout", "xa-resource-timeout"))
	}
	return as
}

// dsStatementAttributes are the attributes of <statement>. The model's
// prepared-statements-cache-size is <prepared-statement-cache-size>.
// track-statements is NOWARN, TRUE or FALSE in the model and lower case in
// the file, as WildFly spells them.
func dsStatementAttributes(l *dsLayout) []*ops.Attribute {
	track := l.in(def(str("track-statements"), dmr.NewString("NOWARN")), "statement",
		"track-statements")
	track.XML.UpperCase = true
	return []*ops.Attribute{
		track,
		l.in(long("prepared-statements-cache-size"), "statement",
			"prepared-statement-cache-size"),
		l.presence(def(boolean("share-prepared-statements"), dmr.NewBool(false)),
			"statement", "share-prepared-statements"),
	}
}

// dsRecoveryAttributes are the attributes of an XA data source's <recovery>.
func dsRecoveryAttributes(l *dsLayout) []*ops.Attribute {
	cred := func(a *ops.Attribute, elem string) *ops.Attribute {
		pos := nestedOrder(l.top["recovery"], dsRecoverPositions["recover-credential"],
			dsSecurityPositions[elem])
		return xmlAt(a, ops.XMLAttribute{Path: "recovery/recover-credential/" + elem,
			Order: pos})
	}
	credRef := cred(dsCredentialReference("recovery-credential-reference"),
		"credential-reference")
	credRef.XML.Form = ops.FieldObject
	plugin := nestedOrder(l.top["recovery"], dsRecoverPositions["recover-plugin"])
	return []*ops.Attribute{
		xmlAt(boolean("no-recovery"), ops.XMLAttribute{Path: "recovery", Attr: "no-recovery",
			Order: nestedOrder(l.top["recovery"])}),
		cred(str("recovery-username"), "user-name"),
		cred(sensitive(str("recovery-password")), "password"),
		credRef,
		cred(str("recovery-security-domain"), "security-domain"),
		cred(def(boolean("recovery-elytron-enabled"), dmr.NewBool(false)), "elytron-enabled"),
		cred(noExpr(str("recovery-authentication-context")), "authentication-context"),
		xmlAt(str("recovery-plugin-class-name"), ops.XMLAttribute{
			Path: "recovery/recover-plugin", Attr: "class-name", Order: plugin}),
		xmlAt(mapOf("recovery-plugin-properties", dmr.String), ops.XMLAttribute{
			Path: "recovery/recover-plugin", Form: ops.PropertyMap, Item: "config-property",
			KeyAttr: "name", Order: plugin}),
	}
}

// dsCredentialReference returns a credential-reference attribute: an OBJECT
// naming a credential store and alias, or holding the clear text.
func dsCredentialReference(name string) *ops.Attribute {
	a := sensitive(attr(name, dmr.Object))
	a.Description = "A reference to a credential: store and alias, or clear-text."
	a.Fields = []*ops.Attribute{str("store"), str("alias"), str("type"),
		sensitive(str("clear-text"))}
	return a
}

// dsPositionsOf returns the position table of the children of element parent.
func dsPositionsOf(parent string) map[string]int {
	switch parent {
	case "pool", "xa-pool":
		return dsPoolPositions
	case "security":
		return dsSecurityPositions
	case "validation":
		return dsValidationPositions
	case "timeout":
		return dsTimeoutPositions
	case "statement":
		return dsStatementPositions
	}
	return nil
}

// text places a at the text of the direct child element elem.
func (l *dsLayout) text(a *ops.Attribute, elem string) *ops.Attribute {
	return xmlAt(a, ops.XMLAttribute{Path: elem, Order: nestedOrder(l.top[elem])})
}

// in places a at the text of <parent><elem>.
func (l *dsLayout) in(a *ops.Attribute, parent, elem string) *ops.Attribute {
	return xmlAt(a, ops.XMLAttribute{Path: parent + "/" + elem, Order: l.order(parent, elem)})
}

// presence places a BOOLEAN a at the existence of the empty <parent><elem/>.
func (l *dsLayout) presence(a *ops.Attribute, parent, elem string) *ops.Attribute {
	a = l.in(a, parent, elem)
	a.XML.Form = ops.Presence
	return a
}

// field places the OBJECT a as the XML attributes of <parent><elem/>.
func (l *dsLayout) field(a *ops.Attribute, parent, elem string) *ops.Attribute {
	a = l.in(a, parent, elem)
	a.XML.Form = ops.FieldObject
	return a
}

// order returns the Order hint of <parent><elem>.
func (l *dsLayout) order(parent, elem string) int {
	return nestedOrder(l.top[parent], dsPositionsOf(parent)[elem])
}

// plugin returns the pair <prefix>-<suffix>-name / <prefix>-properties of a
// pluggable class: <elems... class-name="..."><config-property name="k">v
// </config-property></...>. suffix is "class" (capacity-incrementer-class)
// or "class-name" (valid-connection-checker-class-name).
func (l *dsLayout) plugin(prefix, suffix string, elems ...string) []*ops.Attribute {
	return l.pluginNamed(prefix+"-"+suffix, prefix+"-properties", elems...)
}

// pluginNamed is plugin with the two attribute names given.
func (l *dsLayout) pluginNamed(class, props string, elems ...string) []*ops.Attribute {
	path := elems[0]
	for _, e := range elems[1:] {
		path += "/" + e
	}
	pos := []int{l.top[elems[0]], dsPositionsOf(elems[0])[elems[1]]}
	if len(elems) == 3 {
		pos = append(pos, dsPositions("incrementer", "decrementer")[elems[2]])
	}
	order := nestedOrder(pos...)
	return []*ops.Attribute{
		xmlAt(str(class), ops.XMLAttribute{Path: path, Attr: "class-name", Order: order}),
		xmlAt(mapOf(props, dmr.String), ops.XMLAttribute{Path: path, Form: ops.PropertyMap,
			Item: "config-property", KeyAttr: "name", Order: order}),
	}
}
