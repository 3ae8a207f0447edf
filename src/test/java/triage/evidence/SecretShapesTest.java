package triage.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redactor over every shape of src/test/resources/secrets/secret-shapes.tsv, against the redacted
 * line written there by hand (or, when that column is empty, the line with the secret replaced by the
 * mask): exactly the secret goes, everything else stays.
 */
public class SecretShapesTest {

    public static final Path SHAPES = Path.of("src/test/resources/secrets/secret-shapes.tsv");

    /** One shape: the secret, a line holding it, and that line as it must read once redacted. */
    public record Shape(String secret, String line, String redacted) {
        @Override
        public String toString() {
            return line;
        }
    }

    public static List<Shape> shapes() throws IOException {
        List<Shape> shapes = new ArrayList<>();
        for (String row : Files.readAllLines(SHAPES, StandardCharsets.UTF_8)) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] f = row.split("\t", -1);
            assertThat(f).as("secret, line, redacted line: %s", row).hasSize(3);
            String expected = f[2].isEmpty() ? f[1].replace(f[0], Redactor.MASK) : f[2];
            shapes.add(new Shape(f[0], f[1], expected));
        }
        return shapes;
    }

    @Test
    void thereAreAtLeastSeventyFiveShapesEachHoldingItsSecret() throws IOException {
        assertThat(shapes()).hasSizeGreaterThanOrEqualTo(75)
                .allSatisfy(s -> assertThat(s.line()).contains(s.secret()))
                .allSatisfy(s -> assertThat(s.redacted()).doesNotContain(s.secret()).contains(Redactor.MASK));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void theRedactorMasksExactlyTheSecret(Shape shape) {
        assertThat(Redactor.redact(shape.line())).isEqualTo(shape.redacted());
    }
}
