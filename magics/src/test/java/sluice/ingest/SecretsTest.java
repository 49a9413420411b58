package sluice.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void passwordParameter_isMasked_andTheRestKept() {
        assertThat(Secrets.mask("jdbc:postgresql://h:5432/db?user=ana&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=ana&password=****&ssl=true");
    }

    @Test
    void userInfoPassword_isMasked_andTheUserKept() {
        assertThat(Secrets.mask("jdbc:mysql://ana:s3cret@h/db")).isEqualTo("jdbc:mysql://ana:****@h/db");
    }

    @Test
    void knownSecrets_areMaskedWhereverTheyAppear() {
        assertThat(Secrets.mask("login as ana with s3cret failed: s3cret", List.of("s3cret")))
                .isEqualTo("login as ana with **** failed: ****");
    }

    @Test
    void passwordsIn_findsTheWrittenAndTheDecodedForms() {
        assertThat(Secrets.passwordsIn("jdbc:postgresql://ana:p%40ss@h/db?password=a+b"))
                .contains("p%40ss", "p@ss", "a+b", "a b");
    }

    @Test
    void aUrlWithoutPassword_isUnchanged() {
        assertThat(Secrets.mask("jdbc:postgresql://127.0.0.1:5432/test?user=ana")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test?user=ana");
        assertThat(Secrets.passwordsIn("jdbc:postgresql://127.0.0.1:5432/test")).isEmpty();
    }
}
