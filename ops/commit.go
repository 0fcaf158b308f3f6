package ops

// Commit is a committed change of the model, as Options.Committed receives
// it: the running services compare Before with After and apply what the
// change allows now.
type Commit struct {
	// Before and After are the committed models before and after the
	// request; neither may be changed.
	Before, After *Resource
	// Requires is the restart level the change leaves the running node in:
	// NoServices when every change of the request applies at once (a
	// resource-services change with allow-resource-service-restart among
	// them), AllServices when it waits for a reload, JVM for a restart.
	Requires Restart
	// AllowServiceRestart is the request's allow-resource-service-restart
	// operation header.
	AllowServiceRestart bool
}

// AppliesNow reports whether the running services should apply the
// change now rather than at the next reload or restart.
func (c Commit) AppliesNow() bool { return c.Requires == NoServices }
