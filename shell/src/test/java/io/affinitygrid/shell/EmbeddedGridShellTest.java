package io.affinitygrid.shell;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.shell.test.autoconfigure.ShellTest;

/**
 * A test of the shell on its embedded grid (one node in the test JVM, on free ports, with
 * {@value #SAMPLE_ORDERS} sample orders and {@value #SAMPLE_LINES} lines of text), asked for as with
 * {@code --embedded}, so that one-shot runs have a target. Every class with this
 * annotation shares one Spring context, hence one grid: tests that write must leave the data as they found it
 * (or only add orders with the standard generator).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ShellTest
@SpringBootTest(properties = {
        "spring.config.name=" + GridShellApplication.CONFIG_NAME,
        "spring.shell.interactive.enabled=false",
        "spring.shell.history.enabled=false",
        "grid.embedded.enabled=true",
        "grid.embedded.sample-orders=" + EmbeddedGridShellTest.SAMPLE_ORDERS,
        "grid.embedded.sample-lines=" + EmbeddedGridShellTest.SAMPLE_LINES,
        "grid.embedded.data-region-size=128MB" })
public @interface EmbeddedGridShellTest {

    int SAMPLE_ORDERS = 1000;

    int SAMPLE_LINES = 300;
}
