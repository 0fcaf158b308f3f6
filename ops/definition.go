package ops

import (
	"wfcli/ops/dmr"
)

// Access says how an attribute may be used.
type Access int

// The access types of read-resource-description.
const (
	ReadWrite Access = iota
	ReadOnly
	Metric
)

// Storage says where an attribute's value lives.
type Storage int

// The storage kinds of read-resource-description.
const (
	Configuration Storage = iota // persisted in the XML
	Runtime                      // computed by the running service, never persisted
)

// Restart says what a change of an attribute (or an add or remove of a
// resource) needs before the running node applies it.
type Restart int

// The restart levels of read-resource-description.
const (
	NoServices       Restart = iota // applied at once
	ResourceServices                // the resource's services restart; reload unless allow-resource-service-restart
	AllServices                     // reload-required
	JVM                             // restart-required
)

// Attribute is the definition of one attribute of a resource type.
type Attribute struct {
	Name        string
	Description string
	Type        dmr.Type
	// ValueType is the type of the items of a LIST or the values of an OBJECT
	// (e.g. dmr.String for a map of strings). For a complex OBJECT attribute
	// whose keys are fixed, Fields describes the keys instead.
	ValueType dmr.Type
	Fields    []*Attribute
	// Required attributes must be given on add and cannot be undefined.
	Required    bool
	Default     dmr.Value
	Allowed     []string // allowed values of an enumerated STRING attribute
	Expressions bool     // whether ${...} expressions are accepted
	Access      Access
	Storage     Storage
	Restart     Restart
	Min, Max    *int64 // bounds of a numeric attribute, or of a STRING's length
	Sensitive   bool   // a password or credential: masked in history and logs
	Deprecated  bool
	// Alternatives are attributes that may not be defined together with this one.
	Alternatives []string
	// XML says where the attribute lives in the XML; nil means an XML
	// attribute of the same name on the resource's element.
	XML *XMLAttribute
	// References, when set, says that the attribute's value (a STRING, or
	// each item of a LIST) names another resource, which must exist when
	// the request that set it finishes (WildFly's capability requirement).
	References *Reference
}

// Reference describes what an attribute's value names: the capability
// WildFly requires and the resources that provide it. The controller checks
// it when a request (or a whole batch) finishes, so a batch may add the
// resource after the one that names it; a missing one fails the request
// with WFLYCTL0369 and rolls it back.
type Reference struct {
	// Capability is the capability's base name; the missing one is reported
	// as Capability + "." + the value (org.wildfly.data-source.ExampleDS).
	Capability string
	// Targets are the types of resource the value may name. One that starts
	// with "/" is an address whose last element has no name
	// ("/subsystem=datasources/jdbc-driver"); any other is a child type of
	// the referring resource's parent ("console-handler" for a logger).
	Targets []string
	// Runtime, when set, picks the values only the running node can check
	// (a JDBC driver deployed as a jar, which no resource of the model
	// provides); they pass.
	Runtime func(value string) bool
}

// Operation is the definition of an operation a resource type offers beyond
// the global ones.
type Operation struct {
	Name        string
	Description string
	Params      []*Attribute // request properties
	ReplyType   dmr.Type
	ReadOnly    bool // it changes nothing (so runs under a read lock and is not persisted)
	// Handler runs the operation against a private copy of the model; see
	// Context. A nil Handler on an "add" operation means the generic add.
	Handler func(ctx *Context, op dmr.Value) (dmr.Value, error)
}

