package io.affinitygrid.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShellArgumentsTest {

    @Test
    void springPropertiesAreNotPartOfTheCommand() {
        assertThat(ShellArguments.command("--grid.addresses=10.0.0.1:10800", "compute", "sum", "--map", "orders",
                "--field=amount", "--spring.shell.interactive.enabled=false"))
                .containsExactly("compute", "sum", "--map", "orders", "--field=amount");
        assertThat(ShellArguments.command("--grid.addresses=10.0.0.1:10800")).isEmpty();
        assertThat(ShellArguments.command("--help")).containsExactly("help");
    }

    @Test
    void scriptsAndTheDebugFlag() {
        assertThat(ShellArguments.script(List.of("@commands.txt"))).isEqualTo("commands.txt");
        assertThat(ShellArguments.script(List.of("--script", "commands.txt"))).isEqualTo("commands.txt");
        assertThat(ShellArguments.script(List.of("--script=commands.txt"))).isEqualTo("commands.txt");
        assertThat(ShellArguments.script(List.of("topology"))).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> ShellArguments.script(List.of("--script")))
                .withMessage("--script needs a file: --script commands.txt");

        assertThat(ShellArguments.command("--debug", "topology")).containsExactly("topology");
        assertThat(ShellArguments.command("--debug")).isEmpty();
        assertThat(ShellArguments.springArguments("--debug", "--grid.addresses=a:1", "topology"))
                .containsExactly("--grid.debug=true", "--grid.addresses=a:1", "topology");
    }

    @Test
    void launchOptionsBeforeTheCommandBecomeProperties() {
        String[] args = {"--profile", "prod", "--user=ops", "--trust-store", "certs/trust.p12", "--embedded", "compute", "count",
                "--map", "orders", "--user", "x"};
        assertThat(ShellArguments.springArguments(args)).containsExactly("--grid.profile=prod", "--grid.user=ops",
                "--grid.trust-store=certs/trust.p12", "--grid.embedded.enabled=true", "compute", "count", "--map", "orders",
                "--user", "x");
        assertThat(ShellArguments.command(args)).as("after the command's first word, --user is the command's")
                .containsExactly("compute", "count", "--map", "orders", "--user", "x");
        assertThatIllegalArgumentException().isThrownBy(() -> ShellArguments.springArguments("--profile"))
                .withMessage("--profile needs a value, e.g. --profile prod");
        assertThatIllegalArgumentException().isThrownBy(() -> ShellArguments.springArguments("--user", "--embedded"))
                .withMessage("--user needs a value, e.g. --user ops");
    }

    @Test
    void wordsWithSpacesAreQuotedAgain() {
        assertThat(ShellArguments.join(List.of("put", "--map", "words", "--key", "1", "--value", "to be")))
                .isEqualTo("put --map words --key 1 --value \"to be\"");
        assertThat(ShellArguments.join(List.of("put", "--value=say \"hi\"")))
                .isEqualTo("put --value=\"say \\\"hi\\\"\"");
        assertThat(ShellArguments.join(List.of("export", "--where", "\"region = north\"")))
                .as("a value the user quoted for the shell's parser already is left as it is")
                .isEqualTo("export --where \"region = north\"");
    }
}
