package triage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import triage.diagnosis.Diagnosis;
import triage.evidence.Redactor;
import triage.evidence.SecretShapesTest;
import triage.evidence.SecretShapesTest.Shape;
import triage.output.Renderer;
import triage.testing.TestTriage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The secrets corpus (src/test/resources/secrets/secret-shapes.tsv): each line, alone in its own file,
 * carries a recognised error so the diagnosis cites it; the citation reads exactly as the hand-written
 * redacted line, and the secret is in no output format. Secrets outside cited lines (symptom-file
 * subject and source, metric labels used as subject, tokens echoed by parser errors, archive entry
 * names) are masked in stdout, stderr and the JSON warnings too.
 */
public class SecretsRedactionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> SECRETS = new ArrayList<>();
    @TempDir
    static Path dir;
    static Path log;

    @BeforeAll
    static void writeEvidence() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Shape s : SecretShapesTest.shapes()) {
            SECRETS.add(s.secret());
            lines.add(s.line());
        }
        log = dir.resolve("exchanges.log");
        Files.write(log, lines, StandardCharsets.UTF_8);
    }

    static List<Shape> shapes() throws IOException {
        return SecretShapesTest.shapes();
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void eachShapeIsCitedRedactedAndInNoOutputFormat(Shape shape, @TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("exchanges.log");
        Files.writeString(file, shape.line() + "\n");
        Diagnosis d = TestTriage.get().diagnose(List.of(file));
        JsonNode json = JSON.readTree(Renderer.forFormat("json").render(d, true));
        List<String> cited = new ArrayList<>();
        json.path("symptoms").forEach(s -> s.path("sources").forEach(c -> cited.add(c.path("text").asText())));
        json.path("candidates").forEach(c -> c.path("evidence").forEach(e -> cited.add(e.path("text").asText())));
        json.path("causes").forEach(c -> c.path("evidence").forEach(e -> cited.add(e.path("text").asText())));
        assertThat(cited).as("the line is cited, redacted as written by hand").contains(shape.redacted());
        for (String format : List.of("json", "text", "markdown")) {
            assertThat(Renderer.forFormat(format).render(d, true)).as(format).doesNotContain(shape.secret());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json", "markdown"})
    void noSecretAppearsInAnyOutputFormatOfTheCommandLine(String format) {
        Cli.Result r = Cli.run("diagnose", "--explain", "--format", format, log.toString());
        assertThat(r.exit()).isEqualTo(0);
        String all = r.out() + r.err();
        assertThat(all).contains(Redactor.MASK);
        for (String secret : SECRETS) {
            assertThat(all).as("secret %s", secret).doesNotContain(secret);
        }
    }

    @Test
    void secretsOutsideCitedLinesAreMaskedInEveryFieldAndOnStderr(@TempDir Path tmp) throws IOException {
        String rateLimited = "2026-05-06 09:10:01,000 ERROR binance 429 Too Many Requests";
        Files.writeString(tmp.resolve("given.yaml"), """
                symptoms:
                  - id: exchange.http-429
                    subject: "redis://:SubjPw1x@cache:6379/0"
                    source: "collector password=SrcPw22x"
                """);
        Files.writeString(tmp.resolve("metrics.prom"), """
                # TYPE redis_up gauge
                redis_up{instance="redis://:PromLblPw3x@cache:6379"} 0
                """);
        Files.writeString(tmp.resolve("health.json"), "{\"status\": \"degraded\", \"password\": Hunter2Echo4x}\n" + rateLimited + "\n");
        try (OutputStream f = Files.newOutputStream(tmp.resolve("bundle.zip")); ZipOutputStream zip = new ZipOutputStream(f)) {
            zip.putNextEntry(new ZipEntry("logs/api_token=EntryT0ken5x/exchanges.log"));
            zip.write((rateLimited + "\n").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        List<String> secrets = List.of("SubjPw1x", "SrcPw22x", "PromLblPw3x", "Hunter2Echo4x", "EntryT0ken5x");
        for (String format : List.of("json", "text", "markdown")) {
            Cli.Result r = Cli.run("diagnose", "--explain", "--format", format, tmp.toString());
            assertThat(r.exit()).isZero();
            for (String secret : secrets) {
                assertThat(r.out()).as("%s stdout", format).doesNotContain(secret);
                assertThat(r.err()).as("stderr").doesNotContain(secret);
            }
            if (format.equals("json")) {
                JsonNode json = JSON.readTree(r.out());
                assertThat(json.path("warnings").toString()).contains("health.json:1: invalid JSON");
                assertThat(json.path("symptoms").toString()).contains("api_token=" + Redactor.MASK, "redis://:" + Redactor.MASK + "@cache");
            }
        }
    }

    @Test
    void noSecretAppearsInAConsultation() {
        java.io.InputStream in = System.in;
        try {
            // the consultation starts from the evidence, is asked "how" the leading cause was reached, then quits
            System.setIn(new java.io.ByteArrayInputStream("how\nquit\n".getBytes(StandardCharsets.UTF_8)));
            Cli.Result r = Cli.run("consult", "--plain", "--explain", "--evidence", log.toString());
            String all = r.out() + r.err();
            assertThat(all).contains(Redactor.MASK);
            for (String secret : SECRETS) {
                assertThat(all).as("secret %s", secret).doesNotContain(secret);
            }
        } finally {
            System.setIn(in);
        }
    }
}
