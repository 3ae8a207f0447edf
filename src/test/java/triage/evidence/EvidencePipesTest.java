package triage.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.knowledge.PatternDef;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** Pipes are evidence too: standard input, a pipe with a writer, and a FIFO nobody writes to never hangs. */
class EvidencePipesTest {

    @TempDir
    Path dir;

    private final PatternDef refused = pattern("x.refused", "Connection refused", "connection refused");
    private static final String LINE = "2026-05-06 09:10:02,000 ERROR Connection refused\n";

    private Path fifo() throws Exception {
        Path fifo = dir.resolve("pipe");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
        return fifo;
    }

    @Test
    void aNamedFifoWithoutAWriterIsAWarningAfterABoundedWait() throws Exception {
        Path fifo = fifo();
        long start = System.nanoTime();
        Evidence e = reader(refused).withPipeWait(300).read(List.of(fifo));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
        assertThat(e.warnings()).containsExactly(fifo + ": no writer opened this pipe within 0.3 s; skipped");
        assertThat(e.nothingReadable()).isTrue();
    }

    @Test
    void aPipeWithAWriterIsReadWithoutSeeking() throws Exception {
        Path fifo = fifo();
        Process writer = new ProcessBuilder("sh", "-c", "printf '%s' \"$0\" > \"$1\"", LINE, fifo.toString()).start();
        Evidence e = reader(refused).read(List.of(fifo));
        assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(e.warnings()).isEmpty();
        assertThat(e.symptoms()).singleElement().satisfies(s -> assertThat(s.count()).isEqualTo(1));
    }

    @Test
    void aDashReadsStandardInput() {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(LINE.getBytes(StandardCharsets.UTF_8)));
            Evidence e = reader(refused).read(List.of(Path.of("-")));
            assertThat(e.symptoms()).singleElement().satisfies(s ->
                    assertThat(s.citations().get(0).source()).startsWith("(standard input)"));
        } finally {
            System.setIn(saved);
        }
    }
}
