package main

import (
	"context"
	"time"

	"wfcli/ops"
	"wfcli/server"
	"wfcli/server/cluster"
)

// startChannel connects the jgroups subsystem's default channel of srv's
// model, unless the node is admin-only or has no jgroups subsystem. A
// channel that cannot start is logged and leaves the node alone: the node
// boots all the same, as WildFly boots with a failed service.
//
// A change to the jgroups subsystem restarts the channel at once when it
// applies now (see committed), else at the next reload.
//
// Limitation: only the default channel runs; another channel's runtime
// attributes stay undefined.
func (n *Node) startChannel(srv *server.Server) {
	ctrl := srv.Controller()
	if ctrl.AdminOnly() {
		return
	}
	root := ctrl.Model()
	name, ok := cluster.DefaultChannel(root)
	if !ok {
		return
	}
	m := cluster.Model{Root: root, Resolve: ctrl.ResolveExpression,
		NodeName: n.opts.Properties["jboss.node.name"], OpenDataSource: n.openDataSource}
	cfg, err := m.Config(name)
	if err != nil {
		n.channelFailed(name, err)
		return
	}
	cfg.Logger = n.log
	n.wireCaches(&cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	ch, err := cluster.Start(ctx, cfg)
	if err != nil {
		n.channelFailed(name, err)
		return
	}
	n.channel.Swap(name, ch)
}

// channelFailed records that the channel name could not start: its state
// reads CLOSED and read-boot-errors lists it.
func (n *Node) channelFailed(name string, err error) {
	if old := n.channel.Failed(name, err); old != nil {
		old.Kill()
	}
	n.bootError(ops.Address{{Type: "subsystem", Name: "jgroups"},
		{Type: "channel", Name: name}}, "jboss.jgroups.channel."+name, err)
}

// stopChannel leaves the cluster gracefully, if a channel runs.
func (n *Node) stopChannel() error {
	ch := n.channel.Swap("", nil)
	if ch == nil {
		return nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	return ch.Leave(ctx)
}
