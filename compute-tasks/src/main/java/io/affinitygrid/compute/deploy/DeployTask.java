package io.affinitygrid.compute.deploy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.cache.Cache;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteCache;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.cluster.ClusterTopologyException;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeJobResultPolicy;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.compute.ComputeTaskContinuousMapper;
import org.apache.ignite.resources.IgniteInstanceResource;
import org.apache.ignite.resources.TaskContinuousMapperResource;

/**
 * Deploys a jar on every server node, all or nothing. Argument: {@link DeployArgument}; result: the
 * {@link DeploymentInfo} of the new version. Invoke by {@link #NAME}.
 *
 * <ol>
 * <li>{@code map}: the receiving node checks the policy (deployment on, user allowed), reads and loads the jar
 *     itself, checks that the name is not another user's and that no class belongs to another deployment, then
 *     sends a prepare job with the jar to every server node: each loads it in a fresh loader and registers
 *     nothing.</li>
 * <li>{@code result}: one failed prepare fails the task: nothing was stored or registered anywhere. When every
 *     node has prepared, the new version is stored in {@value Deployments#CACHE} (only if no other deploy of
 *     the name came first), and an activate job goes to every server node, each registering the version's
 *     tasks and key jobs.</li>
 * </ol>
 * Nothing waits for another job: the rounds run from {@code result()} as answers arrive.
 */
public final class DeployTask extends ComputeTaskAdapter<DeployArgument, DeploymentInfo> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.deploy.DeployTask";

    private static final long serialVersionUID = 1L;

    @IgniteInstanceResource
    private transient Ignite ignite;

    @TaskContinuousMapperResource
    private transient ComputeTaskContinuousMapper mapper;

    private transient DeployArgument argument;
    private transient String user;
    private transient int previousVersion;
    private transient DeploymentJar.Loaded local;
    private transient int preparing;
    private transient int prepared;
    private transient int activating;
    private transient int activated;
    private transient DeploymentRecord committed;

    @Override
    public Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, DeployArgument arg) {
        if (arg == null) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "DeployTask needs a DeployArgument, got null");
        }
        this.argument = arg;
        NodeDeployments deployments = Deployments.require(ignite);
        DeploymentPolicy policy = deployments.policy();
        user = Deployments.currentUser(ignite, policy, arg.declaredUser());
        Deployments.requireAllowed(policy, user, "deploy");
        local = deployments.prepare(arg.name(), arg.jarBytes());

        IgniteCache<String, DeploymentRecord> cache = Deployments.cache(ignite);
        DeploymentRecord previous = cache.get(arg.name());
        previousVersion = previous == null ? 0 : previous.version();
        if (previous != null && !previous.removed() && !previous.deployedBy().equals(user)) {
            throw new GridTaskException(ErrorCode.DEPLOYMENT_CONFLICT, "Deployment '" + arg.name() + "' belongs to user '"
                    + previous.deployedBy() + "': only they can deploy a new version of it. Choose another name, or ask them"
                    + " to undeploy it. Nothing was deployed.");
        }
        Set<String> classes = new HashSet<>(local.taskNames());
        classes.addAll(local.keyJobNames());
        for (Cache.Entry<String, DeploymentRecord> entry : cache) {
            DeploymentRecord other = entry.getValue();
            if (other.removed() || other.name().equals(arg.name())) {
                continue;
            }
            List<String> clash = new ArrayList<>(other.taskClasses());
            clash.addAll(other.keyJobClasses());
            clash.retainAll(classes);
            if (!clash.isEmpty()) {
                throw new GridTaskException(ErrorCode.DEPLOYMENT_CONFLICT, "Cannot deploy '" + arg.name() + "': class "
                        + clash.get(0) + " already belongs to deployment '" + other.name() + "', and a class name runs one"
                        + " task only. Deploy it as a new version of '" + other.name() + "', or rename the class."
                        + " Nothing was deployed.");
            }
        }
        Collection<ClusterNode> servers = ignite.cluster().forServers().nodes();
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (ClusterNode node : servers) {
            jobs.put(new DeploymentJobs.Prepare(arg.name(), arg.jarBytes()), node);
        }
        preparing = jobs.size();
        return jobs;
    }

    @Override
    public synchronized ComputeJobResultPolicy result(ComputeJobResult result, List<ComputeJobResult> received) {
        IgniteException failure = result.getException();
        if (failure != null) {
            throw nodeFailure(result.getNode(), failure);
        }
        Object data = result.getData();
        if (data instanceof DeploymentJobs.Prepared) {
            if (++prepared == preparing) {
                commit();
            }
            return ComputeJobResultPolicy.WAIT;
        }
        return ++activated == activating ? ComputeJobResultPolicy.REDUCE : ComputeJobResultPolicy.WAIT;
    }

    /** Stores the new version and sends an activate job to every server node, joiners included. */
    private void commit() {
        DeploymentRecord record = new DeploymentRecord(argument.name(), previousVersion + 1, DeploymentJar.sha256(argument.jarBytes()),
                argument.jarBytes(), argument.jarSize(), local.taskNames(), local.keyJobNames(), user,
                System.currentTimeMillis(), false);
        Boolean stored = Deployments.cache(ignite).invoke(argument.name(), new CommitProcessor(previousVersion, record));
        if (!Boolean.TRUE.equals(stored)) {
            throw new GridTaskException(ErrorCode.DEPLOYMENT_CONFLICT, "Another deploy or undeploy of '" + argument.name()
                    + "' finished first, so this one stored nothing. List the deployments and try again.");
        }
        committed = record;
        Collection<ClusterNode> servers = ignite.cluster().forServers().nodes();
        ignite.log().getLogger(DeployTask.class).info("Deployed '" + record.name() + "' v" + record.version() + " by user '"
                + user + "': sha256 " + record.checksum() + ", " + argument.jarSize() + " bytes, tasks " + record.taskClasses()
                + ", key jobs " + record.keyJobClasses() + ", on " + servers.size() + " nodes");
        activating = servers.size();
        Map<ComputeJob, ClusterNode> jobs = new HashMap<>();
        for (ClusterNode node : servers) {
            jobs.put(new DeploymentJobs.Activate(record.name(), record.version()), node);
        }
        mapper.send(jobs);
    }

    private GridTaskException nodeFailure(ClusterNode node, IgniteException failure) {
        String nodeName = node == null ? "?" : String.valueOf(node.consistentId());
        String stage = committed == null ? "Nothing was deployed." : "Version " + committed.version()
                + " is stored and active on the other nodes; the node loads it when it restarts.";
        if (failure instanceof ClusterTopologyException || failure.hasCause(ClusterTopologyException.class)) {
            return new GridTaskException(ErrorCode.JAR_LOAD_FAILED, "Node '" + nodeName + "' left while deployment '"
                    + argument.name() + "' was being deployed. " + stage + " Deploy again.", failure);
        }
        GridTaskException coded = find(failure);
        if (coded != null) {
            return new GridTaskException(coded.code(), coded.reason(), failure);
        }
        return new GridTaskException(ErrorCode.JAR_LOAD_FAILED, "Node '" + nodeName + "' failed to load deployment '"
                + argument.name() + "': " + failure.getMessage() + ". " + stage, failure);
    }

    static GridTaskException find(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GridTaskException coded) {
                return coded;
            }
        }
        return null;
    }

    @Override
    public DeploymentInfo reduce(List<ComputeJobResult> results) {
        return committed.info();
    }
}
