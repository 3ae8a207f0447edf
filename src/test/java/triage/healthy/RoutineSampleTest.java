package triage.healthy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The slice of generated routine lines in kb check's built-in sample is what {@link RoutineLog#sample} generates
 * now: when the healthy corpus changes, regenerate it with
 * {@code java -cp target/classes:target/test-classes:$CP triage.healthy.RoutineLog --sample src/main/resources/triage/routine-lines-generated.txt}.
 */
class RoutineSampleTest {

    @Test
    void theBuiltInSliceIsTheGeneratedOne() throws IOException {
        List<String> builtIn;
        try (InputStream in = RoutineSampleTest.class.getResourceAsStream("/triage/routine-lines-generated.txt")) {
            assertThat(in).isNotNull();
            builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        List<String> generated = RoutineLog.sample(RoutineLog.SAMPLE_SEED, RoutineLog.SAMPLE_EVERY);
        assertThat(builtIn).containsExactlyElementsOf(generated);
        assertThat(generated).hasSizeGreaterThan(500);
    }
}
