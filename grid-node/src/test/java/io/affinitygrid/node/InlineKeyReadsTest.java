package io.affinitygrid.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.apache.ignite.Ignite;
import org.apache.ignite.Ignition;
import org.apache.ignite.cache.CacheAtomicityMode;
import org.apache.ignite.client.ClientCache;
import org.apache.ignite.client.ClientException;
import org.apache.ignite.client.ClientTransaction;
import org.apache.ignite.client.IgniteClient;
import org.apache.ignite.configuration.CacheConfiguration;
import org.apache.ignite.configuration.ClientConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code grid.client.inline-reads}: which thin-client reads a node serves on its connector's I/O thread (counted by
 * the node), and that every read, served there or in the pool, answers the same.
 */
class InlineKeyReadsTest {

    private static final int KEYS = 2_000;

    private static LocalCluster cluster;
    private static IgniteClient client;

    @BeforeAll
    static void start() {
        cluster = LocalCluster.builder().nodes(2).cache(CacheSettings.partitioned("kv").withPartitions(64)).start();
        client = Ignition.startClient(new ClientConfiguration()
                .setAddresses(cluster.clientAddresses().toArray(String[]::new)).setPartitionAwarenessEnabled(true));
        ClientCache<Object, String> kv = client.cache("kv");
        for (long key = 0; key < KEYS; key++) {
            kv.put(key, "long " + key);
            kv.put((int) key, "int " + key);
            kv.put("k" + key, "text " + key);
        }
        // the client learns the partition map with its first requests; from then on each key goes to its primary
        for (long key = 0; key < 100; key++) {
            kv.get(key);
        }
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static long served() {
        return cluster.runningNodes().stream().mapToLong(GridNode::inlineReads).sum();
    }

    @Test
    void getsAndContainsOfLongIntAndTextKeysAreServedInlineByTheirPrimary() {
        ClientCache<Object, String> kv = client.cache("kv");
        long before = served();
        for (long key = 0; key < KEYS; key++) {
            assertThat(kv.get(key)).isEqualTo("long " + key);
            assertThat(kv.get((int) key)).isEqualTo("int " + key);
            assertThat(kv.get("k" + key)).isEqualTo("text " + key);
            assertThat(kv.containsKey(key)).isTrue();
        }
        assertThat(kv.get(KEYS + 1L)).isNull();
        assertThat(kv.containsKey("missing")).isFalse();
        assertThat(served() - before).isEqualTo(4L * KEYS + 2);
    }

    @Test
    void writesAndKeysOfOtherKindsGoThroughThePool() {
        ClientCache<Object, String> kv = client.cache("kv");
        long before = served();
        UUID id = UUID.randomUUID();
        kv.put(id, "uuid");
        kv.put(1L, "long 1");
        assertThat(kv.get(id)).isEqualTo("uuid");
        assertThat(kv.getAll(Set.of(1L, 2L))).containsEntry(1L, "long 1").containsEntry(2L, "long 2");
        assertThat(kv.remove(id)).isTrue();
        assertThat(served() - before).isZero();
    }

    @Test
    void aNodeServesInlineOnlyTheKeysItIsPrimaryFor() {
        Ignite first = cluster.node(0).ignite();
        long[] before = {cluster.node(0).inlineReads(), cluster.node(1).inlineReads()};
        int local = 0;
        try (IgniteClient single = Ignition.startClient(new ClientConfiguration()
                .setAddresses(cluster.clientAddresses().get(0)).setPartitionAwarenessEnabled(false))) {
            ClientCache<Long, String> kv = single.cache("kv");
            for (long key = 0; key < KEYS; key++) {
                assertThat(kv.get(key)).isEqualTo("long " + key);
                if (first.affinity("kv").isPrimary(first.cluster().localNode(), key)) {
                    local++;
                }
            }
        }
        assertThat(local).isBetween(1, KEYS - 1);
        assertThat(cluster.node(0).inlineReads() - before[0]).isEqualTo(local);
        assertThat(cluster.node(1).inlineReads() - before[1]).isZero();
    }

    @Test
    void aReadInsideATransactionGoesThroughThePool() {
        Ignite ignite = cluster.node(0).ignite();
        ignite.createCache(new CacheConfiguration<>("tx-kv").setAtomicityMode(CacheAtomicityMode.TRANSACTIONAL).setBackups(1));
        try {
            ClientCache<Long, String> tx = client.cache("tx-kv");
            for (long key = 0; key < 100; key++) {
                tx.put(key, "v" + key);
            }
            long before = served();
            try (ClientTransaction t = client.transactions().txStart()) {
                for (long key = 0; key < 100; key++) {
                    assertThat(tx.get(key)).isEqualTo("v" + key);
                }
                t.commit();
            }
            assertThat(served() - before).isZero();
            for (long key = 0; key < 100; key++) {
                assertThat(tx.get(key)).isEqualTo("v" + key);
            }
            assertThat(served() - before).isEqualTo(100);
        }
        finally {
            ignite.destroyCache("tx-kv");
        }
    }

    @Test
    void aReadOfADestroyedMapFailsAsInPlainIgniteAndTheConnectionGoesOn() {
        Ignite ignite = cluster.node(0).ignite();
        ignite.createCache(new CacheConfiguration<>("short-lived").setBackups(1));
        ClientCache<Long, String> shortLived = client.cache("short-lived");
        shortLived.put(7L, "seven");
        assertThat(shortLived.get(7L)).isEqualTo("seven");
        ignite.destroyCache("short-lived");

        assertThatThrownBy(() -> shortLived.get(7L)).isInstanceOf(ClientException.class);
        assertThat(client.<Long, String>cache("kv").get(7L)).isEqualTo("long 7");
    }

    @Test
    void offSendsEveryReadThroughThePool() {
        try (LocalCluster plain = LocalCluster.builder().nodes(1).namePrefix("plain-reads")
                .cache(CacheSettings.partitioned("kv").withPartitions(16))
                .nodeSettings(node -> node.clientInlineReads(false)).start();
             IgniteClient plainClient = Ignition.startClient(new ClientConfiguration()
                     .setAddresses(plain.clientAddresses().toArray(String[]::new)))) {
            ClientCache<Long, String> kv = plainClient.cache("kv");
            for (long key = 0; key < 100; key++) {
                kv.put(key, "v" + key);
            }
            for (long key = 0; key < 100; key++) {
                assertThat(kv.get(key)).isEqualTo("v" + key);
            }
            assertThat(plain.node(0).inlineReads()).isZero();
            assertThat(plain.node(0).settings().clientInlineReads()).isFalse();
        }
        assertThat(cluster.node(0).settings().clientInlineReads()).as("the default").isTrue();
    }
}
