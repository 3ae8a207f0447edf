package triage.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import triage.engine.RuleBase;
import triage.engine.RuleCache;
import triage.testing.TestTriage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compiled-rule cache never serves stale rules: an edited rule takes effect on the very next
 * run of the command line, and a cache that is corrupt, holds another rule set's kjar or cannot be
 * written only costs a compilation.
 */
class RuleCacheTest {

    private static final String RATE_LIMIT_RULE = "insertLogical(Support.of(\"exchange.rate-limited\", 0.85, drools));";

    @TempDir
    Path tmp;
    Path project;
    Path cacheDir;
    Path evidence;
    private String previousCache;

    @BeforeEach
    void copyTheProject() throws IOException {
        project = tmp.resolve("project");
        cacheDir = tmp.resolve("cache");
        TestTriage.copyTree(TestTriage.projectRoot().resolve("rules"), project.resolve("rules"));
        TestTriage.copyTree(TestTriage.projectRoot().resolve("knowledge-base"), project.resolve("knowledge-base"));
        // a rule set of its own, so that the rules bundled in target/classes by mvn package never stand in for it
        Files.writeString(exchangeRules(), Files.readString(exchangeRules()) + "\n// a copy for RuleCacheTest\n");
        evidence = tmp.resolve("symptoms.yaml");
        Files.writeString(evidence, "symptoms:\n  - id: exchange.http-429\n    count: 14\n");
        previousCache = System.getProperty("triage.cache");
        System.setProperty("triage.cache", cacheDir.toString());
    }

    @AfterEach
    void restoreTheCacheSetting() {
        if (previousCache == null) {
            System.clearProperty("triage.cache");
        } else {
            System.setProperty("triage.cache", previousCache);
        }
    }

    @Test
    void anEditedRuleTakesEffectOnTheNextRunAndTheOriginalComesBackFromTheCache() throws IOException {
        assertThat(Files.readString(exchangeRules())).contains(RATE_LIMIT_RULE);
        String original = Files.readString(exchangeRules());

        Cli.Result first = diagnose();
        assertThat(first.exit()).isZero();
        assertThat(first.out()).contains("\"id\" : \"exchange.rate-limited\"").contains("\"confidence\" : 0.85");
        assertThat(kjars()).hasSize(1);

        // the certainty factor of the rule is edited
        Files.writeString(exchangeRules(), original.replace(RATE_LIMIT_RULE,
                "insertLogical(Support.of(\"exchange.rate-limited\", 0.65, drools));"));
        Cli.Result second = diagnose();
        assertThat(second.out()).contains("\"id\" : \"exchange.rate-limited\"").contains("\"confidence\" : 0.65")
                .doesNotContain("\"confidence\" : 0.85");
        assertThat(kjars()).hasSize(2);

        // the conclusion of the rule is edited
        Files.writeString(exchangeRules(), original.replace(RATE_LIMIT_RULE,
                "insertLogical(Support.of(\"exchange.api-outage\", 0.85, drools));"));
        Cli.Result third = diagnose();
        assertThat(third.out()).contains("\"id\" : \"exchange.api-outage\"").doesNotContain("\"id\" : \"exchange.rate-limited\"");

        // back to the original text: the first compilation is found again, and says the same
        Files.writeString(exchangeRules(), original);
        assertThat(RuleBase.load(project, RuleCache.at(cacheDir)).origin()).isEqualTo(RuleBase.Origin.CACHE);
        assertThat(diagnose().out()).isEqualTo(first.out());
    }

    @Test
    void aRuleFileAddedOrRemovedChangesTheRuleBase() throws IOException {
        RuleBase before = RuleBase.load(project, RuleCache.at(cacheDir));
        Files.writeString(project.resolve("rules/extra.drl"), """
                package triage.rules;
                import triage.facts.Symptom;
                import triage.facts.Support;
                rule "An extra rule"
                when
                    Symptom( id == "exchange.http-429" )
                then
                    insertLogical(Support.of("exchange.api-outage", 0.9, drools));
                end
                """);
        RuleBase after = RuleBase.load(project, RuleCache.at(cacheDir));
        assertThat(after.origin()).isEqualTo(RuleBase.Origin.COMPILED);
        assertThat(after.ruleFiles()).containsKey("An extra rule").hasSize(before.ruleFiles().size() + 1);
        assertThat(diagnose().out()).contains("\"id\" : \"exchange.api-outage\"");
        Files.delete(project.resolve("rules/extra.drl"));
        assertThat(diagnose().out()).doesNotContain("\"id\" : \"exchange.api-outage\"");
    }

    @Test
    void aCorruptCacheEntryIsReplacedByAFreshCompilation() throws IOException {
        RuleCache cache = RuleCache.at(cacheDir);
        String key = RuleCache.keyOf(RuleBase.readSources(project));
        Path entry = cache.fileOf(key).orElseThrow();
        Files.createDirectories(cacheDir);
        Files.write(entry, "PK\u0003\u0004 this is not a kjar".getBytes(StandardCharsets.UTF_8));

        Cli.Result result = diagnose();
        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("\"confidence\" : 0.85");
        assertThat(result.err()).isEmpty();
        assertThat(RuleBase.load(project, cache).origin()).isEqualTo(RuleBase.Origin.CACHE);

        // a truncated entry too
        byte[] good = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(good, good.length / 2));
        assertThat(diagnose().out()).contains("\"confidence\" : 0.85");
        assertThat(Files.size(entry)).as("rewritten whole").isGreaterThan(good.length / 2);
        assertThat(RuleBase.load(project, cache).origin()).isEqualTo(RuleBase.Origin.CACHE);
    }

    @Test
    void theKjarOfOtherRulesUnderThisKeyIsNotUsed() throws IOException {
        RuleCache cache = RuleCache.at(cacheDir);
        RuleBase.load(project, cache);
        Path original = kjars().findFirst().orElseThrow();
        String edited = Files.readString(exchangeRules()).replace(RATE_LIMIT_RULE,
                "insertLogical(Support.of(\"exchange.rate-limited\", 0.65, drools));");
        Files.writeString(exchangeRules(), edited);
        // someone copied the old rules' kjar to the name of the new rules
        Files.copy(original, cache.fileOf(RuleCache.keyOf(RuleBase.readSources(project))).orElseThrow(),
                StandardCopyOption.REPLACE_EXISTING);
        assertThat(diagnose().out()).contains("\"confidence\" : 0.65");
    }

    @Test
    void anUnwritableCacheFallsBackToCompilingEveryRun() throws IOException {
        Files.writeString(cacheDir, "a file where the cache folder should be");
        RuleBase rules = RuleBase.load(project, RuleCache.at(cacheDir));
        assertThat(rules.origin()).isEqualTo(RuleBase.Origin.COMPILED);
        Cli.Result result = diagnose();
        assertThat(result.exit()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("\"confidence\" : 0.85");
        assertThat(Files.isRegularFile(cacheDir)).isTrue();
    }

    @Test
    void theCacheCanBeTurnedOff() {
        System.setProperty("triage.cache", "off");
        assertThat(RuleCache.fromEnvironment().directory()).isEmpty();
        assertThat(diagnose().out()).contains("\"confidence\" : 0.85");
    }

    private Cli.Result diagnose() {
        return Cli.run("diagnose", "--kb", project.toString(), "--format", "json", evidence.toString());
    }

    private Path exchangeRules() {
        return project.resolve("rules/exchange.drl");
    }

    private Stream<Path> kjars() throws IOException {
        try (Stream<Path> files = Files.list(cacheDir)) {
            return files.filter(p -> p.toString().endsWith(".kjar")).toList().stream();
        }
    }
}
