package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.ignite.client.ClientConnectionException;
import org.apache.ignite.client.ClientException;
import org.apache.ignite.client.ClientOperationType;
import org.apache.ignite.client.ClientRetryPolicyContext;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The parts of the SDK that need no grid: the retry policy and the reading of Ignite's failures. */
class ClientInternalsTest {

    @ParameterizedTest
    @EnumSource(value = ClientOperationType.class, names = {"CACHE_GET", "CACHE_GET_ALL", "CACHE_PUT", "CACHE_PUT_ALL",
            "CACHE_CONTAINS_KEY", "CACHE_GET_SIZE", "CACHE_REMOVE_MULTIPLE", "CACHE_REMOVE_EVERYTHING", "CACHE_GET_NAMES",
            "QUERY_CONTINUOUS"})
    void idempotentRequestsAreSentAgain(ClientOperationType operation) {
        assertThat(new IdempotentRetryPolicy().shouldRetry(context(operation))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ClientOperationType.class, names = {"CACHE_PUT_IF_ABSENT", "CACHE_REPLACE", "CACHE_GET_AND_PUT",
            "CACHE_GET_AND_REMOVE", "CACHE_REMOVE_ONE", "CACHE_INVOKE", "ATOMIC_LONG_VALUE_ADD_AND_GET",
            // computations are the SDK's to send again, knowing which are safe to run twice (ThinClientGridCompute)
            "COMPUTE_TASK_EXECUTE"})
    void requestsWhoseResultWouldBeWrongAfterAnAppliedFirstAttemptAreNot(ClientOperationType operation) {
        assertThat(new IdempotentRetryPolicy().shouldRetry(context(operation))).isFalse();
    }

    private static ClientRetryPolicyContext context(ClientOperationType operation) {
        return new ClientRetryPolicyContext() {
            @Override
            public ClientConfiguration configuration() {
                return new ClientConfiguration();
            }

            @Override
            public ClientOperationType operation() {
                return operation;
            }

            @Override
            public int iteration() {
                return 0;
            }

            @Override
            public ClientConnectionException exception() {
                return new ClientConnectionException("lost");
            }
        };
    }

    @Test
    void partitionLossIsRecognisedWithItsPartition() {
        ClientException lost = new ClientException(new RuntimeException("Ignite failed to process request [7]: Failed to execute"
                + " the cache operation (all partition owners have left the grid, partition data has been lost)"
                + " [cacheName=orders, partition=12, key=UserKeyCacheObjectImpl [part=12, val=5, hasValBytes=false]]"));

        assertThat(IgniteWording.isPartitionLost(lost)).isTrue();
        assertThat(IgniteWording.lostPartition(lost)).isEqualTo(12);
        assertThat(IgniteWording.isPartitionLost(new ClientException("partition 3 is fine"))).isFalse();
        assertThat(IgniteWording.lostPartition(new ClientException("class o.a.i.CacheInvalidStateException: lost")))
                .isEqualTo(PartitionLostException.UNKNOWN_PARTITION);
    }
}
