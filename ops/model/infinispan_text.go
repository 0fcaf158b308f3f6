package model

// infinispanDescriptions describe the infinispan attributes by name; the
// read-resource-description of every resource type takes its texts from here.
var infinispanDescriptions = map[string]string{
	// cache-container
	"default-cache": "The cache the container hands out when none is named.",
	"aliases":       "Other names of the container.",
	"modules":       "The modules whose classes the container's caches can hold.",
	"marshaller":    "How cache entries are serialized.",
	"statistics-enabled": "Whether the container or cache collects " +
		"statistics.",
	"jndi-name": "Deprecated: the JNDI name; the container is always bound by its name.",
	"module":    "Deprecated: a single module; use modules.",
	"start":     "Deprecated: when the cache starts.",
	"eviction-executor": "Deprecated: the executor of eviction; use the " +
		"container's thread pools.",
	"listener-executor": "Deprecated: the executor of listeners; use the " +
		"container's thread pools.",
	"replication-queue-executor": "Deprecated: the executor of the replication queue.",
	"cache-manager-status":       "The status of the container's cache manager.",
	"cluster-name":               "The name of the cluster the container belongs to.",
	"coordinator-address":        "The address of the cluster's coordinator.",
	"is-coordinator":             "Whether this node coordinates the cluster.",
	"local-address":              "The address of this node in the cluster.",

	// transport
	"channel":      "The jgroups channel of the transport; undefined means the default channel.",
	"lock-timeout": "How long, in milliseconds, to wait for a distributed lock.",
	"stack":        "Deprecated: the jgroups stack; name a channel instead.",
	"cluster":      "Deprecated: the cluster name; name a channel instead.",
	"executor":     "Deprecated: the transport's executor; use the thread pools.",

	// thread pools
	"min-threads":  "The number of threads the pool keeps even when idle.",
	"max-threads":  "The largest number of threads the pool may hold.",
	"queue-length": "The length of the pool's queue.",
	"keepalive-time": "How long, in milliseconds, an idle thread above the " +
		"core size is kept.",

	// caches
	"owners":      "The number of nodes that keep a copy of each entry.",
	"segments":    "The number of hash segments entries are spread over.",
	"l1-lifespan": "How long, in milliseconds, a non-owner keeps a copy; 0 disables L1.",
	"capacity-factor": "This node's share of the entries, relative to the other " +
		"members.",
	"remote-timeout": "How long, in milliseconds, to wait for a remote " +
		"acknowledgement.",
	"mode":                     "Deprecated: synchronous or asynchronous replication.",
	"consistent-hash-strategy": "Deprecated: how entries are mapped to segments.",
	"bias-lifespan":            "How long, in milliseconds, a node keeps write bias on an entry.",
	"invalidation-batch-size":  "How many invalidations are sent in one message.",
	"batching": "Deprecated: whether the cache uses batches; use transaction " +
		"mode BATCH.",
	"indexing":            "Deprecated: whether entries are indexed.",
	"indexing-properties": "Deprecated: properties of the index.",
	"async-marshalling": "Deprecated: whether replication messages are " +
		"marshalled asynchronously.",
	"queue-size":           "Deprecated: the size of the replication queue.",
	"queue-flush-interval": "Deprecated: how often the replication queue is flushed.",

	// cache metrics
	"activations":         "The number of entries loaded back from the store.",
	"average-read-time":   "The mean time, in milliseconds, of a read.",
	"average-remove-time": "The mean time, in milliseconds, of a removal.",
	"average-write-time":  "The mean time, in milliseconds, of a write.",
	"cache-status":        "Deprecated: the status of the cache.",
	"elapsed-time":        "Deprecated: seconds since the cache started; use time-since-start.",
	"evictions":           "The number of entries evicted from memory.",
	"hit-ratio":           "The share of reads that found their entry.",
	"hits":                "The number of reads that found their entry.",
	"invalidations":       "The number of invalidations received.",
	"misses":              "The number of reads that found no entry.",
	"number-of-entries":   "The number of entries in the cache.",
	"number-of-entries-in-memory": "The number of entries the cache holds in " +
		"memory.",
	"passivations":             "The number of entries written to the store on eviction.",
	"read-write-ratio":         "The number of reads per write.",
	"remove-hits":              "The number of removals that found their entry.",
	"remove-misses":            "The number of removals that found no entry.",
	"stores":                   "Deprecated: the number of writes; use writes.",
	"time-since-reset":         "Seconds since the statistics were reset.",
	"time-since-start":         "Seconds since the cache started.",
	"writes":                   "The number of writes.",
	"average-replication-time": "The mean time, in milliseconds, of a replication.",
	"replication-count":        "The number of replications.",
	"replication-failures":     "The number of failed replications.",
	"success-ratio":            "The share of replications that succeeded.",

	// components
	"isolation":       "The isolation level of the cache's locks.",
	"striping":        "Whether locks are shared by stripes of keys.",
	"acquire-timeout": "How long, in milliseconds, to wait for a lock.",
	"concurrency-level": "The expected number of threads changing the cache at " +
		"once.",
	"current-concurrency-level": "The current number of concurrent changes.",
	"number-of-locks-available": "The number of locks free to take.",
	"number-of-locks-held":      "The number of locks held.",
	"locking":                   "Whether transactions lock entries on write or check at commit.",
	"stop-timeout": "How long, in milliseconds, a stopping cache waits for " +
		"transactions.",
	"complete-timeout": "How long, in milliseconds, a completed transaction is " +
		"remembered.",
	"commits":   "The number of committed transactions.",
	"prepares":  "The number of prepared transactions.",
	"rollbacks": "The number of rolled back transactions.",
	"interval":  "How often, in milliseconds, expired entries are purged.",
	"lifespan":  "How long, in milliseconds, an entry lives; undefined means forever.",
	"max-idle": "How long, in milliseconds, an unused entry lives; undefined " +
		"means forever.",
	"size":          "The most entries (or bytes) the cache holds in memory.",
	"size-unit":     "The unit of size.",
	"strategy":      "Deprecated: the eviction strategy.",
	"max-entries":   "Deprecated: the most entries the cache holds in memory; use size.",
	"eviction-type": "Deprecated: whether size counts entries or bytes; use size-unit.",
	"capacity":      "Deprecated: the initial capacity of the off-heap table.",
	"enabled":       "Whether the feature is enabled.",
	"when-split":    "What the cache allows while the cluster is split.",
	"merge-policy":  "How conflicting entries are resolved when a split cluster merges.",
	"availability":  "Whether the cache is available or degraded by a split.",
	"timeout":       "How long, in milliseconds, to wait.",
	"chunk-size":    "How many entries are sent in one state transfer message.",
	"failure-policy": "What a failed backup does to the write that caused " +
		"it.",
	"after-failures": "The number of failed backups after which the site is " +
		"taken offline.",
	"min-wait": "How long, in milliseconds, to wait before taking a failing site " +
		"offline.",

	// stores
	"path":        "The directory of the file store.",
	"relative-to": "The path the file store's path is relative to.",
	"properties":  "Store properties, by name.",
	"value":       "The value of the store property.",
	"data-source": "The data source of the store.",
	"datasource":  "Deprecated: the JNDI name of the store's data source.",
	"dialect":     "The SQL dialect of the database; undefined means detected.",
	"passivation": "Whether entries are written to the store only when evicted.",
	"preload":     "Whether the store's entries are loaded when the cache starts.",
	"purge":       "Whether the store is emptied when the cache starts.",
	"shared":      "Whether several nodes share the store.",
	"fetch-state": "Whether a joining node fetches the store's state.",
	"singleton":   "Deprecated: whether only the coordinator writes to the store.",
	"max-batch-size": "The most entries written to the store in one " +
		"batch.",
	"cache-loader-loads":      "The number of entries loaded from the store.",
	"cache-loader-misses":     "The number of loads that found no entry in the store.",
	"modification-queue-size": "The most changes waiting to be written behind.",
	"thread-pool-size":        "Deprecated: the threads that write behind.",
	"remote-servers":          "The outbound socket bindings of the remote servers.",
	"cache":                   "The name of the remote cache; undefined means the default cache.",
	"tcp-no-delay":            "Whether TCP_NODELAY is set on connections.",
	"socket-timeout":          "How long, in milliseconds, to wait for a remote reply.",
	"remote-cache-container":  "The remote-cache-container of the store.",
	"cache-configuration":     "The configuration a missing remote cache is created from.",
	"class":                   "The class that implements the store.",
	"prefix":                  "The prefix of the table's name.",
	"fetch-size":              "How many rows are fetched at a time.",
	"batch-size":              "Deprecated: how many rows are written at a time.",
	"create-on-start":         "Whether the table is created when the cache starts.",
	"drop-on-stop":            "Whether the table is dropped when the cache stops.",
	"id-column":               "The name and SQL type of the key column.",
	"data-column":             "The name and SQL type of the entry column.",
	"segment-column":          "The name and SQL type of the segment column.",
	"timestamp-column":        "The name and SQL type of the timestamp column.",
}
