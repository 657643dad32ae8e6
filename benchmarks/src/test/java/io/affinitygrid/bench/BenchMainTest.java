package io.affinitygrid.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test: every scenario runs at a tiny size and the table comes out. Measures nothing; the benchmark itself
 * runs only from its jar (see the README).
 */
class BenchMainTest {

    @Test
    void everyScenarioProducesItsRowsInTheTableAndTheFiles(@TempDir Path out) throws Exception {
        BenchOptions options = BenchOptions.parse("--entries", "2000", "--runs", "1", "--warmup", "0", "--ops", "200",
                "--partitions", "32", "--jmh-forks", "0", "--jmh-time-ms", "20", "--mode", "jvm", "--out", out.toString());

        Table table = BenchMain.run(options);

        assertThat(table.rows()).allSatisfy(r -> assertThat(r.note()).doesNotStartWith("FAILED"));
        assertThat(table.rows()).extracting(Row::scenario).containsOnly("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(table.rows()).filteredOn(r -> r.scenario().equals("a")).hasSize(8);
        assertThat(table.rows()).filteredOn(r -> r.scenario().equals("d")).hasSize(6)
                .allSatisfy(r -> assertThat(r.subjectStats().median()).isPositive());
        assertThat(table.rows()).filteredOn(r -> r.scenario().equals("g")).hasSize(2)
                .allSatisfy(r -> assertThat(r.subjectStats().median()).as("burst computations/s").isPositive());
        assertThat(table.rows()).filteredOn(r -> r.scenario().equals("h")).singleElement()
                .satisfies(r -> assertThat(r.subjectStats().median()).as("one-shot shell command, ms").isPositive())
                .satisfies(r -> assertThat(r.met()).isIn("yes", "no"));
        assertThat(table.rows()).filteredOn(r -> r.scenario().equals("f")).extracting(Row::subject)
                .containsExactly("2 nodes", "3 nodes");
        assertThat(table.rows()).filteredOn(r -> !r.scenario().equals("d"))
                .allSatisfy(r -> assertThat(r.ratio()).isPositive().isFinite());

        String markdown = Files.readString(out.resolve("latest.md"));
        assertThat(markdown).contains("| a | sum(amount) over 2,000 entries: time, ms | co-located |", "| met? | load |",
                "Command: `bin/grid-bench --mode jvm");
        List<String> csv = Files.readAllLines(out.resolve("latest.csv"));
        assertThat(csv).hasSize(table.rows().size() + 1);
        assertThat(csv.get(0)).startsWith("scenario,measure,subject,subject_median");
    }

    @Test
    void optionsAreCheckedAndNamed() {
        assertThat(BenchOptions.defaults().entries()).isEqualTo(1_000_000);
        assertThat(BenchOptions.parse("--scenarios", "a, D").scenarios()).containsExactlyInAnyOrder("a", "d");
        assertThatThrownBy(() -> BenchOptions.parse("--entries", "lots")).hasMessageContaining("--entries");
        assertThatThrownBy(() -> BenchOptions.parse("--scenarios", "z")).hasMessageContaining("a,b,c,d,e,f,g,h");
        assertThatThrownBy(() -> BenchOptions.parse("--nodes", "3")).hasMessageContaining("Unknown option --nodes");
        assertThat(BenchOptions.defaults().processes()).isTrue();
        assertThatThrownBy(() -> BenchOptions.parse("--mode", "cloud")).hasMessageContaining("--mode");
    }

    @Test
    void statsAreMedianAndRange() {
        assertThat(Stats.of(3, 1, 2)).isEqualTo(new Stats(2, 1, 3, 3));
        assertThat(Stats.of(4, 1, 2, 3).median()).isEqualTo(2.5);
        assertThat(Target.atLeast(20).met(21)).isTrue();
        assertThat(Target.atMost(1.05).met(1.06)).isFalse();
        assertThat(Target.atLeast(0.5)).hasToString("≥ 0.5×");
        assertThat(Target.subjectAtMost(3000)).hasToString("grid side ≤ 3000");
        Row shell = Row.baselineOverSubject("h", "ms", "fast", Stats.of(3100), "plain", Stats.of(6200), Target.subjectAtMost(3000), "");
        assertThat(shell.ratio()).isEqualTo(2.0);
        assertThat(shell.met()).as("2× faster, yet over the 3 s budget").isEqualTo("no");
    }
}
