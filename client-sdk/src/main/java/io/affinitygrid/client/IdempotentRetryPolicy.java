package io.affinitygrid.client;

import java.util.EnumSet;
import java.util.Set;

import org.apache.ignite.client.ClientOperationType;
import org.apache.ignite.client.ClientRetryPolicy;
import org.apache.ignite.client.ClientRetryPolicyContext;

/**
 * Which requests the thin client sends again, to another node, after the connection that carried them
 * failed: every request except those whose result or effect would be wrong if the first attempt had been
 * applied (conditional writes, get-and-write, remove with its "was there one" answer, entry processors,
 * atomic counters and set updates). Ignite's default ({@code ClientRetryAllPolicy}) re-sends everything.
 * The number of attempts stays bounded by Ignite (one per known node by default). Stateless.
 *
 * <p>Computations are not re-sent here either: the connection may fail after the node received the task, and
 * a task that writes could then run twice. The SDK's compute view decides instead, knowing the task: it sends
 * a read-only or idempotent computation again itself, and fails any other with
 * {@link TaskOutcomeUnknownException} (see {@link ThinClientGridCompute}).
 */
final class IdempotentRetryPolicy implements ClientRetryPolicy {

    private static final long serialVersionUID = 1L;

    /** Operations not to re-send. */
    static final Set<ClientOperationType> NOT_IDEMPOTENT = EnumSet.of(
            ClientOperationType.CACHE_PUT_IF_ABSENT,
            ClientOperationType.CACHE_GET_AND_PUT_IF_ABSENT,
            ClientOperationType.CACHE_REPLACE,
            ClientOperationType.CACHE_GET_AND_REPLACE,
            ClientOperationType.CACHE_GET_AND_PUT,
            ClientOperationType.CACHE_GET_AND_REMOVE,
            ClientOperationType.CACHE_REMOVE_ONE,
            ClientOperationType.CACHE_INVOKE,
            ClientOperationType.CACHE_INVOKE_ALL,
            ClientOperationType.ATOMIC_LONG_VALUE_ADD_AND_GET,
            ClientOperationType.ATOMIC_LONG_VALUE_GET_AND_SET,
            ClientOperationType.ATOMIC_LONG_VALUE_COMPARE_AND_SET,
            ClientOperationType.SET_VALUE_ADD,
            ClientOperationType.SET_VALUE_ADD_ALL,
            ClientOperationType.SET_VALUE_REMOVE,
            ClientOperationType.SET_VALUE_REMOVE_ALL,
            ClientOperationType.SET_VALUE_RETAIN_ALL,
            ClientOperationType.COMPUTE_TASK_EXECUTE);

    @Override
    public boolean shouldRetry(ClientRetryPolicyContext context) {
        return context.operation() == null || !NOT_IDEMPOTENT.contains(context.operation());
    }

    @Override
    public String toString() {
        return "IdempotentRetryPolicy[not re-sent: " + NOT_IDEMPOTENT + "]";
    }
}
