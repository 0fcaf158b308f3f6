package datasource

import (
	"fmt"
	"strconv"
	"time"

	"wfcli/ops"
	"wfcli/ops/dmr"
)

// Config is the running form of one data source: its model attributes
// with every expression resolved and every default applied.
type Config struct {
	Name    string // the pool name (the resource's name)
	XA      bool   // an xa-data-source
	Enabled bool
	URL     string
	Credentials
	MinPoolSize, MaxPoolSize int
	Prefill                  bool
	// BlockingTimeout bounds the wait for a connection when the pool is
	// exhausted (blocking-timeout-wait-millis, IronJacamar's 30 s default).
	BlockingTimeout time.Duration
	// IdleTimeout closes connections idle for longer (idle-timeout-minutes,
	// 30 minutes by default); 0 keeps them.
	IdleTimeout time.Duration
	// ValidationSQL checks a connection (check-valid-connection-sql); ""
	// uses the driver's ping.
	ValidationSQL string
	// BackgroundValidation checks idle connections every
	// ValidationInterval (background-validation-millis).
	BackgroundValidation bool
	ValidationInterval   time.Duration
	// NewConnectionSQL runs on every new connection.
	NewConnectionSQL string
	// StatisticsEnabled makes statistics=pool report the metrics; while it
	// is false they read 0, as IronJacamar's do. A change takes effect at
	// the next reload, as the model says.
	StatisticsEnabled bool
}

// The defaults of IronJacamar for what the model leaves undefined.
const (
	defaultBlockingTimeout    = 30 * time.Second
	defaultIdleTimeout        = 30 * time.Minute
	defaultValidationInterval = 10 * time.Minute
	defaultMaxPoolSize        = 20
)

// ConfigFrom reads the data source named name from its resource r (a
// data-source, or an xa-data-source when xa is set), resolving expressions
// with resolve. The error names the attribute that cannot be read.
func ConfigFrom(name string, xa bool, r *ops.Resource,
	resolve func(string) (string, error)) (Config, error) {
	rd := reader{r: r, resolve: resolve}
	c := Config{Name: name, XA: xa}
	c.Enabled = rd.boolean("enabled", true)
	c.URL = rd.text("connection-url")
	if xa {
		c.URL = xaURL(r, &rd)
	}
	c.User = rd.text("user-name")
	c.Password = rd.text("password")
	if c.Password == "" {
		c.Password = rd.clearText("credential-reference")
	}
	c.MinPoolSize = int(rd.number("min-pool-size", 0))
	c.MaxPoolSize = int(rd.number("max-pool-size", defaultMaxPoolSize))
	c.Prefill = rd.boolean("pool-prefill", false)
	c.BlockingTimeout = time.Duration(rd.number("blocking-timeout-wait-millis",
		defaultBlockingTimeout.Milliseconds())) * time.Millisecond
	c.IdleTimeout = time.Duration(rd.number("idle-timeout-minutes",
		int64(defaultIdleTimeout/time.Minute))) * time.Minute
	c.ValidationSQL = rd.text("check-valid-connection-sql")
	c.BackgroundValidation = rd.boolean("background-validation", false)
	c.ValidationInterval = time.Duration(rd.number("background-validation-millis",
		defaultValidationInterval.Milliseconds())) * time.Millisecond
	c.NewConnectionSQL = rd.text("new-connection-sql")
	c.StatisticsEnabled = rd.boolean("statistics-enabled", false)
	if rd.err != nil {
		return Config{}, fmt.Errorf("data source %s: %w", name, rd.err)
	}
	if c.MaxPoolSize <= 0 {
		c.MaxPoolSize = defaultMaxPoolSize
	}
	c.MinPoolSize = min(max(c.MinPoolSize, 0), c.MaxPoolSize)
	return c, nil
}

// xaURL returns the URL of an xa-data-source: its URL (or Url) property.
//
// Limitation: an xa-data-source configured by ServerName, PortNumber and
// DatabaseName properties instead of a URL gets no pool.
func xaURL(r *ops.Resource, rd *reader) string {
	for _, n := range []string{"URL", "Url", "url"} {
		if p := r.Child("xa-datasource-properties", n); p != nil {
			sub := &reader{r: p, resolve: rd.resolve}
			s := sub.text("value")
			if sub.err != nil {
				rd.err = sub.err
			}
			return s
		}
	}
	return ""
}

// reader reads attributes of one resource, resolving expressions; the
// first failure is kept in err and later reads return their defaults.
type reader struct {
	r       *ops.Resource
	resolve func(string) (string, error)
	err     error
}

// value returns the attribute as text, resolved; ok is false when it is
// undefined or cannot be resolved.
func (rd *reader) value(name string) (string, bool) {
	v := rd.r.Attr(name)
	if !v.IsDefined() || rd.err != nil {
		return "", false
	}
	if v.Type() != dmr.Expression {
		return v.AsString(), true
	}
	s, err := rd.resolve(v.Str())
	if err != nil {
		rd.err = fmt.Errorf("resolving %s: %w", name, err)
		return "", false
	}
	return s, true
}

func (rd *reader) text(name string) string {
	s, _ := rd.value(name)
	return s
}

func (rd *reader) boolean(name string, def bool) bool {
	s, ok := rd.value(name)
	if !ok {
		return def
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		rd.err = fmt.Errorf("%s: %q is not a boolean", name, s)
		return def
	}
	return b
}

func (rd *reader) number(name string, def int64) int64 {
	s, ok := rd.value(name)
	if !ok {
		return def
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		rd.err = fmt.Errorf("%s: %q is not a number", name, s)
		return def
	}
	return n
}

// clearText returns the clear-text field of a credential reference.
//
// Limitation: credential stores are not read; a credential-reference to a
// store alias leaves the pool without a password.
func (rd *reader) clearText(name string) string {
	v := rd.r.Attr(name)
	if v.Type() != dmr.Object {
		return ""
	}
	ct, _ := v.Get("clear-text")
	if !ct.IsDefined() {
		return ""
	}
	return (&reader{r: &ops.Resource{Attributes: v}, resolve: rd.resolve}).text("clear-text")
}
