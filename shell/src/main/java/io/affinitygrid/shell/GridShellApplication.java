package io.affinitygrid.shell;

import java.util.Arrays;
import java.util.Map;

import io.affinitygrid.shell.connection.GridConnection;
import io.affinitygrid.shell.connection.Passwords;
import io.affinitygrid.shell.connection.ShellProfiles;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.shell.core.command.CommandParser;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.jline.CommandCompleter;

/**
 * The grid's shell: Spring Shell over the client SDK.
 *
 * <pre>
 * java @config/jvm.options -jar shell/target/grid-shell.jar                       # interactive, embedded grid
 * java @config/jvm.options -jar shell/target/grid-shell.jar compute sum --map orders --field amount
 * java @config/jvm.options -jar shell/target/grid-shell.jar --grid.addresses=10.0.0.1:10800 topology
 * java @config/jvm.options -jar shell/target/grid-shell.jar --script commands.txt  # a script (or @commands.txt)
 * java @config/jvm.options -jar shell/target/grid-shell.jar --debug                # stack traces of failures
 * </pre>
 *
 * <p>Reads its configuration from {@code shell.yml} (not the nodes' {@code application.yml}): on the
 * classpath, in {@code ./config/}, and wherever {@code spring.config.additional-location} points.
 */
@SpringBootApplication
@EnableConfigurationProperties(GridShellProperties.class)
public class GridShellApplication {

    /** Name of the shell's configuration files: {@code shell.yml}. */
    public static final String CONFIG_NAME = "shell";

    /** Properties that apply unless configured otherwise. */
    public static final Map<String, Object> DEFAULT_PROPERTIES = Map.of("spring.config.name", CONFIG_NAME);

    private static final String IGNITE_HOME = "IGNITE_HOME";

    /**
     * Runs the shell and exits with its exit code: in non-interactive mode, that of the command (or of the
     * first failing command of a script); 1 when the shell cannot start.
     */
    public static void main(String[] args) {
        if (System.getProperty(IGNITE_HOME) == null && System.getenv(IGNITE_HOME) == null) {
            // Inside a Spring Boot jar Ignite cannot derive its home directory and says so on standard output;
            // the embedded node has its own work directory, so any existing directory will do.
            System.setProperty(IGNITE_HOME, System.getProperty("java.io.tmpdir"));
        }
        SpringApplication application = new SpringApplication(GridShellApplication.class);
        application.setDefaultProperties(DEFAULT_PROPERTIES);
        String[] effective;
        try {
            effective = ShellArguments.springArguments(args);
        }
        catch (IllegalArgumentException e) {
            System.err.println("Error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (!ShellArguments.command(args).isEmpty()) {
            // one command or a script: no interactive session, no history to keep, and only the beans the
            // command needs (lazy start-up is most of a one-shot command's time after class loading)
            effective = Arrays.copyOf(effective, effective.length + 3);
            effective[effective.length - 3] = "--spring.shell.interactive.enabled=false";
            effective[effective.length - 2] = "--spring.shell.history.enabled=false";
            effective[effective.length - 1] = "--spring.main.lazy-initialization=true";
        }
        int exitCode;
        try {
            ConfigurableApplicationContext context = application.run(effective);
            exitCode = SpringApplication.exit(context);
        }
        catch (RuntimeException e) {
            // Spring Boot has reported why the shell could not start
            exitCode = 1;
        }
        // the embedded grid's threads must not keep the JVM alive
        System.exit(exitCode);
    }

    @Bean
    GridConnection gridConnection(GridShellProperties properties, org.springframework.core.env.Environment environment) {
        return new GridConnection(properties.connectionOptions(), new Passwords(environment::getProperty, Passwords.CONSOLE),
                new ShellProfiles(properties.getProfilesFile()));
    }

    @Bean
    CommandCompleter gridCommandCompleter(CommandRegistry registry) {
        return new GridCommandCompleter(registry);
    }

    @Bean
    CommandParser gridCommandParser(CommandRegistry registry, GridShellProperties properties) {
        return new GridCommandParser(registry, properties.isDebug());
    }
}
