package io.affinitygrid.compute.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.affinitygrid.compute.ErrorCode;
import io.affinitygrid.compute.GridTaskException;
import io.affinitygrid.compute.KeyJob;
import org.apache.ignite.compute.ComputeTask;

/**
 * A jar read and checked: its classes and resources in memory and its SHA-256. {@link #read} checks the bytes
 * (a zip, not over the size limit, holding classes, none of them in the grid's own packages); {@link #load}
 * defines every class in a fresh {@link DeploymentClassLoader} and finds the tasks and key jobs, without
 * running any of the jar's code (classes are loaded, not initialized). Immutable.
 */
final class DeploymentJar {

    /** Packages a jar may not hold: the grid's, Ignite's and the JDK's. */
    private static final List<String> FORBIDDEN = List.of("io/affinitygrid/", "org/apache/ignite/", "java/", "javax/", "jdk/", "sun/");

    private final String name;
    private final String checksum;
    private final int size;
    private final Map<String, byte[]> classes;
    private final Map<String, byte[]> resources;

    private DeploymentJar(String name, String checksum, int size, Map<String, byte[]> classes, Map<String, byte[]> resources) {
        this.name = name;
        this.checksum = checksum;
        this.size = size;
        this.classes = classes;
        this.resources = resources;
    }

