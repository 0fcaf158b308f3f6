package server

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// Product is the identity of the installation a server runs from, as
// WildFly reads it: bin/product.conf names the product module's slot, and
// that module's manifest names the product and its version. Scripts branch
// on it (Keycloak's migrate scripts test product-name for "Keycloak").
type Product struct {
	// Name and Version are the product-name and product-version the root
	// resource reports; "" leaves the model's default.
	Name, Version string
}

// productSlots names the products whose slot alone identifies them, for an
// installation with bin/product.conf but without the product module.
var productSlots = map[string]string{
	"keycloak": "Keycloak",
	"rh-sso":   "Red Hat Single Sign-On",
}

// ReadProduct returns the product of the installation at home
// ($JBOSS_HOME): the zero Product when home is "" or has no
// bin/product.conf, the name its slot implies when the product module's
// manifest is missing, and the manifest's JBoss-Product-Release-Name and
// JBoss-Product-Release-Version otherwise.
func ReadProduct(home string) Product {
	if home == "" {
		return Product{}
	}
	conf, err := os.ReadFile(filepath.Join(home, "bin", "product.conf"))
	if err != nil {
		return Product{}
	}
	slot := confValue(conf, "slot")
	if slot == "" {
		return Product{}
	}
	p := Product{Name: productSlots[slot]}
	if mf := productManifest(home, slot); mf != nil {
		if n := manifestValue(mf, "JBoss-Product-Release-Name"); n != "" {
			p.Name = n
		}
		p.Version = manifestValue(mf, "JBoss-Product-Release-Version")
	}
	return p
}

// confValue returns the value of key in a key=value file ("" if absent);
// lines starting with # are comments.
func confValue(data []byte, key string) string {
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "#") {
			continue
		}
		if k, v, ok := strings.Cut(line, "="); ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// productManifest returns the manifest of module org.jboss.as.product:slot,
// looked up as WildFly's module loader does: the layers modules/layers.conf
// lists, then the base layer, then the modules root. nil when none has it.
func productManifest(home, slot string) []byte {
	modules := filepath.Join(home, "modules")
	var roots []string
	if conf, err := os.ReadFile(filepath.Join(modules, "layers.conf")); err == nil {
		for _, l := range strings.Split(confValue(conf, "layers"), ",") {
			if l = strings.TrimSpace(l); l != "" {
				roots = append(roots, filepath.Join(modules, "system", "layers", l))
			}
		}
	}
	roots = append(roots, filepath.Join(modules, "system", "layers", "base"), modules)
	for _, r := range roots {
		mf := filepath.Join(r, "org", "jboss", "as", "product", slot, "dir", "META-INF",
			"MANIFEST.MF")
		if data, err := os.ReadFile(mf); err == nil {
			return data
		}
	}
	return nil
}

// manifestValue returns the value of header name of a JAR manifest,
// joining its continuation lines (those that start with a space); "" when
// the manifest lacks it.
func manifestValue(mf []byte, name string) string {
	var value string
	found := false
	sc := bufio.NewScanner(bytes.NewReader(mf))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if found {
			if !strings.HasPrefix(line, " ") {
				break
			}
			value += line[1:]
			continue
		}
		if k, v, ok := strings.Cut(line, ":"); ok && k == name {
			value, found = strings.TrimSpace(v), true
		}
	}
	return value
}

// RuntimeValue returns the root's product-name and product-version when p
// knows them; it fits ops.Options.RuntimeValue.
func (p Product) RuntimeValue(a ops.Address, attr string) (dmr.Value, bool) {
	if len(a) != 0 {
		return dmr.Value{}, false
	}
	switch {
	case attr == "product-name" && p.Name != "":
		return dmr.NewString(p.Name), true
	case attr == "product-version" && p.Version != "":
		return dmr.NewString(p.Version), true
	}
	return dmr.Value{}, false
}
