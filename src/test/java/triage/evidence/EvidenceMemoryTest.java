package triage.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.testing.TestTriage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory stays flat in the number of files: 20,000 small logs are read in a child JVM whose heap is
 * 96 MB. Each file is read, folded into the symptoms and dropped; keeping each file's lines or readings
 * until the end (20,000 x a few KB, plus the knowledge base) would not fit.
 */
class EvidenceMemoryTest {

    private static final int FILES = 20_000;

    @Test
    void twentyThousandFilesAreReadInANinetySixMegabyteHeap(@TempDir Path dir) throws Exception {
        for (int i = 0; i < FILES; i++) {
            Path sub = Files.createDirectories(dir.resolve("host-" + i / 1_000));
            StringBuilder log = new StringBuilder();
            for (int l = 0; l < 20; l++) { // ordinary lines, distinct in every file so that none counts as a copy
                log.append("2026-05-06 09:").append(10 + l).append(":00,").append(String.format("%03d", i % 1000))
                        .append(" INFO worker-").append(i).append(" heartbeat ok seq=").append(i * 20 + l).append('\n');
            }
            log.append("2026-05-06 09:31:00,000 ERROR binance 429 Too Many Requests {\"code\":-1003} worker-").append(i).append('\n');
            Files.writeString(sub.resolve("connector-" + i + ".log"), log, StandardCharsets.UTF_8);
        }
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx96m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), ReadAndCount.class.getName(),
                TestTriage.projectRoot().toString(), dir.toString()))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out.lines().toList()).as(out).contains("exchange.http-429 " + FILES, "warnings 0");
    }
}
