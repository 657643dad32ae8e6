package io.affinitygrid.compute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.affinitygrid.compute.admin.MapDefinition;
import io.affinitygrid.compute.admin.MapDescription;
import io.affinitygrid.compute.admin.MemberInfo;
import io.affinitygrid.compute.deploy.DeployArgument;
import io.affinitygrid.compute.deploy.DeploymentInfo;
import io.affinitygrid.compute.deploy.UndeployArgument;

/**
 * Typed references to the catalog's tasks, which every grid node carries (module compute-tasks). The client
 * sees only these references, never the task classes; a test of compute-tasks checks that each one names an
 * existing task class with the same argument and result types, so renaming a task or changing its types fails
 * the build there instead of failing calls at run time.
 */
public final class CatalogTasks {

    private static final String PACKAGE = "io.affinitygrid.compute.";

    /** Count and exact sum of a numeric field. */
    public static final TaskRef<SumArgument, SumResult> SUM =
            TaskRef.named(PACKAGE + "SumTask", SumArgument.class, SumResult.class);

    /** Number of entries (matching the filter). */
    public static final TaskRef<QueryArgument, Long> COUNT =
            TaskRef.named(PACKAGE + "CountTask", QueryArgument.class, Long.class);

    /** Sum, min, max and average of a numeric field. */
    public static final TaskRef<QueryArgument, FieldStats> STATS =
            TaskRef.named(PACKAGE + "StatsTask", QueryArgument.class, FieldStats.class);

    /** Count (and sum of a field) per value of the group-by field, largest groups first. */
    public static final TaskRef<QueryArgument, List<GroupRow>> GROUP_BY =
            TaskRef.named(PACKAGE + "GroupByTask", QueryArgument.class, TaskTypes.parameterized(List.class, GroupRow.class));

    /** The entries with the largest (or smallest) values of a field. */
    public static final TaskRef<QueryArgument, List<TopEntry>> TOP =
            TaskRef.named(PACKAGE + "TopTask", QueryArgument.class, TaskTypes.parameterized(List.class, TopEntry.class));

    /** Exact number of distinct values of a field. */
    public static final TaskRef<QueryArgument, Long> DISTINCT_COUNT =
            TaskRef.named(PACKAGE + "DistinctCountTask", QueryArgument.class, Long.class);

    /** The most frequent words of a text field. */
    public static final TaskRef<QueryArgument, List<WordCount>> WORD_COUNT =
            TaskRef.named(PACKAGE + "WordCountTask", QueryArgument.class, TaskTypes.parameterized(List.class, WordCount.class));

    /** In-place bulk update: multiplies a numeric field by a factor, exactly once per entry. Not read-only. */
    public static final TaskRef<QueryArgument, UpdateResult> UPDATE =
            TaskRef.named(PACKAGE + "UpdateTask", QueryArgument.class, UpdateResult.class);

    /** The grid's server nodes, with the primary and backup partitions of each map each one holds. */
    public static final TaskRef<Object, List<NodeSummary>> CLUSTER_INFO =
            TaskRef.named(PACKAGE + "ClusterInfoTask", Object.class, TaskTypes.parameterized(List.class, NodeSummary.class));

    /** The fields of a map's values and their types, read from the binary metadata of a sample of entries. */
    public static final TaskRef<String, Map<String, String>> FIELD_NAMES =
            TaskRef.named(PACKAGE + "FieldNamesTask", String.class, TaskTypes.parameterized(Map.class, String.class, String.class));

    /** For each partition of a map, its primary and backup nodes. */
    public static final TaskRef<String, List<PartitionOwners>> PARTITION_MAP =
            TaskRef.named(PACKAGE + "PartitionMapTask", String.class, TaskTypes.parameterized(List.class, PartitionOwners.class));

    /** The partition of a key and the nodes that own it. */
    public static final TaskRef<CacheKey, PartitionOwners> KEY_OWNERS =
            TaskRef.named(PACKAGE + "KeyOwnersTask", CacheKey.class, PartitionOwners.class);

    /** Runs a key job on the primary node of a key. Not read-only: a key job may write. */
    public static final TaskRef<KeyCallArgument, Object> KEY_CALL =
            TaskRef.named(PACKAGE + "KeyCallTask", KeyCallArgument.class, Object.class);

