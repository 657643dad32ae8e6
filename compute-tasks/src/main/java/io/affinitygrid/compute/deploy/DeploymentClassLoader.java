package io.affinitygrid.compute.deploy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;

/**
 * The class loader of one version of one deployment: it defines the jar's classes from memory, and asks its
 * parent (the node's loader, with Ignite and the compute framework) first, so a jar can never replace a class
 * of the grid. Thread-safe.
 */
final class DeploymentClassLoader extends ClassLoader {

    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes;
    private final Map<String, byte[]> resources;
    /** The deployment and version it loads, e.g. "'cents' v2"; v0 for a jar only being checked. */
    private final String deployment;

    DeploymentClassLoader(String name, int version, Map<String, byte[]> classes, Map<String, byte[]> resources, ClassLoader parent) {
        super("deployment:" + name + ":v" + version, parent);
        this.deployment = "'" + name + "' v" + version;
        this.classes = Map.copyOf(classes);
        this.resources = Map.copyOf(resources);
    }

    /**
     * The deployment and version whose loader defined {@code type} (e.g. "'cents' v2"), or {@code null} for a class
     * of the node's own classpath.
     */
    static String deploymentOf(Class<?> type) {
        return type.getClassLoader() instanceof DeploymentClassLoader loader ? loader.deployment : null;
    }

    /** The deployment and version this loader loads, in the form of {@link #deploymentOf}. */
    String deployment() {
        return deployment;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        InputStream parentStream = super.getResourceAsStream(name);
        if (parentStream != null) {
            return parentStream;
        }
        byte[] bytes = resources.get(name);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }
}
