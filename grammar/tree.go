// Package grammar owns the line language of the management CLI, as
// jboss-cli.sh reads it: operation requests, commands and their arguments,
// the control-flow commands (if, try, for) and the condition language of if.
// It turns one logical line into a syntax tree whose every node carries its
// line and column, and reports syntax errors as *Error with a caret.
//
// The package knows nothing of execution: it never reads files, CLI
// variables, system properties or the management model. Values stay as raw
// text as the CLI's first parsing stage captures them; converting them to DMR
// values, resolving $name and ${...}, and resolving addresses against the
// current node are the job of package wfcli/cmd/cli/request.
package grammar

// Pos is the position of a node: 1-based line and column (in characters),
// and the byte offset of the node in its line's text.
type Pos struct {
	Line, Col int
	Off       int
}

// Line is one parsed logical line. Exactly one of Comment, Op and Cmd is set,
// except for an empty line, which has none.
type Line struct {
	Pos
	Text    string     // the line as given to ParseLine
	Comment bool       // the line starts with '#' (after blanks)
	Op      *Operation // an operation request (the line starts with /, . or :)
	Cmd     *Command   // any other line
	// Redirect is the output target (> file, >> file), nil when there is none.
	Redirect *Redirect
	// Pipe is the command after '|' (jboss-cli knows only grep there), nil
	// when there is none. A line has a Redirect or a Pipe, not both.
	Pipe *Redirect
}

// Redirect is an output redirection at the end of a line (> file, >> file),
// or a pipe (| command) when Pipe is set.
type Redirect struct {
	Pos
	Target string // the target as typed (quotes kept), trimmed
	Append bool   // >> rather than >
	// Pipe is set for "| command": Target is then the command line after
	// the '|' (jboss-cli knows only grep there).
	Pipe bool
}

// Operation is an operation request: [address] ':' name [(params)] [{headers}].
type Operation struct {
	Pos
	Address *Address // nil when the request has no address (":op")
	Name    string   // the operation name as typed (escapes removed)
	NamePos Pos
	Params  []*Param  // in line order
	Headers []*Header // in line order; nil when there is no {...}
	// Text is the request's own text (from the address to the end of the
	// headers), as it would be listed in a batch.
	Text string
	// Source is the whole line the positions of the tree refer to.
	Source string
	// Ignored is text after the parameters that jboss-cli ignores
	// (":op(x=1)junk"); "" when there is none. A shell may warn about it.
	Ignored    string
	IgnoredPos Pos
}

// Address is a node path as typed: segments relative to the current node, or
// absolute when it starts with '/'.
type Address struct {
	Pos
	Absolute bool       // starts with '/'
	Segments []*Segment // may be empty ("/" alone is the root)
	// TrailingSlash is set when the path ends with '/' after its last segment.
	TrailingSlash bool
}

// SegmentKind says what an address segment is.
type SegmentKind int

// The kinds of address segment.
const (
	NodeSegment   SegmentKind = iota // type=name
	TypeSegment                      // a bare word: a type, or a name when the path ends on a type
	OpenSegment                      // type= with no name
	ParentSegment                    // ..
	SelfSegment                      // .
	TypeOfParent                     // .type
)

// Segment is one step of an address. Type and Name are the text as typed with
// quotes and escapes removed; ${...} expressions are kept for the resolver.
type Segment struct {
	Pos
	Kind    SegmentKind
	Type    string // for NodeSegment, TypeSegment (the bare word) and OpenSegment
	Name    string // for NodeSegment
	NamePos Pos
}

// Param is one operation parameter: name=value, a bare name (true) or !name
// (false).
type Param struct {
	Pos
	Name string // whitespace removed, ${...} kept
	// Value is the raw value as the CLI's first stage captures it: quotes,
	// backslashes and brackets kept, leading and trailing blanks trimmed. A
	// bare name has Value "true" and a negated one "false".
	Value    string
	ValuePos Pos
	Bare     bool // written as a bare name or !name (no '=')
	Negated  bool // written as !name
	HasEq    bool // written with '=' (Value may then be empty, which is an error)
}

// Header is one operation header: name=value, or a rollout plan.
type Header struct {
	Pos
	Name     string // for a plain header; ${...} kept
	Value    string // quotes removed
	ValuePos Pos
	HasValue bool
	Rollout  *Rollout // set for "rollout ..." (Name is "rollout")
}

// Rollout is a domain rollout plan: server groups in series (",") or
// concurrently ("^"), with optional per-group properties.
type Rollout struct {
	Pos
	Steps []*RolloutStep // in series
	// RollbackAcrossGroups is the value of rollback-across-groups: "" when
	// absent, "true" when given bare.
	RollbackAcrossGroups string
	// ID is the name of a stored plan (rollout id=name), "" otherwise.
	ID string
}

// RolloutStep is one step of a plan: one group, or several run concurrently.
type RolloutStep struct {
	Pos    // the position of its first group
	Groups []*RolloutGroup
}

// RolloutGroup is a server group with its properties (name=value pairs).
type RolloutGroup struct {
	Pos
	Name  string
	Props []*Param
}

// Command is any line that is not an operation request.
type Command struct {
	Pos
	Name string // lower-cased as typed
	// Args are the arguments in line order: --name=value, --flag (value
	// "true") and positional words (Name "").
	Args []*Arg
	// Rest is the raw text after the command name, trimmed, without an
	// output redirection.
	Rest    string
	RestPos Pos

	// For "if": the condition and the raw request text after " of ".
	Cond  *Condition
	Of    string
	OfPos Pos
	// For "for": the variable and the raw request text after " in ".
	Var   string
	In    string
	InPos Pos
}

// Arg is one command argument.
type Arg struct {
	Pos
	Name  string // without the leading "--"; "" for a positional argument
	Value string // raw; "true" for a bare --flag
	// Dash1 is set when the name was written with a single dash (-l).
	Dash1 bool
}

// Condition is a node of an if condition: a comparison (Path Op Value) or a
// logical combination (Left Op Right with Op "&&" or "||").
type Condition struct {
	Pos
	Op          string // ==, !=, >, <, >=, <=, ~=, &&, ||
	Left, Right *Condition
	Path        string // the dotted path of a comparison, e.g. result.value
	Value       string // the raw literal of a comparison (quotes kept)
}

// IsLogical reports whether c combines two conditions (&& or ||).
func (c *Condition) IsLogical() bool { return c.Op == "&&" || c.Op == "||" }
