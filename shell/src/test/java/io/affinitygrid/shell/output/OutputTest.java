package io.affinitygrid.shell.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.affinitygrid.compute.TaskProgress;
import io.affinitygrid.shell.sample.SampleOrder;

import org.junit.jupiter.api.Test;

/** The pieces of the shell's output: JSON, values and progress bars. */
class OutputTest {

    @Test
    void jsonOfPlainData() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("text", "say \"hi\"\n\ttab\u0001");
        object.put("exact", new BigDecimal("1234567890.120"));
        object.put("double", 0.1);
        object.put("whole", 42L);
        object.put("nothing", null);
        object.put("list", List.of(true, 1, "a"));
        object.put("nan", Double.NaN);
        assertThat(Json.write(object)).isEqualTo("{\"text\":\"say \\\"hi\\\"\\n\\ttab\\u0001\",\"exact\":1234567890.120,"
                + "\"double\":0.1,\"whole\":42,\"nothing\":null,\"list\":[true,1,\"a\"],\"nan\":\"NaN\"}");
    }

    @Test
    void objectsBecomeTheirFields() {
        SampleOrder order = new SampleOrder(7, "ada", "north", 12.5, 3);
        assertThat(Json.write(Values.plain(order)))
                .isEqualTo("{\"id\":7,\"customer\":\"ada\",\"region\":\"north\",\"amount\":12.5,\"quantity\":3}");
        assertThat(Values.cell(1.0E10)).isEqualTo("10000000000");
        assertThat(Values.cell(5.0)).isEqualTo("5.0");
        assertThat(Values.cell(null)).isEmpty();
        assertThat(Values.average(new BigDecimal("2.123456"))).isEqualTo("2.1235");
    }

    @Test
    void progressStepsForLogs() {
        StringWriter text = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(text), ProgressBar.Style.STEPS, "orders")) {
            for (long done = 100; done <= 1000; done += 100) {
                bar.update(done, 1000);
            }
            bar.update(1000, 1000);
        }
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(4)).isEqualTo("[###############...............]  50%  500 / 1,000 orders");
        assertThat(lines.get(9)).startsWith("[##############################] 100%");
    }

    @Test
    void aRedrawnBarOnlyForLongRunsAndErasedAtTheEnd() throws InterruptedException {
        StringWriter quick = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(quick), ProgressBar.Style.REDRAW, "partitions")) {
            bar.accept(new TaskProgress(1024, 1024));
        }
        assertThat(quick.toString()).isEmpty();

        StringWriter slow = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(slow), ProgressBar.Style.REDRAW, "partitions");
        Thread.sleep(ProgressBar.DELAY_MILLIS + 50);
        bar.accept(new TaskProgress(256, 1024));
        bar.accept(new TaskProgress(512, 1024));
        bar.close();
        bar.accept(new TaskProgress(1024, 1024));
        String drawn = slow.toString();
        assertThat(drawn).doesNotContain("\n").contains("\r[#######.......................]  25%  256 / 1,024 partitions")
                .contains("\r[###############...............]  50%  512 / 1,024 partitions").doesNotContain("100%");
        String[] frames = drawn.split("\r", -1);
        assertThat(frames[frames.length - 1]).isEmpty();
        assertThat(frames[frames.length - 2]).isBlank();
        assertThat(Arrays.stream(frames).filter(f -> !f.isBlank())).hasSize(2);
    }
}
