package io.affinitygrid.shell.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aVariableIsUsedBeforeAskingAndNothingIsAskedThen() {
        List<String> asked = new ArrayList<>();
        Passwords passwords = new Passwords(Map.of(Passwords.USER_PASSWORD, "from-env")::get, question -> {
            asked.add(question);
            return "typed".toCharArray();
        });

        assertThat(passwords.forUser("ops")).isEqualTo("from-env");
        assertThat(passwords.forTrustStore(Path.of("trust.p12"))).isEqualTo("typed");
        assertThat(asked).containsExactly("Password of the trust store trust.p12: ");
    }

    @Test
    void withoutVariableOrTerminalTheErrorNamesTheVariable() {
        Passwords passwords = new Passwords(name -> null, question -> null);

        assertThatThrownBy(() -> passwords.forUser("ops")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("User 'ops' needs a password: set the environment variable GRID_PASSWORD, or run the shell on a"
                        + " terminal to be asked for it (passwords are never taken on the command line).");
        assertThatThrownBy(() -> passwords.forKeyStore(Path.of("me.p12"))).hasMessageContaining("GRID_KEY_STORE_PASSWORD");
    }
}
