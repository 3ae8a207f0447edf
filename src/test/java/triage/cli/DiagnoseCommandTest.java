package triage.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** `triage diagnose`: the interface contract (JSON shape, exit codes, one-line errors). */
class DiagnoseCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonOnTheSliceSampleRanksTheExpectedCauseFirstWithOrderedSteps() throws Exception {
        Cli.Result r = Cli.run("diagnose", "--format", "json", "samples/exchange-rate-limited.yaml");
        assertThat(r.exit()).isEqualTo(0);
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode top = json.get("causes").get(0);
        assertThat(top.get("id").asText()).isEqualTo("exchange.rate-limited");
        assertThat(top.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(top.get("evidence").get(0).get("source").asText()).startsWith("samples/exchange-rate-limited.yaml:");
        assertThat(top.get("remediation").size()).isGreaterThan(2);
        assertThat(top.get("remediation").get(0).get("order").asInt()).isEqualTo(1);
        assertThat(top.get("rules").get(0).get("rule").asText()).isNotBlank();
    }

    @Test
    void explainShowsTheRulesAndFacts() {
        Cli.Result r = Cli.run("diagnose", "--explain", "samples/orders-trading-disabled.yaml");
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("1. orders.trading-disabled")
                .contains("+ The trading switch being off stops every order  (rules/orders.drl")
                .contains("samples/orders-trading-disabled.yaml:3")
                .contains("Recognised symptoms:");
    }

    @Test
    void aMalformedSymptomFileIsOneLineNamingFileAndLineWithExit2() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "symptoms:\n  - id: exchange.http-429\n    count: [unclosed\n");
        Cli.Result r = Cli.run("diagnose", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(bad + ":").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownIdsAndWrongTypesAreWarningsAndTheRestIsDiagnosed() throws Exception {
        Path file = dir.resolve("mixed.yaml");
        Files.writeString(file, String.join("\n",
                "symptoms:",
                "  - id: no.such-symptom",
                "  - id: exchange.http-429",
                "    count: lots",
                "  - id: orders.trading-switch-off",
                ""));
        Cli.Result r = Cli.run("diagnose", "--format", "json", file.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.err()).contains(file + ":2: unknown symptom id 'no.such-symptom'").contains(file + ":3: count of exchange.http-429");
        assertThat(new ObjectMapper().readTree(r.out()).get("causes").get(0).get("id").asText()).isEqualTo("orders.trading-disabled");
    }

    @Test
    void aMissingPathAloneIsExit2() {
        Cli.Result r = Cli.run("diagnose", dir.resolve("nope").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope: no such file or folder");
    }

    @Test
    void aMissingPathBesideGoodEvidenceIsOneWarningAndTheRestIsDiagnosed() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "2026-05-06 09:00:00,000 - app - INFO - all good\n");
        Cli.Result r = Cli.run("diagnose", "--format", "json", dir.resolve("nope").toString(), log.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.err().lines().filter(l -> l.contains("nope"))).containsExactly(
                "triage: warning: " + dir.resolve("nope") + ": no such file or folder; skipped");
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExit2() {
        assertThat(Cli.run("diagnose", "--bogus", "x").exit()).isEqualTo(2);
    }

    @Test
    void evidenceWithNothingWrongGivesAnEmptyCauseListAndExit0() throws Exception {
        Path log = dir.resolve("app.log");
        Files.writeString(log, "2026-05-06 09:00:00,000 - app - INFO - all good\n");
        Cli.Result r = Cli.run("diagnose", "--format", "json", log.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(new ObjectMapper().readTree(r.out()).get("causes")).isEmpty();
    }

    @Test
    void markdownIsAvailable() {
        Cli.Result r = Cli.run("diagnose", "--format", "markdown", "samples/exchange-rate-limited.yaml");
        assertThat(r.out()).startsWith("# Triage diagnosis").contains("`exchange.rate-limited`");
    }
}
