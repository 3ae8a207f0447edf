package triage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import triage.evidence.Evidence;
import triage.facts.Symptom;
import triage.testing.TestTriage;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The bad-input corpus (src/test/resources/bad-input) against its table of expectations
 * (src/test/resources/bad-input-expected.tsv): for each file alone, the exit status, the exact number of
 * stderr lines and what they say, and the exact set of symptoms recognised from the good line each file
 * embeds; beside a good log, that log is still diagnosed. A 50 MB one-line file and a gzip bomb are made
 * at test time.
 */
class BadInputCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/bad-input");
    private static final Path EXPECTED = Path.of("src/test/resources/bad-input-expected.tsv");
    private static final String RATE_LIMITED = "2026-05-06 09:10:01,000 ERROR binance 429 Too Many Requests {\"code\":-1003}\n";
    private static final String GOOD = "2026-05-06 09:12:00,000 ERROR Could not connect to Redis at redis:6379: Connection refused\n";
    private static final String GOOD_SYMPTOM = "cache.redis-connection-refused";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One row of the table: what diagnosing {@code file} alone gives. */
    record Expectation(String file, int exit, int stderrLines, List<String> messages, Set<String> symptoms) {
        @Override
        public String toString() {
            return file;
        }
    }

    @TempDir
    static Path generated;

    @BeforeAll
    static void generateTheLargeOnes() throws IOException {
        try (OutputStream out = Files.newOutputStream(generated.resolve("one-50mb-line.log"))) {
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 50; i++) {
                out.write(chunk);
            }
            out.write(("\n" + RATE_LIMITED).getBytes(StandardCharsets.UTF_8));
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

    static List<Expectation> expectations() throws IOException {
        List<Expectation> rows = new ArrayList<>();
        for (String line : Files.readAllLines(EXPECTED, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            assertThat(f).as("five tab-separated columns: %s", line).hasSize(5);
            List<String> messages = f[3].equals("-") ? List.of() : List.of(f[3].split("\\|"));
            Set<String> symptoms = f[4].equals("-") ? Set.of() : new TreeSet<>(Arrays.asList(f[4].split(",")));
            rows.add(new Expectation(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), messages, symptoms));
        }
        return rows;
    }

    @Test
    void theTableNamesEveryCorpusFileExactlyOnce() throws IOException {
        List<String> named = expectations().stream().map(Expectation::file).toList();
        try (Stream<Path> s = Files.list(CORPUS)) {
            assertThat(named).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(s.map(p -> p.getFileName().toString()).toList());
        }
        assertThat(named).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void theReadmeTableNamesEveryCorpusFileWithItsExitStatusAndSymptoms() throws IOException {
        String readme = Files.readString(Path.of("docs/evidence.md"), StandardCharsets.UTF_8);
        for (Expectation e : expectations()) {
            String row = readme.lines().filter(l -> l.startsWith("|") && l.contains("`" + e.file() + "`")).findFirst().orElse("");
            assertThat(row).as("docs/evidence.md bad-input table row naming %s", e.file()).isNotEmpty();
            assertThat(row).as("docs/evidence.md exit status for %s", e.file()).contains("| " + e.exit() + " |");
            e.symptoms().forEach(id -> assertThat(row).as("docs/evidence.md symptoms for %s", e.file()).contains("`" + id + "`"));
        }
    }

    @Test
    void theTruncatedGzipIsReallyTruncated() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(CORPUS.resolve("truncated-gzip.log.gz")))) {
            byte[] head = in.readNBytes(RATE_LIMITED.length());
            assertThat(new String(head, StandardCharsets.UTF_8)).isEqualTo(RATE_LIMITED);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(EOFException.class);
        }
    }

    @ParameterizedTest
    @MethodSource("expectations")
    void aloneEachFileGivesItsMessagesAndSymptomsAndIsUnusableOnlyWhenTheTableSaysExit2(Expectation e) {
        Path file = CORPUS.resolve(e.file());
        Evidence read = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TestTriage.get().read(List.of(file)));
        assertThat(read.nothingReadable()).as("nothing usable (exit 2); warnings %s", read.warnings()).isEqualTo(e.exit() == 2);
        assertMessages(e, file, read.warnings());
        assertThat(symptoms(read)).isEqualTo(e.symptoms());
        if (e.exit() == 2) {
            assertThat(e.symptoms()).as("a file that gives exit 2 cannot have recognised anything").isEmpty();
        }
    }

    @ParameterizedTest
    @MethodSource("expectations")
    void besideAGoodLogEachFileLeavesTheGoodLogDiagnosed(Expectation e, @TempDir Path dir) throws IOException {
        Path file = CORPUS.resolve(e.file());
        Path good = dir.resolve("cache.log");
        Files.writeString(good, GOOD);
        Evidence read = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> TestTriage.get().read(List.of(file, good)));
        assertThat(read.nothingReadable()).isFalse();
        assertMessages(e, file, read.warnings());
        Set<String> expected = new TreeSet<>(e.symptoms());
        expected.add(GOOD_SYMPTOM);
        assertThat(symptoms(read)).isEqualTo(expected);
    }

    /** The command line turns the table into an exit status and one "triage: " line per message. */
    @ParameterizedTest
    @ValueSource(strings = {"binary-random.bin", "symptoms-json-wrong-types.json", "invalid-utf8.log", "crlf-mixed.log", "truncated-gzip.log.gz"})
    void theCommandLineGivesTheTablesExitStatusAndOneLinePerMessage(String name) throws IOException {
        Expectation e = expectations().stream().filter(x -> x.file().equals(name)).findFirst().orElseThrow();
        Path file = CORPUS.resolve(name);
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("diagnose", "--format", "json", file.toString()));
        assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(e.exit());
        assertThat(r.err()).doesNotContain("\tat ").doesNotContain("Exception in thread");
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(e.stderrLines());
        String prefix = e.exit() == 0 ? "triage: warning: " : "triage: ";
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith(prefix));
        if (e.exit() == 0) {
            assertThat(symptomsOfJson(r.out())).isEqualTo(e.symptoms());
        } else {
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void aFiftyMegabyteLineIsCutWithOneWarningAndTheNextLineIsRead() {
        Path file = generated.resolve("one-50mb-line.log");
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("diagnose", "--format", "json", file.toString()));
        assertThat(r.exit()).isZero();
        assertThat(r.err().lines().toList()).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("triage: ").contains("one-50mb-line.log:1: line longer than");
        assertThat(r.out()).contains("exchange.http-429");
    }

    @Test
    void theWholeCorpusWithOneGoodFileStillDiagnosesTheGoodFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("cache.log");
        Files.writeString(good, GOOD.repeat(5));
        List<String> args = new ArrayList<>(List.of("diagnose", "--format", "json", CORPUS.toString(), generated.toString(), good.toString()));
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> Cli.run(args.toArray(String[]::new)));
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(symptomsOfJson(r.out())).contains(GOOD_SYMPTOM, "exchange.http-429", "cache.redis-exporter-down");
        // a bomb stops its own archive only: the corpus's high-ratio.zip and the generated bomb are each named
        assertThat(r.err().lines().filter(l -> l.contains("decompression bomb")))
                .anyMatch(l -> l.contains("high-ratio.zip")).anyMatch(l -> l.contains("bomb-bundle.tar.gz"));
        assertThat(r.err()).contains("one-50mb-line.log:1: line longer than");
        assertThat(Files.exists(Path.of("/tmp/triage-escape.log"))).isFalse();
    }

    /** Each warning names the file; each expected fragment is in a warning of its own; there are no others. */
    private static void assertMessages(Expectation e, Path file, List<String> warnings) {
        assertThat(warnings).as("warnings").hasSize(e.stderrLines());
        // a .gz holds one file, labelled by the name without .gz once it is open, as archive entries are by theirs
        String name = file.toString();
        String label = name.replaceFirst("\\.gz$", "");
        assertThat(warnings).allSatisfy(w -> assertThat(w).startsWith(label).doesNotContain("\n"));
        List<String> unmatched = new ArrayList<>(warnings);
        for (String fragment : e.messages()) {
            String hit = unmatched.stream().filter(w -> w.startsWith(name + fragment) || w.startsWith(label + fragment))
                    .findFirst().orElse(null);
            assertThat(hit).as("a warning starting '%s' in %s", name + fragment, warnings).isNotNull();
            unmatched.remove(hit);
        }
    }

    private static Set<String> symptoms(Evidence evidence) {
        return evidence.symptoms().stream().map(Symptom::id).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> symptomsOfJson(String json) throws IOException {
        JsonNode root = JSON.readTree(json);
        Set<String> ids = new TreeSet<>();
        root.path("symptoms").forEach(s -> ids.add(s.path("id").asText()));
        return ids;
    }

}
