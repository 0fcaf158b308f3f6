package model

import (
	"os"
	"path/filepath"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// The keycloak-server subsystem of the WildFly-based Keycloak: the web
// context, the theme defaults and the SPI providers with their properties.
// Its XML keeps attributes as element text (<web-context>auth</web-context>)
// and provider properties as <property name="k" value="v"/>. Every write
// needs a reload.

func init() {
	registerSubsystem("keycloak-server", buildKeycloak)
}

// kcNamespace is the only namespace of the keycloak-server subsystem.
const kcNamespace = "urn:jboss:domain:keycloak-server:1.1"

// kcText places a at the text of the child element called like it, at
// position pos.
func kcText(a *ops.Attribute, pos int) *ops.Attribute {
	return xmlAt(a, ops.XMLAttribute{Path: a.Name, Order: nestedOrder(pos)})
}

// kcList returns a LIST of strings written as <name><item>v</item>...</name>.
func kcList(name, item string, pos int) *ops.Attribute {
	return xmlAt(listOf(name, dmr.String), ops.XMLAttribute{Path: name, Form: ops.ItemList,
		Item: item, Order: nestedOrder(pos)})
}

// buildKeycloak returns the definition of /subsystem=keycloak-server.
func buildKeycloak() *ops.Definition {
	providers := kcList("providers", "provider", 2)
	providers.Default = dmr.NewList(dmr.NewString("classpath:${jboss.home.dir}/providers/*"))
	return describe(&ops.Definition{
		Description: "The Keycloak server: web context, themes and SPI providers.",
		Attributes: []*ops.Attribute{
			kcText(def(str("web-context"), dmr.NewString("auth")), 1),
			providers,
			kcText(def(str("master-realm-name"), dmr.NewString("master")), 3),
			kcText(def(long("scheduled-task-interval"), dmr.NewLong(900)), 4),
		},
		Children: []*ops.Child{
			{Type: "theme", Names: []string{"defaults"}, Max: 1, Definition: kcTheme()},
			{Type: "spi", Definition: kcSpi()},
		},
		Operations:    []*ops.Operation{kcMigrateJSON()},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{Element: "subsystem", NoName: true, Namespace: kcNamespace},
	}, kcTexts)
}

// kcMigrateJSON returns the migrate-json operation, which turns the
// keycloak-server.json of Keycloak before 2.2 into the subsystem's resources.
//
// Limitation: the JSON is not converted; when there is one to migrate the
// operation fails and says so, and the operator converts it by hand. Without
// one (the usual case) it fails as Keycloak's does.
func kcMigrateJSON() *ops.Operation {
	file := attr("file", dmr.Bytes)
	file.Expressions = false
	file.Description = "The content of a keycloak-server.json to migrate."
	return &ops.Operation{Name: "migrate-json", ReplyType: dmr.String, ReadOnly: true,
		Params:      []*ops.Attribute{file},
		Description: "Migrates keycloak-server.json into the subsystem.", Handler: kcMigrate}
}

// kcMigrate is the handler of migrate-json.
func kcMigrate(ctx *ops.Context, op dmr.Value) (dmr.Value, error) {
	if f, _ := op.Get("file"); len(f.RawBytes()) > 0 || kcJSONExists(ctx) {
		return dmr.NewUndefined(), &ops.Failure{Msg: "migrate-json cannot convert " +
			"keycloak-server.json: convert its settings into spi and provider resources by hand"}
	}
	return dmr.NewUndefined(), &ops.Failure{Msg: "java.io.IOException: Can not find json " +
		"file to migrate"}
}

// kcJSONExists reports whether jboss.server.config.dir holds a
// keycloak-server.json.
func kcJSONExists(ctx *ops.Context) bool {
	if ctx.Resolve == nil {
		return false
	}
	dir, err := ctx.Resolve("${jboss.server.config.dir}")
	if err != nil {
		return false
	}
	_, err = os.Stat(filepath.Join(dir, "keycloak-server.json"))
	return err == nil
}

// kcTheme returns the definition of theme=defaults, written as a <theme>
// element without a name. Its attribute names are camelCase, as in the XML.
func kcTheme() *ops.Definition {
	return &ops.Definition{
		Description: "The theme defaults.",
		Attributes: []*ops.Attribute{
			kcText(def(long("staticMaxAge"), dmr.NewLong(2592000)), 1),
			kcText(def(boolean("cacheThemes"), dmr.NewBool(true)), 2),
			kcText(def(boolean("cacheTemplates"), dmr.NewBool(true)), 3),
			kcText(str("welcomeTheme"), 4),
			kcText(str("default"), 5),
			kcText(str("dir"), 6),
			kcList("modules", "module", 7),
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{Element: "theme", NoName: true, Order: nestedOrder(5)},
	}
}

// kcSpi returns the definition of spi=*: an optional default provider and
// the provider=* children.
func kcSpi() *ops.Definition {
	return &ops.Definition{
		Description: "A Keycloak service provider interface and its providers.",
		Attributes: []*ops.Attribute{
			kcText(str("default-provider"), 1),
		},
		Children:      []*ops.Child{{Type: "provider", Definition: kcProvider()}},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{Element: "spi", NameAttr: "name", Order: nestedOrder(6)},
	}
}

// kcProvider returns the definition of spi=*/provider=*: the enabled flag
// (always written) and the properties as <properties><property name="k"
// value="v"/></properties>.
//
// Limitation: the list-valued property form <list name="k"><value>v</value>
// </list> is not modelled; a file holding it keeps it, but it does not show
// in properties.
func kcProvider() *ops.Definition {
	return &ops.Definition{
		Description: "A provider of an SPI.",
		Attributes: []*ops.Attribute{
			def(boolean("enabled"), dmr.NewBool(true)),
			xmlAt(mapOf("properties", dmr.String), ops.XMLAttribute{Path: "properties",
				Form: ops.PropertyMap, Item: "property", KeyAttr: "name", ItemAttr: "value",
				Order: nestedOrder(1)}),
		},
		AddRestart:    ops.AllServices,
		RemoveRestart: ops.AllServices,
		XML:           &ops.XMLResource{Element: "provider", NameAttr: "name", Order: nestedOrder(2)},
	}
}

// kcTexts describes the attributes of the keycloak-server subsystem.
var kcTexts = [][2]string{
	{"web-context", "The context path of the Keycloak server."},
	{"providers", "Where provider JARs are found (classpath: and module: entries)."},
	{"master-realm-name", "The name of the administration realm."},
	{"scheduled-task-interval", "How often the scheduled tasks run, in seconds."},
	{"staticMaxAge", "How long browsers may cache theme resources, in seconds."},
	{"cacheThemes", "Whether themes are cached."},
	{"cacheTemplates", "Whether theme templates are cached."},
	{"welcomeTheme", "The theme of the welcome page."},
	{"default", "The theme used when a realm names none."},
	{"dir", "The directory holding the themes."},
	{"modules", "Modules that hold themes."},
	{"default-provider", "The provider used when a caller names none."},
	{"enabled", "Whether the provider is enabled."},
	{"properties", "The configuration properties of the provider."},
}
