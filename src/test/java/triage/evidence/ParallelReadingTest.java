package triage.evidence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static triage.evidence.RecognitionFixture.pattern;
import static triage.evidence.RecognitionFixture.reader;

/** Reading files on several threads gives exactly the sequential result, in the same order. */
class ParallelReadingTest {

    @TempDir
    Path dir;

    @Test
    void parallelReadingEqualsSequentialReading() throws IOException {
        Random random = new Random(42);
        for (int f = 0; f < 60; f++) {
            StringBuilder log = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                int minute = random.nextInt(60);
                switch (random.nextInt(4)) {
                    case 0 -> log.append("2026-05-06 09:").append(String.format("%02d", minute))
                            .append(":00,000 ERROR Connection refused\n");
                    case 1 -> log.append("2026-05-06 10:").append(String.format("%02d", minute))
                            .append(":00,000 WARN latency ").append(random.nextInt(900)).append(" ms on host-")
                            .append(random.nextInt(5)).append('\n');
                    case 2 -> log.append("2026-05-06 11:00:00,000 INFO routine line ").append(i).append('\n');
                    default -> log.append("no timestamp: Connection refused by peer ").append(f).append('\n');
                }
            }
            Files.writeString(dir.resolve(String.format("app-%02d.log", f)), log);
        }
        Files.write(dir.resolve("core.bin"), new byte[]{0x7f, 'E', 'L', 'F', 1, 2, 3, 4, 5, 6});
        Files.writeString(dir.resolve("symptoms.yaml"), "symptoms:\n  - id: x.refused\n    count: 4\n  - id: nope\n");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(dir.resolve("bundle.zip")))) {
            zip.putNextEntry(new ZipEntry("inner.log"));
            zip.write("2026-05-06 08:00:00,000 ERROR Connection refused\n".getBytes());
            zip.closeEntry();
        }
        List<Path> paths = List.of(dir);
        EvidenceReader reader = reader(pattern("x.refused", "Connection refused", "connection refused"),
                pattern("x.latency", "latency (?<value>\\d+) ms on (?<subject>host-\\d)", "latency"));

        Evidence sequential = reader.withThreads(1).read(paths);
        Evidence parallel = reader.withThreads(4).read(paths);

        assertThat(sequential.symptoms()).hasSizeGreaterThan(5);
        assertThat(sequential.warnings()).hasSize(2);
        assertThat(parallel).isEqualTo(sequential);
    }
}
