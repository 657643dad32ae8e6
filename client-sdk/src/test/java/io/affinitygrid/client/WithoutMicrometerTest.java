package io.affinitygrid.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Micrometer is an optional dependency of the SDK: an application without it on its classpath connects,
 * uses a near-cached map and closes. The SDK is loaded here in a class loader that has the test
 * classpath without Micrometer's jars, and driven by reflection.
 */
class WithoutMicrometerTest {

    @RegisterExtension
    static final SharedGridCluster CLUSTER = new SharedGridCluster();

    @Test
    void theSdkWorksWithoutMicrometerOnTheClasspath() throws Exception {
        String map = CLUSTER.createMap("no-micrometer");
        try (URLClassLoader loader = new URLClassLoader(classpathWithoutMicrometer(), ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> application = loader.loadClass(Application.class.getName());
            // Ignite finds some of its own classes through the context class loader
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            Object read;
            try {
                read = application.getMethod("run", List.class, String.class)
                        .invoke(null, CLUSTER.cluster().cluster().clientAddresses(), map);
            }
            finally {
                thread.setContextClassLoader(context);
            }

            assertThat(read).isEqualTo("one");
        }
    }

    /**
     * An application that does not use Micrometer, loaded without it. Only its own method is called by
     * reflection: reflecting on the SDK's builder would load the types of all its methods, Micrometer's
     * included, which plain calls do not.
     */
    public static final class Application {

        private Application() {
        }

        public static Object run(List<String> addresses, String map) {
            GridConfig config = GridConfig.builder().addresses(addresses).nearCache(map, NearCacheConfig.defaults()).build();
            if (config.meterRegistry().isPresent() || !config.toString().contains("nearCaches=")) {
                throw new AssertionError(config.toString());
            }
            try (Grid grid = Grid.connect(config)) {
                GridMap<Long, String> prices = grid.map(map, Long.class, String.class);
                prices.put(1L, "one");
                prices.get(1L);
                return prices.async().get(1L).join();
            }
        }
    }

    /** The test classpath (surefire passes it in a property, its java.class.path being a manifest-only jar), less Micrometer. */
    private static URL[] classpathWithoutMicrometer() throws MalformedURLException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank() && !entry.contains("micrometer")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }
}
