package io.affinitygrid.compute;

import java.lang.reflect.InvocationTargetException;

import io.affinitygrid.compute.deploy.NodeDeployments;
import org.apache.ignite.Ignite;

/** Creates {@link KeyJob}s from their class names, with errors that say what to fix. */
final class KeyJobs {

    private KeyJobs() {
    }

    /**
     * Checks that {@code className} names a {@link KeyJob} on this node, without initializing the class: a class
     * that is not a key job never runs any of its code here.
     */
    static Class<? extends KeyJob<?>> check(Ignite ignite, String className) {
        Class<?> type;
        try {
            type = Class.forName(className, false, loaderOf(ignite, className));
        }
        catch (ClassNotFoundException e) {
            throw new GridTaskException(ErrorCode.UNKNOWN_TASK, "No key job class '" + className
                    + "' on the grid nodes' classpath or in a deployment. Deploy its jar (shell: deploy --name N --jar PATH).");
        }
        if (!KeyJob.class.isAssignableFrom(type)) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "Class '" + className + "' does not implement " + KeyJob.class.getName());
        }
        @SuppressWarnings("unchecked")
        Class<? extends KeyJob<?>> jobType = (Class<? extends KeyJob<?>>) type;
        return jobType;
    }

    /** The loader of a deployed key job of that name on this node, else the compute framework's own. */
    private static ClassLoader loaderOf(Ignite ignite, String className) {
        ClassLoader deployed = ignite == null ? null : NodeDeployments.keyJobLoader(ignite, className);
        return deployed != null ? deployed : KeyJobs.class.getClassLoader();
    }

    static KeyJob<?> instantiate(Ignite ignite, String className) {
        Class<? extends KeyJob<?>> type = check(ignite, className);
        try {
            return type.getDeclaredConstructor().newInstance();
        }
        catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new GridTaskException(ErrorCode.BAD_ARGUMENT, "Key job class '" + className + "' needs a public no-argument constructor");
        }
        catch (InvocationTargetException e) {
            throw new GridTaskException(ErrorCode.JOB_FAILED, "Key job class '" + className + "' failed to construct: " + e.getCause(), e.getCause());
        }
    }
}
