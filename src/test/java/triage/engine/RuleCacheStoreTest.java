package triage.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** The compiled-rule cache as a store: keys that follow the rules' text, atomic entries, a bounded folder. */
class RuleCacheStoreTest {

    private static final String DRL = "package p;\nimport triage.facts.Symptom;\nrule \"r\" when Symptom() then end\n";

    @Test
    void theKeyFollowsEachFilesPathAndTextAndNotTheOrderTheyWereRead() {
        Map<String, String> one = new LinkedHashMap<>();
        one.put("rules/a.drl", DRL);
        one.put("rules/b.drl", "package q;");
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("rules/b.drl", "package q;");
        reordered.put("rules/a.drl", DRL);
        String key = RuleCache.keyOf(one);
        assertThat(key).matches("[0-9a-f]{64}").isEqualTo(RuleCache.keyOf(reordered));
        assertThat(RuleCache.keyOf(Map.of("rules/a.drl", DRL + " "))).isNotEqualTo(RuleCache.keyOf(Map.of("rules/a.drl", DRL)));
        assertThat(RuleCache.keyOf(Map.of("rules/c.drl", DRL))).isNotEqualTo(RuleCache.keyOf(Map.of("rules/a.drl", DRL)));
        assertThat(RuleCache.keyOf(Map.of("ab", "c"))).as("path and text are not run together")
                .isNotEqualTo(RuleCache.keyOf(Map.of("a", "bc")));
    }

    @Test
    void anEntryWrittenIsReadBackWholeAndADiscardedOneIsGone(@TempDir Path dir) {
        RuleCache cache = RuleCache.at(dir.resolve("cache"));
        assertThat(cache.read("k1")).isEmpty();
        assertThat(cache.writable()).isTrue();
        assertThat(cache.write("k1", new byte[] {1, 2, 3})).isTrue();
        assertThat(cache.read("k1")).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2, 3));
        assertThat(cache.fileOf("k1")).hasValue(dir.resolve("cache/rules-k1.kjar"));
        cache.discard("k1");
        assertThat(cache.read("k1")).isEmpty();
    }

    @Test
    void aDisabledCacheStoresNothingAndHasNoFolder() {
        RuleCache off = RuleCache.disabled();
        assertThat(off.writable()).isFalse();
        assertThat(off.write("k", new byte[] {1})).isFalse();
        assertThat(off.read("k")).isEmpty();
        assertThat(off.directory()).isEmpty();
    }

    @Test
    void aFolderThatIsAFileIsNotWritableAndWritingLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        RuleCache cache = RuleCache.at(file);
        assertThat(cache.writable()).isFalse();
        assertThat(cache.write("k", new byte[] {1})).isFalse();
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(file);
        }
    }

    @Test
    void theFolderKeepsTheEightNewestEntries(@TempDir Path dir) throws Exception {
        RuleCache cache = RuleCache.at(dir);
        for (int i = 0; i < 12; i++) {
            assertThat(cache.write("k" + i, new byte[] {(byte) i})).isTrue();
            // distinct modification times, oldest first, so that the newest are known
            Files.setLastModifiedTime(dir.resolve("rules-k" + i + ".kjar"),
                    java.nio.file.attribute.FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        try (Stream<Path> entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()).sorted()).containsExactlyInAnyOrder(
                    "rules-k4.kjar", "rules-k5.kjar", "rules-k6.kjar", "rules-k7.kjar", "rules-k8.kjar", "rules-k9.kjar",
                    "rules-k10.kjar", "rules-k11.kjar");
        }
    }

    @Test
    void theSystemPropertyNamesTheFolderOrTurnsTheCacheOff(@TempDir Path dir) {
        String previous = System.getProperty("triage.cache");
        try {
            System.setProperty("triage.cache", dir.toString());
            assertThat(RuleCache.fromEnvironment().directory()).hasValue(dir);
            System.setProperty("triage.cache", "OFF");
            assertThat(RuleCache.fromEnvironment().directory()).isEmpty();
            System.setProperty("triage.cache", "none");
            assertThat(RuleCache.fromEnvironment().directory()).isEmpty();
        } finally {
            if (previous == null) {
                System.clearProperty("triage.cache");
            } else {
                System.setProperty("triage.cache", previous);
            }
        }
    }

    @Test
    void withoutPropertyOrEnvironmentTheCacheIsUnderTheHomeFolderAndWithoutAHomeThereIsNone(@TempDir Path home) {
        assumeThat(System.getenv("TRIAGE_CACHE")).as("no TRIAGE_CACHE in the environment").isNull();
        assumeThat(System.getenv("XDG_CACHE_HOME")).as("no XDG_CACHE_HOME in the environment").isNull();
        String previousCache = System.getProperty("triage.cache");
        String previousHome = System.getProperty("user.home");
        try {
            System.setProperty("triage.cache", " ");
            System.setProperty("user.home", home.toString());
            assertThat(RuleCache.fromEnvironment().directory()).hasValue(home.resolve(".cache/triage"));
            System.clearProperty("triage.cache");
            assertThat(RuleCache.fromEnvironment().directory()).hasValue(home.resolve(".cache/triage"));
            System.setProperty("user.home", "");
            assertThat(RuleCache.fromEnvironment().directory()).isEmpty();
        } finally {
            restore("triage.cache", previousCache);
            restore("user.home", previousHome);
        }
    }

    private static void restore(String property, String previous) {
        if (previous == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, previous);
        }
    }

    @Test
    void anImportOfAClassThatDoesNotExistStillHasAKey() {
        String unknown = "package p;\nimport no.such.Type;\n";
        assertThat(RuleCache.keyOf(Map.of("rules/a.drl", unknown))).matches("[0-9a-f]{64}")
                .isNotEqualTo(RuleCache.keyOf(Map.of("rules/a.drl", unknown.replace("Type", "Other"))));
    }
}
