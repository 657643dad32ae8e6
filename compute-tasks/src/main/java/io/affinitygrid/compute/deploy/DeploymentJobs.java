package io.affinitygrid.compute.deploy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.apache.ignite.Ignite;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

/** The jobs the deployment tasks send to every server node. None of them waits for another job. */
final class DeploymentJobs {

    private DeploymentJobs() {
    }

    /** Loads and checks a jar in a fresh loader, registering nothing; answers what it found. */
    static final class Prepare extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        private final String name;
        private final byte[] jar;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Prepare(String name, byte[] jar) {
            this.name = name;
            this.jar = jar;
        }

        @Override
        public Object execute() {
            DeploymentJar.Loaded loaded = Deployments.require(ignite).prepare(name, jar);
            return new Prepared(ignite.name(), loaded.taskNames(), loaded.keyJobNames());
        }
    }

    /** Makes a stored version active on the node (or nothing, when the node is still starting and will load it). */
    static final class Activate extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        private final String name;
        private final int version;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Activate(String name, int version) {
            this.name = name;
            this.version = version;
        }

        @Override
        public Object execute() {
            NodeDeployments deployments = NodeDeployments.of(ignite);
            if (deployments != null) {
                Deployments.require(ignite).activate(name, version);
            }
            return Done.ACTIVATED;
        }
    }

    /** Unregisters a deployment on the node. */
    static final class Remove extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        private final String name;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Remove(String name) {
            this.name = name;
        }

        @Override
        public Object execute() {
            NodeDeployments deployments = NodeDeployments.of(ignite);
            if (deployments != null) {
                deployments.remove(name);
            }
            return Done.REMOVED;
        }
    }

    /** A node's answer to {@link Prepare}. */
    static final class Prepared implements Serializable {

        private static final long serialVersionUID = 1L;

        final String node;
        final ArrayList<String> tasks;
        final ArrayList<String> keyJobs;

        Prepared(String node, List<String> tasks, List<String> keyJobs) {
            this.node = node;
            this.tasks = new ArrayList<>(tasks);
            this.keyJobs = new ArrayList<>(keyJobs);
        }
    }

    enum Done {
        ACTIVATED, REMOVED
    }
}
