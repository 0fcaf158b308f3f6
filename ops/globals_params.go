package ops

import "wfcli/ops/dmr"

// globalDescriptions are the descriptions of the global operations.
var globalDescriptions = map[string]string{
	"add":                        "Adds the resource.",
	"remove":                     "Removes the resource and everything below it.",
	"write-attribute":            "Sets the value of an attribute; an undefined value undefines it.",
	"undefine-attribute":         "Sets an attribute to undefined.",
	"read-attribute":             "Returns the value of an attribute.",
	"read-resource":              "Returns the attributes and children of the resource.",
	"read-children-names":        "Returns the names of the children of one type.",
	"read-children-types":        "Returns the child types of the resource.",
	"read-children-resources":    "Returns the children of one type with their attributes.",
	"read-resource-description":  "Returns the description of the resource type.",
	"read-operation-names":       "Returns the names of the operations of the resource.",
	"read-operation-description": "Returns the description of one operation.",
	"map-put":                    "Puts a key and value in a map attribute.",
	"map-get":                    "Returns the value of a key of a map attribute.",
	"map-remove":                 "Removes a key from a map attribute.",
	"map-clear":                  "Empties a map attribute.",
	"list-add":                   "Adds an item to a list attribute.",
	"list-get":                   "Returns one item of a list attribute.",
	"list-remove":                "Removes an item (by value or index) from a list attribute.",
	"list-clear":                 "Empties a list attribute.",
	"resolve-expression":         "Resolves an expression against the server's properties.",
	"whoami":                     "Returns the identity of the caller.",
	"validate-address":           "Checks whether an address names an existing resource.",
	"composite":                  "Runs its steps as one transaction.",
	"reload":                     "Reloads the server: the process state returns to running.",
	"shutdown":                   "Stops the server, or restarts it when restart is true.",
}

func p(name string, t dmr.Type, required bool, desc string) *Attribute {
	return &Attribute{Name: name, Type: t, Required: required, Description: desc,
		Access: ReadWrite}
}

func withDefault(a *Attribute, v dmr.Value) *Attribute { a.Default = v; return a }

var (
	pName     = p("name", dmr.String, true, "The name of the attribute.")
	pValue    = p("value", dmr.Undefined, false, "The value.")
	pKey      = p("key", dmr.String, true, "The key in the map.")
	pIndex    = p("index", dmr.Int, false, "The index in the list.")
	pChild    = p("child-type", dmr.String, true, "The child type.")
	pDefaults = withDefault(p("include-defaults", dmr.Boolean, false,
		"Whether undefined attributes show their default."), dmr.NewBool(true))
	pRuntime = withDefault(p("include-runtime", dmr.Boolean, false,
		"Whether runtime attributes are included."), dmr.NewBool(false))
	pRecursive = withDefault(p("recursive", dmr.Boolean, false,
		"Whether children are read in full."), dmr.NewBool(false))
	pDepth   = p("recursive-depth", dmr.Int, false, "How many levels of children to read.")
	pResolve = withDefault(p("resolve-expressions", dmr.Boolean, false,
		"Whether expressions are resolved."), dmr.NewBool(false))
	// The next three are accepted as WildFly accepts them; a standalone node
	// has no proxies and this model no aliases, so they change no result.
	pProxies = withDefault(p("proxies", dmr.Boolean, false,
		"Whether remote (proxied) resources are included."), dmr.NewBool(false))
	pAliases = withDefault(p("include-aliases", dmr.Boolean, false,
		"Whether alias children are included."), dmr.NewBool(false))
	pUndefinedMetrics = withDefault(p("include-undefined-metric-values", dmr.Boolean, false,
		"Whether metrics without a value are shown as undefined."), dmr.NewBool(false))
	pLocale        = p("locale", dmr.String, false, "The locale of the descriptions.")
	pAccessControl = p("access-control", dmr.String, false,
		"none, combined-descriptions or trim-descriptions.")
)

// globalParams are the request properties of the global operations.
var globalParams = map[string][]*Attribute{
	"write-attribute":    {pName, pValue},
	"undefine-attribute": {pName},
	"read-attribute":     {pName, pDefaults, pResolve, pUndefinedMetrics},
	"read-resource": {pRecursive, pDepth, pRuntime, pDefaults,
		withDefault(p("attributes-only", dmr.Boolean, false,
			"Whether only attributes are read."), dmr.NewBool(false)), pResolve,
		pProxies, pAliases, pUndefinedMetrics},
	"read-children-names": {pChild, withDefault(p("include-singletons", dmr.Boolean, false,
		"Whether singleton names that are not present are listed."), dmr.NewBool(false))},
	"read-children-types": {pRuntime, pAliases},
	"read-children-resources": {pChild, pRecursive, pDepth, pRuntime, pDefaults, pResolve,
		pProxies, pAliases},
	"read-resource-description": {pRecursive, pDepth,
		withDefault(p("operations", dmr.Boolean, false,
			"Whether operations are described."), dmr.NewBool(false)),
		withDefault(p("notifications", dmr.Boolean, false,
			"Whether notifications are described."), dmr.NewBool(false)),
		withDefault(p("inherited", dmr.Boolean, false,
			"Whether inherited operations are described."), dmr.NewBool(true)),
		pProxies, pAliases, pLocale, pAccessControl},
	"read-operation-description": {p("name", dmr.String, true, "The operation's name."),
		pLocale, pAccessControl},
	"map-put":            {pName, pKey, pValue},
	"map-get":            {pName, pKey},
	"map-remove":         {pName, pKey},
	"map-clear":          {pName},
	"list-add":           {pName, pValue, pIndex},
	"list-get":           {pName, pIndex},
	"list-remove":        {pName, pValue, pIndex},
	"list-clear":         {pName},
	"resolve-expression": {p("expression", dmr.String, false, "The expression.")},
	"whoami":             {p("verbose", dmr.Boolean, false, "Whether roles are listed.")},
	"validate-address":   {p("value", dmr.List, true, "The address to check.")},
	"composite":          {p("steps", dmr.List, true, "The operations to run.")},
	"reload": {p("admin-only", dmr.Boolean, false, "Whether to reload in admin-only mode."),
		p("start-mode", dmr.String, false, "normal, admin-only or suspend."),
		p("use-current-server-config", dmr.Boolean, false, "Whether to keep the file."),
		p("server-config", dmr.String, false, "The configuration file to reload from.")},
	"shutdown": {p("restart", dmr.Boolean, false, "Whether to start the server again."),
		p("suspend-timeout", dmr.Int, false, "Seconds to wait for requests to finish."),
		p("timeout", dmr.Int, false, "Deprecated: use suspend-timeout."),
		p("perform-installation", dmr.Boolean, false, "Whether to apply a prepared update.")},
}
