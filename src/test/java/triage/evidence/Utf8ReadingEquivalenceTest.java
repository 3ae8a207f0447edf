package triage.evidence;

import org.junit.jupiter.api.Test;
import triage.healthy.RoutineLog;
import triage.knowledge.KnowledgeBase;
import triage.knowledge.KnowledgeBaseLoader;
import triage.knowledge.PatternDef;
import triage.testing.FilteringKeywords;
import triage.testing.TestTriage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading UTF-8 bytes, where the {@link LineSieve} passes over most lines undecoded, finds exactly what
 * decoding and reading every line finds: the same symptoms, counts, citations, absences and warnings, on
 * the public cases' text files and on shuffled mixes of their lines, routine lines, every pattern's
 * examples and lines made to sit on the sieve's edges.
 */
class Utf8ReadingEquivalenceTest {

    private static final KnowledgeBase KB = new KnowledgeBaseLoader().load(TestTriage.projectRoot());
    /**
     * With keywords that filter, as the sieve is meant to work: with today's one-character keywords nearly every
     * line would be read in full and the sieve left untested.
     */
    private static final TextReader READER = new TextReader(new Recognizer(FilteringKeywords.of(KB)));

    /** Lines on the sieve's edges: tables under a passed-over header, prompts, samples, JSON, compose prefixes, bad bytes. */
    private static final List<String> EDGES = List.of(
            "status | count", "--------+------", "ok | 3", "(1 row)",
            " name ", "----", "Filesystem      Size  Used Avail Use% Mounted on", "/dev/sda1  100G  99G  1G  99% /",
            "-[ RECORD 1 ]-----", "state | idle in transaction", "",
            "backend-1   | ", "backend-1   |   ", "backend-1   | {\"status\":\"degraded\",\"db\":\"down\"}",
            "backend-1 | ops@host:~$ df -h", "ops@host:~$ ulimit -n", "1024", "$ cat /proc/sys/fs/file-nr", "9000 0 9223",
            "up 0", "up{job=\"api\"} 0", "process_open_fds 65000", "node_load1 42.0 1700000000000", "  up 0",
            "[\"a\", \"b\"]", "  {\"ok\": false}", "# HELP up scraped", "# TYPE up gauge",
            "caf\u00e9 connection refused", "\u00e9\u00e9\u00e9", "PID USER %CPU COMMAND", "1 root 99.0 java -jar x.jar",
            "x\u0085y", "tab\tseparated\tline 7", "\u000b", "\u001c",
            // timed lines nothing else comes of, in every layout the sieve reads a time from, and near misses
            "2026-08-19T11:06:39.788Z INFO md: book ok", "[2026-04-02 11:12:10.001] [md] [info] book ok",
            "2026-04-02 11:10:00,123 +02:00 heartbeat", "2026-04-02 11:10:00 +0530 heartbeat", "2026-04-02T11:10:00UTC beat",
            "2026-04-02 11:10:00.123456789123 beat", "2026-04-02 11:10:00\u000b+01:00 beat", "2026-04-02 11:10:00 +01:0 beat",
            "2026-02-30 11:10:00 beat", "2026-13-01 11:10:00 beat", "2026-04-02 24:10:00 beat", "2026-04-02T11:10 beat",
            "1969-12-31T23:59:59.999Z beat", "2024-02-29 00:00:00 leap beat", "[2026-04-02 11:12:10.001 beat",
            "2026-04-02x11:10:00 beat", "2025-01-01T00:00:00Z stepped back a year", "2026-04-02 11:10:00-05:00 beat",
            "Nov 12 12:50:01 host app[1]: beat", "2026-04-02 11:10:00 | beat");

    @Test
    void thePublicCasesTextFilesReadTheSameBothWays() throws IOException {
        Path cases = TestTriage.projectRoot().resolve("../shared/cases");
        List<Path> files;
        try (Stream<Path> all = Files.walk(cases)) {
            files = all.filter(Files::isRegularFile).filter(p -> p.toString().contains("/evidence/"))
                    .filter(p -> p.toString().matches(".*\\.(log|txt|out|prom)$")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(300);
        int withSymptoms = 0;
        for (Path f : files) {
            withSymptoms += sameBothWays(f.getFileName().toString(), Files.readAllBytes(f)) ? 1 : 0;
        }
        assertThat(withSymptoms).as("files in which something is found").isGreaterThan(200);
    }

    @Test
    void shuffledMixesOfLinesReadTheSameBothWays() {
        List<String> pool = new ArrayList<>(EDGES);
        pool.addAll(RoutineLog.lines(7, 3000));
        for (PatternDef p : KB.patterns()) {
            pool.addAll(p.examples());
            pool.addAll(p.counterExamples());
        }
        Random random = new Random(15);
        String[] terminators = {"\n", "\n", "\n", "\r\n", "\r"};
        String[] names = {"app.log", "df.txt", "shell-transcript.txt", "metrics.prom", "ps-aux.txt", "journal.txt"};
        int withSymptoms = 0;
        for (int file = 0; file < 80; file++) {
            StringBuilder text = new StringBuilder();
            int lines = 1 + random.nextInt(400);
            for (int i = 0; i < lines; i++) {
                text.append(pool.get(random.nextInt(pool.size()))).append(terminators[random.nextInt(terminators.length)]);
            }
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            if (file % 10 == 0) {
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x7f)); // undecodable somewhere
            }
            withSymptoms += sameBothWays(names[file % names.length], bytes) ? 1 : 0;
        }
        assertThat(withSymptoms).isGreaterThan(60);
    }

    @Test
    void overLongLinesAndBadBytesBeforeALineEndReadTheSameBothWays() {
        String longLine = "x".repeat(BoundedLineReader.MAX_LINE + 10) + " connection refused";
        String longWide = "\u00e9".repeat(BoundedLineReader.MAX_LINE) + " 429 Too Many Requests";
        byte[] truncatedUtf8 = {'a', (byte) 0xF0, (byte) 0x9F, '\n', 'b', (byte) 0xE2, '\r', '\n', 'c', (byte) 0xC3};
        sameBothWays("long.log", (longLine + "\n" + longWide + "\nok\n" + longLine).getBytes(StandardCharsets.UTF_8));
        sameBothWays("bad.log", truncatedUtf8);
        sameBothWays("empty.log", new byte[0]);
        sameBothWays("cr.log", "\r\r\n\n\r".getBytes(StandardCharsets.UTF_8));
    }

    /** @return whether reading found something (so that the comparison compared something) */
    private static boolean sameBothWays(String name, byte[] bytes) {
        SymptomAggregator decoded = new SymptomAggregator();
        SymptomAggregator sieved = new SymptomAggregator();
        try {
            List<String> decodedWarnings = READER.read(name, new InputStreamReader(new ByteArrayInputStream(bytes),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                            .onUnmappableCharacter(CodingErrorAction.REPLACE)), decoded);
            List<String> sievedWarnings = READER.readUtf8(name, new ByteArrayInputStream(bytes), sieved);
            assertThat(sievedWarnings).as(name).isEqualTo(decodedWarnings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(sieved.symptoms()).as(name).isEqualTo(decoded.symptoms());
        assertThat(sieved.absences()).as(name).isEqualTo(decoded.absences());
        // the times of lines read from their bytes alone keep the same order: the same steps back, cited alike
        assertThat(sieved.recognised().timeOrder().steps()).as(name).isEqualTo(decoded.recognised().timeOrder().steps());
        assertThat(sieved.recognised().timeOrder().latestTime()).as(name).isEqualTo(decoded.recognised().timeOrder().latestTime());
        return !decoded.symptoms().isEmpty();
    }
}
