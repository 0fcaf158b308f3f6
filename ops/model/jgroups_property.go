package model

import (
	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The deprecated property=<key> child of jgroups protocols, transports and
// relays (and of infinispan stores) is no resource of its own: it is a view
// onto one entry of the parent's "properties" map. Its operations read and
// change that map, so the model and the XML keep one copy of each property,
// and scripts that use either form see the other's changes. The child
// type's MapKeys makes read-children-names and the parent's read-resource
// list one property child per key of the map, as WildFly does.

// jgPropertyChild is the property=* child type. It is built once and shared
// by every definition that has it; nothing changes it after init.
func jgPropertyChild() *ops.Child { return jgProperty }

var jgProperty = &ops.Child{Type: "property", MapKeys: "properties",
	Definition: jgPropertyDefinition()}

// jgPropertyDefinition is property=<key>, with handlers for every operation
// a script may call on it.
func jgPropertyDefinition() *ops.Definition {
	value := restart(required(str("value")), ops.ResourceServices)
	value.Description = "The value of the property."
	name := required(noExpr(str("name")))
	name.Description = "The attribute's name; only \"value\" exists."
	flag := func(n string, v bool) *ops.Attribute {
		a := def(noExpr(boolean(n)), dmr.NewBool(v))
		a.Description = "As for the global operation; a property has no children."
		return a
	}
	readAttribute := []*ops.Attribute{name, flag("include-defaults", true),
		flag("resolve-expressions", false), flag("include-undefined-metric-values", false)}
	depth := noExpr(integer("recursive-depth"))
	depth.Description = "As for the global operation; a property has no children."
	readResource := []*ops.Attribute{flag("recursive", false), depth,
		flag("include-runtime", false), flag("include-defaults", true),
		flag("attributes-only", false), flag("proxies", false), flag("include-aliases", false),
		flag("include-undefined-metric-values", false), flag("resolve-expressions", false)}
	return &ops.Definition{
		Description: "Deprecated: one entry of the parent's properties. " +
			"Use the properties attribute instead.",
		Attributes: []*ops.Attribute{value},
		AddRestart: ops.ResourceServices, RemoveRestart: ops.ResourceServices,
		XML: &ops.XMLResource{Skip: true},
		Operations: []*ops.Operation{
			{Name: "add", Description: "Sets the property in the parent's properties.",
				Params: []*ops.Attribute{value}, Handler: jgPropertyAdd},
			{Name: "remove", Description: "Removes the property from the parent's properties.",
				Handler: jgPropertyRemove},
			{Name: "write-attribute", Description: "Changes the property's value.",
				Params: []*ops.Attribute{name, value}, Handler: jgPropertyWrite},
			{Name: "read-attribute", Description: "Reads the property's value.",
				Params: readAttribute, ReplyType: dmr.String,
				ReadOnly: true, Handler: jgPropertyRead},
			{Name: "read-resource", Description: "Reads the property as a resource.",
				Params: readResource, ReplyType: dmr.Object, ReadOnly: true,
				Handler: jgPropertyReadResource},
		},
	}
}

// jgPropertyTarget returns the parent resource and the key a property
// operation addresses, or WildFly's not-found failure for the parent.
func jgPropertyTarget(ctx *ops.Context) (*ops.Resource, string, error) {
	parent := ctx.Root.Navigate(ctx.Address.Parent())
	if parent == nil {
		return nil, "", ops.Failf("WFLYCTL0216", "Management resource '%s' not found",
			ctx.Address.Parent())
	}
	return parent, ctx.Address.Last().Name, nil
}

// jgPropertyValue returns the value of key in parent's properties, and
// whether the key is there.
func jgPropertyValue(parent *ops.Resource, key string) (dmr.Value, bool) {
	return parent.Attr("properties").Get(key)
}

// jgSetProperty stores key=v (or removes key when v is undefined) in a new
// copy of parent's properties, so values shared with other copies of the
// model stay as they were, and records that the parent's services restart.
func jgSetProperty(ctx *ops.Context, parent *ops.Resource, key string, v dmr.Value) {
	if ctx.Restart < ops.ResourceServices {
		ctx.Restart = ops.ResourceServices
	}
	props := dmr.NewObject()
	old := parent.Attr("properties")
	for _, k := range old.Keys() {
		x, _ := old.Get(k)
		props.Set(k, x.Clone())
	}
	if v.IsDefined() {
		props.Set(key, v.Clone())
	} else {
		props.Remove(key)
	}
	if props.Len() == 0 {
		parent.SetAttr("properties", dmr.Value{})
		return
	}
	parent.SetAttr("properties", props)
}

func jgPropertyAdd(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	parent, key, err := jgPropertyTarget(ctx)
	if err != nil {
		return dmr.Value{}, err
	}
	if _, ok := jgPropertyValue(parent, key); ok {
		return dmr.Value{}, ops.Failf("WFLYCTL0212", "Duplicate resource %s", ctx.Address)
	}
	return dmr.Value{}, jgSetOpValue(ctx, parent, key, op)
}

func jgPropertyRemove(ctx *ops.Context, _ dmr.Value) (dmr.Value, error) {
	parent, key, _, err := jgExistingProperty(ctx)
	if err != nil {
		return dmr.Value{}, err
	}
	jgSetProperty(ctx, parent, key, dmr.Value{})
	return dmr.Value{}, nil
}

func jgPropertyWrite(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	parent, key, _, err := jgExistingProperty(ctx)
	if err != nil {
		return dmr.Value{}, err
	}
	if err := jgPropertyAttributeName(op); err != nil {
		return dmr.Value{}, err
	}
	return dmr.Value{}, jgSetOpValue(ctx, parent, key, op)
}

func jgPropertyRead(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	_, _, v, err := jgExistingProperty(ctx)
	if err != nil {
		return dmr.Value{}, err
	}
	if err := jgPropertyAttributeName(op); err != nil {
		return dmr.Value{}, err
	}
	return v.Clone(), nil
}

func jgPropertyReadResource(ctx *ops.Context, _ dmr.Value) (dmr.Value, error) {
	_, _, v, err := jgExistingProperty(ctx)
	if err != nil {
		return dmr.Value{}, err
	}
	r := dmr.NewObject()
	r.Set("value", v.Clone())
	return r, nil
}

// jgExistingProperty returns the parent, key and value of the property the
// context addresses, or fails when there is no such property.
func jgExistingProperty(ctx *ops.Context) (*ops.Resource, string, dmr.Value, error) {
	parent, key, err := jgPropertyTarget(ctx)
	if err != nil {
		return nil, "", dmr.Value{}, err
	}
	v, ok := jgPropertyValue(parent, key)
	if !ok {
		return nil, "", dmr.Value{}, jgPropertyNotFound(ctx.Address)
	}
	return parent, key, v, nil
}

// jgSetOpValue sets property key of parent to the operation's value, which
// may not be undefined.
func jgSetOpValue(ctx *ops.Context, parent *ops.Resource, key string, op dmr.Value) error {
	v, _ := op.Get("value")
	if !v.IsDefined() {
		return ops.Failf("WFLYCTL0155", "'value' may not be null")
	}
	jgSetProperty(ctx, parent, key, jgPropertyText(v))
	return nil
}

// jgPropertyAttributeName checks that a read- or write-attribute names the
// only attribute a property has.
func jgPropertyAttributeName(op dmr.Value) error {
	if n, _ := op.Get("name"); n.AsString() != "value" {
		return ops.Failf("WFLYCTL0201", "Unknown attribute '%s'", n.AsString())
	}
	return nil
}

// jgPropertyText keeps an expression as it is and turns any other value into
// the STRING the properties map holds.
func jgPropertyText(v dmr.Value) dmr.Value {
	if v.Type() == dmr.Expression || v.Type() == dmr.String {
		return v
	}
	return dmr.NewString(v.AsString())
}

func jgPropertyNotFound(a ops.Address) error {
	return ops.Failf("WFLYCTL0216", "Management resource '%s' not found", a)
}
