package io.affinitygrid.node.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.affinitygrid.node.GridNodeSettings;
import io.affinitygrid.node.boot.GridProperties;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * {@code docker-compose.yml} against the node's configuration, without Docker: every node service's environment
 * binds, on top of {@code config/grid-node.yml}, to real {@code grid.*} properties that make valid settings;
 * the nodes find each other by service name; the shell and the published ports point at what the nodes
 * listen on; the image runs with {@code config/jvm.options}.
 */
class ComposeFileTest {

    private static final String NODE_DOCKERFILE = "docker/grid-node.Dockerfile";
    /** Variables the images' entry points read themselves, not properties. */
    private static final Set<String> LAUNCHER_VARIABLES = Set.of("GRID_JAVA_OPTS");

    private static Path root;
    private static Map<String, Object> services;
    private static Map<String, Map<String, Object>> nodes;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = Repository.root();
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            services = map(compose.get("services"));
        }
        nodes = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            Object build = map(service).get("build");
            if (build instanceof Map<?, ?> b && NODE_DOCKERFILE.equals(b.get("dockerfile"))) {
                nodes.put(name, map(service));
            }
        });
    }

    @Test
    void threeNodeServicesFromOneImage() {
        assertThat(nodes).containsOnlyKeys("node-1", "node-2", "node-3");
        assertThat(nodes.values()).extracting(node -> node.get("image")).containsOnly("affinity-grid/grid-node:latest");
    }

    @Test
    void everyGridVariableOfANodeBindsToAPropertyAndMakesValidSettings() {
        Set<String> names = new TreeSet<>();
        nodes.forEach((service, node) -> {
            Map<String, String> environment = environment(node);
            assertThat(environment).as("environment of %s", service).isNotEmpty();
            GridNodeSettings settings = settings(environment);
            assertThat(settings.nodeName()).as("node name of %s", service).isEqualTo(service);
            names.add(settings.nodeName());
            assertThat(settings.localAddress()).as("%s advertises its service name", service).isEqualTo(service);
            assertThat(settings.caches()).as("caches of %s, from config/grid-node.yml", service).isNotEmpty();
        });
        assertThat(names).as("node names are unique").hasSize(nodes.size());
    }

    @Test
    void aVariableThatBindsToNoPropertyIsCaught() {
        // The check above is not vacuous: a misspelt name and a lone list element are both reported.
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> settings(Map.of("GRID_NODENAME", "node-1", "GRID_CLIENT_PROT", "10801")))
                .havingRootCause().isInstanceOf(UnboundConfigurationPropertiesException.class)
                .withMessageContaining("grid.client.prot");
    }

    @Test
    void everyNodeListsEveryNodeForDiscovery() {
        nodes.forEach((service, node) -> {
            GridNodeSettings settings = settings(environment(node));
            Set<String> listed = new TreeSet<>();
            for (String address : settings.discoveryAddresses()) {
                String[] hostAndPort = address.split(":", 2);
                listed.add(hostAndPort[0]);
                String peer = hostAndPort[0];
                assertThat(nodes).as("%s lists %s, not a node service", service, address).containsKey(peer);
                int peerPort = settings(environment(nodes.get(peer))).discoveryPort();
                assertThat(hostAndPort).as("%s lists %s at its discovery port", service, peer).hasSize(2);
                assertThat(hostAndPort[1]).as("%s lists %s at its discovery port", service, peer).isEqualTo(String.valueOf(peerPort));
            }
            assertThat(listed).as("discovery addresses of %s", service).isEqualTo(nodes.keySet());
        });
    }

    @Test
    void publishedPortsReachEachNodesClientAndHttpPorts() {
        Set<String> hostPorts = new TreeSet<>();
        nodes.forEach((service, node) -> {
            Map<String, String> environment = environment(node);
            int clientPort = settings(environment).clientPort();
            int httpPort = binder(environment).bind("server.port", Integer.class).get();
            Map<Integer, String> published = new LinkedHashMap<>();
            for (Object port : (List<?>) node.get("ports")) {
                // [host-address:]host-port:container-port
                String[] parts = port.toString().split(":");
                published.put(Integer.valueOf(parts[parts.length - 1]), parts[parts.length - 2]);
                assertThat(hostPorts.add(parts[parts.length - 2])).as("host port %s published once", port).isTrue();
            }
            assertThat(published).as("ports of %s", service).containsOnlyKeys(clientPort, httpPort);
            assertThat(node.get("healthcheck").toString()).as("health check of %s", service)
                    .contains("http://localhost:" + httpPort + "/actuator/health");
        });
    }

    @Test
    void theShellIsOptionalAndConnectsToEveryNode() {
        Map<String, Object> shell = map(services.get("shell"));
        assertThat(shell.get("profiles")).isEqualTo(List.of("shell"));
        List<String> expected = new ArrayList<>();
        nodes.forEach((service, node) -> expected.add(service + ":" + settings(environment(node)).clientPort()));
        assertThat(environment(shell).get("GRID_ADDRESSES").split(",")).containsExactlyElementsOf(expected);
        assertThat(map(shell.get("depends_on"))).containsOnlyKeys(nodes.keySet());
    }

    @Test
    void theImagesRunFromAppWithTheSharedJvmOptionsAndHaveWhatTheHealthCheckRuns() throws IOException {
        for (String file : List.of(NODE_DOCKERFILE, "docker/shell.Dockerfile")) {
            assertThat(Files.readString(root.resolve(file))).as(file)
                    .contains("WORKDIR /app").containsPattern("COPY config/jvm.options config/\\S+\\.yml /app/config/")
                    .contains("java @/app/config/jvm.options").doesNotContain("--add-opens")
                    .as("%s copies no key stores", file).doesNotContain("COPY config/ ");
        }
        for (String file : List.of(NODE_DOCKERFILE, "docker/shell.Dockerfile")) {
            assertThat(Files.readString(root.resolve(file))).as("%s builds its jar from the sources (multi-stage)", file)
                    .containsPattern("FROM maven:\\S+ AS build").contains("RUN mvn ").contains("COPY --from=build ")
                    .doesNotContain("COPY grid-node/target").doesNotContain("COPY shell/target");
        }
        assertThat(Files.readAllLines(root.resolve(".dockerignore"))).as("one .dockerignore at the root")
                .contains("**/target", ".git");
        String nodeDockerfile = Files.readString(root.resolve(NODE_DOCKERFILE));
        nodes.forEach((service, node) -> {
            List<?> test = (List<?>) map(node.get("healthcheck")).get("test");
            assertThat(test.get(0)).as("health check of %s runs a command", service).isEqualTo("CMD");
            assertThat(nodeDockerfile).as("the image installs %s", test.get(1)).containsPattern("install .*\\b" + test.get(1) + "\\b");
        });
    }

    /** The node settings a service's environment makes, on top of config/grid-node.yml, as Spring Boot binds them. */
    private static GridNodeSettings settings(Map<String, String> environment) {
        for (String name : environment.keySet()) {
            assertThat(name).as("variable %s", name).startsWith("GRID_");
        }
        Map<String, String> properties = new LinkedHashMap<>(environment);
        properties.keySet().removeAll(LAUNCHER_VARIABLES);
        BindHandler everyElementBound = new NoUnboundElementsBindHandler(BindHandler.DEFAULT);
        GridProperties bound = binder(properties).bind("grid", Bindable.of(GridProperties.class), everyElementBound).get();
        return bound.toSettings();
    }

    /** Environment variables first, then config/grid-node.yml, then the application's defaults: Spring Boot's order. */
    private static Binder binder(Map<String, String> environment) {
        List<PropertySource<?>> sources = new ArrayList<>();
        // Spring Boot maps GRID_X_Y to grid.x.y only for a source of this name.
        sources.add(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new LinkedHashMap<>(environment)));
        sources.addAll(yaml(root.resolve("config/grid-node.yml")));
        sources.addAll(yaml(root.resolve("grid-node/src/main/resources/grid-node.yml")));
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }

    private static List<PropertySource<?>> yaml(Path file) {
        try {
            return new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service's environment, given as a map or as a list of NAME=value. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object environment = service.get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> m) {
            m.forEach((k, v) -> variables.put(k.toString(), v == null ? "" : v.toString()));
        }
        else if (environment instanceof List<?> l) {
            for (Object entry : l) {
                String[] nameAndValue = entry.toString().split("=", 2);
                variables.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
            }
        }
        return variables;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }
}
