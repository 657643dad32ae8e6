package io.affinitygrid.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.affinitygrid.compute.KeyContext;
import io.affinitygrid.compute.KeyJob;
import io.affinitygrid.shell.Completions;
import io.affinitygrid.shell.EmbeddedGridShellTest;
import io.affinitygrid.shell.ShellRun;
import io.affinitygrid.shell.TableOutput;
import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.output.ShellErrors;
import io.affinitygrid.shell.sample.SampleData;
import io.affinitygrid.shell.sample.SampleOrder;
import io.affinitygrid.testing.TaskJars;
import org.apache.ignite.Ignite;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * Data in and out on the embedded grid, as a user types it, with exit codes: {@code put}/{@code get} with typed keys
 * and values, {@code import} and {@code export}, {@code --format} on the data commands, and {@code compute key}.
 * The tests write only keys from {@value #FIRST_KEY} on, and remove them again.
 */
@EmbeddedGridShellTest
class DataCommandsTest {

    static final long FIRST_KEY = 50_001;

    static final String NO_MAP = "Error: No map named 'nosuch' on the grid. Maps on the grid: [orders, words].";

    @Autowired
    ApplicationContext context;

    @Autowired
    GridConnection connection;

    @Autowired
    CommandRegistry registry;

    @TempDir
    Path dir;

    @AfterEach
    void removeTestEntries() {
        connection.grid().records("orders", Object.class).removeAll(LongStream.range(FIRST_KEY, FIRST_KEY + 20).boxed().map(k -> (Object) k).toList());
    }

    @Test
    void putAndGetWithTypedKeysAndValues() {
        assertThat(run("put --map words --key-type int --key 50001 --value seven").lines()).containsExactly("Stored key 50001 in 'words'");
        assertThat(run("get --map words --key 50001").lines()).as("a Long key is another key").containsExactly("No value for key 50001 in 'words'");
        assertThat(run("get --map words --key-type int --key 50001").lines()).containsExactly("seven");
        assertThat(run("remove --map words --key-type int --key 50001").lines()).containsExactly("Removed key 50001 from 'words'");

        String uuid = "123e4567-e89b-12d3-a456-426614174000";
        assertThat(run("put --map words --key-type uuid --key " + uuid + " --value-type double --value 2.5").code()).isZero();
        assertThat(json(run("get --map words --key-type uuid --key " + uuid + " --json")).read("$.value", Double.class)).isEqualTo(2.5);
        assertThat(run("get --map words --key " + uuid).lines()).as("text is another key").singleElement().asString().startsWith("No value");
        assertThat(run("remove --map words --key-type uuid --key " + uuid).code()).isZero();

        ShellRun put = run("put --map orders --key 50001 --value-type json --value {\"id\":50001,\"region\":\"north\",\"amount\":12.5,\"address\":{\"city\":\"Oslo\"}}");
        assertThat(put.code()).isZero();
        assertThat(put.lines()).containsExactly("Stored key 50001 in 'orders'");

        DocumentContext got = json(run("get --map orders --key 50001 --format json"));
        assertThat(got.read("$.value.region", String.class)).isEqualTo("north");
        assertThat(got.read("$.value.amount", Double.class)).isEqualTo(12.5);
        assertThat(got.read("$.value.address.city", String.class)).isEqualTo("Oslo");
        Map<String, String> row = TableOutput.rows(run("get --map orders --key 50001").lines(), "_key").get(0);
        assertThat(row).containsEntry("_key", "50001").containsEntry("region", "north").containsEntry("amount", "12.5")
                .containsEntry("address", "{\"city\":\"Oslo\"}");
        assertThat(run("get --map orders --key 50001 --format csv").lines())
                .containsExactly("_key,id,region,amount,address", "50001,50001,north,12.5,\"{\"\"city\"\":\"\"Oslo\"\"}\"");

        // JSON with spaces is quoted whole, its own quotes escaped (as the one-shot command line passes it)
        assertThat(run("put --map orders --key 50003 --value-type json --value \"{\\\"id\\\": 50003, \\\"region\\\": \\\"west\\\"}\"").code()).isZero();
        assertThat(json(run("get --map orders --key 50003 --json")).read("$.value.region", String.class)).isEqualTo("west");

        // the JSON object is stored with fields: the computations read them
        assertThat(json(run("compute sum --map orders --field amount --where \"id >= 50001\" --json")).read("$.sum", Double.class)).isEqualTo(12.5);

        // a sample order, stored as an object of the shell's class, reads the same way
        SampleOrder five = SampleData.standard().order(5);
        assertThat(json(run("get --map orders --key 5 --json")).read("$.value.customer", String.class)).isEqualTo(five.customer());
    }

    @Test
    void badKeysAndValuesAreRefusedWithExitCode1() {
        assertFails(run("get --map orders --key-type long --key abc"), "Error: the key 'abc' is not a long (a whole number)");
        assertFails(run("get --map orders --key-type uuid --key 42"), "Error: the key '42' is not a UUID (e.g. 123e4567-e89b-12d3-a456-426614174000)");
        assertFails(run("get --map orders --key-type date --key 42"), "Error: --key-type must be long, int, string or uuid, got 'date'");
        assertFails(run("put --map orders --key 50002 --value-type json --value {\"id\":50002,"),
                "Error: --value is not valid JSON (column 13): Unexpected end-of-input within/between Object entries. Write JSON"
                        + " without spaces between its parts, e.g. --value {\"id\":1,\"region\":\"north\"}");
        assertFails(run("put --map orders --key 50002 --value-type long --value 1.5"), "Error: --value must be a whole number with --value-type long, got '1.5'");
        assertFails(run("put --map orders --key 50002 --value-type xml --value 1"), "Error: --value-type must be string, long, double or json, got 'xml'");
        assertFails(run("get --map nosuch --key 1"), NO_MAP);
        assertFails(run("get --map orders --key 5 --format xml"), "Error: --format must be table, json or csv, got 'xml'");
        assertFails(run("get --map orders --key 5 --json --format csv"), "Error: --json means --format json; it cannot go with --format csv");
        assertThat(run("get --map orders --key 50002").lines()).containsExactly("No value for key 50002 in 'orders'");
    }

    @Test
    void importACsvReportsTheRejectedLinesAndWritesTheOthers() throws Exception {
        Path csv = dir.resolve("orders.csv");
        Files.writeString(csv, """
                id,customer,region,amount,quantity
                50001,ada,north,10.5,2
                50002,bob,south,20.25,3
                oops,carl,east,1.0,1
                50004,dan,west,lots,1
                50005,eve,north
                ,frank,north,1.5,1
                50007,gus,east,7,1
                """);
        ShellRun imported = run("import --file " + csv + " --map orders --key-type long --type-name ImportedOrder");
        assertThat(imported.code()).isEqualTo(ShellErrors.FAILED_CODE);
        assertThat(imported.lines().stream().filter(line -> !line.startsWith("["))).containsExactly(
                "Line 4: the key 'oops' is not a long (a whole number)",
                "Line 5: Field 'amount' of type 'ImportedOrder' holds double values; the text 'lots' does not fit it",
                "Line 6: 3 values, but the header has 5 columns",
                "Line 7: no value for the key field 'id'",
                "Error: 4 of 7 lines were rejected; the other 3 entries were written to 'orders'");

        DocumentContext sum = json(run("compute sum --map orders --field amount --where \"id >= 50001\" --json"));
        assertThat(sum.read("$.count", Long.class)).isEqualTo(3);
        assertThat(new BigDecimal(sum.read("$.sum").toString())).isEqualByComparingTo("37.75");
        Map<String, String> gus = TableOutput.rows(run("get --map orders --key 50007").lines(), "_key").get(0);
        assertThat(gus).containsEntry("customer", "gus").containsEntry("amount", "7.0").containsEntry("quantity", "1");

        // a new type whose column starts with a whole number and has a fraction later: the column is of doubles
        Path good = dir.resolve("good.csv");
        Files.writeString(good, "id,customer,amount\n50010,hal,1\n50011,ian,1.25\n");
        ShellRun clean = run("import --file " + good + " --map orders --type-name FreshOrder");
        assertThat(clean.code()).isZero();
        assertThat(clean.lines()).last().asString().startsWith("Imported 2 entries into 'orders' from " + good + " in ");
        assertThat(json(run("get --map orders --key 50010 --json")).read("$.value.amount", Double.class)).isEqualTo(1.0);
    }

    @Test
    void importJsonLinesAndBadFiles() throws Exception {
        Path jsonl = dir.resolve("orders.jsonl");
        Files.writeString(jsonl, """
                {"id": 50001, "customer": "ada", "amount": 3.5, "tags": ["a", "b"]}

                {"id": 50002, "customer": "bob",
                [1, 2]
                {"id": 50004, "customer": "dan", "amount": 1.5}
                """);
        ShellRun imported = run("import --file " + jsonl + " --map orders --type-name ImportedOrder --json");
        assertThat(imported.code()).isEqualTo(ShellErrors.FAILED_CODE);
        DocumentContext result = json(imported.lines().get(0));
        assertThat(result.read("$.written", Long.class)).isEqualTo(2);
        assertThat(result.<List<Integer>>read("$.rejected[*].line")).containsExactly(3, 4);
        assertThat(result.read("$.rejected[0].reason", String.class)).startsWith("not valid JSON (column ");
        assertThat(result.read("$.rejected[1].reason", String.class)).isEqualTo("not a JSON object but an array");
        assertThat(imported.lines().get(1)).isEqualTo("Error: 2 of 4 lines were rejected; the other 2 entries were written to 'orders'");
        assertThat(json(run("get --map orders --key 50001 --json")).<List<String>>read("$.value.tags")).containsExactly("a", "b");

        assertFails(run("import --file " + dir.resolve("none.csv") + " --map orders"), "Error: Cannot read '" + dir.resolve("none.csv") + "': no such file");
        assertFails(run("import --file " + dir + " --map orders"), "Error: Cannot read '" + dir + "': it is a directory; give a .csv or .jsonl file");
        Path text = Files.writeString(dir.resolve("orders.txt"), "id\n1\n");
        assertFails(run("import --file " + text + " --map orders"),
                "Error: Cannot tell the format of '" + text + "': name it .csv or .jsonl, or give --format csv|json");
        assertFails(run("import --file " + jsonl + " --map nosuch"), NO_MAP);
        assertThat(run("import --file " + jsonl + " --map orders --format table").lines())
                .containsExactly("Error: --format must be csv or json (JSON lines) for a file, got 'table'");
    }

    @Test
    void exportWritesEveryEntryWithItsKeyAndImportReadsItBack() throws Exception {
        run("put --map orders --key 50001 --value-type json --type-name ImportedOrder --value {\"id\":50001,\"customer\":\"ada\",\"amount\":1.5}");
        run("put --map orders --key 50002 --value-type json --type-name ImportedOrder --value {\"id\":50002,\"customer\":\"bob\",\"amount\":2.5}");
        // the bookkeeping of a bulk update stays out of exports, scans and get
        assertThat(run("compute update --map orders --field amount --factor 2 --where \"id = 50002\" --yes").code()).isZero();

        Path csv = dir.resolve("all.csv");
        ShellRun all = run("export --map orders --file " + csv + " --json");
        assertThat(all.code()).isZero();
        long size = connection.grid().map("orders", Object.class, Object.class).size();
        assertThat(json(all).read("$.written", Long.class)).isEqualTo(size);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize((int) size + 1);
        assertThat(lines.get(0)).startsWith("_key,").contains("amount").doesNotContain("_lastUpdate");
        assertThat(lines).anyMatch(line -> line.startsWith("50002,") && line.contains(",bob,") && line.contains(",5.0"));

        Path jsonl = dir.resolve("some.jsonl");
        ShellRun some = run("export --map orders --file " + jsonl + " --where \"id >= 50001\"");
        assertThat(some.lines()).last().asString().startsWith("Exported 2 entries of 'orders' to " + jsonl + ", where id >= 50001 in ");
        ShellRun compound = run("export --map orders --file " + dir.resolve("bob.csv") + " --where \"id >= 50001 and customer in (bob, carl)\"");
        assertThat(compound.lines()).last().asString().startsWith("Exported 1 entry of 'orders'");
        assertThat(Files.readAllLines(dir.resolve("bob.csv"))).hasSize(2).last().asString().startsWith("50002,");
        assertThat(Files.readString(jsonl)).as("every JSON line ends with a newline, the last one too").endsWith("}\n");
        List<String> exported = Files.readAllLines(jsonl);
        assertThat(exported).hasSize(2).allMatch(line -> line.startsWith("{\"_key\":5000")).noneMatch(line -> line.contains("_lastUpdate"));
        assertThat(json(run("scan --map orders --where \"id = 50002\" --json")).<Map<String, Object>>read("$.entries[0].fields"))
                .doesNotContainKey("_lastUpdate").extractingByKey("amount").satisfies(a -> assertThat(((Number) a).doubleValue()).isEqualTo(5.0));
        assertThat(json(run("get --map orders --key 50002 --json")).<Map<String, Object>>read("$.value")).doesNotContainKey("_lastUpdate");

        ShellRun limited = run("export --map orders --file " + dir.resolve("one.csv") + " --limit 1");
        assertThat(limited.lines()).last().asString().startsWith("Exported 1 entry of 'orders'");
        assertThat(Files.readAllLines(dir.resolve("one.csv"))).hasSize(2);

        removeTestEntries();
        ShellRun back = run("import --file " + jsonl + " --map orders --type-name ImportedOrder");
        assertThat(back.code()).isZero();
        assertThat(TableOutput.rows(run("get --map orders --key 50001").lines(), "_key").get(0)).containsEntry("customer", "ada");

        assertFails(run("export --map nosuch --file " + csv), NO_MAP);
        assertFails(run("export --map orders --file " + dir.resolve("no/such/dir/x.csv")),
                "Error: Cannot write '" + dir.resolve("no/such/dir/x.csv") + "': its directory does not exist");
        assertThat(run("export --map orders --file " + csv + " --where \"amout > 1\"").lines()).singleElement().asString()
                .startsWith("Error: No entry of 'orders' has a field 'amout'; its fields: ");
        assertFails(run("export --map orders --file " + csv + " --where \"amount >> 1\""), null);
        assertThat(run("export --map orders --file " + csv + " --where \"amount > 1 or amout < 1\"").lines()).singleElement().asString()
                .startsWith("Error: No entry of 'orders' has a field 'amout'");
    }

    /** Ctrl-C interrupts the command's thread. */
    @Test
    void anInterruptedImportSaysHowManyEntriesWereWritten() throws Exception {
        long first = 60_001;
        long last = 160_000;
        StringBuilder text = new StringBuilder("id,amount\n");
        for (long id = first; id <= last; id++) {
            text.append(id).append(',').append(id % 1000).append(".5\n");
        }
        Path csv = Files.writeString(dir.resolve("big.csv"), text);
        java.util.concurrent.atomic.AtomicReference<ShellRun> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread importing = new Thread(() -> result.set(run("import --file " + csv + " --map orders --type-name BigOrder")));
        var orders = connection.grid().records("orders", Object.class);
        try {
            importing.start();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!orders.containsKey(first) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            importing.interrupt();
            importing.join(60_000);

            ShellRun run = result.get();
            assertThat(run.code()).isEqualTo(ShellErrors.FAILED_CODE);
            assertThat(run.lines()).last().asString().matches("Error: Import interrupted: [\\d,]+ entries were written from '" + java.util.regex.Pattern.quote(csv.toString())
                    + "' to 'orders'; the batch being written when it was interrupted may be partly written too\\.");
        }
        finally {
            importing.join(60_000);
            for (long from = first; from <= last; from += 10_000) {
                orders.removeAll(LongStream.range(from, Math.min(from + 10_000, last + 1)).boxed().map(k -> (Object) k).toList());
            }
        }
    }

    @Test
    void everyDataCommandPrintsCsv() {
        assertThat(run("maps --format csv").lines()).first().isEqualTo("name,mode,backups,partitions,size");
        assertThat(run("maps --format csv").lines()).anyMatch(line -> line.startsWith("orders,PARTITIONED,1,1024,"));
        List<String> count = run("compute count --map orders --where \"id <= 10\" --format csv").lines();
        assertThat(count).hasSize(2);
        assertThat(count.get(0)).isEqualTo("count,elapsed ms");
        assertThat(count.get(1)).startsWith("10,");
        List<String> scan = run("scan --map orders --limit 2 --format csv").lines();
        assertThat(scan.get(0)).isEqualTo("key,id,amount,customer,quantity,region");
        assertThat(scan).hasSize(3);
        assertThat(scan.get(1)).startsWith("1,1,");
        assertThat(run("compute top --map orders --field amount --limit 1 --format json").lines()).singleElement().asString()
                .startsWith("{\"operation\":\"top\"");
        assertFails(run("compute count --map orders --format yaml"), "Error: --format must be table, json or csv, got 'yaml'");
        assertThat(Completions.complete(registry, "get --map orders --key 5 --format ")).containsExactly("table", "json", "csv");
        assertThat(Completions.complete(registry, "get --map orders --key 5 --key-type ")).containsExactly("long", "int", "string", "uuid");
        assertThat(Completions.complete(registry, "put --map orders --key 5 --value-type j")).containsExactly("json");
    }

    @Test
    void computeKeyRunsAJobOnTheKeysPrimaryAndSaysWhere() throws Exception {
        SampleOrder five = SampleData.standard().order(5);
        Map<String, String> owner = TableOutput.rows(run("affinity --map orders --key 5").lines(), "map").get(0);
        ShellRun added = run("compute key --map orders --key 5 --job AddToFieldJob --arg amount:10");
        assertThat(added.code()).isZero();
        Map<String, String> row = TableOutput.rows(added.lines(), "result").get(0);
        assertThat(new BigDecimal(row.get("result"))).isEqualByComparingTo(BigDecimal.valueOf(five.amount()).add(BigDecimal.TEN));
        assertThat(row.get("partition")).isEqualTo(owner.get("partition"));
        assertThat(row.get("node")).isEqualTo(owner.get("primary"));
        DocumentContext back = json(run("compute key --map orders --key 5 --job io.affinitygrid.compute.AddToFieldJob --arg amount:-10 --json"));
        assertThat(back.read("$.result", Double.class)).isEqualTo(five.amount());
        assertThat(back.read("$.node", String.class)).isEqualTo(owner.get("primary"));

        assertFails(run("compute key --map orders --key 5 --job AddToFieldJob --arg amount"),
                "Error: AddToFieldJob takes --arg <field>:<number>, e.g. --arg amount:10; got 'amount'");
        assertFails(run("compute key --map orders --key 5 --job AddToFieldJob --arg amount:ten"),
                "Error: AddToFieldJob takes --arg <field>:<number>, e.g. --arg amount:10; 'ten' is not a number");
        assertFails(run("compute key --map nosuch --key 5 --job AddToFieldJob --arg amount:1"), NO_MAP);
        assertThat(run("compute key --map orders --key 5 --job com.example.Nope").lines()).singleElement().asString()
                .isEqualTo("Error: No key job class 'com.example.Nope' on the grid nodes' classpath or in a deployment. Deploy its jar (shell: deploy --name N --jar PATH).");
        assertThat(run("compute key --map orders --key 5").code()).isEqualTo(ShellErrors.USAGE_CODE);

        // a deployed key job runs the same way, and TAB completes it with the catalog's
        String job = "com.example.keys.EchoKeyJob";
        Path jar = dir.resolve("echo.jar");
        Files.write(jar, TaskJars.builder().against(KeyJob.class, KeyContext.class, Ignite.class).source(job, """
                package com.example.keys;
                import io.affinitygrid.compute.KeyContext;
                import io.affinitygrid.compute.KeyJob;
                public final class EchoKeyJob implements KeyJob<String> {
                    @Override public String run(KeyContext context) { return context.key() + ":" + context.argument(); }
                }
                """).build());
        assertThat(run("deploy --name echo-key --jar " + jar).code()).isZero();
        try {
            assertThat(Completions.complete(registry, "compute key --map orders --key 5 --job "))
                    .containsExactly("io.affinitygrid.compute.AddToFieldJob", job);
            assertThat(TableOutput.rows(run("compute key --map orders --key 5 --job " + job + " --arg hello").lines(), "result").get(0))
                    .containsEntry("result", "5:hello");
        }
        finally {
            run("undeploy --name echo-key");
        }
    }

    private static void assertFails(ShellRun run, String message) {
        assertThat(run.code()).as(String.join("\n", run.lines())).isEqualTo(ShellErrors.FAILED_CODE);
        if (message != null) {
            assertThat(run.lines()).containsExactly(message);
        }
    }

    private static DocumentContext json(ShellRun run) {
        assertThat(run.code()).as(String.join("\n", run.lines())).isZero();
        return json(run.lines().get(run.lines().size() - 1));
    }

    private static DocumentContext json(String line) {
        return JsonPath.parse(line);
    }

    private ShellRun run(String line) {
        return ShellRun.of(context, line);
    }
}
