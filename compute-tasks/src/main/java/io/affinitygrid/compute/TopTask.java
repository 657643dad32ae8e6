package io.affinitygrid.compute;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.apache.ignite.binary.BinaryObject;

/**
 * The N entries with the largest (or, with {@code ascending}, smallest) value of a field. Each partition
 * keeps its own best N in a bounded heap; only those travel. Argument: {@link QueryArgument} with a field and
 * a limit; result: {@code List<TopEntry>}, best first. Invoke by {@link #NAME}.
 */
public final class TopTask extends ScanTask<QueryArgument, TopTask.Best, List<TopEntry>> {

    /** Name by which clients invoke this task. */
    public static final String NAME = "io.affinitygrid.compute.TopTask";

    private static final long serialVersionUID = 1L;

    @Override
    protected void validate(QueryArgument argument) {
        super.validate(argument);
        argument.requireField("top");
        argument.requireLimit("top");
    }

    @Override
    protected Best newPartial(QueryArgument argument) {
        return new Best(argument.limit(), order(argument), argument.ascending());
    }

    @Override
    protected boolean accumulatesAcrossPartitions() {
        return true;
    }

    @Override
    protected List<String> fieldsRead(QueryArgument argument) {
        return fields(argument.field());
    }

    @Override
    protected void accumulate(QueryArgument argument, Best partial, Object key, Object value) {
        partial.scanned++;
        Object rank = field(value, argument.field());
        if (rank != null) {
            partial.fieldSeen = true;
            // a rank that does not beat the worst of the best N is dropped without creating a candidate; the
            // comparison still fails, as before, on ranks that cannot be compared
            if (partial.admits(key, rank)) {
                partial.offer(new Candidate(key, rank, wholeValue(value)), argument);
            }
        }
    }

    @Override
    protected Best finish(QueryArgument argument, Best partial) {
        partial.seal();
        return partial;
    }

    /** The best N of the partitions together: their entries ranked, the first N kept. */
    @Override
    protected Best mergePartials(QueryArgument argument, List<Best> partials) {
        Comparator<Object> order = order(argument);
        Best merged = new Best(argument.limit(), order, argument.ascending());
        for (Best best : partials) {
            merged.entries.addAll(best.entries);
            merged.fieldSeen |= best.fieldSeen;
            merged.scanned += best.scanned;
        }
        merged.entries.sort(bestFirst(order));
        if (merged.entries.size() > argument.limit()) {
            merged.entries.subList(argument.limit(), merged.entries.size()).clear();
        }
        merged.heap = null;
        return merged;
    }

    @Override
    protected List<TopEntry> reduce(QueryArgument argument, List<Best> partials) {
        List<TopEntry> all = new ArrayList<>();
        boolean seen = false;
        long scanned = 0;
        for (Best best : partials) {
            all.addAll(best.entries);
            seen |= best.fieldSeen;
            scanned += best.scanned;
        }
        if (scanned > 0 && !seen) {
            throw FieldValues.noSuchField(argument.cacheName(), argument.field());
        }
        all.sort(bestFirst(order(argument)));
        return new ArrayList<>(all.subList(0, Math.min(argument.limit(), all.size())));
    }

    /** Natural order of ranks: numbers by value, everything else as text; reversed for ascending. */
    private static Comparator<Object> order(QueryArgument argument) {
        Comparator<Object> natural = (a, b) -> {
            if (a instanceof Number x && b instanceof Number y) {
                return Numbers.compare(x, y);
            }
            if (a instanceof Number != b instanceof Number) {
                throw new GridTaskException(ErrorCode.BAD_FIELD, "Field '" + argument.field() + "' of map '" + argument.cacheName()
                        + "' mixes numbers and other values; cannot rank them");
            }
            return String.valueOf(a).compareTo(String.valueOf(b));
        };
        return argument.ascending() ? natural.reversed() : natural;
    }

    /**
     * Among equal ranks, the smaller key comes first (numbers by value, other keys as text), so that the best N
     * do not depend on the order entries are scanned or partials arrive in.
     */
    private static int keyOrder(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Numbers.compare(x, y);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    /** Best first: higher rank, then smaller key. */
    private static Comparator<TopEntry> bestFirst(Comparator<Object> order) {
        return (a, b) -> {
            int byRank = order.compare(b.rank(), a.rank());
            return byRank != 0 ? byRank : keyOrder(a.key(), b.key());
        };
    }

    private record Candidate(Object key, Object rank, Object value) {
    }

    /** The best N entries of one partition. The heap lives only while the partition is scanned. */
    static final class Best implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int limit;
        private final ArrayList<TopEntry> entries = new ArrayList<>();
        private long scanned;
        private boolean fieldSeen;
        private transient PriorityQueue<Candidate> heap;

        private transient Comparator<Object> order;
        private final boolean ascending;
        /**
         * The rank of the worst of the best N when the heap is full and it is a {@code double}, else NaN: most
         * entries are turned away by comparing with it, without reaching into the heap.
         */
        private transient double worstDouble = Double.NaN;

        Best(int limit, Comparator<Object> order, boolean ascending) {
            this.limit = limit;
            this.order = order;
            this.ascending = ascending;
            // the head is the worst of the best N: lowest rank, then largest key
            this.heap = new PriorityQueue<>((a, b) -> {
                int byRank = order.compare(a.rank(), b.rank());
                return byRank != 0 ? byRank : keyOrder(b.key(), a.key());
            });
        }

        /** Whether an entry would enter the best N: most entries of a large partition do not. */
        boolean admits(Object key, Object rank) {
            if (rank instanceof Double d && !Double.isNaN(worstDouble) && !Double.isNaN(d)) {
                double value = d;
                if (value != worstDouble) {
                    return ascending ? value < worstDouble : value > worstDouble;
                }
            }
            if (heap.size() < limit) {
                return true;
            }
            Candidate worst = heap.peek();
            int byRank = order.compare(rank, worst.rank());
            return byRank > 0 || byRank == 0 && keyOrder(key, worst.key()) < 0;
        }

        void offer(Candidate candidate, QueryArgument argument) {
            heap.add(candidate);
            if (heap.size() > limit) {
                heap.poll();
            }
            worstDouble = heap.size() == limit && heap.peek().rank() instanceof Double d ? d : Double.NaN;
        }

        void seal() {
            for (Candidate c : heap) {
                entries.add(new TopEntry(c.key(), c.rank(), fields(c.value())));
            }
            heap = null;
        }

        private static Map<String, Object> fields(Object value) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (value instanceof BinaryObject binary) {
                for (String name : binary.type().fieldNames()) {
                    if (!binary.hasField(name)) {
                        continue;
                    }
                    Object v = binary.field(name);
                    fields.put(name, v instanceof BinaryObject nested ? nested.toString() : v);
                }
            }
            else {
                fields.put(FieldValues.SELF, value);
            }
            return fields;
        }
    }
}
