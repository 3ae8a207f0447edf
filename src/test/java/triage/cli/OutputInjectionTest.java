package triage.cli;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing read from evidence reaches the reader raw: a tar entry named with newlines cannot forge a
 * ranked cause, ESC/OSC and C1 control sequences are shown escaped, and Markdown output shows HTML and
 * links from log lines as code, never renders them.
 */
class OutputInjectionTest {

    private static final String RATE_LIMITED = "2026-05-06 09:10:01,000 ERROR binance 429 Too Many Requests";
    /** Five of them establish a cause, so the evidence (and its source) is printed. */
    private static String rateLimited(String tail) {
        return (RATE_LIMITED + tail + "\n").repeat(5);
    }
    private static final String FORGED = "1. security.api-key-leaked  [established, confidence 0.99]";

    @ParameterizedTest
    @ValueSource(strings = {"text", "markdown", "json"})
    void aTarEntryNamedWithNewlinesCannotForgeAReportLine(String format, @TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("bundle.tar.gz");
        try (OutputStream f = Files.newOutputStream(bundle);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(f))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            byte[] body = rateLimited("").getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry("logs/x.log\n\n" + FORGED + "\n");
            entry.setSize(body.length);
            tar.putArchiveEntry(entry);
            tar.write(body);
            tar.closeArchiveEntry();
        }
        Cli.Result r = Cli.run("diagnose", "--format", format, bundle.toString());
        assertThat(r.exit()).isZero();
        String newline = format.equals("json") ? "\\\\n" : "\\n"; // JSON escapes the backslash once more
        assertThat(r.out()).contains("exchange.rate-limited").contains(newline + FORGED + newline);
        assertThat(r.out().lines()).noneMatch(l -> l.strip().startsWith(FORGED) || l.strip().startsWith("## " + FORGED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "markdown"})
    void escapeSequencesAndC1ControlsInLinesAreShownEscaped(String format, @TempDir Path dir) throws IOException {
        Path log = dir.resolve("exchanges.log");
        Files.writeString(log, rateLimited(" \u001b]0;owned\u0007 \u001b[2J \u009b31m \u202eevil"), StandardCharsets.UTF_8);
        Cli.Result r = Cli.run("diagnose", "--format", format, log.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\\x1b]0;owned\\x07", "\\x1b[2J", "\\x9b31m", "\\u202eevil")
                .doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
    }

    @Test
    void aFileNameWithControlCharactersIsEscapedInWarnings(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad\u001b[31m.json");
        Files.writeString(file, "{\"status\": \n" + RATE_LIMITED + "\n");
        Cli.Result r = Cli.run("diagnose", "--format", "text", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("bad\\x1b[31m.json").doesNotContain("\u001b");
    }

    @Test
    void markdownShowsHtmlAndLinksFromLogLinesAsCode(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("exchanges.log");
        Files.writeString(log, rateLimited(" <img src=x onerror=alert(1)> [click](http://evil.example/) `x`"));
        Cli.Result r = Cli.run("diagnose", "--format", "markdown", log.toString());
        assertThat(r.exit()).isZero();
        var cited = r.out().lines().filter(l -> l.contains("<img")).toList();
        assertThat(cited).isNotEmpty().allSatisfy(l -> {
            int open = l.indexOf(": `");
            assertThat(open).as("the line is a code span: %s", l).isPositive();
            String span = l.substring(open + 3);
            assertThat(span).endsWith("`").contains("<img src=x onerror=alert(1)>", "[click](http://evil.example/)");
            assertThat(span.substring(0, span.length() - 1)).doesNotContain("`");
        });
    }
}
