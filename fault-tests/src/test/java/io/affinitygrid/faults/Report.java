package io.affinitygrid.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The figures the fault tests measure (failover pause, rebalance time, throughput, latencies): printed, and
 * appended to {@code target/fault-tests/report.txt} so that a run leaves one file to read. Never asserted on:
 * machines are noisy.
 */
final class Report {

    private Report() {
    }

    static synchronized void line(String text) {
        String line = "[fault-tests] " + text;
        System.out.println(line);
        try {
            Files.writeString(Artifacts.runDirectory("").resolve("report.txt"),
                    LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_TIME) + " " + text + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        catch (IOException e) {
            System.out.println("[fault-tests] (cannot write report.txt: " + e.getMessage() + ")");
        }
    }
}
