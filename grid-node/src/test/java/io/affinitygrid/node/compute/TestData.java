package io.affinitygrid.node.compute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.apache.ignite.Ignite;
import org.apache.ignite.IgniteDataStreamer;

/** Generates the test records (deterministically, from a seed) and loads them into a cache. */
final class TestData {

    static final List<String> REGIONS = List.of("north", "south", "east", "west");

    /** Small vocabulary, with an apostrophe and a digit so that the word splitting is exercised. */
    static final List<String> VOCABULARY = List.of("fragile", "express", "gift", "wrap", "leave", "at", "door",
            "call", "before", "delivery", "don't", "24h", "back", "office", "please", "weekend");

    private static final List<String> SEPARATORS = List.of(" ", " ", " ", ", ", "; ", " - ", "! ", "? ", "... ");

    static final int CUSTOMERS = 150;

    private TestData() {
    }

    /** {@code count} orders with ids 1..count. */
    static List<Order> orders(int count, long seed) {
        Random random = new Random(seed);
        List<Order> orders = new ArrayList<>(count);
        for (long id = 1; id <= count; id++) {
            String customer = String.format(Locale.ROOT, "c%03d", random.nextInt(CUSTOMERS));
            String region = REGIONS.get(random.nextInt(REGIONS.size()));
            long cents = 1 + random.nextInt(99_999);
            int quantity = 1 + random.nextInt(50);
            Text note = text(random, 1, 6);
            orders.add(new Order(id, customer, region, cents, quantity, note.text(), note.words()));
        }
        return orders;
    }

    /** A few words from the vocabulary, with random capitals and punctuation between them. */
    static Text text(Random random, int minWords, int maxWords) {
        int n = minWords + random.nextInt(maxWords - minWords + 1);
        StringBuilder text = new StringBuilder();
        List<String> words = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String word = VOCABULARY.get(random.nextInt(VOCABULARY.size()));
            words.add(word);
            if (i > 0) {
                text.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            }
            text.append(random.nextInt(4) == 0 ? word.toUpperCase(Locale.ROOT)
                    : random.nextBoolean() ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        if (random.nextBoolean()) {
            text.append('.');
        }
        return new Text(text.toString(), List.copyOf(words));
    }

    /** {@code count} texts keyed 1..count, in key order. */
    static Map<Integer, Text> texts(int count, long seed) {
        Random random = new Random(seed);
        Map<Integer, Text> texts = new LinkedHashMap<>();
        for (int key = 1; key <= count; key++) {
            texts.put(key, text(random, 2, 8));
        }
        return texts;
    }

    /** Loads orders as binary objects keyed by id. */
    static void loadOrders(Ignite ignite, String cache, List<Order> orders) {
        try (IgniteDataStreamer<Long, Object> streamer = ignite.dataStreamer(cache)) {
            // a streamer that may not overwrite can lose keys whose partition moves while it loads
            streamer.allowOverwrite(true);
            streamer.keepBinary(true);
            for (Order order : orders) {
                streamer.addData(order.id(), order.toBinary(ignite.binary()));
            }
        }
    }

    /** Loads texts as plain {@code String} values. */
    static void loadTexts(Ignite ignite, String cache, Map<Integer, Text> texts) {
        try (IgniteDataStreamer<Integer, String> streamer = ignite.dataStreamer(cache)) {
            streamer.allowOverwrite(true);
            texts.forEach((key, text) -> streamer.addData(key, text.text()));
        }
    }
}
