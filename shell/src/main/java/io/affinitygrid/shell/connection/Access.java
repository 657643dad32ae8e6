package io.affinitygrid.shell.connection;

import java.nio.file.Path;

/**
 * Who the shell connects as and how it secures the connection: a user (the grid's {@code security} profile
 * authenticates clients), a trust store (TLS: the certificates of the nodes to trust) and a key store (TLS with
 * client certificates). Passwords are not part of it: {@link Passwords} asks for them when connecting, so
 * they are never saved with a profile nor shown. Immutable.
 *
 * @param user the user name, or {@code null} to connect without logging in
 * @param trustStore the trust store (PKCS#12 or JKS), or {@code null} for a plain connection
 * @param keyStore the client's key store, or {@code null} when the nodes ask for no client certificate
 */
public record Access(String user, Path trustStore, Path keyStore) {

    /** No user, no TLS. */
    public static final Access NONE = new Access(null, null, null);

    public Access {
        user = user == null || user.isBlank() ? null : user.strip();
    }

    /** These settings, with each of {@code other}'s that is set taking precedence. */
    public Access overriddenBy(Access other) {
        return new Access(other.user != null ? other.user : user, other.trustStore != null ? other.trustStore : trustStore,
                other.keyStore != null ? other.keyStore : keyStore);
    }

    /** A few words for messages: "as user 'ops' over TLS", or empty. */
    public String describe() {
        return (user == null ? "" : " as user '" + user + "'") + (trustStore == null ? "" : " over TLS");
    }
}