    /**
     * Reads and checks a jar.
     *
     * @throws GridTaskException with {@link ErrorCode#BAD_JAR} saying what is wrong with it
     */
    static DeploymentJar read(String name, byte[] jar, long maxBytes) {
        if (jar.length > maxBytes) {
            throw bad(name, "the jar has " + jar.length + " bytes, more than grid.deployment.max-jar-size (" + maxBytes
                    + " bytes). Leave out what the nodes already have (Ignite, compute-tasks), or raise the limit on every node");
        }
        if (jar.length < 4 || jar[0] != 'P' || jar[1] != 'K' || jar[2] != 3 || jar[3] != 4) {
            throw bad(name, "the file is not a jar (no zip header). Give the jar built from your task classes, e.g. target/my-tasks.jar");
        }
        if (!hasEndOfCentralDirectory(jar)) {
            throw bad(name, "the jar is corrupt (it has no zip directory at its end: the file was cut short?). Build it"
                    + " again and deploy the new file");
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        Map<String, byte[]> resources = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                String path = entry.getName();
                byte[] bytes = in.readAllBytes();
                if (path.endsWith(".class") && !path.startsWith("META-INF/") && !path.endsWith("module-info.class")) {
                    for (String forbidden : FORBIDDEN) {
                        if (path.startsWith(forbidden)) {
                            throw bad(name, "it holds " + path + ", in package " + forbidden.replace('/', '.') + "*, which"
                                    + " belongs to the grid (or the JDK) and may not be deployed. Leave Ignite, compute-tasks"
                                    + " and the grid's own classes out of the jar: the nodes have them");
                        }
                    }
                    classes.put(path.substring(0, path.length() - ".class".length()).replace('/', '.'), bytes);
                }
                else {
                    resources.put(path, bytes);
                }
            }
        }
        catch (IOException | IllegalArgumentException e) {
            throw bad(name, "the jar is corrupt (" + e.getMessage() + "). Build it again and deploy the new file");
        }
        if (classes.isEmpty()) {
            throw bad(name, "the jar holds no classes. Deploy the jar with your ComputeTask or KeyJob classes");
        }
        return new DeploymentJar(name, sha256(jar), jar.length, Collections.unmodifiableMap(classes),
                Collections.unmodifiableMap(resources));
    }

    /**
     * Defines every class of the jar in a fresh loader, without initializing any, and finds its tasks and key jobs.
     *
     * @param node the node's name, for messages
     * @throws GridTaskException with {@link ErrorCode#JAR_LOAD_FAILED} when a class fails to load (e.g. a missing
     *         dependency) and {@link ErrorCode#BAD_JAR} when the jar holds no task or key job
     */
    Loaded load(ClassLoader parent, String node) {
        return load(parent, node, 0);
    }

    /** {@link #load(ClassLoader, String)} for version {@code version} of the deployment. */
    Loaded load(ClassLoader parent, String node, int version) {
        DeploymentClassLoader loader = new DeploymentClassLoader(name, version, classes, resources, parent);
        List<Class<?>> tasks = new ArrayList<>();
        List<Class<?>> keyJobs = new ArrayList<>();
        for (String className : classes.keySet()) {
            Class<?> type;
            try {
                type = Class.forName(className, false, loader);
                if (type.getClassLoader() != loader) {
                    throw bad(name, "class " + className + " is already on the nodes' classpath, so the jar's copy would never"
                            + " be used. Rename it, or leave it out of the jar");
                }
                boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
                boolean task = concrete && ComputeTask.class.isAssignableFrom(type);
                boolean keyJob = concrete && KeyJob.class.isAssignableFrom(type);
                if (task || keyJob) {
                    // resolves the types of every field and method signature: a missing dependency fails here
                    type.getDeclaredFields();
                    type.getDeclaredMethods();
                    type.getDeclaredConstructor();
                    if (!Modifier.isPublic(type.getModifiers())) {
                        throw bad(name, "class " + className + " is a " + (task ? "ComputeTask" : "KeyJob")
                                + " but not public. Make it a public top-level class with a public no-argument constructor");
                    }
                }
                if (task) {
                    tasks.add(type);
                }
                if (keyJob) {
                    keyJobs.add(type);
                }
            }
            catch (ClassNotFoundException | LinkageError e) {
                throw new GridTaskException(ErrorCode.JAR_LOAD_FAILED, "Deployment '" + name + "': class " + className
                        + " fails to load on node '" + node + "': " + e + ". Put its dependencies into the jar (e.g. build a"
                        + " shaded jar), or build it against the grid's compute-tasks and Ignite " + org.apache.ignite.internal.IgniteVersionUtils.VER_STR
                        + ". Nothing was deployed.", e);
            }
            catch (NoSuchMethodException e) {
                throw bad(name, "class " + className + " has no no-argument constructor. Add a public one");
            }
        }
        if (tasks.isEmpty() && keyJobs.isEmpty()) {
            throw bad(name, "the jar holds no ComputeTask or KeyJob class (" + classes.size() + " classes read). Deploy the jar"
                    + " with a public class extending ScanTask, PartitionMapReduceTask or ComputeTaskAdapter, or implementing KeyJob");
        }
        return new Loaded(loader, List.copyOf(tasks), List.copyOf(keyJobs));
    }

    /** Whether the zip's end-of-central-directory record (PK 5 6) is in its last 64 KB + 22 bytes, where it must be. */
    private static boolean hasEndOfCentralDirectory(byte[] jar) {
        int from = Math.max(0, jar.length - (0xFFFF + 22));
        for (int i = jar.length - 22; i >= from; i--) {
            if (jar[i] == 'P' && jar[i + 1] == 'K' && jar[i + 2] == 5 && jar[i + 3] == 6) {
                return true;
            }
        }
        return false;
    }

    String checksum() {
        return checksum;
    }

    int size() {
        return size;
    }

    static GridTaskException bad(String name, String what) {
        return new GridTaskException(ErrorCode.BAD_JAR, "Cannot deploy '" + name + "': " + what + ". Nothing was deployed.");
    }

    static String sha256(byte[] bytes) {
        try {
            return Deployments.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /** A jar's classes defined in their own loader. */
    record Loaded(ClassLoader loader, List<Class<?>> tasks, List<Class<?>> keyJobs) {

        List<String> taskNames() {
            return tasks.stream().map(Class::getName).sorted().toList();
        }

        List<String> keyJobNames() {
            return keyJobs.stream().map(Class::getName).sorted().toList();
        }
    }
}
