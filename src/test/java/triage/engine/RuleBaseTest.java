package triage.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.facts.Symptom;
import triage.knowledge.KnowledgeBaseException;
import triage.testing.TestTriage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * How a rule base is read, compiled, cached and loaded, on a fixture of four rules in two files
 * ({@code src/test/resources/fixtures/engine}), each compiled in a second or two: the engine's behaviour
 * without the 613 rules of {@code rules/}.
 */
class RuleBaseTest {

    static final Path FIXTURE = Path.of("src/test/resources/fixtures/engine");
    private static final Path BROKEN = Path.of("src/test/resources/fixtures/broken-drl");

    private static final Map<String, String> RULE_FILES = Map.of(
            "A full disk means the disk is full", "rules/causes.drl",
            "Writes that succeed speak against a full disk", "rules/causes.drl",
            "full_disk_finding", "rules/causes.drl",
            "An unreachable host means the network is down", "rules/more/network.drl");

    @Test
    void theSourcesAreEveryDrlFileUnderRulesInPathOrderKeyedByTheirRulesPath() throws IOException {
        Map<String, String> sources = RuleBase.readSources(FIXTURE);
        assertThat(sources.keySet()).containsExactly("rules/causes.drl", "rules/more/network.drl");
        assertThat(sources.get("rules/more/network.drl"))
                .isEqualTo(Files.readString(FIXTURE.resolve("rules/more/network.drl")));
    }

