package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Grid#records}: values without application classes, written as the grid's objects (so computations read
 * their fields) and read back as {@link GridRecord}s; and {@link GridMap#entries()}, partition by partition.
 */
class RecordsTest {

    @RegisterExtension
    static final SharedGridCluster CLUSTER = new SharedGridCluster();

    @Test
    void aRecordIsStoredAsAnObjectWhoseFieldsTheComputationsRead() {
        String map = CLUSTER.createMap("records");
        GridMap<Long, Object> records = CLUSTER.grid().records(map, Long.class);
        GridRecord first = GridRecord.builder("ImportedOrder").field("id", 1L).field("region", "north").field("amount", 12.5)
                .field("address", GridRecord.of("Address", Map.of("city", "Oslo"))).field("tags", List.of("a", "b")).build();
        records.put(1L, first);
        records.put(2L, GridRecord.of("ImportedOrder", Map.of("id", 2L, "region", "south", "amount", 30.0)));

        GridRecord read = (GridRecord) records.get(1L);
        assertThat(read).isEqualTo(first);
        assertThat(read.typeName()).isEqualTo("ImportedOrder");
        assertThat(read.get("Amount")).as("any case").isEqualTo(12.5);
        assertThat(((GridRecord) read.get("address")).get("city")).isEqualTo("Oslo");

        assertThat(CLUSTER.grid().compute().on(map).sum("amount").sum()).isEqualByComparingTo(new BigDecimal("42.5"));
        assertThat(CLUSTER.grid().compute().on(map).where("region = north").count()).isEqualTo(1);
    }

    @Test
    void aNumberTakesTheTypeTheFieldAlreadyHasAndWhatDoesNotFitIsRefusedBeforeSending() {
        String map = CLUSTER.createMap("records");
        GridMap<String, Object> records = CLUSTER.grid().records(map, String.class);
        records.put("a", GridRecord.of("Reading", Map.of("value", 1.5, "count", 3L)));
        records.put("b", GridRecord.of("Reading", Map.of("value", 2L, "count", 4)));

        GridRecord b = (GridRecord) records.get("b");
        assertThat(b.get("value")).isEqualTo(2.0);
        assertThat(b.get("count")).isEqualTo(4L);

        assertThatThrownBy(() -> records.put("c", GridRecord.of("Reading", Map.of("value", "high"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Field 'value' of type 'Reading' holds double values; the text 'high' does not fit it");
        assertThatThrownBy(() -> records.put("d", GridRecord.of("Reading", Map.of("count", 2.5))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Field 'count'").hasMessageContaining("long");
        assertThat(records.containsKey("c")).isFalse();
    }

    @Test
    void objectsOfClassesAndPlainValuesAreReadAsDataAndFieldNamesDifferingInCaseAreRefused() {
        String map = CLUSTER.createMap("records");
        CLUSTER.grid().map(map, Long.class, Order.class).put(1L, Orders.order(1));
        CLUSTER.grid().map(map, Long.class, String.class).put(2L, "plain text");
        GridMap<Long, Object> records = CLUSTER.grid().records(map, Long.class);

        GridRecord order = (GridRecord) records.get(1L);
        assertThat(order.typeName()).isEqualTo(Order.class.getName());
        assertThat(order.fields()).containsEntry("id", 1L).containsKey("customer");
        assertThat(records.get(2L)).isEqualTo("plain text");

        assertThatThrownBy(() -> GridRecord.builder("T").field("amount", 1).field("Amount", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ only in case");
    }

    @Test
    void entriesStreamsEveryEntryPartitionByPartition() {
        String map = CLUSTER.createMap("records");
        GridMap<Long, Object> records = CLUSTER.grid().records(map, Long.class);
        Map<Long, Object> batch = new HashMap<>();
        for (long id = 1; id <= 500; id++) {
            batch.put(id, GridRecord.of("Item", Map.of("id", id)));
        }
        records.putAll(batch);

        try (Stream<Map.Entry<Long, Object>> entries = records.entries()) {
            Map<Long, Object> all = entries.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(all).isEqualTo(batch);
        }
        try (Stream<Map.Entry<Long, Object>> entries = records.entries()) {
            assertThat(entries.limit(3)).hasSize(3);
        }
        GridMap<String, Object> wrongKeys = CLUSTER.grid().records(map, String.class);
        assertThatThrownBy(() -> wrongKeys.entries().count()).isInstanceOf(GridException.class)
                .hasMessageContaining("holds a key of type java.lang.Long");
    }

    @Test
    void anUnknownMapIsRefused() {
        assertThatThrownBy(() -> CLUSTER.grid().records("no-such-map", Long.class)).isInstanceOf(UnknownMapException.class);
    }
}
