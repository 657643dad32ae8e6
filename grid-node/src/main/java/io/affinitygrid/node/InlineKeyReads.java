package io.affinitygrid.node;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.apache.ignite.IgniteCheckedException;
import org.apache.ignite.IgniteException;
import org.apache.ignite.cache.affinity.Affinity;
import org.apache.ignite.cluster.ClusterNode;
import org.apache.ignite.internal.IgniteEx;
import org.apache.ignite.internal.IgniteInternalFuture;
import org.apache.ignite.internal.processors.odbc.ClientListenerNioListener;
import org.apache.ignite.internal.processors.odbc.ClientMessage;
import org.apache.ignite.internal.processors.platform.client.ClientConnectionContext;
import org.apache.ignite.internal.util.nio.GridNioAsyncNotifyFilter;
import org.apache.ignite.internal.util.nio.GridNioFilter;
import org.apache.ignite.internal.util.nio.GridNioFilterAdapter;
import org.apache.ignite.internal.util.nio.GridNioSession;
import org.apache.ignite.lang.IgniteInClosure;

/**
 * Serves a thin client's single-key read of a key this node is primary for on the client connector's I/O (selector)
 * thread. Ignite hands every thin-client request from that thread to its connector pool and the response back to
 * it; for a local read, those two hand-offs cost more CPU than the read itself (benchmarks/README.md, "Key
 * operations").
 *
 * <p>Only reads that cannot wait are served here: {@code get} or {@code containsKey}, outside a transaction, without
 * an expiry policy, of a {@code long}, {@code int} or text key whose partition this node is primary for, so the read
 * never waits for another node. Everything else goes to the pool as before, and so does every request when Ignite's
 * connector does not have the shape this filter expects. Where a read runs never changes its answer.
 *
 * <p>The filter sits in the connector's filter chain just before Ignite's {@code GridNioAsyncNotifyFilter}; a read it
 * serves skips that filter and goes straight to Ignite's own request listener.
 */
final class InlineKeyReads extends GridNioFilterAdapter {

    // Thin-client protocol: a request is op code (short), request id (long), then for a key request the cache id
    // (int), a flags byte, and the key as a binary object: a type code, then the value. All little-endian.
    private static final int OP_GET = 1000;
    private static final int OP_CONTAINS_KEY = 1011;
    private static final int FLAGS_AT = 14;
    private static final int KEY_AT = 15;
    private static final int FLAG_KEEP_BINARY = 1;
    private static final byte TYPE_INT = 3;
    private static final byte TYPE_LONG = 4;
    private static final byte TYPE_STRING = 9;

    private final IgniteEx ignite;
    private final Map<Integer, Affinity<Object>> affinities = new ConcurrentHashMap<>();
    private final LongAdder served = new LongAdder();
    private volatile ClusterNode localNode;

    private InlineKeyReads(IgniteEx ignite) {
        super("InlineKeyReads");
        this.ignite = ignite;
    }