// Child is the definition of one child type of a resource type.
type Child struct {
	Type string
	// Names, when set, are the only names this child type accepts
	// (singletons such as root-logger=ROOT, transport=jgroups).
	Names []string
	// Ordered children keep the order given by add's add-index parameter, and
	// that order is the XML order (jgroups protocols).
	Ordered bool
	// Definition is the definition of every child of this type, unless
	// ByName has one for the child's name.
	Definition *Definition
	ByName     map[string]*Definition
	// Min and Max occurrences, for read-resource-description (Max 0 = unbounded).
	Min, Max int
	// Capability, when set, is the capability every child of this type
	// provides, qualified by its parent's name and its own
	// (org.wildfly.clustering.infinispan.cache for the caches of container
	// keycloak gives org.wildfly.clustering.infinispan.cache.keycloak.<name>).
	// Child types of one parent that provide the same capability share their
	// names: an add whose capability another child already provides fails
	// with WFLYCTL0436, as in WildFly's capability registry.
	Capability string
	// Implicit are names of children that exist whenever their parent does,
	// even when the model holds nothing for them (WildFly's required
	// children, such as a cache's component=locking or store=none): reads
	// see them with their defaults, a write creates them in the model, and
	// an add succeeds while they exist only implicitly. When Max is 1 an
	// implicit child exists only while the type has no other child, and
	// adding another child replaces it (store=file replaces store=none).
	Implicit []string
	// MapKeys, when set, names an OBJECT attribute of the parent whose keys
	// are the names of the children of this type: each child is a view of
	// one entry, its attribute "value" holding the entry's value (jgroups
	// property=<key> over the properties map). Read operations list them.
	MapKeys string
}

// DefinitionFor returns the definition of the child named name.
func (c *Child) DefinitionFor(name string) *Definition {
	if d, ok := c.ByName[name]; ok {
		return d
	}
	return c.Definition
}

// Definition describes one resource type: its attributes, child types and
// operations, and how it is written in the XML. Definitions are data: the
// controller, validation, read-resource-description, completion and
// persistence all read them.
type Definition struct {
	Description string
	Attributes  []*Attribute
	Children    []*Child
	Operations  []*Operation
	// AddRestart and RemoveRestart say what adding or removing a resource of
	// this type needs on a running node.
	AddRestart, RemoveRestart Restart
	// Lenient definitions accept any attribute, child and operation without
	// validation (subsystems this project does not model); responses carry a
	// warning that says so.
	Lenient bool
	// Runtime resources exist only in the running node (statistics=pool); they
	// are never persisted.
	Runtime bool
	XML     *XMLResource
}

// Attribute returns the definition of attribute name, or nil.
func (d *Definition) Attribute(name string) *Attribute {
	for _, a := range d.Attributes {
		if a.Name == name {
			return a
		}
	}
	return nil
}

// Child returns the definition of child type typ, or nil.
func (d *Definition) Child(typ string) *Child {
	for _, c := range d.Children {
		if c.Type == typ {
			return c
		}
	}
	return nil
}

