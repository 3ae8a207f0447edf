package triage.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The bad-input corpus (src/test/resources/bad-input, plus a 50 MB one-line file and a gzip bomb in a
 * bundle made at test time): each file alone gives exit 0 or 2 with one-line messages naming the file,
 * never a stack trace, in bounded time; mixed with good evidence, the good evidence is still diagnosed.
 */
class BadInputCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/bad-input");
    private static final String GOOD = "2026-05-06 09:10:01,000 ERROR binance 429 Too Many Requests {\"code\":-1003}\n";

    @TempDir
    static Path generated;

    @BeforeAll
    static void generateTheLargeOnes() throws IOException {
        try (OutputStream out = Files.newOutputStream(generated.resolve("one-50mb-line.log"))) {
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write("\nERROR Connection refused\n".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream f = Files.newOutputStream(generated.resolve("bomb-bundle.tar.gz"));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(f))) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry("logs/zeros.log");
            long size = 1L << 30; // 1 GB of zeros, about 1 MB compressed
            entry.setSize(size);
            tar.putArchiveEntry(entry);
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                tar.write(zeros);
            }
            tar.closeArchiveEntry();
        }
    }

    static Stream<Path> corpus() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(CORPUS)) {
            s.sorted().forEach(files::add);
        }
        try (Stream<Path> s = Files.list(generated)) {
            s.sorted().forEach(files::add);
        }
        return files.stream();
    }

    @Test
    void theCorpusHasAtLeastFortyFiles() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            assertThat(s.count()).isGreaterThanOrEqualTo(40);
        }
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void eachBadFileAloneGivesOneLineMessagesNamingItAndNoStackTrace(Path file) {
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("diagnose", "--format", "json", file.toString()));
        assertThat(r.exit()).isIn(0, 2);
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        for (String line : r.err().lines().toList()) {
            assertThat(line).startsWith("triage: ").contains(file.getFileName().toString());
        }
        if (r.exit() == 0) {
            assertThat(r.out()).startsWith("{");
        } else {
            assertThat(r.err().lines()).hasSize(1);
        }
    }

    @Test
    void theWholeCorpusWithOneGoodFileStillDiagnosesTheGoodFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("exchanges.log");
        Files.writeString(good, GOOD.repeat(5));
        List<String> args = new ArrayList<>(List.of("diagnose", "--format", "json", CORPUS.toString(), generated.toString(), good.toString()));
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Cli.run(args.toArray(String[]::new)));
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.err()).doesNotContain("\tat ");
        var json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("causes").get(0).get("id").asText()).isEqualTo("exchange.rate-limited");
        assertThat(r.err()).contains("bomb-bundle.tar.gz").contains("decompression bomb");
        assertThat(r.err()).contains("one-50mb-line.log:1: line longer than");
        assertThat(Files.exists(Path.of("/tmp/triage-escape.log"))).isFalse();
    }
}
