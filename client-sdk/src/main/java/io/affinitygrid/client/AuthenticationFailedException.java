package io.affinitygrid.client;

import java.util.List;

/**
 * The grid refused to let this client in: it has authentication on and the client gave no credentials, or a
 * user name or password it does not accept. Configure them with
 * {@link GridConfig.Builder#credentials(String, String)}. Retrying with the same configuration fails the same way.
 */
public class AuthenticationFailedException extends GridException {

    private static final long serialVersionUID = 1L;

    private final List<String> addresses;
    private final String userName;

    /**
     * @param addresses the addresses of the grid, not null
     * @param userName the user the client tried to log in as, or {@code null} when it gave no credentials
     * @param message what failed and what to configure
     * @param cause the underlying failure, possibly null
     */
    public AuthenticationFailedException(List<String> addresses, String userName, String message, Throwable cause) {
        super(message, cause);
        this.addresses = List.copyOf(addresses);
        this.userName = userName;
    }

    /** The addresses of the grid that refused the client; an immutable list. */
    public List<String> addresses() {
        return addresses;
    }

    /** The user the client tried to log in as, or {@code null} when it gave no credentials. */
    public String userName() {
        return userName;
    }
}
