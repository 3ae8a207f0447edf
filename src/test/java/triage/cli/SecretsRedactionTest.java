package triage.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets corpus (src/test/resources/secrets/secret-shapes.tsv: exchange keys and secrets, broker
 * headers, bearer tokens, passwords in URLs, signatures, PEM keys...): each line carries a recognised
 * error so it is cited as evidence, and no secret appears in any output format of diagnose.
 */
public class SecretsRedactionTest {

    static final List<String> SECRETS = new ArrayList<>();
    @TempDir
    static Path dir;
    static Path log;

    @BeforeAll
    static void writeEvidence() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String row : Files.readAllLines(Path.of("src/test/resources/secrets/secret-shapes.tsv"), StandardCharsets.UTF_8)) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] parts = row.split("\t", 2);
            SECRETS.add(parts[0]);
            lines.add(parts[1]);
        }
        log = dir.resolve("exchanges.log");
        Files.write(log, lines, StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "markdown"})
    void noSecretAppearsInAnyOutputFormat(String format) {
        Cli.Result r = Cli.run("diagnose", "--explain", "--format", format, log.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(SECRETS).hasSizeGreaterThanOrEqualTo(20);
        String all = r.out() + r.err();
        assertThat(all).contains("[REDACTED]");
        for (String secret : SECRETS) {
            assertThat(all).as("secret %s", secret).doesNotContain(secret);
        }
    }

    @Test
    void noSecretAppearsInAConsultation() {
        java.io.InputStream in = System.in;
        try {
            // the consultation starts from the evidence, is asked "how" the leading cause was reached, then quits
            System.setIn(new java.io.ByteArrayInputStream("how\nquit\n".getBytes(StandardCharsets.UTF_8)));
            Cli.Result r = Cli.run("consult", "--plain", "--explain", "--evidence", log.toString());
            String all = r.out() + r.err();
            assertThat(all).contains("[REDACTED]");
            for (String secret : SECRETS) {
                assertThat(all).as("secret %s", secret).doesNotContain(secret);
            }
        } finally {
            System.setIn(in);
        }
    }

    /** The lines of the corpus, for the service's test of the same property. */
    public static List<String> lines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String row : Files.readAllLines(Path.of("src/test/resources/secrets/secret-shapes.tsv"), StandardCharsets.UTF_8)) {
            if (!row.isBlank() && !row.startsWith("#")) {
                lines.add(row);
            }
        }
        return lines;
    }
}
