package io.affinitygrid.node.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.json.JsonParserFactory;

/** A grid node's HTTP side, as an operator or Prometheus sees it: Actuator health and the Prometheus scrape. */
final class NodeHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String base;

    NodeHttp(String host, int port) {
        this.base = "http://" + host + ":" + port;
    }

    /** {@code GET /actuator/health}: its HTTP status and its parsed JSON body. */
    Health health() {
        HttpResponse<String> response = get("/actuator/health");
        return new Health(response.statusCode(), JsonParserFactory.getJsonParser().parseMap(response.body()));
    }

    /** {@code GET /actuator/info}, parsed. */
    Map<String, Object> info() {
        return JsonParserFactory.getJsonParser().parseMap(get("/actuator/info").body());
    }

    /** {@code GET /actuator/prometheus}, parsed into its samples. */
    Scrape scrape() {
        HttpResponse<String> response = get("/actuator/prometheus");
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + base + "/actuator/prometheus answered " + response.statusCode() + ": " + response.body());
        }
        return Scrape.parse(response.body());
    }

    private HttpResponse<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException e) {
            throw new UncheckedIOException("GET " + base + path + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The answer of the health endpoint. */
    record Health(int httpStatus, Map<String, Object> body) {

        String status() {
            return (String) body.get("status");
        }

        /** The {@code grid} component: its status and details. */
        @SuppressWarnings("unchecked")
        Map<String, Object> grid() {
            Map<String, Object> components = (Map<String, Object>) body.get("components");
            return components == null ? Map.of() : (Map<String, Object>) components.get("grid");
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> gridDetails() {
            Map<String, Object> details = (Map<String, Object>) grid().get("details");
            return details == null ? Map.of() : details;
        }

        int topologySize() {
            Object size = gridDetails().get("topologySize");
            return size == null ? -1 : ((Number) size).intValue();
        }
    }

    /** The samples of one Prometheus scrape, by series ({@code name{label="value",...}}). */
    record Scrape(String text, Map<String, Double> samples) {

        static Scrape parse(String text) {
            Map<String, Double> samples = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher m = SAMPLE.matcher(line.trim());
                if (m.matches()) {
                    samples.put(m.group(1) + (m.group(3) == null ? "" : "{" + m.group(3) + "}"), Double.valueOf(m.group(4)));
                }
            }
            return new Scrape(text, samples);
        }

        /**
         * The sum of the samples of metric {@code name} whose labels include the given ones; {@code NaN} when
         * there is none.
         *
         * @param labels label names and values, alternating
         */
        double sum(String name, String... labels) {
            double sum = 0;
            boolean found = false;
            for (Map.Entry<String, Double> sample : samples.entrySet()) {
                if (matches(sample.getKey(), name, labels)) {
                    sum += sample.getValue();
                    found = true;
                }
            }
            return found ? sum : Double.NaN;
        }

        /** Whether some sample of metric {@code name} has the given labels. */
        boolean has(String name, String... labels) {
            return samples.keySet().stream().anyMatch(series -> matches(series, name, labels));
        }

        private static boolean matches(String series, String name, String... labels) {
            int brace = series.indexOf('{');
            String seriesName = brace < 0 ? series : series.substring(0, brace);
            if (!seriesName.equals(name)) {
                return false;
            }
            Map<String, String> seriesLabels = new LinkedHashMap<>();
            if (brace >= 0) {
                Matcher m = LABEL.matcher(series.substring(brace));
                while (m.find()) {
                    seriesLabels.put(m.group(1), m.group(2));
                }
            }
            for (int i = 0; i + 1 < labels.length; i += 2) {
                if (!labels[i + 1].equals(seriesLabels.get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }
    }
}