    /**
     * The catalog's key job: adds a number to a numeric field of one entry, on the key's primary, and returns the
     * field's new value (of the field's own type). Run with {@code onKey}; not read-only.
     */
    public static final KeyJobRef<FieldDelta, Object> ADD_TO_FIELD =
            KeyJobRef.named(PACKAGE + "AddToFieldJob", FieldDelta.class, Object.class);

    /** Deploys a task jar to every server node, all or nothing. */
    public static final TaskRef<DeployArgument, DeploymentInfo> DEPLOY =
            TaskRef.named(PACKAGE + "deploy.DeployTask", DeployArgument.class, DeploymentInfo.class);

    /** Removes a deployment from every server node. */
    public static final TaskRef<UndeployArgument, DeploymentInfo> UNDEPLOY =
            TaskRef.named(PACKAGE + "deploy.UndeployTask", UndeployArgument.class, DeploymentInfo.class);

    /** The current deployments (with {@code true}: the removed ones too). */
    public static final TaskRef<Boolean, ArrayList<DeploymentInfo>> LIST_DEPLOYMENTS =
            TaskRef.named(PACKAGE + "deploy.ListDeploymentsTask", Boolean.class,
                    TaskTypes.parameterized(ArrayList.class, DeploymentInfo.class));

    /** Creates a map on every server node from a definition, and keeps the definition for restarts. Not read-only. */
    public static final TaskRef<MapDefinition, MapDescription> CREATE_MAP =
            TaskRef.named(PACKAGE + "admin.CreateMapTask", MapDefinition.class, MapDescription.class);

    /** Destroys a map (its entries and its definition) on every node; answers its last description. Not read-only. */
    public static final TaskRef<String, MapDescription> DESTROY_MAP =
            TaskRef.named(PACKAGE + "admin.DestroyMapTask", String.class, MapDescription.class);

    /** Removes every entry of a map; answers how many there were. Not read-only. */
    public static final TaskRef<String, Long> CLEAR_MAP =
            TaskRef.named(PACKAGE + "admin.ClearMapTask", String.class, Long.class);

    /** A map's definition, size, and whether it was created at run time. */
    public static final TaskRef<String, MapDescription> DESCRIBE_MAP =
            TaskRef.named(PACKAGE + "admin.DescribeMapTask", String.class, MapDescription.class);

    /** Every server node as it describes itself: JVM, heap, data regions, uptime, coordinator. */
    public static final TaskRef<Object, List<MemberInfo>> MEMBERS =
            TaskRef.named(PACKAGE + "admin.MembersTask", Object.class, TaskTypes.parameterized(List.class, MemberInfo.class));

    /** Stops a server node gracefully (it leaves the topology and its application exits); answers its name. */
    public static final TaskRef<String, String> STOP_NODE =
            TaskRef.named(PACKAGE + "admin.StopNodeTask", String.class, String.class);

    private static final List<TaskRef<?, ?>> ALL = List.of(SUM, COUNT, STATS, GROUP_BY, TOP, DISTINCT_COUNT, WORD_COUNT,
            UPDATE, CLUSTER_INFO, FIELD_NAMES, PARTITION_MAP, KEY_OWNERS, KEY_CALL, DEPLOY, UNDEPLOY, LIST_DEPLOYMENTS,
            CREATE_MAP, DESTROY_MAP, CLEAR_MAP, DESCRIBE_MAP, MEMBERS, STOP_NODE);

    private static final List<TaskRef<?, ?>> READ_ONLY = List.of(SUM, COUNT, STATS, GROUP_BY, TOP, DISTINCT_COUNT,
            WORD_COUNT, CLUSTER_INFO, FIELD_NAMES, PARTITION_MAP, KEY_OWNERS, LIST_DEPLOYMENTS, DESCRIBE_MAP, MEMBERS);

    private static final List<KeyJobRef<?, ?>> KEY_JOBS = List.of(ADD_TO_FIELD);

    private CatalogTasks() {
    }

    /** The catalog's key jobs. */
    public static List<KeyJobRef<?, ?>> keyJobs() {
        return KEY_JOBS;
    }

    /** Every reference of the catalog. */
    public static List<TaskRef<?, ?>> all() {
        return ALL;
    }

    /** The catalog's tasks that change nothing, so that running one twice is safe. */
    public static List<TaskRef<?, ?>> readOnly() {
        return READ_ONLY;
    }
}
