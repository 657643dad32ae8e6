package io.affinitygrid.node;

import org.apache.ignite.IgniteLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes Ignite's logging to SLF4J, so that one logging configuration (Spring Boot's {@code logging.level.*})
 * governs the node. Ignite publishes no SLF4J adapter for 2.18, hence this one.
 */
final class Slf4jIgniteLogger implements IgniteLogger {

    private final Logger log;

    Slf4jIgniteLogger() {
        this(LoggerFactory.getLogger("org.apache.ignite"));
    }

    private Slf4jIgniteLogger(Logger log) {
        this.log = log;
    }

    @Override
    public IgniteLogger getLogger(Object category) {
        String name = category instanceof Class<?> c ? c.getName() : category == null ? "org.apache.ignite" : category.toString();
        return new Slf4jIgniteLogger(LoggerFactory.getLogger(name));
    }

    @Override
    public void trace(String msg) {
        log.trace(msg);
    }

    @Override
    public void debug(String msg) {
        log.debug(msg);
    }

    @Override
    public void info(String msg) {
        log.info(msg);
    }

    @Override
    public void warning(String msg, Throwable e) {
        log.warn(msg, e);
    }

    @Override
    public void error(String msg, Throwable e) {
        log.error(msg, e);
    }

    @Override
    public boolean isTraceEnabled() {
        return log.isTraceEnabled();
    }

    @Override
    public boolean isDebugEnabled() {
        return log.isDebugEnabled();
    }

    @Override
    public boolean isInfoEnabled() {
        return log.isInfoEnabled();
    }

    /** Not quiet: in quiet mode Ignite writes to standard output instead of the logger. */
    @Override
    public boolean isQuiet() {
        return false;
    }

    @Override
    public String fileName() {
        return null;
    }
}
