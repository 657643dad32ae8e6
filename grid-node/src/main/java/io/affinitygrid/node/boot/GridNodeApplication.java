package io.affinitygrid.node.boot;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The grid node application: one Ignite server node configured by {@code grid.*} properties, read from
 * {@code grid-node.yml} (on the classpath, in {@code ./config/} and in the working directory) and from
 * environment variables such as {@code GRID_DISCOVERY_ADDRESSES}. Runs until stopped; Ignite's threads keep
 * the JVM alive after {@code main} returns.
 */
@SpringBootApplication
public class GridNodeApplication {

    /** Name of the node's configuration files, so that the node never reads another application's. */
    static final String CONFIG_NAME = "grid-node";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The application, reading {@code grid-node.yml} unless {@code spring.config.name} says otherwise. */
    static SpringApplication application() {
        SpringApplication application = new SpringApplication(GridNodeApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        return application;
    }
}
