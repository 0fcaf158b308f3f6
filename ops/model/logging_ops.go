package model

import (
	"strings"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The operations of the logging resources beyond the global ones. They change
// only the model; applying it to a running log manager is the runtime's job.

// lgNameParam is the name parameter of add-handler and remove-handler.
func lgNameParam() *ops.Attribute {
	a := required(noExpr(str("name")))
	a.Description = "The name of the handler."
	return a
}

// lgLevelParam is the level parameter of change-log-level and
// change-root-log-level.
func lgLevelParam() *ops.Attribute {
	a := required(oneOf(str("level"), lgLevels...))
	a.Description = "The log level."
	return a
}

// lgLoggerOperations returns the operations of root-logger=ROOT or, when
// attrs (the logger's attributes) are given, of logger=*.
func lgLoggerOperations(attrs []*ops.Attribute) []*ops.Operation {
	root := attrs == nil
	level := &ops.Operation{Name: "change-log-level",
		Description: "Sets the level of the logger (deprecated: write level).",
		Params:      []*ops.Attribute{lgLevelParam()}, Handler: lgSetFromParam("level")}
	if root {
		level.Name = "change-root-log-level"
		level.Description = "Sets the level of the root logger (deprecated: write level)."
	}
	list := []*ops.Operation{
		level,
		{Name: "add-handler", Description: "Adds a handler to the logger's handlers.",
			Params: []*ops.Attribute{lgNameParam()}, Handler: lgAddToList("handlers")},
		{Name: "remove-handler", Description: "Removes a handler from the logger's handlers.",
			Params: []*ops.Attribute{lgNameParam()}, Handler: lgRemoveFromList("handlers")},
	}
	if root {
		return list
	}
	// WildFly's add takes the read-only category too (scripts pass it), as
	// long as it is the logger's name.
	category := noExpr(str("category"))
	category.Description = "The category of the logger; it must be the logger's name."
	params := []*ops.Attribute{category}
	for _, a := range attrs {
		if a.Access == ops.ReadWrite {
			params = append(params, a)
		}
	}
	return append(list, &ops.Operation{Name: "add", Handler: lgAddLogger, Params: params,
		Description: "Adds a logger; its category is its name."})
}

// lgAddLogger runs the generic add and sets the read-only category to the
// logger's name, as WildFly does. A category given that is not the name
// fails the add.
func lgAddLogger(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	name := ctx.Address.Last().Name
	if c, ok := op.Get("category"); ok && c.IsDefined() && c.AsString() != name {
		return dmr.NewUndefined(), ops.Failf("WFLYCTL0248",
			"Invalid value %s for category; legal values are [%s]", c.AsString(), name)
	}
	if err := ctx.GenericAdd(op); err != nil {
		return dmr.NewUndefined(), err
	}
	ctx.Resource.SetAttr("category", dmr.NewString(name))
	return dmr.NewUndefined(), nil
}

// lgHandlerOperations returns the operations of handler type typ.
func lgHandlerOperations(typ string) []*ops.Operation {
	list := []*ops.Operation{
		{Name: "remove", Description: "Removes the handler; it must not be in use.",
			Handler: lgRemoveHandler},
		{Name: "change-log-level",
			Description: "Sets the level of the handler (deprecated: write level).",
			Params:      []*ops.Attribute{lgLevelParam()}, Handler: lgSetFromParam("level")},
		{Name: "enable", Description: "Enables the handler.",
			Handler: lgSetEnabled(true)},
		{Name: "disable", Description: "Disables the handler.",
			Handler: lgSetEnabled(false)},
	}
	if strings.HasSuffix(typ, "file-handler") {
		list = append(list, &ops.Operation{Name: "change-file",
			Description: "Sets the file of the handler (deprecated: write file).",
			Params:      []*ops.Attribute{lgFileParam()}, Handler: lgSetFromParam("file")})
	}
	if typ == "async-handler" {
		list = append(list,
			&ops.Operation{Name: "add-handler", Description: "Adds a subhandler.",
				Params: []*ops.Attribute{lgNameParam()}, Handler: lgAddToList("subhandlers")},
			&ops.Operation{Name: "remove-handler", Description: "Removes a subhandler.",
				Params:  []*ops.Attribute{lgNameParam()},
				Handler: lgRemoveFromList("subhandlers")})
	}
	return list
}

// lgFileParam is the file parameter of change-file.
func lgFileParam() *ops.Attribute {
	a := lgFileAttr()
	a.XML = nil
	return a
}

// lgSetFromParam returns a handler that writes the operation's parameter
// of the same name into attribute name, as write-attribute would.
func lgSetFromParam(name string) func(*ops.Context, dmr.Value) (dmr.Value, error) {
	return func(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
		v, _ := op.Get(name)
		return dmr.NewUndefined(), ctx.WriteAttribute(name, v)
	}
}

// lgSetEnabled returns the handler of a handler's enable (on) and disable.
func lgSetEnabled(on bool) func(*ops.Context, dmr.Value) (dmr.Value, error) {
	return func(ctx *ops.Context, _ dmr.Value) (dmr.Value, error) {
		return dmr.NewUndefined(), ctx.WriteAttribute("enabled", dmr.NewBool(on))
	}
}

// lgAddToList returns the handler of add-handler: it appends the handler
// named by the name parameter to the LIST attribute list, failing when the
// handler is already there or does not exist beside the logger.
func lgAddToList(list string) func(*ops.Context, dmr.Value) (dmr.Value, error) {
	return func(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
		name := lgParamString(op, "name")
		cur := ctx.Resource.Attr(list)
		for _, h := range lgItems(cur) {
			if h.AsString() == name {
				return dmr.NewUndefined(), ops.Failf("WFLYLOG0023", "Handler %s is already "+
					"assigned.", name)
			}
		}
		// The handler must exist when the request ends (the reference check
		// of the handlers attribute), so a batch may add it afterwards.
		next := dmr.NewList(lgItems(cur)...)
		next.Append(dmr.NewString(name))
		return dmr.NewUndefined(), ctx.WriteAttribute(list, next)
	}
}

// lgRemoveFromList returns the handler of remove-handler: it drops the
// handler named by the name parameter from the LIST attribute list. As in
// WildFly, removing a handler that is not in the list changes nothing.
func lgRemoveFromList(list string) func(*ops.Context, dmr.Value) (dmr.Value, error) {
	return func(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
		name := lgParamString(op, "name")
		cur := ctx.Resource.Attr(list)
		next := dmr.NewList()
		found := false
		for _, h := range lgItems(cur) {
			if h.AsString() == name {
				found = true
				continue
			}
			next.Append(h.Clone())
		}
		if !found {
			return dmr.NewUndefined(), nil
		}
		return dmr.NewUndefined(), ctx.WriteAttribute(list, next)
	}
}

// lgRemoveHandler removes a handler after checking that no logger and no
// async handler of its container still names it.
func lgRemoveHandler(ctx *ops.Context, _ dmr.Value) (dmr.Value, error) {
	self := ctx.Address.Last()
	container := ctx.Root.Navigate(ctx.Address.Parent())
	if container == nil {
		return dmr.NewUndefined(), nil
	}
	if loggers := lgLoggersUsing(container, self.Name); len(loggers) > 0 {
		return dmr.NewUndefined(), ops.Failf("WFLYLOG0045", "Handler %s is attached to the "+
			"following loggers and cannot be removed; [%s]", self.Name,
			strings.Join(loggers, ", "))
	}
	if handlers := lgHandlersUsing(container, self.Name); len(handlers) > 0 {
		return dmr.NewUndefined(), ops.Failf("WFLYLOG0044", "Handler %s is attached to the "+
			"following handlers and cannot be removed; [%s]", self.Name,
			strings.Join(handlers, ", "))
	}
	container.RemoveChild(self.Type, self.Name)
	return dmr.NewUndefined(), nil
}

// lgLoggersUsing returns the loggers of container whose handlers name
// handler; the root logger is listed as ROOT.
func lgLoggersUsing(container *ops.Resource, handler string) []string {
	var names []string
	for _, cat := range container.ChildNames("logger") {
		if lgListHas(container.Child("logger", cat).Attr("handlers"), handler) {
			names = append(names, cat)
		}
	}
	if root := container.Child("root-logger", "ROOT"); root != nil &&
		lgListHas(root.Attr("handlers"), handler) {
		names = append(names, "ROOT")
	}
	return names
}

// lgHandlersUsing returns the async handlers of container whose subhandlers
// name handler.
func lgHandlersUsing(container *ops.Resource, handler string) []string {
	var names []string
	for _, n := range container.ChildNames("async-handler") {
		if lgListHas(container.Child("async-handler", n).Attr("subhandlers"), handler) {
			names = append(names, n)
		}
	}
	return names
}

// lgListHas reports whether the LIST v holds the string s.
func lgListHas(v dmr.Value, s string) bool {
	for _, it := range lgItems(v) {
		if it.AsString() == s {
			return true
		}
	}
	return false
}

// lgItems returns the items of a LIST value, and nil for anything else.
func lgItems(v dmr.Value) []dmr.Value {
	if v.Type() != dmr.List {
		return nil
	}
	return v.Items()
}

// lgParamString returns the string value of parameter name of op.
func lgParamString(op dmr.Value, name string) string {
	v, _ := op.Get(name)
	return v.AsString()
}