    @Test
    void aProjectWithoutARulesFolderIsAProblemNamingTheFolder(@TempDir Path empty) {
        assertThatThrownBy(() -> RuleBase.readSources(empty)).isInstanceOfSatisfying(KnowledgeBaseException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.file()).isEqualTo(empty.resolve("rules").toString());
                    assertThat(p.message()).contains("no rules folder");
                }));
    }

    @Test
    void theClassicEngineCompilesTheRulesAndEachRuleKnowsItsFileWhateverTheFormOfItsName() {
        RuleBase rules = RuleBase.compile(FIXTURE);
        assertThat(rules.engine()).isEqualTo(RuleBase.Engine.CLASSIC);
        assertThat(rules.origin()).isEqualTo(RuleBase.Origin.COMPILED);
        assertThat(rules.ruleFiles()).isEqualTo(RULE_FILES);
        assertThat(rules.fileOf("full_disk_finding")).isEqualTo("rules/causes.drl");
        assertThat(rules.fileOf("no such rule")).isEqualTo("rules");
        assertThat(rules.sources()).isEqualTo(RuleBase.readSources(FIXTURE));
        assertFires(rules);
    }

    @Test
    void theFirstLoadCompilesTheExecutableModelIntoTheCacheAndTheNextLoadsItFromThere(@TempDir Path dir) throws IOException {
        RuleCache cache = RuleCache.at(dir.resolve("cache"));
        String key = RuleCache.keyOf(RuleBase.readSources(FIXTURE));

        RuleBase first = RuleBase.load(FIXTURE, cache);
        assertThat(first.engine()).isEqualTo(RuleBase.Engine.EXECUTABLE_MODEL);
        assertThat(first.origin()).isEqualTo(RuleBase.Origin.COMPILED);
        assertThat(first.ruleFiles()).isEqualTo(RULE_FILES);
        assertThat(entries(dir.resolve("cache"))).containsExactly("rules-" + key + ".kjar");
        assertFires(first);

        RuleBase second = RuleBase.load(FIXTURE, cache);
        assertThat(second.engine()).isEqualTo(RuleBase.Engine.EXECUTABLE_MODEL);
        assertThat(second.origin()).isEqualTo(RuleBase.Origin.CACHE);
        assertThat(second.ruleFiles()).isEqualTo(RULE_FILES);
        assertThat(second.sources()).isEqualTo(first.sources());
        assertFires(second);
    }

    @Test
    void aCorruptCacheEntryOrOneCompiledForOtherRulesIsCompiledAgainAndReplaced(@TempDir Path dir) throws IOException {
        RuleCache cache = RuleCache.at(dir);
        String key = RuleCache.keyOf(RuleBase.readSources(FIXTURE));
        Path entry = cache.fileOf(key).orElseThrow();

        Files.write(entry, "PK\u0003\u0004 not a kjar".getBytes(StandardCharsets.UTF_8));
        RuleBase afterCorrupt = RuleBase.load(FIXTURE, cache);
        assertThat(afterCorrupt.origin()).isEqualTo(RuleBase.Origin.COMPILED);
        assertFires(afterCorrupt);
        assertThat(RuleBase.load(FIXTURE, cache).origin()).as("the entry was replaced by a good one")
                .isEqualTo(RuleBase.Origin.CACHE);

        // a whole kjar, but compiled for the runaway fixture's rules: its key entry names other rules
        Files.write(entry, RuleBase.compileKjar(Path.of("src/test/resources/fixtures/runaway")));
        RuleBase afterForeign = RuleBase.load(FIXTURE, cache);
        assertThat(afterForeign.origin()).isEqualTo(RuleBase.Origin.COMPILED);
        assertThat(afterForeign.ruleFiles()).isEqualTo(RULE_FILES);
        assertFires(afterForeign);
    }

    @Test
    void withoutAWritableCacheTheClassicEngineCompilesAndNothingIsKept(@TempDir Path dir) throws IOException {
        RuleBase off = RuleBase.load(FIXTURE, RuleCache.disabled());
        assertThat(off.engine()).isEqualTo(RuleBase.Engine.CLASSIC);
        assertThat(off.origin()).isEqualTo(RuleBase.Origin.COMPILED);
        assertFires(off);

        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertThat(RuleBase.load(FIXTURE, RuleCache.at(file)).engine()).isEqualTo(RuleBase.Engine.CLASSIC);
        assertThat(entries(dir)).containsExactly("a-file");
    }

    @Test
    void theKjarForTheBuildHoldsTheKeyOfTheRulesItWasCompiledFrom() throws IOException {
        Map<String, byte[]> kjar = unzip(RuleBase.compileKjar(FIXTURE));
        assertThat(new String(kjar.get("META-INF/triage-rules.key"), StandardCharsets.UTF_8).trim())
                .isEqualTo(RuleCache.keyOf(RuleBase.readSources(FIXTURE)));
        assertThat(kjar.keySet()).anyMatch(name -> name.startsWith("META-INF/kie/") && name.endsWith("/drools-model"));
    }

    @Test
    void brokenRulesAreRefusedWithFileAndLineWhicheverEngineCompilesThem(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> RuleBase.compile(BROKEN)).isInstanceOfSatisfying(KnowledgeBaseException.class,
                RuleBaseTest::namesTheBrokenLine);
        assertThatThrownBy(() -> RuleBase.load(BROKEN, RuleCache.at(dir))).as("the executable model fails, then the classic engine")
                .isInstanceOfSatisfying(KnowledgeBaseException.class, RuleBaseTest::namesTheBrokenLine);
        assertThat(entries(dir)).as("nothing cached").isEmpty();
        assertThatThrownBy(() -> RuleBase.compileKjar(BROKEN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("executable rule model could not be built");
    }

    private static void namesTheBrokenLine(KnowledgeBaseException e) {
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.file()).isEqualTo("rules/demo.drl");
            assertThat(p.message()).isNotBlank().doesNotContain("\n").doesNotStartWith(" ").doesNotContain("  ");
        });
        assertThat(e.problems().get(0).line()).as("the line Drools stumbled on").isEqualTo(9);
        assertThat(e.problems().get(0).message()).contains("mismatched input 'then'");
    }

    @Test
    void withTimingOnALoadReportsItsRulesEngineOriginAndDuration() {
        String previous = System.getProperty("triage.timing");
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            System.clearProperty("triage.timing");
            RuleBase.load(FIXTURE, RuleCache.disabled());
            assertThat(captured.toString(StandardCharsets.UTF_8)).as("silent by default").isEmpty();

            System.setProperty("triage.timing", "true");
            long start = System.nanoTime();
            RuleBase.load(FIXTURE, RuleCache.disabled());
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            Matcher m = Pattern.compile("triage: timing: 4 rules, CLASSIC engine, COMPILED, in (\\d+) ms")
                    .matcher(captured.toString(StandardCharsets.UTF_8));
            assertThat(m.find()).as(captured.toString(StandardCharsets.UTF_8)).isTrue();
            assertThat(Long.parseLong(m.group(1))).isBetween(0L, elapsedMs);
        } finally {
            System.setErr(err);
            if (previous == null) {
                System.clearProperty("triage.timing");
            } else {
                System.setProperty("triage.timing", previous);
            }
        }
    }

    /** The fixture's rules conclude what they say: a support, an against and a finding, each traced to its rule. */
    static void assertFires(RuleBase rules) {
        Symptom full = new Symptom("disk.full", "/var", 1, Double.NaN, Double.NaN, 0, 0, Map.of(), List.of());
        try (SessionRunner runner = new SessionRunner(rules)) {
            SessionResult result = runner.run(List.of(full, Symptom.of("disk.writes-ok")));
            assertThat(result.supports()).singleElement().satisfies(s -> {
                assertThat(s.cause()).isEqualTo("host.disk-full");
                assertThat(s.cf()).isEqualTo(0.8);
                assertThat(result.trace(s).rule()).isEqualTo("A full disk means the disk is full");
                assertThat(result.trace(s).facts()).singleElement().isSameAs(full);
            });
            assertThat(result.against()).singleElement().satisfies(a -> {
                assertThat(a.cause()).isEqualTo("host.disk-full");
                assertThat(a.cf()).isEqualTo(0.5);
                assertThat(a.rule()).isEqualTo("Writes that succeed speak against a full disk");
            });
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo("disk-full");
                assertThat(f.subject()).isEqualTo("/var");
                assertThat(result.trace(f).rule()).isEqualTo("full_disk_finding");
            });
            assertThat(result.firings()).isEqualTo(3);
            assertThat(result.warnings()).isEmpty();
        }
    }

    private static List<String> entries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
