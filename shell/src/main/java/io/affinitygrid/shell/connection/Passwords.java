package io.affinitygrid.shell.connection;

import java.io.Console;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Finds the passwords a connection needs, never from the command line (where other users of the machine can
 * read it): from an environment variable, else by asking on the terminal without echo. Thread-safe.
 */
public final class Passwords {

    /** The environment variable holding the user's password. */
    public static final String USER_PASSWORD = "GRID_PASSWORD";
    /** The environment variable holding the trust store's password. */
    public static final String TRUST_STORE_PASSWORD = "GRID_TRUST_STORE_PASSWORD";
    /** The environment variable holding the key store's password. */
    public static final String KEY_STORE_PASSWORD = "GRID_KEY_STORE_PASSWORD";

    /** Asks the person at the terminal; answers {@code null} when there is nobody to ask. */
    @FunctionalInterface
    public interface Prompt {
        char[] ask(String question);
    }

    /** Asks on the process's console, when it has one (an interactive terminal). */
    public static final Prompt CONSOLE = question -> {
        Console console = System.console();
        return console == null ? null : console.readPassword("%s", question);
    };

    private final Function<String, String> variables;
    private final Prompt prompt;

    /**
     * @param variables reads a variable (the environment, or Spring's environment, which includes it)
     * @param prompt asks the person at the terminal
     */
    public Passwords(Function<String, String> variables, Prompt prompt) {
        this.variables = variables;
        this.prompt = prompt;
    }

    String forUser(String user) {
        return find(USER_PASSWORD, "Password for user '" + user + "': ", "User '" + user + "' needs a password");
    }

    String forTrustStore(Path store) {
        return find(TRUST_STORE_PASSWORD, "Password of the trust store " + store + ": ", "The trust store " + store + " needs its password");
    }

    String forKeyStore(Path store) {
        return find(KEY_STORE_PASSWORD, "Password of the key store " + store + ": ", "The key store " + store + " needs its password");
    }

    private String find(String variable, String question, String need) {
        String value = variables.apply(variable);
        if (value != null && !value.isEmpty()) {
            return value;
        }
        char[] typed = prompt.ask(question);
        if (typed == null) {
            throw new IllegalArgumentException(need + ": set the environment variable " + variable
                    + ", or run the shell on a terminal to be asked for it (passwords are never taken on the command line).");
        }
        return new String(typed);
    }
}