    /**
     * Puts the filter into the node's thin-client connector.
     *
     * @return the filter, or empty when the connector does not have the expected shape (another Ignite version):
     *     then every request goes through the pool, as in plain Ignite
     */
    static Optional<InlineKeyReads> install(IgniteEx ignite) {
        try {
            Object server = field(ignite.context().clientListener(), "srv");
            Object chain = field(server, "filterChain");
            // received messages travel from the head filter through previousFilter() to the listener
            GridNioFilter filter = (GridNioFilter) field(chain, "head");
            while (filter != null && !(filter instanceof GridNioAsyncNotifyFilter)) {
                filter = filter.previousFilter();
            }
            if (filter == null || filter.nextFilter() == null || filter.previousFilter() == null) {
                return Optional.empty();
            }
            InlineKeyReads reads = new InlineKeyReads(ignite);
            GridNioFilter below = filter.nextFilter();
            reads.nextFilter(below);
            reads.previousFilter(filter);
            filter.nextFilter(reads);
            below.previousFilter(reads);
            return Optional.of(reads);
        }
        catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Reads served on the selector thread since the node started. */
    long served() {
        return served.sum();
    }

    @Override
    public void onMessageReceived(GridNioSession ses, Object msg) throws IgniteCheckedException {
        if (servesHere(ses, msg)) {
            served.increment();
            // past Ignite's hand-off filter, straight to the connector's listener
            prevFilter.proceedMessageReceived(ses, msg);
        }
        else {
            proceedMessageReceived(ses, msg);
        }
    }

    private boolean servesHere(GridNioSession ses, Object msg) {
        if (!(msg instanceof ClientMessage message)
                || !(ses.meta(ClientListenerNioListener.CONN_CTX_META_KEY) instanceof ClientConnectionContext)) {
            return false;
        }
        byte[] request = message.payload();
        if (request == null || request.length <= KEY_AT) {
            return false;
        }
        int op = (request[0] & 0xff) | (request[1] & 0xff) << 8;
        if (op != OP_GET && op != OP_CONTAINS_KEY || (request[FLAGS_AT] & ~FLAG_KEEP_BINARY) != 0) {
            return false;
        }
        Object key = plainKey(request);
        if (key == null) {
            return false;
        }
        int cacheId = readInt(request, 10);
        try {
            Affinity<Object> affinity = affinities.computeIfAbsent(cacheId, this::affinityOf);
            return affinity != null && affinity.isPrimary(localNode(), key);
        }
        catch (IgniteException | IllegalStateException e) {
            // a map destroyed meanwhile: the pool answers with the proper error
            affinities.remove(cacheId);
            return false;
        }
    }

    private ClusterNode localNode() {
        ClusterNode node = localNode;
        if (node == null) {
            node = ignite.cluster().localNode();
            localNode = node;
        }
        return node;
    }

    private Affinity<Object> affinityOf(int cacheId) {
        for (String name : ignite.cacheNames()) {
            if (name.hashCode() == cacheId) {
                return ignite.affinity(name);
            }
        }
        return null;
    }

    /** The key when it is a long, an int or a text written in place; {@code null} for any other kind. */
    private static Object plainKey(byte[] request) {
        int at = KEY_AT + 1;
        switch (request[KEY_AT]) {
            case TYPE_LONG:
                return at + 8 <= request.length ? readInt(request, at) & 0xffffffffL | (long) readInt(request, at + 4) << 32 : null;
            case TYPE_INT:
                return at + 4 <= request.length ? readInt(request, at) : null;
            case TYPE_STRING:
                if (at + 4 > request.length) {
                    return null;
                }
                int length = readInt(request, at);
                return length >= 0 && at + 4 + length <= request.length
                        ? new String(request, at + 4, length, StandardCharsets.UTF_8) : null;
            default:
                return null;
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> type = owner.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(owner);
            }
            catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(owner.getClass().getName() + "." + name);
    }

    @Override
    public void onSessionOpened(GridNioSession ses) throws IgniteCheckedException {
        proceedSessionOpened(ses);
    }

    @Override
    public void onSessionClosed(GridNioSession ses) throws IgniteCheckedException {
        proceedSessionClosed(ses);
    }

    @Override
    public void onExceptionCaught(GridNioSession ses, IgniteCheckedException ex) throws IgniteCheckedException {
        proceedExceptionCaught(ses, ex);
    }

    @Override
    public IgniteInternalFuture<?> onSessionWrite(GridNioSession ses, Object msg, boolean fut,
            IgniteInClosure<IgniteException> ackC) throws IgniteCheckedException {
        return proceedSessionWrite(ses, msg, fut, ackC);
    }

    @Override
    public IgniteInternalFuture<Boolean> onSessionClose(GridNioSession ses) throws IgniteCheckedException {
        return proceedSessionClose(ses);
    }

    @Override
    public void onSessionIdleTimeout(GridNioSession ses) throws IgniteCheckedException {
        proceedSessionIdleTimeout(ses);
    }

    @Override
    public void onSessionWriteTimeout(GridNioSession ses) throws IgniteCheckedException {
        proceedSessionWriteTimeout(ses);
    }
}
