package io.affinitygrid.compute;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.ignite.Ignite;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.compute.ComputeJob;
import org.apache.ignite.compute.ComputeJobAdapter;
import org.apache.ignite.compute.ComputeJobResult;
import org.apache.ignite.compute.ComputeTaskAdapter;
import org.apache.ignite.resources.IgniteInstanceResource;

/**
 * A task that answers from the node that received it, with cluster-wide knowledge (affinity, metadata):
 * subclasses implement {@link #answer(Ignite, Object)}.
 *
 * @param <A> the argument
 * @param <R> the result
 */
public abstract class SingleJobTask<A, R> extends ComputeTaskAdapter<A, R> {

    private static final long serialVersionUID = 1L;

    /** Computes the result on the receiving node. */
    protected abstract R answer(Ignite ignite, A argument);

    @Override
    public final Map<? extends ComputeJob, ClusterNode> map(List<ClusterNode> subgrid, A argument) {
        return Collections.singletonMap(new Answer<>(this, argument), TaskNodes.receiving(subgrid));
    }

    @Override
    @SuppressWarnings("unchecked")
    public final R reduce(List<ComputeJobResult> results) {
        return (R) results.get(0).getData();
    }

    private static final class Answer<A, R> extends ComputeJobAdapter {

        private static final long serialVersionUID = 1L;

        private final SingleJobTask<A, R> task;
        private final A argument;

        @IgniteInstanceResource
        private transient Ignite ignite;

        Answer(SingleJobTask<A, R> task, A argument) {
            this.task = task;
            this.argument = argument;
        }

        @Override
        public Object execute() {
            return task.answer(ignite, argument);
        }
    }
}
