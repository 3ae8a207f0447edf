package triage.healthy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import triage.diagnosis.CauseHypothesis;
import triage.diagnosis.Diagnosis;
import triage.healthy.HealthyCorpus.Platform;
import triage.testing.TestTriage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours of normal operation on each platform, with the routine events that are not faults (one
 * recovered disconnect, one 429 absorbed by a retry, a planned restart, a deploy, a log rotation, a
 * configuration reload), diagnose to no cause.
 */
class HealthyCorpusTest {

    private static final long[] SEEDS = {1, 7, 2026};

    static Stream<Arguments> bundles() {
        return Arrays.stream(Platform.values()).flatMap(p -> Arrays.stream(SEEDS).mapToObj(s -> Arguments.of(p, s)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("bundles")
    void hoursOfNormalOperationReportNoCause(Platform platform, long seed, @TempDir Path dir) {
        HealthyCorpus.write(platform, seed, 3, dir);

        Diagnosis d = TestTriage.get().diagnose(List.of(dir));

        assertThat(d.causes()).as("causes reported for healthy %s (seed %d)", platform, seed)
                .extracting(c -> c.id() + " " + c.confidence())
                .isEmpty();
    }

    @Test
    void theSameSeedWritesTheSameBundle(@TempDir Path a, @TempDir Path b) throws IOException {
        HealthyCorpus.write(Platform.PYRT, 42, 1, a);
        HealthyCorpus.write(Platform.PYRT, 42, 1, b);

        assertThat(Files.readString(a.resolve("journal-trading.txt"))).isEqualTo(Files.readString(b.resolve("journal-trading.txt")));
    }

    /** The corpus is not silent because nothing is read: a real fault added to it is diagnosed. */
    @Test
    void aFaultAddedToTheHealthyCorpusIsDiagnosed(@TempDir Path dir) throws IOException {
        HealthyCorpus.write(Platform.HFT, 1, 1, dir);
        Files.writeString(dir.resolve("df-h.txt"), """
                Filesystem      Size  Used Avail Use% Mounted on
                /dev/nvme0n1p2  915G  915G     0 100% /
                """);
        Files.writeString(dir.resolve("system.log"), "[2026-08-11 09:00:00.000] [system] [error] database write failed: "
                + "could not extend file \"base/16384/2619\": No space left on device\n", StandardOpenOption.APPEND);

        Diagnosis d = TestTriage.get().diagnose(List.of(dir));

        assertThat(d.causes()).extracting(CauseHypothesis::id).isNotEmpty();
    }
}
