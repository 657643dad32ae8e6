package io.affinitygrid.compute.deploy;

import java.util.regex.Pattern;

/** What a deployment may be named: checked by the client before sending and by the node on arrival. */
public final class DeploymentNames {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private DeploymentNames() {
    }

    /**
     * Returns {@code name} when it is a valid deployment name.
     *
     * @throws IllegalArgumentException naming the rule when it is not
     */
    public static String check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Deployment name '" + name + "' is not valid: use 1 to 64 letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit, e.g. 'order-analytics'");
        }
        return name;
    }
}