// Operation returns the resource-specific operation name, or nil.
func (d *Definition) Operation(name string) *Operation {
	for _, o := range d.Operations {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// XMLResource says how a resource is written in the XML. The conventional
// form, which a nil XMLResource means, is an element named after the child
// type, with the resource name in its "name" attribute and every attribute as
// an XML attribute of the same name, placed directly in the parent's element.
type XMLResource struct {
	// Element is the element's local name; "" means the child type.
	Element string
	// ElementFor, when set, picks the element's local name from the
	// resource's name and attributes (jgroups protocols: protocol,
	// socket-protocol, jdbc-protocol, ...). It wins over Element.
	ElementFor func(name string, attrs dmr.Value) string
	// Elements lists every local name a resource of this type may have in
	// the XML (for reading, when ElementFor picks among several).
	Elements []string
	// NameAttr is the XML attribute that holds the resource name ("name",
	// "pool-name", "category", "type", "module"). NameIsText means the name is
	// the element's text instead. NoName means the element carries no name
	// (singletons such as root-logger=ROOT, or a resource whose name is fixed).
	NameAttr   string
	NameIsText bool
	NoName     bool
	// DefaultName, when set, is the name of a resource whose element has no
	// name attribute (deployment-scanner's <deployment-scanner> is
	// scanner=default); a new element of that name is written without one.
	DefaultName string
	// NameAfter, when set, is the XML attribute the name attribute follows
	// in a new element, as WildFly writes it (a datasource's pool-name
	// follows its jndi-name); "" puts the name attribute first.
	NameAfter string
	// Wrapper is the path of wrapper elements between the parent's element
	// and this one, e.g. "datasources" for data-source, "datasources/drivers"
	// for jdbc-driver, "system-properties" for system-property, "stacks" for
	// stack. A wrapper is created when the first child needs it and removed
	// with the last one when Wrapper is listed in RemoveEmptyWrapper.
	Wrapper            string
	RemoveEmptyWrapper bool
	// Order is this type's position among its siblings when a new element is
	// inserted where none of its type exists yet: the element goes before the
	// first existing sibling whose type has a greater Order. 0 means after all.
	Order int
	// HasChild, when set, makes an element match this type only if it has a
	// child element of that local name (logging <formatter name="P"> holding
	// <pattern-formatter> is a pattern-formatter).
	HasChild string
	// Namespace is the XML namespace a new element of this type is written
	// with (subsystems: "urn:jboss:domain:jgroups:8.0"); "" inherits.
	Namespace string
	// Skip means the resource has no element of its own (its attributes live
	// in the parent's element, e.g. a component that the schema folds away,
	// or a runtime resource).
	Skip bool
}

// XMLForm says how an attribute's value is spelled in the XML.
type XMLForm int

// The forms an attribute takes in the XML.
const (
	// Plain: the value as text (an XML attribute, or an element's text).
	Plain XMLForm = iota
	// Presence: a BOOLEAN that is true when the element exists (empty
	// element), e.g. <share-prepared-statements/>.
	Presence
	// SpaceList: a LIST of strings joined by spaces in one XML attribute.
	SpaceList
	// CommaList: a LIST of strings joined by commas.
	CommaList
	// ItemList: a LIST written as one child element per item, each holding the
	// item in ItemAttr (or as text when ItemAttr is ""): <handlers><handler
	// name="CONSOLE"/></handlers> has Path "handlers", Item "handler",
	// ItemAttr "name".
	ItemList
	// PropertyMap: an OBJECT of strings written as one element per key, the
	// key in KeyAttr and the value in ItemAttr, or as element text when
	// ItemAttr is "": jgroups <property name="k">v</property> has Item
	// "property", KeyAttr "name", ItemAttr "".
	PropertyMap
	// FieldObject: an OBJECT with fixed keys written as XML attributes of the
	// element at Path (logging <file relative-to=".." path=".."/>,
	// credential-reference).
	FieldObject
)

// XMLAttribute says where an attribute lives in the XML, relative to the
// resource's element.
type XMLAttribute struct {
	// Path is a "/"-separated path of child elements below the resource's
	// element ("security/user-name", "level", "pool"); "" is the element
	// itself.
	Path string
	// Attr is the XML attribute at Path that holds the value; "" means the
	// element's text (or, for Presence, the element's existence).
	Attr string
	Form XMLForm
	// Item, ItemAttr and KeyAttr describe ItemList and PropertyMap forms.
	Item, ItemAttr, KeyAttr string
	// Order is the position of the element at Path among its siblings, for
	// inserting it where it does not exist yet: it goes before the first
	// existing sibling with a greater Order. 0 means last.
	Order int
	// Skip means the attribute is never written to the XML (it exists only
	// in the model or is derived from the resource's name).
	Skip bool
	// UpperCase means the model spells the STRING value in capitals where
	// the XML spells it in lower case (TimeUnit names: MILLISECONDS in the
	// model, unit="milliseconds" in the file): reading upper-cases the
	// text, writing lower-cases the value. Expressions stay as typed. It
	// applies to Plain values and to the fields of a FieldObject.
	UpperCase bool
}
